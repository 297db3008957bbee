/** Reads for the statistics page and the report map; the figures come from domain/stats. */
import type { StatsCard } from '../domain/stats/report';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb, StoredChapter } from './db';
import { activeChapters } from './overview';
import { activeCards } from './reviews';

export interface StatsSource {
	chapters: StoredChapter[];
	/** Every card, retired ones too: their reviews are part of the history. */
	cards: StatsCard[];
	events: ReviewEvent[];
}

/** Everything the statistics page needs, read once; choosing a chapter then filters in memory. */
export async function loadStatsSource(db: ReportCardDb): Promise<StatsSource> {
	return db.transaction('r', [db.chapters, db.cards, db.reviews], async () => {
		const [chapters, cards, events] = await Promise.all([activeChapters(db), db.cards.toArray(), db.reviews.toArray()]);
		return { chapters, cards, events };
	});
}

export interface MapSource {
	chapters: StoredChapter[];
	cards: StoredCard[];
}

/** The chapters with their paragraph summaries and the cards that cite them. */
export async function loadMapSource(db: ReportCardDb): Promise<MapSource> {
	return db.transaction('r', [db.chapters, db.cards], async () => {
		const [chapters, cards] = await Promise.all([activeChapters(db), activeCards(db)]);
		return { chapters, cards };
	});
}
