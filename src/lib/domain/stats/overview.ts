/** What the home screen shows: today's work and, per chapter, its cards, mastery and quiz scores. */
import type { StoredChapter } from '../collection';
import type { Streak } from './streak';
import type { Mastery } from './mastery';

export interface ScoreSummary {
	correct: number;
	total: number;
}

export interface ChapterOverview {
	chapter: StoredChapter;
	due: number;
	fresh: number;
	total: number;
	mastery: Mastery;
	best: ScoreSummary | null;
	latest: ScoreSummary | null;
	/** A quiz of this chapter begun and not finished: how far it got. */
	unfinished: { answered: number; total: number } | null;
}

export interface TodayOverview {
	due: number;
	/** New cards the daily limit still lets the learner start today. */
	fresh: number;
	/** Grades given today and not undone (a card graded twice counts twice). */
	reviewed: number;
	streak: Streak;
	/** New cards the daily limit holds back today (beyond `fresh`). */
	heldBack: number;
}

export interface HomeOverview {
	today: TodayOverview;
	chapters: ChapterOverview[];
}
