/**
 * Content sync, the pure part: given what the database holds for a deck and the deck the app now ships, decide what
 * content to write. A card's content is exactly the shipped card's (a field a new version drops is gone); it keeps the
 * day it reached this device, and its progress is its log's (the write path replays it). New cards start now;
 * removed cards retire (they leave the queue but their review history stays).
 */
import type { CardContent } from '../collection';
import type { Card } from '../deck/model';

export function planCardSync(existing: readonly CardContent[], shipped: readonly Card[], now: number): CardContent[] {
	const byId = new Map(existing.map((card) => [card.id, card]));
	const shippedIds = new Set(shipped.map((card) => card.id));
	const current = shipped.map((card): CardContent => ({
		...card,
		introducedAt: byId.get(card.id)?.introducedAt ?? now,
		retired: 0
	}));
	const retired = existing
		.filter((card) => !shippedIds.has(card.id) && card.retired === 0)
		.map((card): CardContent => ({ ...card, retired: 1 }));
	return [...current, ...retired];
}
