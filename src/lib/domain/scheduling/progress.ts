/**
 * A card's progress, everything its log decides: its memory, whether it is suspended, until when it is buried. The
 * card row caches it; replaying the log rebuilds it exactly.
 */
import { newMemoryState, type MemoryState } from './memory';
import { effectiveEvents, type ReviewEvent } from './review-log';
import type { Scheduler } from './scheduler';

export interface CardProgress {
	memory: MemoryState;
	/** 1 while the card is kept out of every queue. */
	suspended: 0 | 1;
	/** Kept out of the queue until this time (epoch ms); 0 when never buried. */
	buriedUntil: number;
}

/** One effective event of a replay and the memory the card had just before it: how the day tallies count a grade. */
export interface ReplayStep {
	event: ReviewEvent;
	before: MemoryState;
}

export interface Replay {
	progress: CardProgress;
	steps: ReplayStep[];
}

/** A card nobody has studied, introduced at `introducedAt`. */
export function freshProgress(introducedAt: number): CardProgress {
	return { memory: newMemoryState(introducedAt), suspended: 0, buriedUntil: 0 };
}

/** The progress after one effective event. */
export function applyEvent(scheduler: Scheduler, progress: CardProgress, event: ReviewEvent): CardProgress {
	switch (event.kind) {
		case 'suspend':
			return { ...progress, suspended: event.suspended ? 1 : 0 };
		case 'bury':
			return { ...progress, buriedUntil: event.until };
		default:
			return { ...progress, memory: scheduler.apply(progress.memory, event) };
	}
}

/**
 * Continue a replay from `progress` with events that all come after every event it has applied (in log order) and
 * cancel none of them: what a grade or a suspension appends. Anything else needs `replay` from the start.
 */
export function replayOnward(scheduler: Scheduler, progress: CardProgress, events: readonly ReviewEvent[]): Replay {
	const steps: ReplayStep[] = [];
	for (const event of effectiveEvents(events)) {
		steps.push({ event, before: progress.memory });
		progress = applyEvent(scheduler, progress, event);
	}
	return { progress, steps };
}

/** A card's whole progress from its log alone, and the steps that led there. */
export function replay(scheduler: Scheduler, introducedAt: number, events: readonly ReviewEvent[]): Replay {
	return replayOnward(scheduler, freshProgress(introducedAt), events);
}
