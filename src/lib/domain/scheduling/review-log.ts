/**
 * The review log: the source of truth for a card's progress. Rows are only ever appended, each with a globally unique
 * id, and never deleted in normal use: an undo is an event of its own that cancels the one it names. A card's stored
 * state (memory, suspension, burial) is a cache of replaying its effective events in log order, so two devices that
 * hold the same set of events, however it reached them, hold the same cards.
 */
import { compareStrings } from '../arrays';
import type { State } from './memory';

/** The ratings, numbered as ts-fsrs numbers them (pinned by a test), kept here for the reason `State` is. */
export enum Rating {
	Manual = 0,
	Again = 1,
	Hard = 2,
	Good = 3,
	Easy = 4
}
/** A rating a learner gives in review. */
export type Grade = Exclude<Rating, Rating.Manual>;

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

/** The learner took an event back (a grade, from the review screen): replay skips both. */
export interface UndoEvent {
	id: string;
	cardId: string;
	kind: 'undo';
	at: number;
	/** The id of the event cancelled, of the same card. */
	cancels: string;
}

/** The learner kept the card out of every queue (`suspended` true), or let it back. The last one in log order holds. */
export interface SuspendEvent {
	id: string;
	cardId: string;
	kind: 'suspend';
	at: number;
	suspended: boolean;
}

/** The learner kept the card out of the queue until `until` (the end of that study day). */
export interface BuryEvent {
	id: string;
	cardId: string;
	kind: 'bury';
	at: number;
	until: number;
}

export type ReviewEvent = GradeEvent | DueNowEvent | ResetEvent | UndoEvent | SuspendEvent | BuryEvent;

/** Log order: by time, ties broken by id so that every device replays the same sequence. */
export function compareEvents(a: ReviewEvent, b: ReviewEvent): number {
	return a.at - b.at || compareStrings(a.id, b.id);
}

/**
 * The events a replay applies, in log order: every event but the undos and the events they cancel. Whatever order the
 * events arrived in, the same set gives the same list.
 */
export function effectiveEvents(events: readonly ReviewEvent[]): ReviewEvent[] {
	const cancelled = new Set(events.flatMap((event) => (event.kind === 'undo' ? [event.cancels] : [])));
	return events.filter((event) => event.kind !== 'undo' && !cancelled.has(event.id)).sort(compareEvents);
}

/** The effective grades of a log, in log order. */
export function effectiveGrades(events: readonly ReviewEvent[]): GradeEvent[] {
	return effectiveEvents(events).filter((event): event is GradeEvent => event.kind === 'grade');
}
