/**
 * The one module that knows the IndexedDB schema. Every other storage module goes through `ReportCardDb`.
 *
 * Schema versions are never edited once shipped: a change adds a new `version(n)` with its `upgrade`, and a fixture
 * of the previous version goes into tests/unit/storage so the upgrade is tested with real rows.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Chapter, Question } from '../domain/deck/model';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
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
