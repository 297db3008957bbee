/**
 * Reading a backup file: the whole file is checked before anything is written, and every way it can be wrong has its
 * own problem, so the learner is told what is wrong with it (on which line, for a streamed file) and what to do.
 *
 * A streamed file (format.ts) is read twice: a first pass checks every line and keeps everything an import plans
 * with except the review rows, of which it keeps only each one's id and card; the import's own pass then reads the
 * review rows again, a batch at a time. A plain (version 1) file is read whole, as it always was.
 */
import * as v from 'valibot';
import type { ReviewEvent } from '../scheduling/review-log';
import { isUserDeck } from '../interop/user-deck';
import {
	BACKUP_FORMAT,
	BACKUP_TABLES,
	BACKUP_VERSION,
	FLAGGED_CARDS_VERSION,
	MAX_LINE_LENGTH,
	MAX_PLAIN_BACKUP_BYTES,
	PLAIN_BACKUP_VERSION,
	backupHeaderSchema,
	legacyFlagEvents,
	plainBackupSchema,
	rowSchemasOf,
	withoutFlags,
	type FlaggedCard,
	type BackupCounts,
	type BackupHeader,
	type BackupRow,
	type BackupTable,
	type PlainBackup
} from './format';
import type { BackupContents } from './merge';

export type BackupProblem =
	| { kind: 'empty' }
	/** A plain (version 1) file too large to be read whole. */
	| { kind: 'tooLarge'; limit: number }
	/** Cut off: the file stops in the middle (an interrupted download or copy). */
	| { kind: 'truncated' }
	/** Not JSON at all, or damaged in the middle. */
	| { kind: 'notJson' }
	/** JSON, but not a ReportCard backup. */
	| { kind: 'foreign' }
	| { kind: 'newerVersion'; version: number }
	/**
	 * A compressed file that cannot be unpacked after `line` lines: cut off (an interrupted download) or damaged.
	 * gzip reports both the same way, so they are one problem.
	 */
	| { kind: 'corrupt'; line: number }
	/** A line that is not a row of a backup table, or a row of a table whose section is already over. */
	| { kind: 'badLine'; line: number }
	/** The file holds another number of rows of a table than its header announces. */
	| { kind: 'countMismatch'; table: BackupTable; expected: number; found: number }
	/** The file read differently the second time (it was changed on disk during the restore). */
	| { kind: 'changed' }
	/** A value the schema does not allow, at `path` (e.g. `reviews.12.rating`), on `line` of a streamed file. */
	| {
			kind: 'invalid';
			path: string;
			reason: 'missing' | 'unknownKey' | 'tooLong' | 'wrongValue';
			value: string;
			line?: number;
	  }
	| { kind: 'duplicateId'; table: BackupTable; id: string; line?: number }
	| { kind: 'unknownCard'; reviewId: string; cardId: string; line?: number }
	| { kind: 'unknownChapter'; cardId: string; chapterId: string; line?: number };

export class BackupFileError extends Error {
	constructor(readonly problem: BackupProblem) {
		super(`Backup rejected: ${JSON.stringify(problem)}`);
		this.name = 'BackupFileError';
	}
}

/** A file's bytes as they are read (`Blob.stream()`). */
export type ByteStream = ReadableStream<Uint8Array<ArrayBuffer>>;

/** Told how many rows are done of how many. */
export type OnProgress = (done: number, total: number) => void;

/** A backup that passed every check: what an import plans with, and its review rows, read in batches. */
export interface CheckedBackup extends BackupContents {
	exportedAt: number;
	/**
	 * The review rows in batches, from the start at each call: from memory for a plain file, read from the file again
	 * for a streamed one (throwing `BackupFileError` if they are not the rows the first pass checked).
	 */
	reviews(): Iterator<ReviewEvent[], void, undefined> | AsyncIterator<ReviewEvent[], void, undefined>;
}

/** Review rows handed to an import at a time from a plain file, about what one compressed chunk holds. */
const PLAIN_REVIEW_BATCH = 1000;

/** Whether the file starts with gzip's magic number, as every streamed backup does and no JSON text can. */
export function isGzip(start: Uint8Array): boolean {
	return start[0] === 0x1f && start[1] === 0x8b;
}

/** Parse and check a plain (version 1) backup; throws `BackupFileError` and nothing else for any text whatsoever. */
export function readPlainBackup(text: string): CheckedBackup {
	if (text.length > MAX_PLAIN_BACKUP_BYTES) {
		throw new BackupFileError({ kind: 'tooLarge', limit: MAX_PLAIN_BACKUP_BYTES });
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new BackupFileError({ kind: 'empty' });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupFileError({ kind: looksTruncated(text) ? 'truncated' : 'notJson' });
	}
	const file = validatePlain(data);
	const { exportedAt, settings, chapters, attempts } = file;
	const checker = new BackupChecker(
		{
			chapters: file.chapters.length,
			cards: file.cards.length,
			reviews: file.reviews.length,
			attempts: file.attempts.length
		},
		PLAIN_BACKUP_VERSION,
		exportedAt
	);
	const cards = file.cards.map((card) => checker.card(card));
	for (const row of file.chapters) checker.add('chapters', row);
	for (const row of cards) checker.add('cards', row);
	for (const row of file.reviews) checker.add('reviews', row);
	for (const row of file.attempts) checker.add('attempts', row);
	checker.finish();
	const reviews = [...file.reviews, ...checker.flagEvents];
	return {
		exportedAt,
		settings,
		chapters,
		cards,
		attempts,
		reviewCards: checker.reviewCards,
		*reviews() {
			for (let i = 0; i < reviews.length; i += PLAIN_REVIEW_BATCH) yield reviews.slice(i, i + PLAIN_REVIEW_BATCH);
		}
	};
}

function validatePlain(data: unknown): PlainBackup {
	checkFormat(data);
	const result = v.safeParse(plainBackupSchema, data, { abortEarly: true });
	if (!result.success) throw new BackupFileError(problemOf(result.issues[0]));
	return result.output;
}

/** A ReportCard backup of a version this app reads, or the problem saying otherwise. */
function checkFormat(data: unknown): void {
	if (!isRecord(data) || data.format !== BACKUP_FORMAT) throw new BackupFileError({ kind: 'foreign' });
	const version = data.version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		throw new BackupFileError({ kind: 'newerVersion', version });
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether the text is the start of a JSON value that stops too early: it opens more brackets than it closes, or ends
 * inside a string, and never closes a bracket it did not open.
 */
export function looksTruncated(text: string): boolean {
	const open: string[] = [];
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
		} else if (ch === '"') inString = true;
		else if (ch === '{' || ch === '[') open.push(ch);
		else if (ch === '}' || ch === ']') {
			if (open.pop() !== (ch === '}' ? '{' : '[')) return false;
		}
	}
	return inString || open.length > 0;
}

const MAX_SHOWN_VALUE = 80;

function problemOf(issue: v.BaseIssue<unknown>, table?: BackupTable, line?: number): BackupProblem {
	const keys = (issue.path ?? []).map((item) => String(item.key));
	const path = (table ? [table, ...keys] : keys).join('.') || '(file)';
	const at = line === undefined ? {} : { line };
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return { kind: 'invalid', path, reason: 'unknownKey', value: clip(String(issue.input)), ...at };
	}
	if (issue.input === undefined) return { kind: 'invalid', path, reason: 'missing', value: '', ...at };
	if (issue.type === 'max_length') return { kind: 'invalid', path, reason: 'tooLong', value: issue.received, ...at };
	return { kind: 'invalid', path, reason: 'wrongValue', value: clip(issue.received), ...at };
}

function clip(value: string): string {
	return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
}

/**
 * Checks the rows of a backup one at a time, in file order: each against its table's schema, ids unique per table,
 * every review about a card before it, every imported card in a chapter before it, and at the end the counts the
 * header announced. Used on every file read and on every file written, so the app never writes one it would refuse.
 */
export class BackupChecker {
	/** The card of every review so far, by review id. */
	readonly reviewCards = new Map<string, string>();
	readonly #chapterIds = new Set<string>();
	/**
	 * Card ids mapped to themselves: a review keeps its card's own id string rather than the copy its line parsed,
	 * so a million reviews of a hundred thousand cards hold a hundred thousand card ids, not a million.
	 */
	readonly #cardIds = new Map<string, string>();
	readonly #attemptIds = new Set<string>();
	/** The suspend and bury events standing for the flags of a version 1 or 2 file's cards (format.ts). */
	readonly flagEvents: ReviewEvent[] = [];
	readonly #found: BackupCounts = { chapters: 0, cards: 0, reviews: 0, attempts: 0 };
	readonly #schemas: ReturnType<typeof rowSchemasOf>;
	#section = 0;

	constructor(
		readonly counts: BackupCounts,
		readonly version = BACKUP_VERSION,
		/** When the file was written: the date of the events that stand for its cards' flags. */
		private readonly exportedAt = 0
	) {
		this.#schemas = rowSchemasOf(version);
	}

	/** The row checked against its table's schema and the rows before it; throws `BackupFileError` naming the line. */
	row<T extends BackupTable>(table: T, data: unknown, line: number): BackupRow<T> {
		const parsed = parseRow(this.#schemas, table, data, line);
		const row = (table === 'cards' ? this.card(parsed as BackupRow<'cards'>) : parsed) as BackupRow<T>;
		this.add(table, row, line);
		return row;
	}

	/** A card row as this version stores it: the flags of an older file's card become log events. */
	card(row: BackupRow<'cards'> | FlaggedCard): BackupRow<'cards'> {
		if (this.version > FLAGGED_CARDS_VERSION || !('suspended' in row)) return row;
		this.flagEvents.push(...legacyFlagEvents(row, this.exportedAt));
		return withoutFlags(row);
	}

	/** A row already of its table's shape, checked against the rows before it. */
	add<T extends BackupTable>(table: T, row: BackupRow<T>, line?: number): void {
		const at = line === undefined ? {} : { line };
		const section = BACKUP_TABLES.indexOf(table);
		if (section < this.#section) throw new BackupFileError({ kind: 'badLine', line: line ?? 0 });
		this.#section = section;
		this.#found[table]++;
		const id = row.id;
		const duplicate = () => new BackupFileError({ kind: 'duplicateId', table, id: clip(id), ...at });
		switch (table) {
			case 'chapters':
			case 'attempts': {
				const ids = table === 'chapters' ? this.#chapterIds : this.#attemptIds;
				if (ids.has(id)) throw duplicate();
				ids.add(id);
				break;
			}
			case 'cards': {
				const card = row as BackupRow<'cards'>;
				if (this.#cardIds.has(id)) throw duplicate();
				if (isUserDeck(card.deckId) && !this.#chapterIds.has(card.chapterId)) {
					throw new BackupFileError({
						kind: 'unknownChapter',
						cardId: clip(id),
						chapterId: clip(card.chapterId),
						...at
					});
				}
				this.#cardIds.set(id, id);
				break;
			}
			case 'reviews': {
				const review = row as BackupRow<'reviews'>;
				if (this.reviewCards.has(id)) throw duplicate();
				const cardId = this.#cardIds.get(review.cardId);
				if (cardId === undefined) {
					throw new BackupFileError({ kind: 'unknownCard', reviewId: clip(id), cardId: clip(review.cardId), ...at });
				}
				this.reviewCards.set(id, cardId);
				break;
			}
		}
	}

	/** After the last row: every table holds as many rows as announced; the flag events join the log. */
	finish(): void {
		for (const table of BACKUP_TABLES) {
			const [expected, found] = [this.counts[table], this.#found[table]];
			if (expected !== found) throw new BackupFileError({ kind: 'countMismatch', table, expected, found });
		}
		for (const event of this.flagEvents) this.reviewCards.set(event.id, event.cardId);
	}

	get rowsChecked(): number {
		return BACKUP_TABLES.reduce((sum, table) => sum + this.#found[table], 0);
	}
}

function parseRow<T extends BackupTable>(
	schemas: ReturnType<typeof rowSchemasOf>,
	table: T,
	data: unknown,
	line: number
): BackupRow<T> {
	const result = v.safeParse(schemas[table], data, { abortEarly: true });
	if (!result.success) throw new BackupFileError(problemOf(result.issues[0], table, line));
	return result.output as BackupRow<T>;
}

export function totalRows(counts: BackupCounts): number {
	return BACKUP_TABLES.reduce((sum, table) => sum + counts[table], 0);
}

/**
 * First pass over a streamed file: checks every line and keeps what an import needs, holding of the review log only
 * each row's id and card. Throws `BackupFileError` for anything wrong with the file; `open` is called once now and
 * again for every read of the reviews.
 */
export async function readStreamedBackup(open: () => ByteStream, onProgress?: OnProgress): Promise<CheckedBackup> {
	let header: BackupHeader | undefined;
	let checker: BackupChecker | undefined;
	const chapters: BackupRow<'chapters'>[] = [];
	const cards: BackupRow<'cards'>[] = [];
	const attempts: BackupRow<'attempts'>[] = [];
	let line = 0;
	for await (const lines of readLines(open())) {
		for (const text of lines) {
			line++;
			if (!checker) {
				header = readHeader(text);
				checker = new BackupChecker(header.counts, header.version, header.exportedAt);
				continue;
			}
			const [table, data] = rowOf(text, line);
			switch (table) {
				case 'chapters':
					chapters.push(checker.row(table, data, line));
					break;
				case 'cards':
					cards.push(checker.row(table, data, line));
					break;
				case 'reviews':
					checker.row(table, data, line);
					break;
				case 'attempts':
					attempts.push(checker.row(table, data, line));
			}
		}
		if (checker) onProgress?.(checker.rowsChecked, totalRows(checker.counts));
	}
	if (!header || !checker) throw new BackupFileError({ kind: 'empty' });
	checker.finish();
	const reviewCards = checker.reviewCards;
	return {
		exportedAt: header.exportedAt,
		settings: header.settings,
		chapters,
		cards,
		attempts,
		reviewCards,
		reviews: () => streamedReviews(open, reviewCards, checker.version, checker.flagEvents)
	};
}

function readHeader(text: string): BackupHeader {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupFileError({ kind: 'notJson' });
	}
	return validateHeader(data);
}

/** The first line of a streamed file (just read, or about to be written) checked against its schema. */
export function validateHeader(data: unknown): BackupHeader {
	checkFormat(data);
	const result = v.safeParse(backupHeaderSchema, data, { abortEarly: true });
	if (!result.success) throw new BackupFileError(problemOf(result.issues[0], undefined, 1));
	return result.output;
}

/** A line as `[table, row]`, the row not yet checked. */
function rowOf(text: string, line: number): [BackupTable, unknown] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupFileError({ kind: 'badLine', line });
	}
	if (!Array.isArray(data) || data.length !== 2 || !BACKUP_TABLES.includes(data[0] as BackupTable)) {
		throw new BackupFileError({ kind: 'badLine', line });
	}
	return [data[0] as BackupTable, data[1]];
}

/** The review rows of a file the first pass checked, a batch per chunk read; each must be one the first pass saw. */
async function* streamedReviews(
	open: () => ByteStream,
	reviewCards: ReadonlyMap<string, string>,
	version: number,
	flagEvents: readonly ReviewEvent[]
): AsyncGenerator<ReviewEvent[], void, undefined> {
	const schemas = rowSchemasOf(version);
	let line = 0;
	let count = 0;
	for await (const lines of readLines(open())) {
		const reviews: ReviewEvent[] = [];
		for (const text of lines) {
			if (++line === 1) continue;
			const [table, data] = rowOf(text, line);
			if (table !== 'reviews') continue;
			const review = parseRow(schemas, table, data, line);
			if (reviewCards.get(review.id) !== review.cardId) throw new BackupFileError({ kind: 'changed' });
			reviews.push(review);
		}
		count += reviews.length;
		if (reviews.length > 0) yield reviews;
	}
	if (count + flagEvents.length !== reviewCards.size) throw new BackupFileError({ kind: 'changed' });
	if (flagEvents.length > 0) yield [...flagEvents];
}

/**
 * The lines of a gzip-compressed UTF-8 stream, as each chunk arrives. Unpacking or decoding failures become a
 * `corrupt` problem naming the last whole line; a failure to read the file itself (moved, deleted) stays as it is.
 * Lines longer than MAX_LINE_LENGTH are refused rather than gathered.
 */
export async function* readLines(bytes: ByteStream): AsyncGenerator<string[], void, undefined> {
	const reader = bytes
		.pipeThrough(new DecompressionStream('gzip'))
		.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
		.getReader();
	let line = 0;
	let rest = '';
	try {
		for (;;) {
			let chunk: ReadableStreamReadResult<string>;
			try {
				chunk = await reader.read();
			} catch (error) {
				if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError')) {
					throw error;
				}
				throw new BackupFileError({ kind: 'corrupt', line });
			}
			if (chunk.done) break;
			// A chunk without a line break only lengthens the line being read: no need to split it again.
			if (!chunk.value.includes('\n')) {
				rest += chunk.value;
				if (rest.length > MAX_LINE_LENGTH) throw new BackupFileError({ kind: 'badLine', line: line + 1 });
				continue;
			}
			const parts = (rest + chunk.value).split('\n');
			rest = parts.pop() ?? '';
			line += parts.length;
			yield parts;
		}
	} finally {
		// Also when the reader stops early (a bad line, a failed write): the rest of the file is not read.
		await reader.cancel().catch(() => undefined);
		reader.releaseLock();
	}
	// The format ends every line in a break; a file edited by hand may not, and its last line is read all the same.
	if (rest !== '') yield [rest];
}
