/**
 * The figures of the statistics page for the whole report or one chapter. Three groups, each from its own data, so
 * the page can show each as soon as its data is read: the cards now, the reviews over time, and true retention
 * (which replays every card's log: the costly one, counted card by card in retention.ts).
 */
import type { MemoryState } from '../scheduling/memory';
import type { ReviewEvent } from '../scheduling/review-log';
import type { Scheduler } from '../scheduling/scheduler';
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { dailyActivity, type DayActivity } from './activity';
import { cardCounts, recallDistribution, stabilityDistribution, type CardCounts, type Distribution } from './cards';
import { studyDay } from './days';
import { dueForecast } from './forecast';
import { groupBy } from './group';
import type { CardLog } from './retention';

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RECENT_DAYS = 30;

export interface StatsCard {
	id: string;
	chapterId: string;
	introducedAt: number;
	/** Retired cards left the decks: they count in the history (reviews, retention) but not among today's cards. */
	retired: 0 | 1;
	suspended: 0 | 1;
	memory: MemoryState;
}

export interface CardFigures {
	/** The study day the figures are for. */
	today: number;
	counts: CardCounts;
	/** Cards due per study day, today (with overdue cards) first. */
	forecast: number[];
	stability: Distribution;
	recall: Distribution;
}

/** The cards of one chapter, or all for null. */
export function chapterCards<T extends { chapterId: string }>(cards: readonly T[], chapterId: string | null): T[] {
	return chapterId === null ? [...cards] : cards.filter((card) => card.chapterId === chapterId);
}

/** The log rows about `cards`. */
export function eventsOf(cards: readonly { id: string }[], events: readonly ReviewEvent[]): ReviewEvent[] {
	const ids = new Set(cards.map((card) => card.id));
	return events.filter((event) => ids.has(event.cardId));
}

export function cardFigures(
	cards: readonly StatsCard[],
	now: number,
	scheduler: Scheduler,
	rolloverHour = DEFAULT_ROLLOVER_HOUR
): CardFigures {
	const active = cards.filter((card) => card.retired === 0);
	return {
		today: studyDay(now, rolloverHour),
		counts: cardCounts(active),
		forecast: dueForecast(active, now, FORECAST_DAYS, rolloverHour),
		stability: stabilityDistribution(active),
		recall: recallDistribution(active, now, scheduler)
	};
}

/** Reviews per study day over the past year, oldest first, ending today. */
export function reviewYear(
	events: readonly ReviewEvent[],
	now: number,
	rolloverHour = DEFAULT_ROLLOVER_HOUR
): DayActivity[] {
	const today = studyDay(now, rolloverHour);
	const grades = events.filter((event) => event.kind === 'grade');
	return dailyActivity(grades, today - HEATMAP_DAYS + 1, today, rolloverHour);
}

/** Each card's log, for replaying. */
export function cardLogs(cards: readonly StatsCard[], events: readonly ReviewEvent[]): CardLog[] {
	const byCard = groupBy(events, (event) => event.cardId);
	return cards.map((card) => ({ introducedAt: card.introducedAt, events: byCard.get(card.id) ?? [] }));
}
