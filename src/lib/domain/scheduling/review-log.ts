/**
 * The review log: the source of truth for scheduling. Rows are only ever appended, each with a globally unique id;
 * a card's stored memory state is a cache of replaying its rows in order.
 */
import type { Grade } from 'ts-fsrs';
import type { State } from './memory';

export { Rating, type Grade } from 'ts-fsrs';

/** The learner graded a card during review. */
export interface GradeEvent {
	id: string;
	cardId: string;
	kind: 'grade';
	rating: Grade;
	/** When the grade was given (epoch ms). */
	at: number;
	/** Time spent on the card, from showing it to grading it. */
	durationMs: number;
	/** The card's state before this review, as the FSRS optimiser's CSV expects. */
	stateBefore: State;
}

/**
 * A quiz answer showed the fact is not known: the card becomes due at `at` without changing its memory, as Anki logs
 * a manual reschedule. A card still new is left for the daily new-card queue.
 */
export interface DueNowEvent {
	id: string;
	cardId: string;
	kind: 'due-now';
	at: number;
	/** The quiz question answered wrongly. */
	questionId: string;
}

/** The learner reset the card: it starts again as new, its earlier history kept in the log. */
export interface ResetEvent {
	id: string;
	cardId: string;
	kind: 'reset';
	at: number;
}

export type ReviewEvent = GradeEvent | DueNowEvent | ResetEvent;

/** Log order: by time, ties broken by id so that every device replays the same sequence. */
export function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
