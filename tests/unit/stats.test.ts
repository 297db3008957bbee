/**
 * The statistics, pure: fixed review logs and `now`, each group in a named time zone so day boundaries are tested
 * where they are hard (daylight-saving changes, offsets far from UTC), not only on a UTC machine.
 */
import { describe, expect, it } from 'vitest';
import { State, newMemoryState, type MemoryState } from '../../src/lib/domain/scheduling/memory';
import { Rating, type Grade, type GradeEvent, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import type { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import {
	MONTH_LABEL_WEEKS,
	dailyActivity,
	heatmapWeeks,
	monthLabels,
	monthlyTotals
} from '../../src/lib/domain/stats/activity';
import { cardCounts, recallDistribution, stabilityDistribution } from '../../src/lib/domain/stats/cards';
import { calendarDate, startOfStudyDay, studyDay, weekday } from '../../src/lib/domain/stats/days';
import { dueForecast } from '../../src/lib/domain/stats/forecast';
import { MASTERY_STABILITY_DAYS, isMastered, mastery, masteryRatio } from '../../src/lib/domain/stats/mastery';
import { passageRecall, recallBand, type PassageCard } from '../../src/lib/domain/stats/passages';
import { cardFigures, chapterCards, historyFigures, type StatsCard } from '../../src/lib/domain/stats/report';
import { retentionRate, retentionTable, type RetentionRow } from '../../src/lib/domain/stats/retention';
import { addTally, gradeTally, logTallies, type CardLog, type DayTally } from '../../src/lib/domain/stats/tallies';
import { StreakCounter, currentStreak } from '../../src/lib/domain/stats/streak';
import { studyDayEnd } from '../../src/lib/domain/time';
import { DAY, MINUTE, exactScheduler } from './factories';

const exact = exactScheduler();
import { inTimeZone, local } from './time-zone';

const HOUR = 60 * MINUTE;

let ids = 0;
function grade(
	cardId: string,
	at: number,
	rating: Grade,
	stateBefore = State.Review,
	durationMs = 10_000
): ReviewEvent {
	return { id: `e${++ids}`, cardId, kind: 'grade', rating, at, durationMs, stateBefore };
}

/** Each review as its own tally, as grading adds them one by one. */
function tallied(reviews: { at: number; durationMs: number }[]): DayTally[] {
	return reviews.map((review) =>
		gradeTally(
			'ch',
			{ ...grade('c', review.at, Rating.Good), durationMs: review.durationMs } as GradeEvent,
			newMemoryState(0)
		)
	);
}

/** A card reviewed once at `at` into review, so its recall fades from there. */
function learned(at: number): MemoryState {
	return exact.grade(newMemoryState(at), Rating.Easy, at);
}

describe('study days (New York, with daylight saving)', () => {
	inTimeZone('America/New_York');

	it('ends a study day at 4 am, not at midnight', () => {
		const evening = studyDay(local(2026, 6, 9, 23));
		expect(studyDay(local(2026, 6, 10, 3, 59))).toBe(evening);
		expect(studyDay(local(2026, 6, 10, 4, 0))).toBe(evening + 1);
		expect(studyDay(local(2026, 6, 10, 4, 0), 0)).toBe(evening + 1);
		expect(studyDay(local(2026, 6, 10, 0, 30), 0)).toBe(evening + 1);
	});

	it('counts a 23-hour and a 25-hour day as one day each', () => {
		const before = studyDay(local(2026, 3, 7));
		// Clocks go forward at 2 am on 8 March: that study day lasts 23 hours.
		expect(startOfStudyDay(before + 1) - startOfStudyDay(before)).toBe(23 * HOUR);
		expect(studyDay(local(2026, 3, 8, 3, 30))).toBe(before);
		expect(studyDay(local(2026, 3, 15))).toBe(before + 8);
		// Clocks go back on 1 November: 25 hours.
		const autumn = studyDay(local(2026, 10, 31));
		expect(startOfStudyDay(autumn + 1) - startOfStudyDay(autumn)).toBe(25 * HOUR);
		expect(studyDay(local(2026, 11, 1, 3, 59))).toBe(autumn);
	});

	it('starts every study day at the rollover hour, local time', () => {
		const day = studyDay(local(2026, 3, 8, 12));
		expect(new Date(startOfStudyDay(day)).getHours()).toBe(4);
		expect(new Date(startOfStudyDay(day, 6)).getHours()).toBe(6);
		expect(studyDay(startOfStudyDay(day))).toBe(day);
		expect(weekday(day)).toBe(0); // 8 March 2026 is a Sunday
	});
});

describe('study days (Shanghai, far from UTC)', () => {
	inTimeZone('Asia/Shanghai');

	it('buckets by the local date, where the UTC date would be the day before', () => {
		const morning = local(2026, 6, 10, 7); // 23:00 UTC on 9 June
		expect(new Date(morning).getUTCDate()).toBe(9);
		expect(studyDay(morning)).toBe(studyDay(local(2026, 6, 10, 22)));
	});
});

describe('streak', () => {
	inTimeZone('Asia/Shanghai');
	const now = () => local(2026, 6, 10, 12);

	it('counts study days in a row up to today', () => {
		const times = [local(2026, 6, 8, 9), local(2026, 6, 9, 21), local(2026, 6, 10, 8), local(2026, 6, 10, 9)];
		expect(currentStreak(times, now())).toEqual({ days: 3, reviewedToday: true });
	});

	it('keeps the streak through yesterday until today is over', () => {
		expect(currentStreak([local(2026, 6, 8), local(2026, 6, 9)], now())).toEqual({ days: 2, reviewedToday: false });
		expect(currentStreak([local(2026, 6, 8)], now())).toEqual({ days: 0, reviewedToday: false });
		expect(currentStreak([], now())).toEqual({ days: 0, reviewedToday: false });
	});

	it('counts a review after midnight but before the rollover for the evening before', () => {
		// 23:00 on the 8th and 02:00 on the 9th are one study day, the 8th: at noon on the 9th, nothing today yet.
		const late = [local(2026, 6, 8, 23), local(2026, 6, 9, 2)];
		const noon = local(2026, 6, 9, 12);
		expect(currentStreak(late, noon)).toEqual({ days: 1, reviewedToday: false });
		// With days ending at midnight they are two days, and the 02:00 review was today.
		expect(currentStreak(late, noon, 0)).toEqual({ days: 2, reviewedToday: true });
		// A day later, the 9th (4 am to 4 am) had no review: the streak is gone.
		expect(currentStreak(late, now())).toEqual({ days: 0, reviewedToday: false });
		// 02:00 today is still yesterday's study day.
		expect(currentStreak([local(2026, 6, 10, 2)], now())).toEqual({ days: 1, reviewedToday: false });
	});

	it('stops at the first gap and ignores reviews stamped in the future', () => {
		const times = [local(2026, 6, 1), local(2026, 6, 9), local(2026, 6, 10), local(2026, 6, 12)];
		expect(currentStreak(times, now())).toEqual({ days: 2, reviewedToday: true });
		const counter = new StreakCounter(now());
		expect([local(2026, 6, 10), local(2026, 6, 9), local(2026, 6, 7)].map((at) => counter.add(at))).toEqual([
			true,
			true,
			false
		]);
	});
});

describe('reviews per day and the heatmap', () => {
	inTimeZone('America/New_York');

	it('buckets reviews and time by study day, empty days included, outside ones left out', () => {
		const first = studyDay(local(2026, 3, 6));
		const reviews = [
			{ at: local(2026, 3, 6, 10), durationMs: 5000 },
			{ at: local(2026, 3, 8, 3, 30), durationMs: 7000 }, // before the rollover on the short day: the 7th
			{ at: local(2026, 3, 8, 4, 30), durationMs: 1000 },
			{ at: local(2026, 3, 5, 12), durationMs: 9999 }, // before the range
			{ at: local(2026, 3, 9, 5), durationMs: 9999 } // after it
		];
		expect(dailyActivity(tallied(reviews), first, first + 2)).toEqual([
			{ day: first, reviews: 1, durationMs: 5000 },
			{ day: first + 1, reviews: 1, durationMs: 7000 },
			{ day: first + 2, reviews: 1, durationMs: 1000 }
		]);
	});

	it('lays the year out in weeks starting on the locale’s first day', () => {
		const today = studyDay(local(2026, 6, 10)); // a Wednesday
		const days = dailyActivity([], today - 364, today);
		const first = weekday(today - 364); // 11 June 2025, a Wednesday
		expect(first).toBe(3);
		const sundays = heatmapWeeks(days, 0);
		const mondays = heatmapWeeks(days, 1);
		expect(sundays[0]!.slice(0, 4).map((d) => d?.day ?? null)).toEqual([null, null, null, today - 364]);
		expect(mondays[0]!.slice(0, 3).map((d) => d?.day ?? null)).toEqual([null, null, today - 364]);
		for (const weeks of [sundays, mondays]) {
			expect(weeks.every((week) => week.length === 7)).toBe(true);
			expect(weeks.flat().filter((d) => d !== null)).toHaveLength(365);
			expect(weeks.flat().findLast((d) => d !== null)?.day).toBe(today);
		}
		expect(heatmapWeeks([], 1)).toEqual([]);
	});

	it('names every month of a strip once, never two names closer than a label’s width', () => {
		const today = studyDay(local(2026, 6, 10));
		const weeks = heatmapWeeks(dailyActivity([], today - 364, today), 1);
		const half = Math.ceil(weeks.length / 2);
		for (const strip of [weeks, weeks.slice(0, half), weeks.slice(half)]) {
			const labels = monthLabels(strip);
			const month = (day: number) => calendarDate(day).toISOString().slice(0, 7);
			// Each month named at most once, the strip's first month included, the last within the strip.
			expect(new Set(labels.map((l) => month(l.day))).size).toBe(labels.length);
			expect(labels[0]!.column).toBeLessThan(MONTH_LABEL_WEEKS);
			expect(labels.at(-1)!.column).toBeLessThanOrEqual(strip.length - MONTH_LABEL_WEEKS);
			labels.slice(1).forEach((label, i) => {
				expect(label.column - labels[i]!.column).toBeGreaterThanOrEqual(MONTH_LABEL_WEEKS);
			});
		}
		// The whole year from 11 June 2025: June (partial) is left to July, which starts three weeks in; then Aug-Jun.
		const year = monthLabels(weeks).map((l) => calendarDate(l.day).toISOString().slice(0, 7));
		expect(year).toEqual([
			'2025-06',
			'2025-07',
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06'
		]);
	});

	it('sums the days per calendar month for the table', () => {
		const first = studyDay(local(2026, 1, 30));
		const days = dailyActivity(
			tallied([
				{ at: local(2026, 1, 31), durationMs: 1000 },
				{ at: local(2026, 2, 1), durationMs: 2000 },
				{ at: local(2026, 2, 1, 13), durationMs: 3000 }
			]),
			first,
			first + 3
		);
		expect(monthlyTotals(days)).toEqual([
			{ firstDay: first, reviews: 1, activeDays: 1, durationMs: 1000 },
			{ firstDay: first + 2, reviews: 2, activeDays: 1, durationMs: 5000 }
		]);
	});
});

describe('due forecast', () => {
	inTimeZone('Asia/Shanghai');

	it('puts overdue cards in today, counts the days ahead, and never new or suspended cards', () => {
		const now = local(2026, 6, 10, 12);
		const due = (at: number, state = State.Review, suspended: 0 | 1 = 0) => ({
			memory: { ...learned(now - 10 * DAY), due: at, state },
			suspended
		});
		const forecast = dueForecast(
			[
				due(local(2026, 6, 1)), // overdue
				due(local(2026, 6, 10, 20), State.Learning), // later today
				due(local(2026, 6, 11, 3)), // before tomorrow's rollover: still today
				due(local(2026, 6, 11, 9)),
				due(local(2026, 6, 13, 9)),
				due(local(2026, 6, 13, 9), State.Review, 1), // suspended
				due(local(2026, 6, 12, 9), State.New), // new
				due(local(2026, 6, 20, 9)) // beyond the window
			],
			now,
			5
		);
		expect(forecast).toEqual([3, 1, 0, 1, 0]);
	});
});

/** The whole table, as the page counts it: from the tallies a rebuild writes. */
function trueRetention(logs: CardLog[], now: number, scheduler: Scheduler) {
	return retentionTable(logTallies(logs, scheduler), studyDay(now));
}

describe('true retention', () => {
	inTimeZone('America/New_York');
	const start = () => local(2025, 9, 1, 12);

	/** Learned with Easy, reviewed Easy after 8 days (young), then once more on `finalDay` with `finalGrade`. */
	function history(id: string, finalAt: number, finalGrade: Grade): CardLog {
		const t0 = start();
		return {
			chapterId: 'ch',
			introducedAt: t0,
			events: [
				grade(id, t0, Rating.Easy, State.New),
				grade(id, t0 + 8 * DAY, Rating.Easy),
				grade(id, finalAt, finalGrade)
			]
		};
	}

	it('splits reviews of young and mature cards, passed unless Again, over today, week, month and year', () => {
		const now = local(2026, 3, 20, 18);
		// The interval after the second Easy is past three weeks, so each third review is of a mature card.
		const logs = [
			history('a', local(2026, 3, 20, 9), Rating.Again), // today
			history('b', local(2026, 3, 16), Rating.Good), // this week
			history('c', local(2026, 3, 1), Rating.Hard) // this month
		];
		const rows = byPeriod(trueRetention(logs, now, exact));
		expect(rows.today).toMatchObject({ mature: { passed: 0, failed: 1 }, young: { passed: 0, failed: 0 } });
		expect(rows.week).toMatchObject({ mature: { passed: 1, failed: 1 }, total: { passed: 1, failed: 1 } });
		expect(rows.month.mature).toEqual({ passed: 2, failed: 1 });
		// The year reaches back to the second reviews, of young cards, all passed.
		expect(rows.year).toMatchObject({ young: { passed: 3, failed: 0 }, mature: { passed: 2, failed: 1 } });
		expect(rows.year.total).toEqual({ passed: 5, failed: 1 });
	});

	it('leaves learning steps out and reads the interval from the replayed log, not the stored state', () => {
		const now = local(2026, 3, 20, 18);
		const t = local(2026, 3, 18, 9);
		const steps: CardLog = {
			chapterId: 'ch',
			introducedAt: t,
			// stateBefore is deliberately wrong on the second row: the replay decides it was a learning step.
			events: [grade('s', t, Rating.Good, State.New), grade('s', t + 10 * MINUTE, Rating.Again, State.Review)]
		};
		const rows = trueRetention([steps], now, exact);
		expect(rows.every((row) => row.total.passed + row.total.failed === 0)).toBe(true);
	});

	it('gives no rate when there is nothing to count', () => {
		expect(retentionRate({ passed: 0, failed: 0 })).toBeNull();
		expect(retentionRate({ passed: 3, failed: 1 })).toBe(0.75);
	});
});

describe('cards now', () => {
	const now = Date.UTC(2026, 5, 10, 12);
	const card = (memory: MemoryState, suspended: 0 | 1 = 0) => ({ memory, suspended });

	it('counts cards by state, suspended ones apart whatever their state', () => {
		const review = learned(now - DAY);
		const counts = cardCounts([
			card(newMemoryState(now)),
			card({ ...review, state: State.Learning }),
			card(review),
			card({ ...review, state: State.Relearning }),
			card(review, 1),
			card(newMemoryState(now), 1)
		]);
		expect(counts).toEqual({ new: 1, learning: 1, review: 1, relearning: 1, suspended: 2 });
	});

	it('spreads stability and recall of studied cards only, with their median and mean', () => {
		const at = (stability: number) => card({ ...learned(now - DAY), stability });
		const cards = [at(0.5), at(2), at(5), at(400), card(newMemoryState(now))];
		const stability = stabilityDistribution(cards);
		expect(stability.buckets.map((b) => b.cards)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 1]);
		expect(stability.buckets.at(-1)).toMatchObject({ from: 365, to: null });
		expect(stability.centre).toBe(3.5);

		const recall = recallDistribution(cards, now, exact);
		expect(recall.buckets.reduce((sum, b) => sum + b.cards, 0)).toBe(4);
		// Recall stays above 90 % until as many days as the stability have passed: one day on, 2, 5 and 400 do.
		expect(recall.buckets.at(-1)?.cards).toBe(3);
		expect(recall.centre).toBeGreaterThan(0.6);
		expect(recallDistribution([card(newMemoryState(now))], now, exact)).toMatchObject({ centre: null });
		expect(stabilityDistribution([])).toMatchObject({ centre: null });
	});
});

describe('mastery and the report map', () => {
	const now = Date.UTC(2026, 5, 10, 12);
	const fresh = () => newMemoryState(now - 30 * DAY);
	const strong = () => learned(now - DAY); // recalled well a day after an Easy
	const faded = () => learned(now - 60 * DAY); // long past its due date

	describe('mastered: in review with a stability of 21 days or more (fixed dates, exact scheduler)', () => {
		const start = Date.UTC(2026, 0, 5, 9); // a Monday morning
		/** A card's memory after grades on the given days (days after `start`, fractions for the same day). */
		const after = (...grades: [number, Grade][]) =>
			grades.reduce((memory, [day, rating]) => exact.grade(memory, rating, start + day * DAY), newMemoryState(start));

		it('never counts a new card, a card in its learning steps, or a card just failed', () => {
			expect(isMastered(after())).toBe(false);
			// The first case: one new card graded Again is in learning, not 3 % mastered.
			const failedNew = after([0, Rating.Again]);
			expect(failedNew.state).toBe(State.Learning);
			expect(isMastered(failedNew)).toBe(false);
			expect(isMastered(after([0, Rating.Good]))).toBe(false);
			// A mature card failed today goes to relearning: no longer mastered, however high its old stability.
			const mature = after([0, Rating.Easy], [8, Rating.Easy], [40, Rating.Good]);
			expect(isMastered(mature)).toBe(true);
			const lapsed = exact.grade(mature, Rating.Again, start + 200 * DAY);
			expect(lapsed.state).toBe(State.Relearning);
			expect(isMastered(lapsed)).toBe(false);
		});

		it('counts a card whose memory lasts three weeks, whatever day it is read', () => {
			const young = after([0, Rating.Easy]); // one Easy: a stability of days, not weeks
			expect(young.state).toBe(State.Review);
			expect(young.stability).toBeLessThan(MASTERY_STABILITY_DAYS);
			expect(isMastered(young)).toBe(false);
			const mature = after([0, Rating.Easy], [8, Rating.Easy], [40, Rating.Good]);
			expect(mature.stability).toBeGreaterThanOrEqual(MASTERY_STABILITY_DAYS);
			expect(isMastered(mature)).toBe(true);
			// The line itself: 21 days is mastered, just under is not.
			expect(isMastered({ state: State.Review, stability: 21 })).toBe(true);
			expect(isMastered({ state: State.Review, stability: 20.999 })).toBe(false);
			expect(isMastered({ state: State.Review, stability: NaN })).toBe(false);
			// What 21 days means: the scheduler predicts 90 % recall or more three weeks after the last review.
			const line = { ...mature, stability: 21, lastReview: start };
			expect(exact.retrievability(line, start + 21 * DAY)).toBeGreaterThanOrEqual(0.9);
		});

		it('counts a chapter: home, the map and statistics take the same cards', () => {
			const result = mastery([
				{ memory: after([0, Rating.Again]) },
				{ memory: after([0, Rating.Easy]) },
				{ memory: after([0, Rating.Easy], [8, Rating.Easy], [40, Rating.Good]) },
				{ memory: fresh() }
			]);
			expect(result).toEqual({ mastered: 1, total: 4 });
			expect(masteryRatio(result)).toBe(0.25);
			expect(masteryRatio({ mastered: 0, total: 0 })).toBe(0);
		});
	});

	it('puts no card still in (re)learning in the recall spread, and rounds no passage up to known while due', () => {
		const justFailed = exact.grade(learned(now - 30 * DAY), Rating.Again, now - MINUTE);
		expect(justFailed.state).toBe(State.Relearning);
		// The long-term curve says a just-failed card is recalled for certain a minute later; the spread leaves it out.
		expect(exact.retrievability(justFailed, now)).toBeGreaterThan(0.9);
		const spread = recallDistribution([{ memory: justFailed, suspended: 0 }], now, exact);
		expect(spread.centre).toBeNull();
		expect(recallBand(0.95, 1)).toBe('fading');
		expect(recallBand(1, 0)).toBe('known');
	});

	it('shades each passage by the mean recall of its cards, not started until one is reviewed', () => {
		const cardAt = (id: string, paragraph: number, memory: MemoryState, suspended: 0 | 1 = 0): PassageCard => ({
			id,
			order: 0,
			memory,
			suspended,
			buriedUntil: 0,
			source: { section: 1, paragraph }
		});
		const cards = [
			cardAt('a', 1, strong()),
			cardAt('b', 1, fresh()),
			cardAt('c', 2, fresh()),
			cardAt('d', 2, fresh(), 1),
			cardAt('e', 3, faded())
		];
		const passages = [1, 2, 3, 4].map((paragraph) => ({ section: 1, paragraph }));
		const [one, two, three, four] = passageRecall(passages, cards, now, studyDayEnd(now), exact);
		expect(one).toMatchObject({ cards: 2, started: 1, fresh: 1, due: 0 });
		expect(one?.recall).toBeCloseTo(exact.retrievability(strong(), now) / 2);
		expect(two).toMatchObject({ cards: 2, started: 0, fresh: 1, recall: null }); // the suspended card is not offered
		expect(three).toMatchObject({ cards: 1, started: 1, due: 1 });
		expect(four).toMatchObject({ cards: 0, recall: null });
		expect([null, 0.95, 0.9, 0.8, 0.7, 0.5].map((recall) => recallBand(recall))).toEqual([
			'unstarted',
			'known',
			'known',
			'fading',
			'fading',
			'weak'
		]);
	});
});

describe('the statistics of a chapter', () => {
	const now = Date.UTC(2026, 5, 10, 12);
	const statsCard = (chapterId: string): StatsCard => ({ chapterId, suspended: 0, memory: learned(now - 2 * DAY) });
	const log = (chapterId: string, events: ReviewEvent[]): CardLog => ({
		chapterId,
		introducedAt: now - 400 * DAY,
		events
	});

	it('keeps one chapter’s cards and tallies', () => {
		const cards = [statsCard('one'), statsCard('two'), statsCard('one')];
		const tallies = logTallies(
			[
				log('one', [grade('a', now - 2 * DAY, Rating.Easy, State.New)]),
				log('two', [grade('b', now - 2 * DAY, Rating.Easy, State.New)]),
				// A retired card's reviews stay in its chapter's history; the card itself is in no digest.
				log('one', [grade('old', now - 3 * DAY, Rating.Good, State.New)])
			],
			exact
		);
		expect(chapterCards(cards, 'one')).toHaveLength(2);
		expect(chapterCards(cards, null)).toHaveLength(3);
		const figures = cardFigures(chapterCards(cards, 'one'), now, exact);
		expect(figures.counts).toMatchObject({ review: 2, new: 0 });
		expect(figures.forecast).toHaveLength(30);
		const { year } = historyFigures(tallies, 'one', now);
		expect(year).toHaveLength(365);
		expect(year.reduce((sum, day) => sum + day.reviews, 0)).toBe(2);
		expect(historyFigures(tallies, null, now).year.reduce((sum, day) => sum + day.reviews, 0)).toBe(3);
	});

	it('adds a grade to its day and takes it away again exactly, as grading and undoing do', () => {
		const before = learned(now - 30 * DAY);
		const event = grade('x', now - DAY, Rating.Again) as GradeEvent;
		const part = gradeTally('one', event, before);
		expect(part).toMatchObject({ reviews: 1, durationMs: 10_000, young: { passed: 0, failed: 1 } });
		const twice = addTally(part, part, 1);
		expect(twice).toMatchObject({ reviews: 2, young: { passed: 0, failed: 2 } });
		expect(addTally(twice, part, -1)).toEqual(part);
		// A mature card (interval of three weeks or more) counts in the mature column.
		expect(gradeTally('one', event, { ...before, scheduledDays: 21 }).mature).toEqual({ passed: 0, failed: 1 });
		// Learning steps count as reviews but not towards retention.
		expect(gradeTally('one', event, { ...before, state: State.Learning })).toMatchObject({
			reviews: 1,
			young: { passed: 0, failed: 0 },
			mature: { passed: 0, failed: 0 }
		});
	});

	it('counts the retention table over the days of each period', () => {
		const today = studyDay(now);
		const day = (offset: number, failed: number): DayTally => ({
			chapterId: 'one',
			day: today + offset,
			reviews: failed,
			durationMs: 0,
			young: { passed: 0, failed },
			mature: { passed: 1, failed: 0 }
		});
		const rows = byPeriod(
			retentionTable([day(0, 1), day(-6, 2), day(-7, 4), day(-364, 8), day(-365, 16), day(1, 32)], today)
		);
		expect(rows.today.young.failed).toBe(1);
		expect(rows.week.young.failed).toBe(3);
		expect(rows.month.young.failed).toBe(7);
		expect(rows.year.young.failed).toBe(15);
		expect(rows.year.total).toEqual({ passed: 4, failed: 15 });
	});
});

/** Retention rows by their period, each one there. */
function byPeriod(rows: readonly RetentionRow[]): Record<RetentionRow['period'], RetentionRow> {
	return Object.fromEntries(rows.map((row) => [row.period, row])) as Record<RetentionRow['period'], RetentionRow>;
}
