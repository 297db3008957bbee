/**
 * A card's memory state as stored (epoch milliseconds, so IndexedDB can index `due`), and its conversion to and from
 * ts-fsrs' `Card`.
 */
import type { Card as FsrsCard } from 'ts-fsrs';

/**
 * FSRS's card states, numbered as ts-fsrs numbers them (pinned in tests/unit/domain.test.ts). They are our own so
 * that code which only reads a state (counts, mastery, home) does not load the scheduler: ts-fsrs loads with storage.
 */
export enum State {
	New = 0,
	Learning = 1,
	Review = 2,
	Relearning = 3
}

export interface MemoryState {
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: State;
	lastReview: number | null;
}

export function toFsrsCard(memory: MemoryState): FsrsCard {
	return {
		due: new Date(memory.due),
		stability: memory.stability,
		difficulty: memory.difficulty,
		elapsed_days: memory.elapsedDays,
		scheduled_days: memory.scheduledDays,
		learning_steps: memory.learningSteps,
		reps: memory.reps,
		lapses: memory.lapses,
		state: memory.state,
		last_review: memory.lastReview === null ? undefined : new Date(memory.lastReview)
	};
}

export function fromFsrsCard(card: FsrsCard): MemoryState {
	return {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ? card.last_review.getTime() : null
	};
}

/** The state of a card nobody has reviewed yet, introduced at `now` (ts-fsrs' empty card, as the tests pin). */
export function newMemoryState(now: number): MemoryState {
	return {
		due: now,
		stability: 0,
		difficulty: 0,
		elapsedDays: 0,
		scheduledDays: 0,
		learningSteps: 0,
		reps: 0,
		lapses: 0,
		state: State.New,
		lastReview: null
	};
}

/** Whether two memory states are the same in every number (NaN equal to NaN, as a cache check needs). */
export function sameMemory(a: MemoryState, b: MemoryState): boolean {
	return (Object.keys(b) as (keyof MemoryState)[]).every((key) => Object.is(a[key], b[key]));
}
