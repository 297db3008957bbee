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
import { Dexie, type EntityTable } from 'dexie';
import type { Chapter, Question } from '../domain/deck/model';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
import { State } from '../domain/scheduling/memory';
import type { QuizResponse } from '../domain/quiz/quiz';

export const DATABASE_NAME = 'reportcard';
export const SCHEMA_VERSION = 1;

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

	constructor(name = DATABASE_NAME, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
		// Relaxed durability: a commit does not wait for the disk flush. A crash can lose the last moments, never
		// consistency (transactions stay atomic), and writes get several times faster on phones.
		super(name, { chromeTransactionDurability: 'relaxed', ...options });
		this.version(1).stores({
			chapters: 'id, deckId, order',
			// Queue indexes hold only the cards a queue can take (see queueKeys), so building the day's queue reads a few
			// hundred rows by index instead of every card.
			cards: 'id, chapterId, deckId, queueDue, queueNew, [chapterId+queueDue], [chapterId+queueNew]',
			questions: 'id, chapterId, deckId',
			reviews: 'id, cardId, at, [cardId+at]',
			attempts: 'id, chapterId, [chapterId+finishedAt], finishedAt',
			settings: 'key'
		});
		// Every write of a card keeps its queue keys right, whoever writes it (review, sync, import, repair): put, add,
		// update and modify all reach the database as DBCore add/put requests with the full rows.
		this.use({
			stack: 'dbcore',
			name: 'cardQueueKeys',
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
									? { ...request, values: request.values.map((card: StoredCard) => withQueueKeys(card)) }
									: request
							)
					};
				}
			})
		});
	}
}

export function withQueueKeys<T extends Pick<StoredCard, 'retired' | 'suspended' | 'memory' | 'order'>>(
	card: T
): T & QueueKeys {
	return { ...card, ...queueKeys(card) };
}

/** A card as stored: the card plus the queue keys this module maintains. */
export type CardRow = StoredCard & Partial<QueueKeys>;

/** Indexed only while the card can be queued: IndexedDB leaves a row out of an index whose key is undefined. */
interface QueueKeys {
	/** The due time of a started card (learning, review, relearning). */
	queueDue: number | undefined;
	/** The report order of a new card. */
	queueNew: number | undefined;
}

export function queueKeys(card: Pick<StoredCard, 'retired' | 'suspended' | 'memory' | 'order'>): QueueKeys {
	const queueable = card.retired === 0 && card.suspended === 0;
	const isNew = card.memory.state === State.New;
	return {
		queueDue: queueable && !isNew ? card.memory.due : undefined,
		queueNew: queueable && isNew ? card.order : undefined
	};
}
