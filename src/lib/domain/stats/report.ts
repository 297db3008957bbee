/**
 * Every figure of the statistics page for the whole report or one chapter, from the cards and the review log. Pure:
 * the page computes it once per chapter chosen, from one read of the database.
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
import { trueRetention, type CardLog, type RetentionRow } from './retention';

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

export interface ReportStats {
	today: number;
	counts: CardCounts;
	/** Cards due per study day, today (with overdue cards) first. */
	forecast: number[];
	/** Reviews per study day over the past year, oldest first, ending today. */
	year: DayActivity[];
	retention: RetentionRow[];
	stability: Distribution;
	recall: Distribution;
}

/** The cards of one chapter (or all, for null) and the log rows about them. */
export function selectChapter(
	cards: readonly StatsCard[],
	events: readonly ReviewEvent[],
	chapterId: string | null
): { cards: readonly StatsCard[]; events: readonly ReviewEvent[] } {
	if (chapterId === null) return { cards, events };
	const own = cards.filter((card) => card.chapterId === chapterId);
	const ids = new Set(own.map((card) => card.id));
	return { cards: own, events: events.filter((event) => ids.has(event.cardId)) };
}

export function reportStats(
	cards: readonly StatsCard[],
	events: readonly ReviewEvent[],
	now: number,
	scheduler: Scheduler,
	rolloverHour = DEFAULT_ROLLOVER_HOUR
): ReportStats {
	const active = cards.filter((card) => card.retired === 0);
	const today = studyDay(now, rolloverHour);
	const grades = events.filter((event) => event.kind === 'grade');
	return {
		today,
		counts: cardCounts(active),
		forecast: dueForecast(active, now, FORECAST_DAYS, rolloverHour),
		year: dailyActivity(grades, today - HEATMAP_DAYS + 1, today, rolloverHour),
		retention: trueRetention(cardLogs(cards, events), now, scheduler, rolloverHour),
		stability: stabilityDistribution(active),
		recall: recallDistribution(active, now, scheduler)
	};
}

function cardLogs(cards: readonly StatsCard[], events: readonly ReviewEvent[]): CardLog[] {
	const byCard = groupBy(events, (event) => event.cardId);
	return cards.map((card) => ({ introducedAt: card.introducedAt, events: byCard.get(card.id) ?? [] }));
}
