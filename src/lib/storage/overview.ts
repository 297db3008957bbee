/**
 * What the home screen shows: today's work (due, new, reviewed, streak) and per chapter its cards due and new, its
 * mastery and its best and latest quiz score.
 */
import { SLOT_MS, slotOf } from '../domain/scheduling/grade-slots';
import { NOTHING_DONE, NO_LIMITS, buildQueue } from '../domain/scheduling/queue';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../domain/settings';
import { StreakCounter, type Streak } from '../domain/stats/streak';
import type { ChapterOverview, HomeOverview, ScoreSummary, TodayOverview } from '../domain/stats/overview';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import { DAY_MS, studyDayEnd, studyDayStart } from '../domain/time';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { ReportCardDb } from './db';
import { currentChapters } from './chapters';
import { chapterCounts, type ChapterCounts } from './projections/digests';
import { projectionsStale } from './projections/marker';
import {
	queueTables,
	newCardsToRead,
	cramCandidates,
	cramRuleFor,
	queueCandidatesByKind,
	queuedNew,
	todaysCounts,
	todaysLimits
} from './reviews';

/**
 * Read through indexes and the card digests, so its cost hardly grows with the collection: today's queue from the
 * queue indexes, and per chapter its due cards (few), the counts of its new, active and mastered cards, and the few
 * buried cards. The counts come from the digests while the projections hold (projections/marker.ts), else from index
 * counts, which Chromium makes one entry at a time (about 1 s at 100,000 cards).
 */
export async function homeOverview(
	db: ReportCardDb,
	now: number,
	scheduler: Scheduler,
	settings: StudySettings = DEFAULT_STUDY_SETTINGS
): Promise<HomeOverview> {
	const { rolloverHour } = settings;
	const dayEnd = studyDayEnd(now, rolloverHour);
	return db.transaction('r', [...queueTables(db), db.chapters, db.attempts], async () => {
		const chapters = await currentChapters(db);
		const digested = (await projectionsStale(db)) ? null : chapterCounts(await db.cardDigests.toArray());
		const attempts = await db.attempts.where('finishedAt').above(0).sortBy('finishedAt');
		// Open attempts are few (one per chapter at most): attempts not in the finishedAt index.
		const open = await db.attempts.filter((attempt) => attempt.finishedAt === null).toArray();
		const counts = await todaysCounts(db, now, rolloverHour);
		const limits = await todaysLimits(db, now, settings);
		const newLimit = newCardsToRead(limits, counts, settings);
		const { due, fresh } = await queueCandidatesByKind(db, { now, reviewEnd: dayEnd, newLimit });
		// An exam's last days add the cards that would fall below the target: they count as due, as in the review.
		const rule = cramRuleFor(settings, scheduler, now, dayEnd);
		const cram = await cramCandidates(db, { rule, today: counts });
		const cramIds = new Set(cram.map((card) => card.id));
		const queue = buildQueue([...due, ...fresh, ...cram], now, dayEnd, counts, limits, false, cramIds);
		const today: TodayOverview = {
			due: queue.dueCount,
			fresh: queue.newCount,
			heldBack: queue.heldBack,
			reviewed: counts.gradesGiven,
			streak: await reviewStreak(db, now, rolloverHour)
		};
		// Buried cards are few (until the end of the day they were buried on): the new ones leave the chapters' counts.
		const buriedNew = await db.cards
			.where('buriedUntil')
			.above(now)
			.filter((card) => card.queueNew !== undefined)
			.toArray();
		return {
			today,
			chapters: await Promise.all(
				chapters.map(async (chapter): Promise<ChapterOverview> => {
					const {
						queuedNew: queuedNewCount,
						total,
						mastered
					} = digested ? (digested.get(chapter.id) ?? NO_CARDS) : await indexCounts(db, chapter.id);
					// Per chapter, every new card counts: the daily limits apply to the day, not to each chapter. Its due
					// cards are those the day's queue read (every started card due today), not read again.
					const own = [...due, ...cram].filter((card) => card.chapterId === chapter.id);
					const dueCount = buildQueue(own, now, dayEnd, NOTHING_DONE, NO_LIMITS, false, cramIds).dueCount;
					const buried = buriedNew.filter((card) => card.chapterId === chapter.id).length;
					// Retries of missed questions say nothing about the whole chapter, so only full attempts score.
					const scores = attempts.filter(
						(a) => a.chapterId === chapter.id && a.retryOf === null && a.focus === undefined
					);
					const best = scores.reduce<ScoreSummary | null>(
						(top, a) => (!top || a.correct / a.total > top.correct / top.total ? a : top),
						null
					);
					const latest = scores.at(-1) ?? null;
					const unfinished = open.find((a) => a.chapterId === chapter.id && a.focus === undefined);
					return {
						chapter,
						due: dueCount,
						fresh: queuedNewCount - buried,
						total,
						mastery: { mastered, total },
						best: best && { correct: best.correct, total: best.total },
						latest: latest && { correct: latest.correct, total: latest.total },
						unfinished: unfinished ? { answered: unfinished.answers.length, total: unfinished.total } : null
					};
				})
			)
		};
	});
}

const NO_CARDS: ChapterCounts = { queuedNew: 0, total: 0, mastered: 0 };

/** A chapter's counts by index, when the digests cannot be trusted. */
async function indexCounts(db: ReportCardDb, chapterId: string): Promise<ChapterCounts> {
	const [queuedNewCount, total, mastered] = await Promise.all([
		queuedNew(db, chapterId).count(),
		// Every active card has a mastered key, 0 or 1 (index-keys.ts); retired ones none.
		db.cards.where('[chapterId+mastered]').between([chapterId, 0], [chapterId, 1], true, true).count(),
		db.cards.where('[chapterId+mastered]').equals([chapterId, 1]).count()
	]);
	return { queuedNew: queuedNewCount, total, mastered };
}

/**
 * The current streak: from the grade slots while the projections hold, else from the log. A slot row exists only
 * while it holds a grade not undone (an emptied slot is deleted), so the slots' keys alone say which study days had
 * one: a few reads of keys, however long the streak (a year's streak was one read of the log per day, in sequence).
 */
export async function reviewStreak(db: ReportCardDb, now: number, rolloverHour: number): Promise<Streak> {
	if (await projectionsStale(db)) return streakFromLog(db, now, rolloverHour);
	const counter = new StreakCounter(now, rolloverHour);
	for (let end = studyDayEnd(now, rolloverHour); ; end -= STREAK_WINDOW_MS) {
		const slots = await db.gradeSlots
			.where('slot')
			.between(slotOf(end - STREAK_WINDOW_MS), slotOf(end), true, false)
			.primaryKeys();
		// No grade in a whole window: whatever came before it is no part of the streak.
		if (slots.length === 0) return counter.streak;
		for (let i = slots.length - 1; i >= 0; i--) if (!counter.add(slots[i]! * SLOT_MS)) return counter.streak;
	}
}

/** How far back one read of slot keys looks: most streaks end within it. */
const STREAK_WINDOW_MS = 64 * DAY_MS;

/**
 * The streak from the log, before the projections are built (an upgraded database): each step asks the `at` index for
 * the latest grade not undone before the day already counted, one row per study day of the streak. The undone ones
 * come first from the `cancels` index, which holds only the (few) undo events. Unlike the slots, it also counts a
 * grade whose card this device does not hold yet (another device's, arrived before its card).
 */
async function streakFromLog(db: ReportCardDb, now: number, rolloverHour: number): Promise<Streak> {
	const undone = new Set((await db.reviews.where('cancels').above('').toArray()).flatMap(cancelledBy));
	const counter = new StreakCounter(now, rolloverHour);
	for (let before = studyDayEnd(now, rolloverHour); ;) {
		const latest = await db.reviews
			.where('at')
			.below(before)
			.reverse()
			.filter((event) => event.kind === 'grade' && !undone.has(event.id))
			.first();
		if (!latest || !counter.add(latest.at)) return counter.streak;
		before = studyDayStart(latest.at, rolloverHour);
	}
}

function cancelledBy(event: ReviewEvent): string[] {
	return event.kind === 'undo' ? [event.cancels] : [];
}
