/** The cards as they stand now: how many in each state, and how their stability and predicted recall spread. */
import { itemAt } from '../arrays';
import { State, type MemoryState } from '../scheduling/memory';
import type { Scheduler } from '../scheduling/scheduler';

export interface StatCard {
	memory: Pick<MemoryState, 'state' | 'stability' | 'lastReview'>;
	suspended: 0 | 1;
}

export interface CardCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	/** Suspended cards count here only, whatever their state. */
	suspended: number;
}

export function cardCounts(cards: readonly StatCard[]): CardCounts {
	const counts: CardCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
	const byState = { [State.New]: 'new', [State.Learning]: 'learning', [State.Review]: 'review' } as const;
	for (const card of cards) {
		if (card.suspended === 1) counts.suspended++;
		else counts[card.memory.state === State.Relearning ? 'relearning' : byState[card.memory.state]]++;
	}
	return counts;
}

/** A bar of a histogram: values from `from` up to (not including) `to`; the last bar has no upper end. */
export interface Bucket {
	from: number;
	to: number | null;
	cards: number;
}

function histogram(values: readonly number[], bounds: readonly number[]): Bucket[] {
	const buckets = bounds.map((from, i) => ({ from, to: bounds[i + 1] ?? null, cards: 0 }));
	for (const value of values) {
		const index = bounds.findLastIndex((from) => value >= from);
		itemAt(buckets, Math.max(0, index)).cards++;
	}
	return buckets;
}

function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	const upper = itemAt(sorted, middle);
	return sorted.length % 2 === 1 ? upper : (itemAt(sorted, middle - 1) + upper) / 2;
}

/** Cards reviewed at least once: the only ones with a stability and a recall to speak of. */
function reviewed(cards: readonly StatCard[]): StatCard[] {
	return cards.filter((card) => card.memory.lastReview !== null && card.memory.state !== State.New);
}

/** Stability (days until recall falls to 90 %), on a roughly logarithmic scale. */
export const STABILITY_BOUNDS_DAYS = [0, 1, 3, 7, 14, 30, 90, 180, 365];

export interface Distribution {
	buckets: Bucket[];
	/** Median stability in days / mean predicted recall; null without reviewed cards. */
	centre: number | null;
}

export function stabilityDistribution(cards: readonly StatCard[]): Distribution {
	const values = reviewed(cards).map((card) => card.memory.stability);
	return { buckets: histogram(values, STABILITY_BOUNDS_DAYS), centre: median(values) };
}

/** Predicted recall in tenths: 0-10 %, ..., 90-100 %. */
export const RECALL_BOUNDS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * Predicted recall of the cards in review only: a card in its (re)learning steps was just seen or just failed, and the
 * long-term curve would put it at 90-100 % a minute later, which is not what the learner knows.
 */
export function recallDistribution(cards: readonly StatCard[], now: number, scheduler: Scheduler): Distribution {
	const values = cards
		.filter((card) => card.memory.state === State.Review && card.memory.lastReview !== null)
		.map((card) => scheduler.retrievability(card.memory, now));
	const mean = values.length === 0 ? null : values.reduce((sum, r) => sum + r, 0) / values.length;
	return { buckets: histogram(values, RECALL_BOUNDS), centre: mean };
}
