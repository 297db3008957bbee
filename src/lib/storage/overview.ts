/** What the home screen shows per chapter: cards due, new cards available, best and latest quiz score. */
import { isDue } from '../domain/scheduling/queue';
import { activeCards } from './reviews';
import { State } from '../domain/scheduling/memory';
import { studyDayEnd } from '../domain/time';
import type { ReportCardDb, StoredChapter } from './db';

export interface ScoreSummary {
	correct: number;
	total: number;
}

export interface ChapterOverview {
	chapter: StoredChapter;
	due: number;
	fresh: number;
	total: number;
	best: ScoreSummary | null;
	latest: ScoreSummary | null;
}

export async function chapterOverviews(db: ReportCardDb, now: number): Promise<ChapterOverview[]> {
	return db.transaction('r', [db.chapters, db.cards, db.attempts], async () => {
		const chapters = (await db.chapters.orderBy('order').toArray()).filter((c) => c.retired === 0);
		const cards = await activeCards(db);
		const attempts = await db.attempts.where('finishedAt').above(0).sortBy('finishedAt');
		const dayEnd = studyDayEnd(now);
		return chapters.map((chapter) => {
			// Suspended and buried cards are out of today's study, so they count neither as due nor as new.
			const own = cards.filter(
				(card) => card.chapterId === chapter.id && card.suspended === 0 && card.buriedUntil <= now
			);
			// Retries of missed questions say nothing about the whole chapter, so only full attempts score.
			const scores = attempts.filter((a) => a.chapterId === chapter.id && a.retryOf === null);
			const best = scores.reduce<ScoreSummary | null>(
				(top, a) => (!top || a.correct / a.total > top.correct / top.total ? a : top),
				null
			);
			const latest = scores.at(-1) ?? null;
			return {
				chapter,
				due: own.filter((card) => isDue(card.memory, now, dayEnd)).length,
				fresh: own.filter((card) => card.memory.state === State.New).length,
				total: own.length,
				best: best && { correct: best.correct, total: best.total },
				latest: latest && { correct: latest.correct, total: latest.total }
			};
		});
	});
}

/** A chapter still in the shipped decks, or undefined for an unknown or retired id. */
export async function findChapter(db: ReportCardDb, id: string): Promise<StoredChapter | undefined> {
	const chapter = await db.chapters.get(id);
	return chapter?.retired === 0 ? chapter : undefined;
}
