/**
 * Content sync, the pure part: given what the database holds for a deck and the deck the app now ships, decide what
 * to write. New cards start fresh, edited cards keep their progress, removed cards retire (they leave the queue but
 * their review history stays).
 */
import type { Card } from '../deck/model';
import { newMemoryState, type MemoryState } from '../scheduling/memory';

/** What the database keeps per card: the shipped content plus progress that outlives edits. */
export interface StoredCard extends Card {
	/** When the card first reached this device; the starting point when its log is replayed. */
	introducedAt: number;
	/** 1 once the card is no longer in the shipped deck (a number, since IndexedDB cannot index booleans). */
	retired: 0 | 1;
	/** Cache of replaying the card's review log. */
	memory: MemoryState;
	/** Copy of memory.due, indexed for the queue. */
	due: number;
	/** 1 while the learner keeps the card out of every queue. */
	suspended: 0 | 1;
	/** Kept out of the queue until this time (epoch ms); 0 when not buried. */
	buriedUntil: number;
}

export function planCardSync(existing: readonly StoredCard[], shipped: readonly Card[], now: number): StoredCard[] {
	const byId = new Map(existing.map((card) => [card.id, card]));
	const shippedIds = new Set(shipped.map((card) => card.id));
	const current = shipped.map((card): StoredCard => {
		const stored = byId.get(card.id);
		if (stored) return { ...stored, ...card, retired: 0 };
		const memory = newMemoryState(now);
		return { ...card, introducedAt: now, retired: 0, memory, due: memory.due, suspended: 0, buriedUntil: 0 };
	});
	const retired = existing
		.filter((card) => !shippedIds.has(card.id) && card.retired === 0)
		.map((card): StoredCard => ({ ...card, retired: 1 }));
	return [...current, ...retired];
}
