/**
 * A scripted history for the statistics journey: a week of reviews on seven cards of one chapter, plus older reviews
 * that made two of them mature. Every figure the pages show can be counted from SCRIPT by hand (see the comments).
 */
import { newMemoryState, State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type Grade, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import type { RetentionPeriod } from '../../src/lib/domain/stats/retention';
import type { Seed } from './seed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** [card, day (0 = today, -1 = yesterday), local hour, minute, grade] */
const SCRIPT: [number, number, number, number, Grade][] = [
	// Cards 0 and 1: learned 100 days ago, reviewed twice since, so their intervals are past 21 days (mature).
	[0, -100, 12, 0, Rating.Easy],
	[0, -85, 12, 0, Rating.Easy],
	[0, -40, 12, 0, Rating.Easy],
	[0, -3, 12, 0, Rating.Good], // mature, passed
	[1, -100, 12, 5, Rating.Easy],
	[1, -85, 12, 5, Rating.Easy],
	[1, -40, 12, 5, Rating.Easy],
	[1, -2, 12, 0, Rating.Again], // mature, failed: relearning, due again in minutes
	// Card 2: learned five days ago (two learning steps), reviewed yesterday (young, passed).
	[2, -5, 12, 0, Rating.Good],
	[2, -5, 12, 10, Rating.Good],
	[2, -1, 12, 0, Rating.Good],
	// Card 3: learned four days ago, forgotten this morning (young, failed: relearning).
	[3, -4, 12, 0, Rating.Easy],
	[3, 0, 10, 0, Rating.Again],
	// Card 4: learned six days ago; its short interval has passed, so it is due.
	[4, -6, 12, 0, Rating.Good],
	[4, -6, 12, 10, Rating.Good],
	// Card 5: first seen at 2 am today, before the 4 am rollover: it counts for yesterday, not today.
	[5, 0, 2, 0, Rating.Good]
];
/** Card 6 is suspended and never reviewed. */
export const SUSPENDED_CARD = 6;
export const SEEDED_CARDS = 7;
export const REVIEW_SECONDS = 30;

/**
 * What the pages must show, counted from SCRIPT. Besides these: 16 reviews on 10 days in the past year (the week's 7
 * plus days -100, -85 and -40); 10 in the past 30 days, on 7 study days (card 5 landing on day -1), 30 s each, so
 * 5 minutes in all and 300 s / 7 = 43 s a day.
 */
export const EXPECTED = {
	reviewedToday: 1, // card 3 at 10:00; card 5 at 02:00 belongs to yesterday
	streak: 7, // days -6 to 0
	dueToday: 4, // cards 1 and 3 (relearning), 4 (review, overdue), 5 (learning)
	newStartedToday: 0, // card 5 was started before the rollover
	states: { learning: 1, review: 3, relearning: 2, suspended: 1 }
} as const;

/** Passed and all reviews, or null for none. */
type Tally = readonly [passed: number, all: number] | null;

export const EXPECTED_RETENTION: Record<RetentionPeriod, Record<'young' | 'mature' | 'total', Tally>> = {
	// True retention (reviews of cards in the review state only):
	// today: card 3 Again (young). Week and month: card 0 Good, card 1 Again (mature); card 2 Good, card 3 Again (young).
	// Year: plus cards 0 and 1 at day -85 (young, passed) and day -40 (mature, passed).
	today: { young: [0, 1], mature: null, total: [0, 1] },
	week: { young: [1, 2], mature: [1, 2], total: [2, 4] },
	month: { young: [1, 2], mature: [1, 2], total: [2, 4] },
	year: { young: [3, 4], mature: [3, 4], total: [6, 8] }
};

/**
 * The seed for `cardIds` (at least SEEDED_CARDS, in report order), with `now` at noon local time of "today". Card
 * states are the replay of their log through the app's own scheduler, as the app caches them.
 */
export function buildSeed(now: number, cardIds: readonly string[]): Seed {
	const scheduler = new Scheduler();
	const local = (day: number, hour: number, minute: number) => now + day * DAY + (hour - 12) * HOUR + minute * MINUTE;
	const events: ReviewEvent[] = [];
	const cards = cardIds.slice(0, SEEDED_CARDS).map((id, index) => {
		const script = SCRIPT.filter(([card]) => card === index);
		const introducedAt = script.length > 0 ? local(script[0]![1], script[0]![2], script[0]![3]) : now;
		let memory = newMemoryState(introducedAt);
		script.forEach(([, day, hour, minute, rating], n) => {
			const at = local(day, hour, minute);
			checkMaturity(index, day, memory.state, memory.scheduledDays);
			events.push({
				id: `seed-${index}-${n}`,
				cardId: id,
				kind: 'grade',
				rating,
				at,
				durationMs: REVIEW_SECONDS * 1000,
				stateBefore: memory.state
			});
			memory = scheduler.grade(memory, rating, at);
		});
		return { id, introducedAt, memory, suspended: index === SUSPENDED_CARD ? (1 as const) : (0 as const) };
	});
	return { cards, events };
}

/** The script's comments claim which reviews were of young and of mature cards: hold it to that. */
function checkMaturity(card: number, day: number, state: State, intervalDays: number): void {
	if (state !== State.Review) return;
	const mature = (card === 0 || card === 1) && day !== -85;
	if (mature !== intervalDays >= 21) {
		throw new Error(
			`Fixture: card ${card} on day ${day} has a ${intervalDays}-day interval, expected mature=${mature}`
		);
	}
}
