/**
 * The streak: study days in a row with at least one review, by the rollover hour of domain/time. Its own module, so the
 * home screen loads it without the statistics page's charts.
 */
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { studyDay } from './days';

export interface Streak {
	/** Study days in a row with at least one review, ending today or, while today has none yet, yesterday. */
	days: number;
	reviewedToday: boolean;
}

/**
 * Counts the streak from review times fed newest first, so a caller reading a long log can stop as soon as the streak
 * is settled (`add` returns false) instead of reading every review ever made.
 */
export class StreakCounter {
	readonly #today: number;
	#oldest: number;
	#days = 0;

	constructor(
		now: number,
		private readonly rolloverHour = DEFAULT_ROLLOVER_HOUR
	) {
		this.#today = studyDay(now, rolloverHour);
		this.#oldest = this.#today + 1;
	}

	/** Add the next older review; false once older reviews can no longer change the streak. */
	add(at: number): boolean {
		const day = studyDay(at, this.rolloverHour);
		// Later than the oldest day counted (or, from a wrong clock, after today): it neither makes nor breaks the streak.
		if (day >= this.#oldest) return true;
		// The streak is not lost until today is over: it may still end yesterday.
		const continues = this.#days === 0 ? day >= this.#today - 1 : day === this.#oldest - 1;
		if (!continues) return false;
		this.#days++;
		this.#oldest = day;
		return true;
	}

	get streak(): Streak {
		// The days counted are consecutive, so the newest is `days - 1` after the oldest.
		return { days: this.#days, reviewedToday: this.#days > 0 && this.#oldest + this.#days - 1 === this.#today };
	}
}

/** The current streak from review times in any order. */
export function currentStreak(times: readonly number[], now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): Streak {
	const counter = new StreakCounter(now, rolloverHour);
	for (const at of [...times].sort((a, b) => b - a)) if (!counter.add(at)) break;
	return counter.streak;
}
