/** The storage and state behind the home screen, statistics page, report map and paragraph reviews (fake-indexeddb). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { passageFromQuery, reviewHref } from '../../src/lib/links';
import { HomeState } from '../../src/lib/state/home.svelte';
import { MapState } from '../../src/lib/state/map.svelte';
import { ReviewSession } from '../../src/lib/state/review-session.svelte';
import { StatsState } from '../../src/lib/state/stats.svelte';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { homeOverview, reviewStreak } from '../../src/lib/storage/overview';
import { buryCard, gradeCard, loadQueue, setSuspended, todaysCounts } from '../../src/lib/storage/reviews';
import { loadMapSource, loadStatsSource } from '../../src/lib/storage/stats';
import { projectionsStale } from '../../src/lib/storage/projections/marker';
import { rebuildProjections } from '../../src/lib/storage/projections/rebuild';
import { appendEvents } from '../../src/lib/storage/projections/write';
import {
	DAY,
	HOUR,
	MINUTE,
	compiled,
	exactScheduler,
	learnerScheduler,
	makeCard,
	makeDeck,
	openTestDb,
	writeRaw,
	schedulerFor,
	withScheduler
} from './factories';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../../src/lib/domain/settings';
import { NOTHING_DONE, NO_LIMITS, buildQueue } from '../../src/lib/domain/scheduling/queue';
import { seededRandom } from '../../src/lib/domain/random';
import { mastery } from '../../src/lib/domain/stats/mastery';
import type { StoredCard } from '../../src/lib/domain/collection';
import { localDate, studyDayEnd } from '../../src/lib/domain/time';
import { cramCards, cramming, examStart } from '../../src/lib/domain/stats/exam-plan';

const scheduler = exactScheduler();
const settings = DEFAULT_STUDY_SETTINGS;
const context = { clock: () => 0, study: settings, scheduler, contentLanguage: 'en' as const };
import { inTimeZone, local } from './time-zone';

let db: ReportCardDb;
let now: number;

inTimeZone('Asia/Shanghai');

beforeEach(async () => {
	now = local(2026, 6, 10, 12);
	db = openTestDb();
	const cards = [
		makeCard({ id: 'a', order: 1, source: { section: 1, paragraph: 1 } }),
		makeCard({ id: 'b', order: 2, source: { section: 1, paragraph: 1 } }),
		makeCard({ id: 'c', order: 3, source: { section: 1, paragraph: 2 } }),
		makeCard({ id: 'd', order: 4, source: { section: 1, paragraph: 2 } })
	];
	await syncContent(db, scheduler, compiled(makeDeck(cards)), now - 30 * DAY);
});
afterEach(() => db.close());

async function grade(cardId: string, rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, at: number) {
	const card = await db.cards.get(cardId);
	return gradeCard(db, scheduler, { cardId, rating, now: at, durationMs: 4000, shownReps: card?.memory.reps ?? -1 });
}

function gradeRow(id: string, at: number): ReviewEvent {
	return { id, cardId: 'a', kind: 'grade', rating: Rating.Good, at, durationMs: 1, stateBefore: State.Review };
}

describe('home overview', () => {
	it('shows today’s due, new and reviewed cards, the streak and each chapter’s mastery', async () => {
		// 'a' has weeks of memory (three Easy grades over two months): mastered. 'c' one Easy: in review, days of memory.
		await grade('a', Rating.Easy, now - 60 * DAY);
		await grade('a', Rating.Easy, now - 50 * DAY);
		await grade('a', Rating.Easy, now - 2 * DAY);
		await grade('c', Rating.Easy, local(2026, 6, 10, 2)); // 2 am: before the rollover, so yesterday
		const limits = { ...settings, newPerDay: 1 };
		const first = await homeOverview(db, now, schedulerFor(limits), limits);
		expect(first.today).toEqual({
			due: 0,
			fresh: 1,
			heldBack: 1,
			reviewed: 0,
			streak: { days: 2, reviewedToday: false }
		});
		// The daily limit is for the day; a chapter shows all its new cards.
		expect(first.chapters[0]).toMatchObject({ due: 0, fresh: 2, total: 4, mastery: { mastered: 1, total: 4 } });

		await grade('b', Rating.Good, now); // the day's one new card, into a 10-minute learning step
		const later = await homeOverview(db, now + MINUTE, schedulerFor(limits), limits);
		expect(later.today).toEqual({
			due: 0,
			fresh: 0,
			heldBack: 1,
			reviewed: 1,
			streak: { days: 3, reviewedToday: true }
		});
		expect(later.chapters[0]).toMatchObject({ fresh: 1 });
		expect((await homeOverview(db, now + 11 * MINUTE, schedulerFor(limits), limits)).today.due).toBe(1);
	});

	it('leaves suspended and buried cards out of the counts', async () => {
		await setSuspended(db, scheduler, 'a', true, now);
		await buryCard(db, scheduler, 'b', now, 4);
		const { today, chapters } = await homeOverview(db, now, schedulerFor());
		expect(today.fresh).toBe(2);
		expect(chapters[0]!.fresh).toBe(2);
	});

	it('counts the streak in study days, however many reviews a day holds', async () => {
		const today = local(2026, 6, 10, 9);
		const rows = [
			...Array.from({ length: 700 }, (_, i) => gradeRow(`t${i}`, today)),
			gradeRow('y', local(2026, 6, 9, 9)),
			gradeRow('gap', local(2026, 6, 7, 9)),
			// Quiz mistakes in the log are not reviews: they neither make nor keep a streak.
			{ id: 'q', cardId: 'a', kind: 'due-now', at: local(2026, 6, 8, 9), questionId: 'x' } as const
		];
		await appendEvents(db, scheduler, rows);
		expect(await reviewStreak(db, now, 4)).toEqual({ days: 2, reviewedToday: true });
		expect(await reviewStreak(db, local(2026, 6, 12, 12), 4)).toEqual({ days: 0, reviewedToday: false });
		// An undone grade was never given: yesterday's only grade undone, the streak is today alone.
		await appendEvents(db, scheduler, [{ id: 'u', cardId: 'a', kind: 'undo', at: today, cancels: 'y' }]);
		expect(await reviewStreak(db, now, 4)).toEqual({ days: 1, reviewedToday: true });
	});

	it('counts by index, and from the card digests, exactly what a pass over every card counts, on a random collection', async () => {
		const chapterIds = ['ch1', 'ch2', 'ch3'];
		const random = seededRandom(9);
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
		const cards = Array.from({ length: 300 }, (_, i) =>
			makeCard({ id: `r${i}`, order: Math.floor(random() * 400), chapterId: pick(chapterIds) })
		);
		const deck = makeDeck(cards);
		const first = deck.chapters[0]!;
		deck.chapters = chapterIds.map((id, i) => ({ ...first, id, order: i + 1 }));
		await syncContent(db, scheduler, compiled(deck, 'random'), now - 60 * DAY);
		const states = [State.New, State.Learning, State.Review, State.Review, State.Relearning];
		const rows = (await db.cards.toArray()).map((card): StoredCard => {
			const state = pick(states);
			const lastReview = state === State.New ? null : now - Math.floor(random() * 40 * DAY);
			// Due around now: overdue, later today (before and after the learn-ahead window), tomorrow, next week.
			const due = now + pick([-3 * DAY, -MINUTE, 0, 10 * MINUTE, 30 * MINUTE, 10 * HOUR, DAY, 7 * DAY]);
			const stability = pick([() => 1 + Math.floor(random() * 30), () => random() * 30])();
			return {
				...card,
				memory: { ...card.memory, state, due, stability, lastReview, reps: state === State.New ? 0 : 3 },
				due,
				retired: random() < 0.1 ? 1 : 0,
				suspended: random() < 0.1 ? 1 : 0,
				// Buried until the end of today or of yesterday (already back), or never.
				buriedUntil: pick([0, 0, 0, studyDayEnd(now), studyDayEnd(now - DAY)])
			};
		});
		// Plausible states, not replays of a log: written as a seeder writes them.
		await writeRaw(db, {
			cards: rows,
			// Some work done today, so the daily limits are partly used.
			reviews: [
				...Array.from({ length: 3 }, (_, i) => ({ ...gradeRow(`n${i}`, now - HOUR), stateBefore: State.New })),
				...Array.from({ length: 4 }, (_, i) => gradeRow(`v${i}`, now - HOUR))
			]
		});

		/** The home screen as a pass over every active card computes it, an exam's crammed cards included. */
		async function everyCard(at: number, limits: StudySettings) {
			const active = (await db.cards.toArray()).filter((card) => card.retired === 0);
			const dayEnd = studyDayEnd(at, limits.rolloverHour);
			const work = await todaysCounts(db, at, limits.rolloverHour);
			const examAt = limits.examDate ? examStart(limits.examDate, limits.rolloverHour) : null;
			const later = active.filter(
				(card) => card.suspended === 0 && card.memory.state !== State.New && card.due >= dayEnd
			);
			const graded = new Set(work.graded.map((card) => card.cardId));
			const cram =
				examAt !== null && cramming(examAt, at, limits.rolloverHour)
					? new Set(cramCards(later, examAt, limits.examRecall, schedulerFor(limits), graded).map((card) => card.id))
					: undefined;
			const today = buildQueue(active, at, dayEnd, work, limits, false, cram);
			return {
				today: { due: today.dueCount, fresh: today.newCount },
				chapters: chapterIds.map((id) => {
					const own = active.filter((card) => card.chapterId === id);
					const counts = buildQueue(own, at, dayEnd, NOTHING_DONE, NO_LIMITS, false, cram);
					return { due: counts.dueCount, fresh: counts.newCount, total: own.length, mastery: mastery(own) };
				})
			};
		}

		const times = [now, now + 20 * MINUTE, now + 5 * HOUR, now + DAY, now + 3 * DAY, now + 20 * DAY];
		// The exam's last days (from two days before it) cram the cards whose recall would fall under the target.
		const exam = { ...settings, examDate: localDate(now + 2 * DAY), examRecall: 0.95 };
		const limitsList = [settings, { ...settings, newPerDay: 8, reviewsPerDay: 12 }, exam];
		/** Each queue read by index, to compare with the same read from the digests. */
		const queues = new Map<string, string[]>();
		const expectEveryCount = async (path: string) => {
			for (const at of times) {
				for (const limits of limitsList) {
					const { today, chapters } = await homeOverview(db, at, schedulerFor(limits), limits);
					const expected = await everyCard(at, limits);
					// The day's queue, and each chapter's, the same both ways.
					for (const chapterId of [undefined, ...chapterIds]) {
						const request = withScheduler({ now: at, settings: limits, chapterId });
						const queue = (await loadQueue(db, request)).queue.cards;
						const key = `${at} ${limits.newPerDay} ${limits.examDate} ${chapterId}`;
						expect(queue, `${path}: ${key}, by index and from the digests`).toEqual(queues.get(key) ?? queue);
						queues.set(key, queue);
					}
					const got = {
						today: { due: today.due, fresh: today.fresh },
						chapters: chapters.map(({ due, fresh, total, mastery }) => ({ due, fresh, total, mastery }))
					};
					expect(got, `${path}, ${new Date(at).toISOString()}`).toEqual(expected);
				}
			}
		};
		// The rows above went in directly, so the projections are not trusted: home counts by index.
		expect(await projectionsStale(db)).toBe(true);
		await expectEveryCount('by index');
		await rebuildProjections(db, scheduler);
		await expectEveryCount('from the digests');
		// The collection has every kind of card the counts treat apart.
		const mastered = (await everyCard(now, settings)).chapters.reduce((sum, c) => sum + c.mastery.mastered, 0);
		expect(mastered).toBeGreaterThan(20);
		expect(rows.filter((card) => card.buriedUntil > now && card.memory.state === State.New).length).toBeGreaterThan(5);
		// The exam crams some cards, and not all of those due later.
		const crammed = async (at: number) =>
			(await everyCard(at, exam)).today.due - (await everyCard(at, settings)).today.due;
		expect(await crammed(now + DAY)).toBeGreaterThan(5);
		expect(await crammed(now + DAY)).toBeLessThan(rows.filter((card) => card.due >= studyDayEnd(now + DAY)).length);
	});

	it('says what went wrong when the database cannot be read', async () => {
		const home = new HomeState({ db }, { ...context, clock: () => now });
		db.close();
		await home.load();
		expect(home.problem).toBe('outdated');
		expect(home.overview).toBeNull();
	});
});

describe('statistics and map sources', () => {
	it('reads the cards still in their decks, and the history of retired ones too, for the statistics', async () => {
		await grade('a', Rating.Good, now - DAY);
		await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'b' }), makeCard({ id: 'c' })]), 'v2'), now);
		const source = await loadStatsSource(db);
		expect(source.cards).toHaveLength(2);
		expect(source.cards.every((card) => card.memory.state === State.New)).toBe(true);
		expect(source.tallies.map((tally) => tally.reviews)).toEqual([1]);
		expect(source.chapters.map((c) => c.id)).toEqual(['ch1']);
		expect((await loadMapSource(db)).cards.map((c) => c.id).sort()).toEqual(['b', 'c']);
	});

	it('computes the page for the whole report, and falls back to it for an unknown chapter', async () => {
		await grade('a', Rating.Easy, now - DAY);
		const view = new StatsState({ db }, { ...context, clock: () => now }, 'no-such-chapter');
		await view.load();
		expect(view.unknownChapter).toBe(true);
		expect(view.chapterId).toBeNull();
		expect(view.cards?.counts).toMatchObject({ new: 3, review: 1 });
		expect(view.year?.at(-2)?.reviews).toBe(1);
		expect(view.retention?.find((row) => row.period === 'week')?.total).toEqual({ passed: 0, failed: 0 });
		view.choose('ch1');
		expect(view.unknownChapter).toBe(false);
		expect(view.cards?.counts.review).toBe(1);
	});

	it('reports a storage failure on the statistics page and the map instead of showing empty charts', async () => {
		const view = new StatsState({ db }, { ...context, clock: () => now }, null);
		const map = new MapState({ db }, { ...context, clock: () => now });
		db.close();
		await Promise.all([view.load(), map.load()]);
		expect([view.problem, view.cards, map.problem, map.loaded]).toEqual(['outdated', null, 'outdated', false]);
	});

	it('predicts recall with the learner’s own weights on the statistics page and the map', async () => {
		const own = learnerScheduler();
		for (const cardId of ['a', 'b']) {
			await gradeCard(db, own, { cardId, rating: Rating.Easy, now: now - 10 * DAY, durationMs: 1, shownReps: 0 });
		}
		const card = await db.cards.get('a');
		if (!card) throw new Error('fixture card missing');
		const recall = own.retrievability(card.memory, now);
		expect(recall).not.toBeCloseTo(scheduler.retrievability(card.memory, now), 2);

		const learner = { ...context, clock: () => now, scheduler: own };
		const view = new StatsState({ db }, learner, null);
		const map = new MapState({ db }, learner);
		await Promise.all([view.load(), map.load()]);
		expect(view.cards?.recall.centre).toBeCloseTo(recall, 10);
		expect(map.chapters[0]!.passages[0]!.recall).toBeCloseTo(recall, 10);
	});

	it('maps each paragraph of the chapter summary to its cards', async () => {
		await db.chapters.update('ch1', {
			summary: [
				{ section: 1, paragraph: 1, text: { zh: '一', en: 'One' } },
				{ section: 1, paragraph: 2, text: { zh: '二', en: 'Two' } }
			]
		});
		await grade('a', Rating.Easy, now - DAY);
		await grade('b', Rating.Easy, now - DAY);
		const map = new MapState({ db }, { ...context, clock: () => now });
		await map.load();
		const chapter = map.chapters[0]!;
		expect(chapter.passages.map((p) => [p.paragraph, p.text.en, p.started, p.recall === null])).toEqual([
			[1, 'One', 2, false],
			[2, 'Two', 0, true]
		]);
		expect(chapter.known).toBe(1);
		// One Easy a day ago: in review and well recalled now, but its memory lasts days, not the weeks mastery takes.
		expect(chapter.mastery).toEqual({ mastered: 0, total: 4 });
	});
});

describe('reviewing one paragraph', () => {
	it('queues only the cards citing it', async () => {
		const { queue, read } = await loadQueue(
			db,
			withScheduler({ now, settings, chapterId: 'ch1', passage: { section: 1, paragraph: 2 } })
		);
		expect(queue.cards).toEqual(['c', 'd']);
		expect([...read.cards.keys()]).toEqual(['c', 'd']);
		expect(
			(await loadQueue(db, withScheduler({ now, settings, passage: { section: 1, paragraph: 1 } }))).queue.cards
		).toEqual(['a', 'b']);
	});

	it('tells a paragraph no card cites from one with nothing due', async () => {
		const missing = new ReviewSession({ db }, { ...context, clock: () => now }, 'ch1', { section: 9, paragraph: 9 });
		await missing.start();
		expect([missing.unknownPassage, missing.current]).toEqual([true, null]);

		await grade('c', Rating.Easy, now - MINUTE);
		await grade('d', Rating.Easy, now - MINUTE);
		const done = new ReviewSession({ db }, { ...context, clock: () => now }, 'ch1', { section: 1, paragraph: 2 });
		await done.start();
		expect([done.unknownPassage, done.current]).toEqual([false, null]);
	});

	it('reads the paragraph from the link, and refuses a malformed one', () => {
		const href = reviewHref('ch1', { section: 0, paragraph: 3 });
		expect(href).toBe('/review?chapter=ch1&section=0&paragraph=3');
		expect(passageFromQuery(new URL(href, 'http://x').searchParams)).toEqual({ section: 0, paragraph: 3 });
		expect(passageFromQuery(new URLSearchParams('chapter=ch1'))).toBeUndefined();
		for (const bad of ['section=1', 'section=1&paragraph=x', 'section=-1&paragraph=2', 'section=1.5&paragraph=2']) {
			expect(passageFromQuery(new URLSearchParams(bad)), bad).toBe('invalid');
		}
		expect(reviewHref()).toBe('/review');
		expect(reviewHref('a b')).toBe('/review?chapter=a+b');
	});
});
