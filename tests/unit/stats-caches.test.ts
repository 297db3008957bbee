/**
 * The statistics caches (card digests, day tallies) against the truth they cache: after any sequence of the app's
 * writes, either they equal a rebuild from the cards and the log, or their marker is gone so the page rebuilds them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/lib/domain/deck/model';
import type { QuizResponse } from '../../src/lib/domain/quiz/quiz';
import { seededRandom } from '../../src/lib/domain/random';
import { Rating, type Grade } from '../../src/lib/domain/scheduling/review-log';
import { groupBy } from '../../src/lib/domain/stats/group';
import { logTallies, type DayTally } from '../../src/lib/domain/stats/tallies';
import { StatsState } from '../../src/lib/state/stats.svelte';
import { importBackup } from '../../src/lib/storage/backup';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { shardOf, type DigestRow } from '../../src/lib/storage/digests';
import { checkData } from '../../src/lib/storage/integrity';
import { recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import { buryCard, gradeCard, resetCard, setSuspended, undoGrade } from '../../src/lib/storage/reviews';
import { statsCachesStale } from '../../src/lib/storage/stats-caches';
import { rebuildStatsCaches } from '../../src/lib/storage/stats-rebuild';
import {
	HOUR,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	makeQuestion,
	openTestDb,
	studyContext
} from './factories';
import { checkedBackup } from './backup-files';
import { dumpDatabase } from './db-dump';
import { inTimeZone, local } from './time-zone';

const scheduler = exactScheduler();
let db: ReportCardDb;

inTimeZone('Europe/London');

function twoChapterDeck(cards: Card[]): Deck {
	const deck = makeDeck(cards);
	const [first] = deck.chapters;
	return { ...deck, chapters: [first, { ...first, id: 'ch2', order: 2, title: { zh: '第二章', en: 'Chapter two' } }] };
}

const CARDS = Array.from({ length: 12 }, (_, i) =>
	makeCard({ id: `c${i}`, order: i, chapterId: i % 2 === 0 ? 'ch1' : 'ch2' })
);

/** Each digest entry as [chapter, shard, card, numbers], sorted: rows may hold their cards in any order. */
function entries(rows: readonly DigestRow[]): unknown[] {
	return rows
		.flatMap((row) => row.ids.map((id, i) => [row.chapterId, row.shard, id, row.numbers.slice(i * 5, i * 5 + 5)]))
		.sort((a, b) => String(a[2]).localeCompare(String(b[2])));
}

function sortedTallies(tallies: readonly DayTally[]): DayTally[] {
	return [...tallies].sort((a, b) => a.day - b.day || a.chapterId.localeCompare(b.chapterId));
}

/** The caches as a rebuild would make them from what is stored now. */
async function truth(): Promise<{ digests: unknown[]; tallies: DayTally[] }> {
	const [cards, events] = await Promise.all([db.cards.toArray(), db.reviews.toArray()]);
	const logs = groupBy(events, (event) => event.cardId);
	const logsOf = cards.map((card) => ({ ...card, events: logs.get(card.id) ?? [] }));
	const digests = cards
		.filter((card) => card.retired === 0)
		.map(({ id, chapterId, suspended, memory: m }) => [
			chapterId,
			shardOf(id),
			id,
			[suspended, m.state, m.stability, m.lastReview ?? -1, m.due]
		])
		.sort((a, b) => String(a[2]).localeCompare(String(b[2])));
	return { digests, tallies: sortedTallies(logTallies(logsOf, scheduler)) };
}

async function expectCachesTrue(step: string): Promise<void> {
	if (await statsCachesStale(db)) return;
	const expected = await truth();
	const [digests, tallies] = await Promise.all([db.cardDigests.toArray(), db.tallies.toArray()]);
	expect(entries(digests), step).toEqual(expected.digests);
	expect(sortedTallies(tallies), step).toEqual(expected.tallies);
}

/** A card's first grade, as the review page gives it. */
function firstGrade(cardId: string, now: number, rating: Grade = Rating.Good, durationMs = 1) {
	return gradeCard(db, scheduler, { cardId, rating, now, durationMs, shownReps: 0 });
}

beforeEach(async () => {
	db = openTestDb();
	await syncContent(db, compiled(twoChapterDeck(CARDS)), local(2026, 1, 1));
});
afterEach(() => db.close());

describe('statistics caches', () => {
	it('start right on a new database; grading, undoing, resetting, suspending and burying keep them so', async () => {
		expect(await statsCachesStale(db)).toBe(false);
		await expectCachesTrue('after the first content sync');

		const random = seededRandom(7);
		const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
		let now = local(2026, 1, 2, 9);
		const graded: string[] = [];
		for (let step = 0; step < 160; step++) {
			now += Math.floor(random() * 30 * HOUR);
			const cardId = pick(CARDS).id;
			const action = random();
			if (action < 0.6) {
				const card = await db.cards.get(cardId);
				const rating = pick<Grade>([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
				const event = await gradeCard(db, scheduler, {
					cardId,
					rating,
					now,
					durationMs: 1000 + Math.floor(random() * 9000),
					shownReps: card?.memory.reps ?? -1
				});
				graded.push(event.id);
			} else if (action < 0.75 && graded.length > 0) {
				await undoGrade(db, scheduler, graded.splice(Math.floor(random() * graded.length), 1)[0]);
			} else if (action < 0.82) {
				await resetCard(db, scheduler, cardId, now);
			} else if (action < 0.92) {
				await setSuspended(db, cardId, random() < 0.5);
			} else {
				await buryCard(db, cardId, now, 4);
			}
			await expectCachesTrue(`step ${step}`);
		}
		expect(await statsCachesStale(db)).toBe(false);
	});

	it('stay right through a wrong quiz answer, which makes a card due without changing a tally', async () => {
		const question = { ...makeQuestion('q1'), cards: ['c0', 'c2'] };
		for (const cardId of ['c0', 'c2']) {
			await firstGrade(cardId, local(2026, 1, 3), Rating.Easy);
		}
		const attempt = await startAttempt(db, {
			scope: 'ch1',
			mode: 'practice',
			questionIds: ['q1'],
			seed: 1,
			retryOf: null,
			now: local(2026, 1, 4)
		});
		const wrong: QuizResponse = { kind: 'choice', chosen: [1] };
		const answered = await recordAnswer(db, scheduler, {
			attemptId: attempt.id,
			question,
			response: wrong,
			now: local(2026, 1, 4)
		});
		expect(answered.answers[0].cardsMadeDue).toBe(2);
		expect(await statsCachesStale(db)).toBe(false);
		await expectCachesTrue('after a wrong quiz answer');
	});

	it('are marked for a rebuild by any write of the log that does not keep the tallies', async () => {
		const row = await firstGrade('c0', local(2026, 1, 3));
		await db.reviews.bulkDelete([]);
		expect(await statsCachesStale(db), 'a write of no row').toBe(false);
		await db.reviews.add({ ...row, id: 'copied' });
		expect(await statsCachesStale(db)).toBe(true);
		await rebuildStatsCaches(db, scheduler);
		await expectCachesTrue('after the rebuild');
		await db.reviews.delete('copied');
		expect(await statsCachesStale(db)).toBe(true);
	});

	it('follow content updates: a retired card leaves the digests, a new one joins, a moved one changes chapter', async () => {
		await firstGrade('c0', local(2026, 1, 3));
		const [, ...kept] = CARDS;
		await syncContent(
			db,
			compiled(twoChapterDeck([...kept, makeCard({ id: 'new', chapterId: 'ch2' })]), 'v2'),
			local(2026, 1, 4)
		);
		expect(await statsCachesStale(db)).toBe(false);
		await expectCachesTrue('one card retired, one added');
		expect((await db.cardDigests.toArray()).flatMap((row) => row.ids)).not.toContain('c0');
		// c0's grade stays in the history although the card left its deck.
		expect((await db.tallies.toArray()).map((tally) => tally.reviews)).toEqual([1]);

		const moved = kept.map((card) => (card.id === 'c2' ? { ...card, chapterId: 'ch2' } : card));
		await firstGrade('c2', local(2026, 1, 5));
		await syncContent(db, compiled(twoChapterDeck(moved), 'v3'), local(2026, 1, 6));
		// Its history was counted under its old chapter: the tallies are counted again.
		expect(await statsCachesStale(db)).toBe(true);
		await rebuildStatsCaches(db, scheduler);
		await expectCachesTrue('after a card moved chapter');
		expect(
			(await db.tallies.toArray()).find((tally) => tally.reviews === 1 && tally.chapterId === 'ch2')
		).toBeDefined();
	});

	it('are rebuilt by a restore, dropped by a repair, and rebuilt by the statistics page with the same figures', async () => {
		for (const [i, cardId] of ['c0', 'c1', 'c2'].entries()) {
			await firstGrade(cardId, local(2026, 1, 3 + i), Rating.Easy, 5);
		}
		const context = studyContext({ clock: () => local(2026, 1, 10), scheduler });
		const before = new StatsState(db, context, null);
		await before.load();

		const backup = await checkedBackup(db, local(2026, 1, 10));
		for (const mode of ['replace', 'merge'] as const) {
			await importBackup(db, scheduler, backup, mode, local(2026, 1, 10));
			expect(await statsCachesStale(db), mode).toBe(false);
			await expectCachesTrue(`after a restore by ${mode}`);
		}

		// A repair (here of a log row whose card is gone) leaves the counting to the page.
		await db.reviews.add({ ...(await db.reviews.toCollection().first())!, id: 'orphan', cardId: 'gone' });
		await checkData(db, scheduler, local(2026, 1, 10));
		expect(await statsCachesStale(db)).toBe(true);
		const after = new StatsState(db, context, null);
		await after.load();
		expect(after.rebuilding).toBe(false);
		expect(await statsCachesStale(db)).toBe(false);
		await expectCachesTrue('after a repair');
		expect([after.cards, after.year, after.retention]).toEqual([before.cards, before.year, before.retention]);
		expect(after.year?.reduce((sum, day) => sum + day.reviews, 0)).toBe(3);
	});

	it('leave everything as it was, and the page says why, when their rebuild cannot be written', async () => {
		const row = await firstGrade('c0', local(2026, 1, 3));
		await db.reviews.add({ ...row, id: 'copied' });
		const before = await dumpDatabase(db);
		db.tallies.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		const view = new StatsState(db, studyContext({ clock: () => local(2026, 1, 10), scheduler }), null);
		await view.load();
		expect([view.problem, view.rebuilding, view.cards]).toEqual(['quota', false, null]);
		expect(await dumpDatabase(db)).toEqual(before);
	});

	it('count a grade on the study day of the default 4 am rollover', async () => {
		await firstGrade('c0', local(2026, 3, 2, 3, 59));
		await firstGrade('c2', local(2026, 3, 2, 4));
		const days = (await db.tallies.toArray()).map((tally) => tally.day).sort();
		expect(days[1] - days[0]).toBe(1);
	});
});
