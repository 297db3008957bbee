/** What the learner knows now, in plain terms: a card is mastered while its predicted recall is at least 90 %. */
import type { MemoryState } from '../scheduling/memory';
import type { Scheduler } from '../scheduling/scheduler';

/** The recall a card must be predicted to have now to count as mastered (the scheduler's own target). */
export const MASTERY_THRESHOLD = 0.9;

export interface Mastery {
	mastered: number;
	total: number;
}

export function mastery(cards: readonly { memory: MemoryState }[], now: number, scheduler: Scheduler): Mastery {
	const mastered = cards.filter((card) => scheduler.retrievability(card.memory, now) >= MASTERY_THRESHOLD).length;
	return { mastered, total: cards.length };
}

/** Mastered / all cards; 0 for a chapter without cards. */
export function masteryRatio({ mastered, total }: Mastery): number {
	return total === 0 ? 0 : mastered / total;
}
