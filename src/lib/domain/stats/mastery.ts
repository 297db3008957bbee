/**
 * Mastery, the one figure a learner checks every day, means memory that lasts: a card is mastered when it has
 * graduated to review (never while new, learning or relearning) and its FSRS stability is at least 21 days, that is,
 * the scheduler predicts at least 90 % recall three weeks after its last review. This is Anki's "mature" line (an
 * interval of 21 days or more), stated on the memory rather than on the interval so fuzz and limits do not move it.
 *
 * The definition needs no clock: a card stays mastered until a review says otherwise (an Again sends it to
 * relearning), so home, chapter rows, the map and statistics count the same cards whenever they read them.
 */
import { State, type MemoryState } from '../scheduling/memory';

/** The stability (days until predicted recall falls to 90 %) from which a reviewed card counts as mastered. */
export const MASTERY_STABILITY_DAYS = 21;

export interface Mastery {
	mastered: number;
	total: number;
}

type MasteryInputs = Pick<MemoryState, 'state' | 'stability'>;

/** Whether a card's memory lasts: in review, with a stability of 21 days or more. */
export function isMastered(memory: MasteryInputs): boolean {
	// A NaN stability (a damaged row that Check data repairs) compares false: never mastered.
	return memory.state === State.Review && memory.stability >= MASTERY_STABILITY_DAYS;
}

export function mastery(cards: readonly { memory: MasteryInputs }[]): Mastery {
	const mastered = cards.filter((card) => isMastered(card.memory)).length;
	return { mastered, total: cards.length };
}

/** Mastered / all cards; 0 for a chapter without cards. */
export function masteryRatio({ mastered, total }: Mastery): number {
	return total === 0 ? 0 : mastered / total;
}
