/**
 * Day tallies: per chapter and study day, how many grades were given, the time they took, and how the reviews of
 * cards in the review state went (true retention). The statistics page reads these few rows instead of the whole log:
 * a year of a large collection is a million log rows but a few thousand tallies.
 *
 * They are a cache of the log, as a card's memory is: each effective grade of a card's replay (its `ReplayStep`) adds
 * to one tally, so a write that changes a card's replay takes its old steps out and adds its new ones, and replaying
 * every card's log rebuilds them all.
 */
import { State, type MemoryState } from '../scheduling/memory';
import { replay, type ReplayStep } from '../scheduling/progress';
import { Rating, type GradeEvent, type ReviewEvent } from '../scheduling/review-log';
import type { Scheduler } from '../scheduling/scheduler';
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { studyDay } from './days';

/** A card is mature once its interval reaches three weeks (Anki's definition). */
export const MATURE_INTERVAL_DAYS = 21;

export interface Tally {
	passed: number;
	failed: number;
}

export interface DayTally {
	chapterId: string;
	/** The study day (days.ts), counted with the default rollover hour as the statistics page shows days. */
	day: number;
	/** Grades given. */
	reviews: number;
	durationMs: number;
	/** Grades of cards in the review state with an interval under 21 days: not Again = passed. */
	young: Tally;
	/** The same for an interval of 21 days or more. */
	mature: Tally;
}

/** The part of a card's memory that decides how a grade counts: its state and interval just before it. */
export type MemoryBefore = Pick<MemoryState, 'state' | 'scheduledDays'>;

/**
 * What one grade adds to its chapter's day. Learning steps count as reviews but not towards retention, as in Anki's
 * true retention table.
 */
export function gradeTally(chapterId: string, event: GradeEvent, before: MemoryBefore): DayTally {
	const tally: DayTally = {
		chapterId,
		day: studyDay(event.at, DEFAULT_ROLLOVER_HOUR),
		reviews: 1,
		durationMs: event.durationMs,
		young: { passed: 0, failed: 0 },
		mature: { passed: 0, failed: 0 }
	};
	if (before.state === State.Review) {
		const group = before.scheduledDays >= MATURE_INTERVAL_DAYS ? tally.mature : tally.young;
		if (event.rating === Rating.Again) group.failed++;
		else group.passed++;
	}
	return tally;
}

/** `tally` with `part` added (sign 1) or taken away (sign -1): for the same chapter and day. */
export function addTally(tally: DayTally, part: DayTally, sign: 1 | -1): DayTally {
	const add = (a: Tally, b: Tally): Tally => ({
		passed: a.passed + sign * b.passed,
		failed: a.failed + sign * b.failed
	});
	return {
		...tally,
		reviews: tally.reviews + sign * part.reviews,
		durationMs: tally.durationMs + sign * part.durationMs,
		young: add(tally.young, part.young),
		mature: add(tally.mature, part.mature)
	};
}

/** An empty tally: where a chapter's day starts before its first grade. */
export function emptyTally(chapterId: string, day: number): DayTally {
	return {
		chapterId,
		day,
		reviews: 0,
		durationMs: 0,
		young: { passed: 0, failed: 0 },
		mature: { passed: 0, failed: 0 }
	};
}

export interface CardLog {
	chapterId: string;
	introducedAt: number;
	events: readonly ReviewEvent[];
}

/** Tallies summed per chapter and day, as parts come in. */
export class TallySums {
	readonly #byKey = new Map<string, DayTally>();

	add(part: DayTally): void {
		const key = `${part.day} ${part.chapterId}`;
		this.#byKey.set(key, addTally(this.#byKey.get(key) ?? emptyTally(part.chapterId, part.day), part, 1));
	}

	/** A card's replay steps: each effective grade counted with the memory its card had just before it. */
	addSteps(chapterId: string, steps: readonly ReplayStep[]): this {
		for (const { event, before } of steps) if (event.kind === 'grade') this.add(gradeTally(chapterId, event, before));
		return this;
	}

	/** Every card's grades, replayed from its log: the tallies as a rebuild writes them. */
	addLogs(logs: Iterable<CardLog>, scheduler: Scheduler): this {
		for (const log of logs) this.addSteps(log.chapterId, replay(scheduler, log.introducedAt, log.events).steps);
		return this;
	}

	get tallies(): DayTally[] {
		return [...this.#byKey.values()];
	}
}

/** Every card's grades counted from its log, summed per chapter and day. */
export function logTallies(logs: Iterable<CardLog>, scheduler: Scheduler): DayTally[] {
	return new TallySums().addLogs(logs, scheduler).tallies;
}
