/** Reads for the statistics page and the report map; the figures come from domain/stats. */
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StatsCard } from '../domain/stats/report';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb, StoredChapter } from './db';
import { currentChapters } from './chapters';
import { activeCards } from './reviews';

export interface StatsCards {
	chapters: StoredChapter[];
	/** Every card, retired ones too: their reviews are part of the history. */
	cards: StatsCard[];
}

export async function loadStatsCards(db: ReportCardDb): Promise<StatsCards> {
	return db.transaction('r', [db.chapters, db.cards], async () => {
		const [chapters, cards] = await Promise.all([currentChapters(db), db.cards.toArray()]);
		return { chapters, cards };
	});
}

/**
 * Rows per read of the log. The browser parses each read on the page's own thread, so a long log is read in steps,
 * with `between` (a pause for painting and input) after each, instead of freezing the page for one large read.
 */
const LOG_STEP = 10_000;

/**
 * The whole review log, in id order. Each step is its own read: a row added meanwhile may be missed, which only
 * matters to a page that is not itself adding reviews.
 */
export async function loadReviewLog(
	db: ReportCardDb,
	between: () => Promise<void>,
	rowsPerStep = LOG_STEP
): Promise<ReviewEvent[]> {
	const events: ReviewEvent[] = [];
	for (let after: string | null = null; ;) {
		const step: ReviewEvent[] = await (after === null ? db.reviews : db.reviews.where(':id').above(after))
			.limit(rowsPerStep)
			.toArray();
		for (const event of step) events.push(event);
		if (step.length < rowsPerStep) return events;
		after = step[step.length - 1].id;
		await between();
	}
}

export interface MapSource {
	chapters: StoredChapter[];
	cards: StoredCard[];
}

/** The chapters with their paragraph summaries and the cards that cite them. */
export async function loadMapSource(db: ReportCardDb): Promise<MapSource> {
	return db.transaction('r', [db.chapters, db.cards], async () => {
		const [chapters, cards] = await Promise.all([currentChapters(db), activeCards(db)]);
		return { chapters, cards };
	});
}
