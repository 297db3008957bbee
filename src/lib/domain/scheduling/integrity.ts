/**
 * The integrity check, pure part: which log rows cannot be used, and which cards' cached state is impossible or
 * disagrees with the replay of their log, with the repaired card for each. Nothing is ever deleted: a damaged log row
 * is set aside where the learner sees it, a row of a card this device lacks is kept for when the card arrives, and a
 * card is a cache rebuilt from its log.
 */
import * as v from 'valibot';
import { reviewEventSchema } from '../backup/format';
import type { StoredCard } from '../collection';
import { sameMemory, type MemoryState } from './memory';
import { replay } from './progress';
import type { ReviewEvent } from './review-log';
import type { Scheduler } from './scheduler';

export interface IntegrityReport {
	cardsChecked: number;
	reviewsChecked: number;
	/** Log rows about cards this device does not hold: kept, for a restore or a sync may bring the card. */
	waitingReviews: number;
	/** Log rows with missing or impossible values (a NaN time, an unknown rating): set aside, the replay cannot use them. */
	setAsideReviews: number;
	/** Cards with numbers no schedule can have (NaN stability or due): rebuilt from their log. */
	impossibleCards: number;
	/** Cards whose cached state disagreed with their log: rebuilt from it. */
	staleCards: number;
}

/** How many things the check changed (rows kept for later change nothing). */
export function repairsMade(report: IntegrityReport): number {
	return report.setAsideReviews + report.impossibleCards + report.staleCards;
}

/** A log row the replay can use: every field present and in range (a NaN time or a rating of 7 is not). */
export function isUsableEvent(row: unknown): row is ReviewEvent {
	return v.is(reviewEventSchema, row);
}

export type CardIssue = 'impossible' | 'stale';

export interface CardRepair<C extends StoredCard> {
	card: C;
	/** `impossible`: numbers no schedule can have (NaN stability or due, an unknown state, a memory FSRS refuses);
	 * `stale`: a valid state that is not what the log gives. */
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
	const { progress } = replay(scheduler, introducedAt, events);
	const { memory, suspended, buriedUntil } = progress;
	const same =
		possible &&
		sameMemory(card.memory, memory) &&
		card.due === memory.due &&
		card.suspended === suspended &&
		card.buriedUntil === buriedUntil;
	if (same) return null;
	return {
		card: { ...card, introducedAt, ...progress, due: memory.due },
		issue: possible ? 'stale' : 'impossible'
	};
}

function isTime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** ts-fsrs' `S_MIN`: the least stability a memory can have (a unit test pins it to the library's). */
export const MIN_STABILITY = 0.001;

/** FSRS's own rule, which ts-fsrs enforces when it schedules: no memory yet (both 0), or difficulty 1-10 with stability. */
function fsrsAccepts({ difficulty, stability }: MemoryState): boolean {
	return (difficulty === 0 && stability === 0) || (difficulty >= 1 && difficulty <= 10 && stability >= MIN_STABILITY);
}

function isPossible(card: StoredCard): boolean {
	const m = card.memory as Partial<MemoryState> | undefined;
	if (!m || typeof m !== 'object') return false;
	const numbers = [m.due, m.stability, m.difficulty, m.elapsedDays, m.scheduledDays, m.learningSteps, m.reps, m.lapses];
	return (
		numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
		fsrsAccepts(m as MemoryState) &&
		[0, 1, 2, 3].includes(m.state as number) &&
		(m.lastReview === null || isTime(m.lastReview)) &&
		isTime(card.introducedAt) &&
		isTime(card.due) &&
		(card.suspended === 0 || card.suspended === 1) &&
		isTime(card.buriedUntil)
	);
}
