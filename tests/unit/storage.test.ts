/** The Dexie layer on fake-indexeddb: content sync, grading, the log as the source of truth, quiz attempts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { ensureContent, syncContent } from '../../src/lib/storage/content';
import { StaleGradeError } from '../../src/lib/storage/errors';
import { homeOverview } from '../../src/lib/storage/overview';
import { finishAttempt, openAttempt, recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import { gradeCard, loadQueue, rebuildCard } from '../../src/lib/storage/reviews';
import { DAY, MINUTE, NOW, compiled, makeCard, makeDeck, makeQuestion, openTestDb } from './factories';

const scheduler = new Scheduler({
	desiredRetention: 0.9,
	maximumIntervalDays: 36500,
	fuzz: false,
	learningSteps: true
});
let db: ReportCardDb;

beforeEach(async () => {
	db = openTestDb();
	await syncContent(db, compiled(makeDeck([makeCard({ id: 'a', order: 1 }), makeCard({ id: 'b', order: 2 })])), NOW);
});
afterEach(() => db.close());

async function grade(cardId: string, rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, now: number) {
	const card = await db.cards.get(cardId);
	return gradeCard(db, scheduler, { cardId, rating, now, durationMs: 4000, shownReps: card?.memory.reps ?? -1 });
}

describe('content sync', () => {
	it('adds every shipped card as new', async () => {
		const cards = await db.cards.toArray();
		expect(cards.map((c) => [c.id, c.memory.state, c.retired, c.introducedAt])).toEqual([
			['a', State.New, 0, NOW],
			['b', State.New, 0, NOW]
		]);
	});

	it('keeps the progress of an edited card, adds new cards, retires removed ones but keeps their history', async () => {
		await grade('a', Rating.Good, NOW + MINUTE);
		await grade('b', Rating.Good, NOW + MINUTE);
		const graded = await db.cards.get('a');
		const edited = makeCard({ id: 'a', order: 1, front: { zh: '新问题', en: 'Edited question' } });
		await syncContent(db, compiled(makeDeck([edited, makeCard({ id: 'c', order: 3 })]), 'v2'), NOW + DAY);

		const a = await db.cards.get('a');
		expect(a?.front.en).toBe('Edited question');
		expect(a?.memory).toEqual(graded?.memory);
		expect((await db.cards.get('c'))?.memory.state).toBe(State.New);
		expect((await db.cards.get('b'))?.retired).toBe(1);
		expect(await db.reviews.where('cardId').equals('b').count()).toBe(1);
		const { queue } = await loadQueue(db, NOW + 2 * DAY);
		expect(queue.cards).not.toContain('b');
	});

	it('runs only when the shipped version differs', async () => {
		let loads = 0;
		const load = () => {
			loads++;
			return Promise.resolve(compiled(makeDeck([makeCard({ id: 'a' })]), 'v2'));
		};
		expect(await ensureContent(db, 'v2', load, NOW)).toBe(true);
		expect(await ensureContent(db, 'v2', load, NOW)).toBe(false);
		expect(loads).toBe(1);
	});

	it('retires questions and chapters the decks no longer ship', async () => {
		await syncContent(
			db,
			compiled(makeDeck([makeCard({ id: 'a' })], [makeQuestion('q1'), makeQuestion('q2')]), 'v2'),
			NOW
		);
		await syncContent(db, compiled(makeDeck([makeCard({ id: 'a' })], [makeQuestion('q1')]), 'v3'), NOW);
		expect((await db.questions.toArray()).map((q) => [q.id, q.retired])).toEqual([
			['q1', 0],
			['q2', 1]
		]);
	});
});

describe('grading', () => {
	it('writes exactly one log row and moves the due date', async () => {
		const before = await db.cards.get('a');
		const after = await grade('a', Rating.Easy, NOW + MINUTE);
		const rows = await db.reviews.toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			cardId: 'a',
			kind: 'grade',
			rating: Rating.Easy,
			at: NOW + MINUTE,
			stateBefore: State.New
		});
		expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
		expect(after.memory.state).toBe(State.Review);
		expect(after.due).toBeGreaterThan(before?.due ?? Infinity);
		expect((await db.cards.get('a'))?.due).toBe(after.due);
	});

	it('refuses a second grade of the same showing (double tap, second tab) and writes nothing', async () => {
		await grade('a', Rating.Good, NOW + MINUTE);
		await expect(
			gradeCard(db, scheduler, { cardId: 'a', rating: Rating.Good, now: NOW + 2 * MINUTE, durationMs: 1, shownReps: 0 })
		).rejects.toBeInstanceOf(StaleGradeError);
		expect(await db.reviews.count()).toBe(1);
	});

	it('leaves the card as it was when the log write fails', async () => {
		const before = await db.cards.get('a');
		db.reviews.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await expect(grade('a', Rating.Good, NOW + MINUTE)).rejects.toThrow();
		expect(await db.cards.get('a')).toEqual(before);
		expect(await db.reviews.count()).toBe(0);
	});

	it('caches exactly what replaying the log gives', async () => {
		await grade('a', Rating.Good, NOW + MINUTE);
		await grade('a', Rating.Again, NOW + 20 * MINUTE);
		await grade('a', Rating.Good, NOW + 2 * DAY);
		const cached = await db.cards.get('a');
		await db.cards.update('a', { due: 0 });
		const rebuilt = await rebuildCard(db, scheduler, 'a');
		expect(rebuilt.memory).toEqual(cached?.memory);
		expect(rebuilt.due).toBe(cached?.due);
	});
});

describe('queue and overview', () => {
	it('shows new cards in report order until graded, then the next', async () => {
		expect((await loadQueue(db, NOW)).queue.cards).toEqual(['a', 'b']);
		await grade('a', Rating.Easy, NOW + MINUTE);
		const { queue } = await loadQueue(db, NOW + 2 * MINUTE);
		expect(queue.cards).toEqual(['b']);
	});

	it('counts due and new cards and the best and latest quiz score per chapter', async () => {
		await grade('a', Rating.Again, NOW);
		const first = await startAttempt(db, 'ch1', 1, 2, NOW);
		await recordAnswer(db, first.id, { questionId: 'q1', answer: [0], correct: true });
		await recordAnswer(db, first.id, { questionId: 'q2', answer: [1], correct: true });
		await finishAttempt(db, first.id, NOW + MINUTE);
		const second = await startAttempt(db, 'ch1', 2, 2, NOW + 2 * MINUTE);
		await recordAnswer(db, second.id, { questionId: 'q1', answer: [1], correct: false });
		await finishAttempt(db, second.id, NOW + 3 * MINUTE);

		const [overview] = (await homeOverview(db, NOW + 5 * MINUTE)).chapters;
		expect(overview).toMatchObject({
			due: 1,
			fresh: 1,
			total: 2,
			best: { correct: 2, total: 2 },
			latest: { correct: 0, total: 2 }
		});
	});
});

describe('quiz attempts', () => {
	it('keeps an attempt open across a reload and records each question once', async () => {
		const attempt = await startAttempt(db, 'ch1', 42, 3, NOW);
		await recordAnswer(db, attempt.id, { questionId: 'q1', answer: [0], correct: true });
		await recordAnswer(db, attempt.id, { questionId: 'q1', answer: [1], correct: false });
		const open = await openAttempt(db, 'ch1');
		expect(open?.answers).toEqual([{ questionId: 'q1', answer: [0], correct: true }]);
		expect(open?.correct).toBe(1);
		await finishAttempt(db, attempt.id, NOW + MINUTE);
		expect(await openAttempt(db, 'ch1')).toBeUndefined();
	});
});
