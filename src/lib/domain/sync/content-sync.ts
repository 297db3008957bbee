/**
 * Content sync, the pure part: given what the database holds for a deck and the deck the app now ships, decide what
 * to write. New cards start fresh, edited cards keep their progress, removed cards retire (they leave the queue but
 * their review history stays).
 */
import type { StoredCard } from '../collection';
import type { Card } from '../deck/model';
import { newMemoryState } from '../scheduling/memory';

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
