/**
 * Reading a backup file: the whole file is checked before anything is written, and every way it can be wrong has its
 * own problem, so the learner is told what is wrong with it and what to do.
 */
import * as v from 'valibot';
import { isUserDeck } from '../interop/user-deck';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, backupSchema, type BackupFile } from './format';

export type BackupProblem =
	| { kind: 'empty' }
	| { kind: 'tooLarge'; limit: number }
	/** Cut off: the JSON stops in the middle (an interrupted download or copy). */
	| { kind: 'truncated' }
	/** Not JSON at all, or damaged in the middle. */
	| { kind: 'notJson' }
	/** JSON, but not a ReportCard backup. */
	| { kind: 'foreign' }
	| { kind: 'newerVersion'; version: number }
	/** A value the schema does not allow, at `path` (e.g. `reviews.12.rating`). */
	| { kind: 'invalid'; path: string; reason: 'missing' | 'unknownKey' | 'tooLong' | 'wrongValue'; value: string }
	| { kind: 'duplicateId'; table: 'cards' | 'chapters' | 'reviews' | 'attempts'; id: string }
	| { kind: 'unknownCard'; reviewId: string; cardId: string }
	| { kind: 'unknownChapter'; cardId: string; chapterId: string };

export class BackupFileError extends Error {
	constructor(readonly problem: BackupProblem) {
		super(`Backup rejected: ${JSON.stringify(problem)}`);
		this.name = 'BackupFileError';
	}
}

/** Parse and validate a backup; throws `BackupFileError` and nothing else for any text whatsoever. */
export function readBackup(text: string): BackupFile {
	if (text.length > MAX_BACKUP_BYTES) throw new BackupFileError({ kind: 'tooLarge', limit: MAX_BACKUP_BYTES });
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new BackupFileError({ kind: 'empty' });
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new BackupFileError({ kind: looksTruncated(text) ? 'truncated' : 'notJson' });
	}
	return validateBackup(data);
}

/** Check parsed data (a file just read, or a backup about to be written) against the schema and its references. */
export function validateBackup(data: unknown): BackupFile {
	if (!isRecord(data) || data.format !== BACKUP_FORMAT) throw new BackupFileError({ kind: 'foreign' });
	const version = data.version;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		throw new BackupFileError({ kind: 'newerVersion', version });
	}
	const result = v.safeParse(backupSchema, data, { abortEarly: true });
	if (!result.success) throw new BackupFileError(problemOf(result.issues[0]));
	checkReferences(result.output);
	return result.output;
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

function problemOf(issue: v.BaseIssue<unknown>): BackupProblem {
	const path = (issue.path ?? []).map((item) => String(item.key)).join('.') || '(file)';
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return { kind: 'invalid', path, reason: 'unknownKey', value: clip(String(issue.input)) };
	}
	if (issue.input === undefined) return { kind: 'invalid', path, reason: 'missing', value: '' };
	if (issue.type === 'max_length') return { kind: 'invalid', path, reason: 'tooLong', value: issue.received };
	return { kind: 'invalid', path, reason: 'wrongValue', value: clip(issue.received) };
}

function clip(value: string): string {
	return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value;
}

/** Ids unique per table, every review about a card in the file, every imported card in a chapter of the file. */
function checkReferences(backup: BackupFile): void {
	for (const table of ['cards', 'chapters', 'reviews', 'attempts'] as const) {
		const ids = new Set<string>();
		for (const row of backup[table]) {
			if (ids.has(row.id)) throw new BackupFileError({ kind: 'duplicateId', table, id: clip(row.id) });
			ids.add(row.id);
		}
	}
	const cardIds = new Set(backup.cards.map((card) => card.id));
	for (const review of backup.reviews) {
		if (!cardIds.has(review.cardId)) {
			throw new BackupFileError({ kind: 'unknownCard', reviewId: clip(review.id), cardId: clip(review.cardId) });
		}
	}
	const chapterIds = new Set(backup.chapters.map((chapter) => chapter.id));
	for (const card of backup.cards) {
		if (isUserDeck(card.deckId) && !chapterIds.has(card.chapterId)) {
			throw new BackupFileError({ kind: 'unknownChapter', cardId: clip(card.id), chapterId: clip(card.chapterId) });
		}
	}
}
