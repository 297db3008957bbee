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
import type { ChoiceAnswer } from '../domain/quiz/quiz';

export const DATABASE_NAME = 'reportcard';
export const SCHEMA_VERSION = 1;

export interface StoredChapter extends Chapter {
	retired: 0 | 1;
}

export type StoredQuestion = Question & { retired: 0 | 1 };

export interface QuizAnswerRecord {
	questionId: string;
	answer: ChoiceAnswer;
	correct: boolean;
}

/** A quiz attempt, stored while in progress (finishedAt null) so it survives a reload, then kept as history. */
export interface QuizAttempt {
	id: string;
	chapterId: string;
	seed: number;
	length: number;
	startedAt: number;
	finishedAt: number | null;
	answers: QuizAnswerRecord[];
	correct: number;
	total: number;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export class ReportCardDb extends Dexie {
	chapters!: EntityTable<StoredChapter, 'id'>;
	cards!: EntityTable<StoredCard, 'id'>;
	questions!: EntityTable<StoredQuestion, 'id'>;
	reviews!: EntityTable<ReviewEvent, 'id'>;
	attempts!: EntityTable<QuizAttempt, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name = DATABASE_NAME, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
		super(name, options);
		this.version(SCHEMA_VERSION).stores({
			chapters: 'id, deckId, order',
			cards: 'id, chapterId, deckId, [retired+due], [chapterId+retired+due]',
			questions: 'id, chapterId, deckId',
			reviews: 'id, cardId, at, [cardId+at]',
			attempts: 'id, chapterId, [chapterId+finishedAt], finishedAt',
			settings: 'key'
		});
	}
}
