/** The Dexie layer on fake-indexeddb: content sync, grading, the log as the source of truth, quiz attempts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { State } from '../../src/lib/domain/scheduling/memory';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../../src/lib/domain/settings';
import { localDate } from '../../src/lib/domain/time';
import { syncContent } from '../../src/lib/storage/content';
import { ensureContent } from '../../src/lib/storage/open';
import { StaleGradeError } from '../../src/lib/storage/errors';
import { homeOverview } from '../../src/lib/storage/overview';
import { writeTransaction } from '../../src/lib/storage/projections/write';
import { finishAttempt, openAttempt, recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import {
	buryCard,
	countGrades,
	gradeCard,
	loadQueue,
	rebuildCards,
	resetCard,
	setSuspended,
	todaysCounts,
	undoGrade
} from '../../src/lib/storage/reviews';
import {
	DAY,
	HOUR,
	MINUTE,
	NOW,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	makeQuestion,
	openTestDb,
	withScheduler,
	schedulerFor
} from './factories';

const scheduler = exactScheduler();
let db: ReportCardDb;

beforeEach(async () => {
	db = openTestDb();
	await syncContent(
		db,
		scheduler,
		compiled(makeDeck([makeCard({ id: 'a', order: 1 }), makeCard({ id: 'b', order: 2 })])),
		NOW
	);
});
afterEach(() => db.close());

async function grade(cardId: string, rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy, now: number) {
	const card = await db.cards.get(cardId);
	const { event } = await gradeCard(db, scheduler, {
		cardId,
		rating,
		now,
		durationMs: 4000,
		shownReps: card?.memory.reps ?? -1
	});
	return event;
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
		await syncContent(db, scheduler, compiled(makeDeck([edited, makeCard({ id: 'c', order: 3 })]), 'v2'), NOW + DAY);

		const a = await db.cards.get('a');
		expect(a?.front.en).toBe('Edited question');
		expect(a?.memory).toEqual(graded?.memory);
		expect((await db.cards.get('c'))?.memory.state).toBe(State.New);
		expect((await db.cards.get('b'))?.retired).toBe(1);
		expect(await db.reviews.where('cardId').equals('b').count()).toBe(1);
		const { queue } = await loadQueue(db, withScheduler({ now: NOW + 2 * DAY, settings: DEFAULT_STUDY_SETTINGS }));
		expect(queue.cards).not.toContain('b');
	});

	it('stores exactly the shipped content: a field a new version drops is gone, the progress stays', async () => {
		const cited = makeCard({ id: 'a', order: 1, alsoCites: [{ section: 1, paragraph: 2 }] });
		await syncContent(db, scheduler, compiled(makeDeck([cited]), 'v2'), NOW);
		await grade('a', Rating.Good, NOW + MINUTE);
		const graded = await db.cards.get('a');
		expect(graded?.alsoCites).toEqual([{ section: 1, paragraph: 2 }]);
		await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'a', order: 1 })]), 'v3'), NOW + DAY);
		const synced = await db.cards.get('a');
		expect(synced).not.toHaveProperty('alsoCites');
		expect(synced?.memory).toEqual(graded?.memory);
		expect(synced?.introducedAt).toBe(NOW);
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
			scheduler,
			compiled(makeDeck([makeCard({ id: 'a' })], [makeQuestion('q1'), makeQuestion('q2')]), 'v2'),
			NOW
		);
		await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'a' })], [makeQuestion('q1')]), 'v3'), NOW);
		expect((await db.questions.toArray()).map((q) => [q.id, q.retired])).toEqual([
			['q1', 0],
			['q2', 1]
		]);
	});
});

describe('grading', () => {
	it('writes exactly one log row and moves the due date', async () => {
		const before = await db.cards.get('a');
		await grade('a', Rating.Easy, NOW + MINUTE);
		const after = await db.cards.get('a');
		const rows = await db.reviews.toArray();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			cardId: 'a',
			kind: 'grade',
			rating: Rating.Easy,
			at: NOW + MINUTE,
			stateBefore: State.New
		});
		expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(after?.memory.state).toBe(State.Review);
		expect(after?.due).toBeGreaterThan(before?.due ?? Infinity);
		expect(after?.due).toBe(after?.memory.due);
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
		await writeTransaction(db, [], () => db.cards.update('a', { due: 0 }));
		await rebuildCards(db, scheduler, ['a']);
		const rebuilt = await db.cards.get('a');
		expect(rebuilt?.memory).toEqual(cached?.memory);
		expect(rebuilt?.due).toBe(cached?.due);
	});
});

describe('counting grades for the optimiser', () => {
	it('counts grade rows only, and stops at the cap', async () => {
		const row = (i: number, kind: 'grade' | 'due-now') =>
			kind === 'grade'
				? {
						id: `g${i}`,
						cardId: 'a',
						kind,
						rating: Rating.Good,
						at: NOW + i,
						durationMs: 1000,
						stateBefore: State.Review
					}
				: { id: `d${i}`, cardId: 'a', kind, at: NOW + i };
		await writeTransaction(db, [], () =>
			db.reviews.bulkAdd([
				...Array.from({ length: 30 }, (_, i) => row(i, 'grade')),
				...Array.from({ length: 20 }, (_, i) => row(i, 'due-now'))
			])
		);
		expect(await countGrades(db, 400)).toBe(30);
		expect(await countGrades(db, 25)).toBe(25);
	});
});

describe('undo, suspend, bury, reset', () => {
	it('undoes several grades, newest first, each restoring the card exactly and adding an undo to the log', async () => {
		const fresh = await db.cards.get('a');
		const first = await grade('a', Rating.Good, NOW);
		const afterFirst = await db.cards.get('a');
		const second = await grade('a', Rating.Good, NOW + 10 * MINUTE);
		expect(await undoGrade(db, scheduler, second.id, NOW + 11 * MINUTE)).toEqual(afterFirst);
		expect(await undoGrade(db, scheduler, first.id, NOW + 12 * MINUTE)).toEqual(fresh);
		// Nothing that happened is removed: two grades, two undos naming them.
		const log = await db.reviews.orderBy('at').toArray();
		expect(log.map((event) => event.kind)).toEqual(['grade', 'grade', 'undo', 'undo']);
		expect(log.flatMap((event) => (event.kind === 'undo' ? [event.cancels] : []))).toEqual([second.id, first.id]);
		await expect(undoGrade(db, scheduler, first.id, NOW + 13 * MINUTE)).rejects.toBeInstanceOf(StaleGradeError);
		expect(await db.reviews.count()).toBe(4);
		expect(await todaysCounts(db, NOW + 13 * MINUTE, 4)).toEqual({
			newStarted: 0,
			reviewsDone: 0,
			graded: [],
			gradesGiven: 0
		});
	});

	it('keeps suspended cards out of the queue until let back, and buried ones until the next study day', async () => {
		const settings = DEFAULT_STUDY_SETTINGS;
		await setSuspended(db, scheduler, 'a', true, NOW);
		await buryCard(db, scheduler, 'b', NOW, settings.rolloverHour);
		expect((await loadQueue(db, withScheduler({ now: NOW, settings }))).queue.cards).toEqual([]);
		await setSuspended(db, scheduler, 'a', false, NOW + MINUTE);
		expect((await loadQueue(db, withScheduler({ now: NOW, settings }))).queue.cards).toEqual(['a']);
		expect((await loadQueue(db, withScheduler({ now: NOW + DAY, settings }))).queue.cards).toEqual(['a', 'b']);
		// Each is an event of the log, so a replay gives the same flags.
		expect((await db.reviews.toArray()).map((event) => event.kind).sort()).toEqual(['bury', 'suspend', 'suspend']);
		const cached = await db.cards.toArray();
		await rebuildCards(db, scheduler, ['a', 'b']);
		expect(await db.cards.toArray()).toEqual(cached);
	});

	it('resets a card to new, keeping its history in the log', async () => {
		await grade('a', Rating.Easy, NOW);
		await resetCard(db, scheduler, 'a', NOW + DAY);
		expect((await db.cards.get('a'))?.memory.state).toBe(State.New);
		expect((await db.reviews.where('cardId').equals('a').sortBy('at')).map((e) => e.kind)).toEqual(['grade', 'reset']);
	});

	it('counts the daily limits from the log', async () => {
		await grade('a', Rating.Easy, NOW);
		expect(await todaysCounts(db, NOW + MINUTE, 4)).toEqual({
			newStarted: 1,
			reviewsDone: 0,
			graded: [{ cardId: 'a', noteId: 'a' }],
			gradesGiven: 1
		});
		const settings = { ...DEFAULT_STUDY_SETTINGS, newPerDay: 1 };
		expect((await loadQueue(db, withScheduler({ now: NOW + MINUTE, settings }))).queue.cards).toEqual([]);
	});
});

describe('queue and overview', () => {
	it('adds, in an exam’s last days, the cards that would fall below the target by then, and home counts them', async () => {
		await grade('a', Rating.Easy, NOW);
		const now = NOW + DAY;
		const examDate = localDate(NOW + 3 * DAY);
		const due = async (settings: StudySettings) => {
			const { queue } = await loadQueue(db, withScheduler({ now, settings }));
			const home = await homeOverview(db, now, schedulerFor(settings), settings);
			expect(home.today.due).toBe(queue.dueCount);
			return queue.cards.filter((id) => id === 'a');
		};
		expect(await due(DEFAULT_STUDY_SETTINGS)).toEqual([]);
		// Recall of 'a' two days later is about 97 %: under a 99 % target, over a 90 % one.
		expect(await due({ ...DEFAULT_STUDY_SETTINGS, examDate, examRecall: 0.99 })).toEqual(['a']);
		expect(await due({ ...DEFAULT_STUDY_SETTINGS, examDate, examRecall: 0.9 })).toEqual([]);
		// Before the last three days, nothing changes.
		const later = { ...DEFAULT_STUDY_SETTINGS, examDate: localDate(NOW + 10 * DAY), examRecall: 0.99 };
		expect(await due(later)).toEqual([]);
	});

	it('shows new cards in report order until graded, then the next', async () => {
		expect((await loadQueue(db, withScheduler({ now: NOW, settings: DEFAULT_STUDY_SETTINGS }))).queue.cards).toEqual([
			'a',
			'b'
		]);
		await grade('a', Rating.Easy, NOW + MINUTE);
		const { queue } = await loadQueue(db, withScheduler({ now: NOW + 2 * MINUTE, settings: DEFAULT_STUDY_SETTINGS }));
		expect(queue.cards).toEqual(['b']);
	});

	it('counts due and new cards and the best and latest quiz score per chapter', async () => {
		await grade('a', Rating.Again, NOW);
		const first = await startAttempt(db, attemptAt('ch1', ['q1', 'q2'], NOW));
		await answer(first.id, 'q1', 0, NOW);
		await answer(first.id, 'q2', 0, NOW);
		await finishAttempt(db, first.id, NOW + MINUTE);
		const second = await startAttempt(db, attemptAt('ch1', ['q1', 'q2'], NOW + 2 * MINUTE));
		await answer(second.id, 'q1', 1, NOW + 2 * MINUTE);
		await finishAttempt(db, second.id, NOW + 3 * MINUTE);

		const [overview] = (await homeOverview(db, NOW + 5 * MINUTE, schedulerFor())).chapters;
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
		const attempt = await startAttempt(db, attemptAt('ch1', ['q1', 'q2', 'q3'], NOW));
		await answer(attempt.id, 'q1', 0, NOW);
		await answer(attempt.id, 'q1', 1, NOW);
		const open = await openAttempt(db, 'ch1');
		expect(open?.answers).toEqual([
			{ questionId: 'q1', response: { kind: 'choice', chosen: [0] }, credit: 1, cardsMadeDue: 0 }
		]);
		expect(open?.correct).toBe(1);
		await finishAttempt(db, attempt.id, NOW + MINUTE);
		expect(await openAttempt(db, 'ch1')).toBeUndefined();
	});

	it('makes the cards of a missed question due now, logged as events, and leaves them alone when right', async () => {
		await grade('a', Rating.Easy, NOW);
		await grade('b', Rating.Easy, NOW);
		const wasDue = (await db.cards.get('a'))?.due ?? 0;
		expect(wasDue).toBeGreaterThan(NOW + DAY);
		const attempt = await startAttempt(db, attemptAt('ch1', ['q1', 'q2'], NOW + HOUR));
		const right = await answer(attempt.id, 'q1', 0, NOW + HOUR, ['b']);
		expect(right.answers[0]!.cardsMadeDue).toBe(0);
		const wrong = await answer(attempt.id, 'q2', 2, NOW + HOUR, ['a']);
		expect(wrong.answers[1]!.cardsMadeDue).toBe(1);
		expect((await db.cards.get('a'))?.due).toBe(NOW + HOUR);
		expect((await db.cards.get('b'))?.due).toBeGreaterThan(NOW + DAY);
		const events = await db.reviews.where('cardId').equals('a').sortBy('at');
		expect(events.map((e) => e.kind)).toEqual(['grade', 'due-now']);
		const { queue } = await loadQueue(db, withScheduler({ now: NOW + 2 * HOUR, settings: DEFAULT_STUDY_SETTINGS }));
		expect(queue.cards).toContain('a');
		// The log alone gives the same state: a replay keeps the quiz's effect.
		const cached = await db.cards.get('a');
		await rebuildCards(db, scheduler, ['a']);
		expect((await db.cards.get('a'))?.memory).toEqual(cached?.memory);
	});

	it('starting a new attempt closes the one left open', async () => {
		const first = await startAttempt(db, attemptAt('ch1', ['q1'], NOW));
		await startAttempt(db, attemptAt('ch1', ['q2'], NOW + MINUTE));
		expect((await db.attempts.get(first.id))?.finishedAt).toBe(NOW + MINUTE);
		expect((await openAttempt(db, 'ch1'))?.questionIds).toEqual(['q2']);
	});
});

function attemptAt(scope: string, questionIds: string[], now: number) {
	return { scope, mode: 'practice' as const, questionIds, seed: 1, retryOf: null, now };
}

/** Answer question `id` by choosing option `chosen` (0 is right in the factory's questions). */
async function answer(attemptId: string, id: string, chosen: number, now: number, cards: string[] = []) {
	const question = { ...makeQuestion(id), cards };
	return recordAnswer(db, scheduler, { attemptId, question, response: { kind: 'choice', chosen: [chosen] }, now });
}
