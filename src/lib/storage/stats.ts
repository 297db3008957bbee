/**
 * Reads for the statistics page and the report map. The statistics page reads only projections (projections/): a
 * few hundred to a few thousand rows at any size, and the quiz attempts.
 */
import type { StatsCard } from '../domain/stats/report';
import type { DayTally } from '../domain/stats/tallies';
import type { StoredCard, StoredChapter } from '../domain/collection';
import type { QuizAttempt } from '../domain/quiz/attempt';
import type { ReportCardDb } from './db';
import { digestedCards } from './projections/digests';
import { currentChapters } from './chapters';
import { activeCards } from './reviews';

export interface StatsSource {
	chapters: StoredChapter[];
	/** The cards still in their decks. */
	cards: StatsCard[];
	/** Every chapter's day tallies, retired cards' reviews included: they are part of the history. */
	tallies: DayTally[];
	/** Every quiz attempt, for the calibration of predicted scores. */
	attempts: QuizAttempt[];
}

export async function loadStatsSource(db: ReportCardDb): Promise<StatsSource> {
	return db.transaction('r', [db.chapters, db.cardDigests, db.tallies, db.attempts], async () => {
		const [chapters, digests, tallies, attempts] = await Promise.all([
			currentChapters(db),
			db.cardDigests.toArray(),
			db.tallies.toArray(),
			db.attempts.toArray()
		]);
		return { chapters, cards: digestedCards(digests), tallies, attempts };
	});
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
