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

export type ReviewEvent = GradeEvent;

/** Log order: by time, ties broken by id so that every device replays the same sequence. */
export function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
