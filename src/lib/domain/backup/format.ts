/**
 * The backup file: everything a learner has done, in one versioned file that lives outside IndexedDB.
 *
 * What it holds: every card row without its cached memory state (the review log rebuilds that, so a backup can never
 * carry a schedule that disagrees with its log), the chapters of imported decks, the whole review log, every quiz
 * attempt, and the settings that belong to the learner rather than to the device.
 *
 * Version 3 (written since the log became append-only), `reportcard-backup-<date>.jsonl.gz`: gzip-compressed JSON lines,
 * so a backup of any size is written and read a piece at a time and never held whole in memory.
 * - Line 1, the header: `{"format":"reportcard-backup","version":2,"exportedAt":…,"settings":{…},"counts":{"chapters":n,
 *   "cards":n,"reviews":n,"attempts":n}}`. The counts let a reader show progress and notice a file that was cut off.
 * - Then one line per row, `["<table>",{…row…}]`, the tables in the order of BACKUP_TABLES (every chapter, then every
 *   card, then the reviews, then the attempts). The order lets one pass check every reference: a card's chapter and a
 *   review's card always come before it.
 * - Every line, the last included, ends in `\n`. Rows have the shapes of the row schemas below.
 *
 * Card rows carry no progress at all: suspending, burying and undoing are events of the log like grades.
 *
 * Version 2 (written before), the same lines, but each card row also carried its suspension (`suspended`) and burial
 * (`buriedUntil`), and the log had no undo, suspend or bury events. It is still read: those two fields become suspend and
 * bury events of the log (`legacyFlagEvents`), dated when the file was written.
 *
 * Version 1 (written before that), `reportcard-backup-<date>.json`: one plain JSON object with every table as an array
 * and version 2's card rows (plainBackupSchema). It is still read, whole, within MAX_PLAIN_BACKUP_BYTES. A file is told
 * apart by its first bytes: gzip's magic number (1f 8b) or not.
 *
 * Versioning: `version` changes whenever the shape does. An app reads every version up to its own (older ones are
 * migrated in read.ts before validation) and refuses a newer one with a message to update.
 */
import * as v from 'valibot';
import { Rating, type BuryEvent, type SuspendEvent } from '../scheduling/review-log';
import { State } from '../scheduling/memory';
import { LOCALES } from '../locale';
import { USER_DECK_PREFIX } from '../interop/user-deck';

export const BACKUP_FORMAT = 'reportcard-backup';
export const BACKUP_VERSION = 3;
/** The streamed version whose card rows still carried their suspension and burial. */
export const FLAGGED_CARDS_VERSION = 2;
/** The last version written as one plain JSON object. */
export const PLAIN_BACKUP_VERSION = 1;
/**
 * A plain (version 1) file is parsed whole, so larger ones are refused before they are read: 64 MiB holds about 30,000
 * cards with ten reviews each. The streamed format has no size limit: it is read a line at a time, and what a restore
 * keeps in memory grows with the number of rows (one id per review), not with the size of the file.
 */
export const MAX_PLAIN_BACKUP_BYTES = 64 * 1024 * 1024;
/**
 * Longest line of a streamed file. No row comes near it (a card's texts are at most 6 × MAX_TEXT_LENGTH); it stops a
 * damaged file without line breaks from being gathered into one ever-growing string.
 */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;
/** Longest text accepted in any field. */
export const MAX_TEXT_LENGTH = 10_000;
export const MAX_ID_LENGTH = 200;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH));
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH));
/** Epoch milliseconds within the range a Date can hold. */
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const finite = v.pipe(v.number(), v.finite());
const flag = v.picklist([0, 1] as const);
const localized = v.strictObject({ zh: text, en: text });

export const backupCardSchema = v.strictObject({
	id,
	noteId: id,
	deckId: id,
	chapterId: id,
	order: finite,
	kind: v.picklist(['basic', 'reversed', 'cloze'] as const),
	source: v.strictObject({ section: count, paragraph: count }),
	front: localized,
	back: localized,
	answer: v.optional(localized),
	introducedAt: time,
	retired: flag
});

/** A card row of a version 1 or 2 file: with the suspension and burial that are log events since. */
export const flaggedCardSchema = v.strictObject({ ...backupCardSchema.entries, suspended: flag, buriedUntil: time });

/** Only imported decks' chapters: the shipped ones come with the app. */
export const backupChapterSchema = v.strictObject({
	id,
	deckId: v.pipe(id, v.startsWith(USER_DECK_PREFIX)),
	order: finite,
	title: localized,
	sections: v.array(count),
	sectionTitles: v.array(v.strictObject({ number: count, title: localized })),
	summary: v.array(v.strictObject({ section: count, paragraph: count, text: localized })),
	retired: flag
});

const grades = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
const states = [State.New, State.Learning, State.Review, State.Relearning] as const;

/** Also what the integrity check holds every stored log row to. */
export const reviewEventSchema = v.variant('kind', [
	v.strictObject({
		id,
		cardId: id,
		kind: v.literal('grade'),
		rating: v.picklist(grades),
		at: time,
		durationMs: v.pipe(finite, v.minValue(0)),
		stateBefore: v.picklist(states)
	}),
	v.strictObject({ id, cardId: id, kind: v.literal('due-now'), at: time, questionId: id }),
	v.strictObject({ id, cardId: id, kind: v.literal('reset'), at: time }),
	v.strictObject({ id, cardId: id, kind: v.literal('undo'), at: time, cancels: id }),
	v.strictObject({ id, cardId: id, kind: v.literal('suspend'), at: time, suspended: v.boolean() }),
	v.strictObject({ id, cardId: id, kind: v.literal('bury'), at: time, until: time })
]);

const indices = v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(-1))), v.maxLength(1000));
const quizResponseSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('choice'), chosen: indices }),
	v.strictObject({ kind: v.literal('numeric'), text }),
	v.strictObject({ kind: v.literal('order'), order: indices }),
	v.strictObject({ kind: v.literal('match'), rights: indices })
]);

export const backupAttemptSchema = v.strictObject({
	id,
	chapterId: id,
	mode: v.picklist(['practice', 'exam'] as const),
	questionIds: v.array(id),
	seed: v.pipe(v.number(), v.integer()),
	retryOf: v.nullable(id),
	startedAt: time,
	finishedAt: v.nullable(time),
	answers: v.array(
		v.strictObject({
			questionId: id,
			response: quizResponseSchema,
			credit: v.pipe(finite, v.minValue(0), v.maxValue(1)),
			cardsMadeDue: count
		})
	),
	correct: v.pipe(finite, v.minValue(0)),
	total: count,
	predicted: v.optional(v.pipe(v.array(v.pipe(finite, v.minValue(0), v.maxValue(1))), v.maxLength(1000))),
	focus: v.optional(v.literal('weak'))
});

/** The learner's own settings; device facts (which content is installed, when this device last backed up) stay out. */
export const backupSettingsSchema = v.strictObject({
	locale: v.optional(v.picklist(LOCALES)),
	/** Study settings; whatever their values, the app brings them into range when it reads them (normalizeSettings). */
	study: v.optional(
		v.pipe(
			v.record(v.pipe(v.string(), v.maxLength(50)), v.union([v.boolean(), finite, v.null(), v.array(finite), text])),
			v.check((record) => Object.keys(record).length <= 50, 'too many study settings')
		)
	)
});

/** The tables of a backup, in the order a streamed file holds them. */
export const BACKUP_TABLES = ['chapters', 'cards', 'reviews', 'attempts'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const backupRowSchemas = {
	chapters: backupChapterSchema,
	cards: backupCardSchema,
	reviews: reviewEventSchema,
	attempts: backupAttemptSchema
} as const satisfies Record<BackupTable, v.GenericSchema>;
export type BackupRow<T extends BackupTable> = v.InferOutput<(typeof backupRowSchemas)[T]>;

/** The row schemas of a file of `version`: cards of versions 1 and 2 carry their flags. */
export function rowSchemasOf(version: number): Record<BackupTable, v.GenericSchema> {
	return version > FLAGGED_CARDS_VERSION ? backupRowSchemas : { ...backupRowSchemas, cards: flaggedCardSchema };
}

/** The first line of a streamed file. */
export const backupHeaderSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.picklist([FLAGGED_CARDS_VERSION, BACKUP_VERSION]),
	exportedAt: time,
	settings: backupSettingsSchema,
	counts: v.strictObject({ chapters: count, cards: count, reviews: count, attempts: count })
});
export type BackupHeader = v.InferOutput<typeof backupHeaderSchema>;
export type BackupCounts = BackupHeader['counts'];

/** A version 1 file: the whole backup as one JSON object. */
export const plainBackupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(PLAIN_BACKUP_VERSION),
	exportedAt: time,
	cards: v.array(flaggedCardSchema),
	chapters: v.array(backupChapterSchema),
	reviews: v.array(reviewEventSchema),
	attempts: v.array(backupAttemptSchema),
	settings: backupSettingsSchema
});

export type PlainBackup = v.InferOutput<typeof plainBackupSchema>;
export type BackupCard = v.InferOutput<typeof backupCardSchema>;
export type FlaggedCard = v.InferOutput<typeof flaggedCardSchema>;
export type BackupChapter = v.InferOutput<typeof backupChapterSchema>;
export type BackupAttempt = v.InferOutput<typeof backupAttemptSchema>;
export type BackupSettings = v.InferOutput<typeof backupSettingsSchema>;

/** `reportcard-backup-2026-11-29.jsonl.gz`, dated in local time as the learner reads it. */
export function backupFileName(now: number): string {
	return `reportcard-backup-${localDate(now)}.jsonl.gz`;
}

/** One line of a streamed file: the header, or a row tagged with its table. */
export function backupLine(value: BackupHeader | readonly [BackupTable, unknown]): string {
	return `${JSON.stringify(value)}\n`;
}

export function localDate(now: number): string {
	const date = new Date(now);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The log events that stand for a version 1 or 2 card row's suspension and burial, dated when the file was written.
 * Their ids come from the file and the card alone, so restoring the same file twice adds them once.
 */
export function legacyFlagEvents(card: FlaggedCard, exportedAt: number): (SuspendEvent | BuryEvent)[] {
	const events: (SuspendEvent | BuryEvent)[] = [];
	const idOf = (kind: string) => `legacy-${kind}-${exportedAt}-${hashId(card.id)}`;
	if (card.suspended === 1) {
		events.push({ id: idOf('suspend'), cardId: card.id, kind: 'suspend', at: exportedAt, suspended: true });
	}
	// A past burial too: the replay then gives the very `buriedUntil` the row holds, as a schema upgrade does.
	if (card.buriedUntil > 0) {
		events.push({ id: idOf('bury'), cardId: card.id, kind: 'bury', at: exportedAt, until: card.buriedUntil });
	}
	return events;
}

/** A card row of a version 1 or 2 file without its flags. */
export function withoutFlags(card: FlaggedCard): BackupCard {
	const { suspended, buriedUntil, ...rest } = card;
	return rest;
}

/** 64 bits of two FNV-1a variants as hex: a short, stable stand-in for an id of up to MAX_ID_LENGTH characters. */
function hashId(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
		b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
	}
	return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
