/**
 * The backup file: everything a learner has done, in one versioned JSON file that lives outside IndexedDB.
 *
 * What it holds: every card row without its cached memory state (the review log rebuilds that, so a backup can never
 * carry a schedule that disagrees with its log), the chapters of imported decks, the whole review log, every quiz
 * attempt, and the settings that belong to the learner rather than to the device.
 *
 * Versioning: `version` changes whenever the shape does. An app reads every version up to its own (older ones are
 * migrated in read.ts before validation) and refuses a newer one with a message to update.
 */
import * as v from 'valibot';
import { Rating } from '../scheduling/review-log';
import { State } from '../scheduling/memory';
import { LOCALES } from '../../i18n/locales';
import { USER_DECK_PREFIX } from '../interop/user-deck';

export const BACKUP_FORMAT = 'reportcard-backup';
export const BACKUP_VERSION = 1;
/**
 * Larger files are refused before they are read. 64 MiB holds about 30,000 cards with ten reviews each; the benchmark's
 * 100,000 cards make a 220 MB file, which needs a streamed format (README, benchmark).
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
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
	retired: flag,
	suspended: flag,
	buriedUntil: time
});

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
	v.strictObject({ id, cardId: id, kind: v.literal('reset'), at: time })
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
	total: count
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

export const backupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(BACKUP_VERSION),
	exportedAt: time,
	cards: v.array(backupCardSchema),
	chapters: v.array(backupChapterSchema),
	reviews: v.array(reviewEventSchema),
	attempts: v.array(backupAttemptSchema),
	settings: backupSettingsSchema
});

export type BackupFile = v.InferOutput<typeof backupSchema>;
export type BackupCard = v.InferOutput<typeof backupCardSchema>;
export type BackupChapter = v.InferOutput<typeof backupChapterSchema>;
export type BackupAttempt = v.InferOutput<typeof backupAttemptSchema>;
export type BackupSettings = v.InferOutput<typeof backupSettingsSchema>;

/** `reportcard-backup-2026-11-29.json`, dated in local time as the learner reads it. */
export function backupFileName(now: number): string {
	return `reportcard-backup-${localDate(now)}.json`;
}

export function localDate(now: number): string {
	const date = new Date(now);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
