/**
 * The integrity check, pure part: which log rows cannot be used, and which cards' cached state is impossible or
 * disagrees with the replay of their log, with the repaired card for each.
 */
import * as v from 'valibot';
import { reviewEventSchema } from '../backup/format';
import type { StoredCard } from '../sync/content-sync';
import type { MemoryState } from './memory';
import type { ReviewEvent } from './review-log';
import type { Scheduler } from './scheduler';

/** A log row the replay can use: every field present and in range (a NaN time or a rating of 7 is not). */
export function isUsableEvent(row: unknown): row is ReviewEvent {
	return v.is(reviewEventSchema, row);
}

export type CardIssue = 'impossible' | 'stale';

export interface CardRepair<C extends StoredCard> {
	card: C;
	/** `impossible`: numbers no schedule can have (NaN stability or due, an unknown state); `stale`: a valid state
	 * that is not what the log gives. */
	issue: CardIssue;
}

/** The card rebuilt from its log, or null when its cached state is already exactly the replay's. */
export function repairCard<C extends StoredCard>(
	card: C,
	events: readonly ReviewEvent[],
	scheduler: Scheduler,
	now: number
): CardRepair<C> | null {
	const possible = isPossible(card);
	const introducedAt = isTime(card.introducedAt)
		? card.introducedAt
		: Math.min(now, ...events.map((event) => event.at));
	const memory = scheduler.replay(introducedAt, events);
	if (possible && sameMemory(card.memory, memory) && card.due === memory.due) return null;
	const flags = possible
		? {}
		: { suspended: card.suspended === 1 ? 1 : 0, buriedUntil: isTime(card.buriedUntil) ? card.buriedUntil : 0 };
	return {
		card: { ...card, ...flags, introducedAt, memory, due: memory.due },
		issue: possible ? 'stale' : 'impossible'
	};
}

function isTime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isPossible(card: StoredCard): boolean {
	const m = card.memory as Partial<MemoryState> | undefined;
	if (!m || typeof m !== 'object') return false;
	const numbers = [m.due, m.stability, m.difficulty, m.elapsedDays, m.scheduledDays, m.learningSteps, m.reps, m.lapses];
	return (
		numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
		[0, 1, 2, 3].includes(m.state as number) &&
		(m.lastReview === null || isTime(m.lastReview)) &&
		isTime(card.introducedAt) &&
		isTime(card.due) &&
		(card.suspended === 0 || card.suspended === 1) &&
		isTime(card.buriedUntil)
	);
}

function sameMemory(a: MemoryState, b: MemoryState): boolean {
	return (Object.keys(b) as (keyof MemoryState)[]).every((key) => Object.is(a[key], b[key]));
}
