/** What the learner knows now, in plain terms: a card is mastered while its predicted recall is at least 90 %. */
import { State, type MemoryState } from '../scheduling/memory';

/** The recall a card must be predicted to have now to count as mastered (the scheduler's own target). */
export const MASTERY_THRESHOLD = 0.9;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Mastery {
	mastered: number;
	total: number;
}

/**
 * The moment a card stops being mastered (epoch ms): mastered while `now < masteredUntil(memory)`; 0 for a card never
 * reviewed. FSRS defines stability S as the interval in days at which predicted recall falls to 90 %, and ts-fsrs
 * counts elapsed time in whole days (`floor`) against S rounded to 8 decimals, so recall is at least 90 % exactly
 * while the whole days elapsed are at most S, whatever the decay parameter. No scheduler needed, so storage can index
 * it (storage/db.ts). One caveat, by design: when S lies within about 1e-7 × S below a whole number, ts-fsrs' own
 * 8-decimal rounding of recall reports 90 % on the day after; this counts that day as below 90 %, as it is.
 */
export function masteredUntil(memory: Pick<MemoryState, 'state' | 'stability' | 'lastReview'>): number {
	if (memory.state === State.New || memory.lastReview === null) return 0;
	const stability = Number(memory.stability.toFixed(8));
	// Numbers no schedule has (a stability of 0 or less, NaN) never count as mastered, as ts-fsrs gives them no recall
	// of 90 %; "Check data" repairs such cards. 0 rather than NaN: NaN is no IndexedDB key, the row would drop out.
	if (!(stability > 0)) return 0;
	const until = memory.lastReview + (Math.floor(stability) + 1) * DAY_MS;
	return Number.isNaN(until) ? 0 : until;
}

export function isMastered(memory: MemoryState, now: number): boolean {
	return now < masteredUntil(memory);
}

export function mastery(cards: readonly { memory: MemoryState }[], now: number): Mastery {
	const mastered = cards.filter((card) => isMastered(card.memory, now)).length;
	return { mastered, total: cards.length };
}

/** Mastered / all cards; 0 for a chapter without cards. */
export function masteryRatio({ mastered, total }: Mastery): number {
	return total === 0 ? 0 : mastered / total;
}
