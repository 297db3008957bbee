/**
 * The figures of the statistics page for the whole report or one chapter, in two groups from two small reads: the
 * cards now (from the card digests) and the reviews over time (from the day tallies).
 */
import type { MemoryState } from '../scheduling/memory';
import type { Scheduler } from '../scheduling/scheduler';
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { dailyActivity, type DayActivity } from './activity';
import { cardCounts, recallDistribution, stabilityDistribution, type CardCounts, type Distribution } from './cards';
import { studyDay } from './days';
import { dueForecast } from './forecast';
import { retentionTable, type RetentionRow } from './retention';
import type { DayTally } from './tallies';

export const HEATMAP_DAYS = 365;
export const FORECAST_DAYS = 30;
export const RECENT_DAYS = 30;

/** What the figures need of a card still in its deck: the rest of its row stays unread. */
export interface StatsCard {
	chapterId: string;
	suspended: 0 | 1;
	memory: StatsMemory;
}

export type StatsMemory = Pick<MemoryState, 'state' | 'stability' | 'lastReview' | 'due'>;

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

export function cardFigures(
	cards: readonly StatsCard[],
	now: number,
	scheduler: Scheduler,
	rolloverHour = DEFAULT_ROLLOVER_HOUR
): CardFigures {
	return {
		today: studyDay(now, rolloverHour),
		counts: cardCounts(cards),
		forecast: dueForecast(cards, now, FORECAST_DAYS, rolloverHour),
		stability: stabilityDistribution(cards),
		recall: recallDistribution(cards, now, scheduler)
	};
}

/** The tallies of one chapter, or all for null. */
export function chapterTallies(tallies: readonly DayTally[], chapterId: string | null): DayTally[] {
	return chapterId === null ? [...tallies] : tallies.filter((tally) => tally.chapterId === chapterId);
}

export interface HistoryFigures {
	/** Reviews per study day over the past year, oldest first, ending today. */
	year: DayActivity[];
	retention: RetentionRow[];
}

/** The reviews over time of one chapter's tallies, or all for null. */
export function historyFigures(tallies: readonly DayTally[], chapterId: string | null, now: number): HistoryFigures {
	const today = studyDay(now, DEFAULT_ROLLOVER_HOUR);
	const chosen = chapterTallies(tallies, chapterId);
	return {
		year: dailyActivity(chosen, today - HEATMAP_DAYS + 1, today),
		retention: retentionTable(chosen, today)
	};
}
