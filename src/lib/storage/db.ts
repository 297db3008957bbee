/**
 * The one module that knows the IndexedDB schema. Every other storage module goes through `ReportCardDb`.
 *
 * Schema versions are never edited once shipped (tests/unit/migrations.test.ts fails if the current version's shape
 * differs from its fixture). To change the schema, release version n+1:
 *
 * 1. Keep every `version(...)` call as it is and add `this.version(n + 1).stores({ ...only the changed tables })`
 *    with `.upgrade(async (tx) => { ... })` that rewrites old rows (e.g. `tx.table('cards').toCollection()
 *    .modify((card) => { card.newField = ... })`). Set SCHEMA_VERSION to n + 1. Rows are the learner's only copy:
 *    an upgrade transforms them and never drops one.
 * 2. tests/fixtures/db-v1.json ... db-v<n>.json stay as they are: they are databases as released versions left them.
 *    Extend the builder in migrations.test.ts if the new version stores something new, then record the new fixture:
 *    `WRITE_DB_FIXTURE=<n + 1> npx vitest run tests/unit/migrations.test.ts && npx prettier --write tests/fixtures`.
 * 3. In migrations.test.ts `UPGRADED`, add the entry for n + 1 (identity) and make every older entry return the rows
 *    its database holds after all upgrades up to n + 1. The test opens each fixture with the new ReportCardDb and
 *    compares every row.
 * 4. If the backup file's shape changes too, bump BACKUP_VERSION (domain/backup/format.ts) and migrate older files in
 *    read.ts before validation, so every backup ever written can still be restored.
 *
 * Tabs still running the old version close their connection when the upgrade starts and ask to be reloaded
 * (storage/open.ts), so they never block it.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Chapter, Question } from '../domain/deck/model';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
import { State } from '../domain/scheduling/memory';
import type { QuizResponse } from '../domain/quiz/quiz';
import { masteredUntil } from '../domain/stats/mastery';
import type { DayTally } from '../domain/stats/tallies';
import { digestMiddleware, type DigestRow } from './digests';
import { STATS_CACHES_VERSION, logWriteMiddleware } from './stats-caches';

export const DATABASE_NAME = 'reportcard';
export const SCHEMA_VERSION = 3;

export interface StoredChapter extends Chapter {
	retired: 0 | 1;
}

export type StoredQuestion = Question & { retired: 0 | 1 };

export interface QuizAnswerRecord {
	questionId: string;
	response: QuizResponse;
	/** Marks earned, 0 to 1 (partial credit for multiple select, ordering, matching). */
	credit: number;
	/** Flashcards this answer made due now (only when it was not fully right). */
	cardsMadeDue: number;
}

export type QuizMode = 'practice' | 'exam';

/** A quiz attempt, stored while in progress (finishedAt null) so it survives a reload, then kept as history. */
export interface QuizAttempt {
	id: string;
	/** The chapter quizzed, or FINAL_EXAM_ID for the final exam across all chapters. */
	chapterId: string;
	/** practice: feedback after each question; exam: feedback only at the end. */
	mode: QuizMode;
	/** The drawn questions, in order; with `seed` they rebuild the attempt exactly after a reload. */
	questionIds: string[];
	seed: number;
	/** The attempt whose missed questions this one retries; null for a full attempt (the only kind that scores). */
	retryOf: string | null;
	startedAt: number;
	finishedAt: number | null;
	answers: QuizAnswerRecord[];
	/** Sum of the answers' credit. */
	correct: number;
	total: number;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export class ReportCardDb extends Dexie {
	chapters!: EntityTable<StoredChapter, 'id'>;
	cards!: EntityTable<CardRow, 'id'>;
	questions!: EntityTable<StoredQuestion, 'id'>;
	reviews!: EntityTable<ReviewEvent, 'id'>;
	attempts!: EntityTable<QuizAttempt, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	/** Caches for the statistics page (stats.ts): rebuilt from cards and the log whenever their marker is missing. */
	cardDigests!: Table<DigestRow, [string, number]>;
	tallies!: Table<DayTally, [string, number]>;

	constructor(name = DATABASE_NAME, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
		// Relaxed durability: a commit does not wait for the disk flush. A crash can lose the last moments, never
		// consistency (transactions stay atomic), and writes get several times faster on phones.
		super(name, { chromeTransactionDurability: 'relaxed', ...options });
		this.version(1).stores({
			chapters: 'id, deckId, order',
			// Queue indexes hold only the cards a queue can take (see indexKeys), so building the day's queue reads a few
			// hundred rows by index instead of every card.
			cards: 'id, chapterId, deckId, queueDue, queueNew, [chapterId+queueDue], [chapterId+queueNew]',
			questions: 'id, chapterId, deckId',
			reviews: 'id, cardId, at, [cardId+at]',
			attempts: 'id, chapterId, [chapterId+finishedAt], finishedAt',
			settings: 'key'
		});
		this.version(2)
			.stores({
				// Mastery by index: a chapter's active cards are its rows in [chapterId+masteredUntil], the mastered ones those
				// with masteredUntil after now (see indexKeys). buriedUntil finds the few buried cards the queue must leave out.
				cards:
					'id, chapterId, deckId, queueDue, queueNew, buriedUntil, [chapterId+queueDue], [chapterId+queueNew], [chapterId+masteredUntil]'
			})
			// The middleware would derive the keys on this write too; deriving them here keeps the upgrade right on its own.
			.upgrade((tx) =>
				tx
					.table('cards')
					.toCollection()
					.modify((card: CardRow) => {
						Object.assign(card, indexKeys(card));
					})
			);
		// Statistics read a few hundred rows at any size: card digests per chapter, kept by digestMiddleware, and review
		// tallies per chapter and day, kept by grading. An upgraded database has no marker yet, so the statistics page
		// builds them on its first visit (storage/stats-caches.ts).
		this.version(3).stores({ cardDigests: '[chapterId+shard]', tallies: '[chapterId+day]' });
		// A new database has no history: its caches are right from the start, kept as its first cards are written.
		this.on('populate', (tx) => {
			void tx.table('settings').add({ key: 'statsCaches', value: STATS_CACHES_VERSION });
		});
		this.use(digestMiddleware());
		this.use(logWriteMiddleware());
		// Every write of a card keeps its derived index keys right, whoever writes it (review, sync, import, repair): put,
		// add, update and modify all reach the database as DBCore add/put requests with the full rows.
		this.use({
			stack: 'dbcore',
			name: 'cardIndexKeys',
			create: (down) => ({
				...down,
				table: (name) => {
					const table = down.table(name);
					if (name !== 'cards') return table;
					return {
						...table,
						mutate: (request) =>
							table.mutate(
								request.type === 'add' || request.type === 'put'
									? { ...request, values: request.values.map((card: StoredCard) => withIndexKeys(card)) }
									: request
							)
					};
				}
			})
		});
	}
}

type KeyedFields = Pick<StoredCard, 'retired' | 'suspended' | 'memory' | 'order'>;

/** The card with the index keys this module derives from it, as every card row is stored. */
export function withIndexKeys<T extends KeyedFields>(card: T): T & IndexKeys {
	return { ...card, ...indexKeys(card) };
}

/** A card as stored: the card plus the index keys this module maintains. */
export type CardRow = StoredCard & Partial<IndexKeys>;

/**
 * Keys derived from a card for the indexes that answer the queue and the home screen without reading every card.
 * IndexedDB leaves a row out of an index whose key is undefined: that is how a key says "not in this index".
 */
export interface IndexKeys {
	/** The due time of a started card (learning, review, relearning) that can be queued. */
	queueDue: number | undefined;
	/** The report order of a new card that can be queued. */
	queueNew: number | undefined;
	/** Every card still in its deck (not retired): when it stops being mastered, 0 if never reviewed (mastery.ts). */
	masteredUntil: number | undefined;
}

export function indexKeys(card: KeyedFields): IndexKeys {
	const active = card.retired === 0;
	const queueable = active && card.suspended === 0;
	const isNew = card.memory.state === State.New;
	return {
		queueDue: queueable && !isNew ? card.memory.due : undefined,
		queueNew: queueable && isNew ? card.order : undefined,
		masteredUntil: active ? masteredUntil(card.memory) : undefined
	};
}
