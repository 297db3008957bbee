/** A quiz attempt as the learner's history keeps it. */
import type { QuizResponse } from './quiz';

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
	/**
	 * Each drawn question's predicted credit when the attempt started (stats/prediction.ts), for the calibration of
	 * predictions; absent on attempts from before predictions.
	 */
	predicted?: number[];
	/** A "Weak spots" quiz: drawn from the questions whose cards are fading, not at random. */
	focus?: 'weak';
}

/** How far an attempt got: a finished one beats any unfinished one, then more answers win (merging two copies). */
export function attemptProgress(attempt: Pick<QuizAttempt, 'finishedAt' | 'answers'>): number {
	return attempt.finishedAt !== null ? Infinity : attempt.answers.length;
}
