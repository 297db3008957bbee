/**
 * Grading through the review session as a page uses it: two tabs on one database, a double tap, a full disk. A grade
 * is applied exactly once or not at all, and the learner is told which.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/lib/domain/random';
import { Rating, type Grade } from '../../src/lib/domain/scheduling/review-log';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { ReviewSession } from '../../src/lib/state/review-session.svelte';
import { checkData } from '../../src/lib/storage/integrity';
import { gradeCard } from '../../src/lib/storage/reviews';
import { dumpDatabase } from './db-dump';
import { DAY, MINUTE, NOW, compiled, damageCard, exactScheduler, makeCard, makeDeck, openTestDb } from './factories';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/domain/settings';
import { localDate, studyDayEnd } from '../../src/lib/domain/time';

let db: ReportCardDb;
const context = {
	clock: () => NOW + MINUTE,
	study: DEFAULT_STUDY_SETTINGS,
	scheduler: exactScheduler(),
	contentLanguage: 'en' as const
};

beforeEach(async () => {
	db = openTestDb();
	await syncContent(
		db,
		exactScheduler(),
		compiled(makeDeck([makeCard({ id: 'a', order: 1 }), makeCard({ id: 'b', order: 2 })])),
		NOW
	);
});
afterEach(() => db.close());

async function shown(): Promise<ReviewSession> {
	const session = new ReviewSession({ db }, context);
	await session.start();
	session.reveal();
	return session;
}

describe('review session', () => {
	it('two tabs showing the same card: the first grade counts, the second is refused and explained', async () => {
		const [tab1, tab2] = [await shown(), await shown()];
		expect(tab1.current?.id).toBe('a');
		expect(tab2.current?.id).toBe('a');

		await tab1.grade(Rating.Good);
		await tab2.grade(Rating.Easy);

		expect(await db.reviews.toArray()).toEqual([expect.objectContaining({ cardId: 'a', rating: Rating.Good })]);
		expect(tab1.problem).toBeNull();
		expect(tab2.problem).toBe('stale');
		expect(tab2.current?.id).toBe('b');
		expect(tab2.answered).toHaveLength(0);
	});

	it('a card whose stored memory FSRS refuses is not shown without grades: the problem says to check data', async () => {
		await damageCard(db, 'a');

		const session = new ReviewSession({ db }, context);
		await session.start();
		expect(session.current).toBeNull();
		expect(session.problem).toBe('damaged');

		// What the message advises: "Check data" rebuilds the card from its log, and it can be reviewed again.
		await checkData(db, exactScheduler(), NOW + MINUTE);
		const repaired = new ReviewSession({ db }, context);
		await repaired.start();
		expect(repaired.problem).toBeNull();
		expect(repaired.current?.id).toBe('a');
		expect(repaired.previews).not.toBeNull();
	});

	it('a double tap grades once', async () => {
		const session = await shown();
		await Promise.all([session.grade(Rating.Good), session.grade(Rating.Good)]);
		expect(await db.reviews.count()).toBe(1);
		expect(session.answered).toHaveLength(1);
		expect(session.problem).toBeNull();
	});

	it('a full disk leaves the card as it was, still shown, and says so', async () => {
		const session = await shown();
		const before = await dumpDatabase(db);
		db.reviews.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await session.grade(Rating.Good);
		expect(session.problem).toBe('quota');
		expect(session.current?.id).toBe('a');
		expect(session.revealed).toBe(true);
		expect(await dumpDatabase(db)).toEqual(before);
	});
});

describe('a session’s other steps', () => {
	it('undoes grades newest first, each card shown again as it was', async () => {
		const session = await shown();
		await session.grade(Rating.Good);
		session.reveal();
		await session.grade(Rating.Easy);
		expect(session.summary).toMatchObject({ cards: 2, remembered: 2 });
		await session.undo();
		expect([session.current?.id, session.revealed, session.answered.length]).toEqual(['b', false, 1]);
		await session.undo();
		expect([session.current?.id, session.answered.length]).toEqual(['a', 0]);
		await session.undo();
		expect(session.problem).toBeNull();
		expect((await db.reviews.toArray()).map((event) => event.kind).sort()).toEqual(['grade', 'grade', 'undo', 'undo']);
	});

	it('carries out every undo tapped while one is being written, as far as the session has grades', async () => {
		const session = await shown();
		await session.grade(Rating.Good);
		session.reveal();
		await session.grade(Rating.Hard);
		await Promise.all([session.undo(), session.undo(), session.undo()]);
		expect([session.current?.id, session.answered.length, session.problem]).toEqual(['a', 0, null]);
		expect((await db.reviews.toArray()).map((event) => event.kind).sort()).toEqual(['grade', 'grade', 'undo', 'undo']);
		// The next tap starts afresh.
		session.reveal();
		await session.grade(Rating.Good);
		await session.undo();
		expect(session.answered.length).toBe(0);
	});

	it('counts the cards left from the queue after an undo, never more than the day holds', async () => {
		const session = await shown();
		const before = { remaining: session.remaining, previews: session.previews, id: session.current?.id };
		expect(before.remaining).toBe(2);
		for (const rating of [Rating.Good, Rating.Again, Rating.Good] as const) {
			session.reveal();
			await session.grade(rating);
		}
		expect(session.progress.done).toBe(3);
		for (let i = 0; i < 3; i++) {
			await session.undo();
			expect(session.remaining).toBeLessThanOrEqual(before.remaining);
		}
		expect(session.lastUndone).toBe(Rating.Good);
		expect({ remaining: session.remaining, previews: session.previews, id: session.current?.id }).toEqual(before);
		expect(session.progress).toEqual({ done: 0, total: 2 });
	});

	it('suspends and buries the card shown, moving on to the next', async () => {
		const session = await shown();
		await session.suspend();
		expect(session.current?.id).toBe('b');
		await session.bury();
		expect(session.current).toBeNull();
		expect(session.remaining).toBe(0);
	});

	it('studies ahead once nothing is due, and says when the next card comes', async () => {
		const session = await shown();
		session.reveal();
		await session.grade(Rating.Easy);
		session.reveal();
		await session.grade(Rating.Easy);
		expect(session.current).toBeNull();
		expect(session.nextDue).toBeGreaterThan(NOW + MINUTE);
		await session.studyAhead();
		expect(session.ahead).toBe(true);
	});

	it('compares typed words with the hidden ones of a cloze card, when the learner types answers', async () => {
		const cloze = makeCard({
			id: 'c',
			order: 0,
			kind: 'cloze',
			answer: { zh: '八十二亿', en: 'USD 8.2 billion' }
		});
		await syncContent(db, exactScheduler(), compiled(makeDeck([cloze]), 'v2'), NOW);
		const session = new ReviewSession({ db }, { ...context, study: { ...DEFAULT_STUDY_SETTINGS, typeAnswers: true } });
		await session.start();
		expect(session.typing).toBe(true);
		session.typed = 'usd 8.2 billion';
		expect(session.comparison).toBeNull();
		session.reveal();
		expect(session.comparison?.correct).toBe(true);
	});

	it('reviews one paragraph of the report, and says when no card cites it', async () => {
		const cited = new ReviewSession({ db }, context, 'ch1', { section: 1, paragraph: 1 });
		await cited.start();
		expect([cited.current?.id, cited.unknownPassage]).toEqual(['a', false]);
		const uncited = new ReviewSession({ db }, context, 'ch1', { section: 1, paragraph: 9 });
		await uncited.start();
		expect([uncited.current, uncited.unknownPassage]).toEqual([null, true]);
		const unknown = new ReviewSession({ db }, context, 'nowhere');
		await unknown.start();
		expect(unknown.unknownChapter).toBe(true);
	});
});

describe('the queue after a grade', () => {
	it.each([
		['', null],
		[' in an exam’s last days, crammed cards and all', 0.99]
	])(
		'is the one a new read gives, built without reading the cards again, through a day of random grades%s',
		async (_, examRecall) => {
			// Twelve cards, four of them two notes' siblings, four already in review and due, under tight daily limits; and
			// four more in review, due after the exam but likely to be forgotten by then under a demanding target.
			const cards = Array.from({ length: 16 }, (_, i) =>
				makeCard({ id: `c${String(i).padStart(2, '0')}`, order: i, noteId: i < 4 ? `pair${i % 2}` : `n${i}` })
			);
			await syncContent(db, exactScheduler(), compiled(makeDeck(cards), 'v2'), NOW - 30 * DAY);
			const start = (id: string, at: number, rating: Grade) => ({ id, at, rating });
			const started = [
				...['c08', 'c09', 'c10', 'c11'].map((id) => start(id, NOW - 20 * DAY, Rating.Good)),
				...['c12', 'c13', 'c14', 'c15'].map((id, i) => start(id, NOW - (2 + i) * DAY, Rating.Easy))
			];
			for (const { id, at, rating } of started) {
				await gradeCard(db, exactScheduler(), { cardId: id, rating, now: at, durationMs: 1000, shownReps: 0 });
			}
			let now = NOW;
			const exam = examRecall === null ? {} : { examDate: localDate(NOW + 2 * DAY), examRecall };
			const day = {
				...context,
				clock: () => now,
				study: { ...DEFAULT_STUDY_SETTINGS, newPerDay: 4, reviewsPerDay: 6, burySiblings: true, ...exam }
			};
			const session = new ReviewSession({ db }, day);
			await session.start();
			expect(session.remaining).toBeGreaterThan(4);
			const random = seededRandom(11);
			const reads = vi.spyOn(db.cards, 'where');
			let graded = 0;
			let crammed = 0;
			while (session.current && graded < 40) {
				if (session.current.memory.due >= studyDayEnd(now)) crammed++;
				session.reveal();
				const rating = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[])[Math.floor(random() * 4)]!;
				reads.mockClear();
				await session.grade(rating);
				graded++;
				const ended = session.current === null;
				// Only the end of the queue is read afresh, to be sure nothing changed elsewhere.
				if (!ended) expect(reads, `grade ${graded}`).not.toHaveBeenCalled();
				const fresh = new ReviewSession({ db }, day);
				await fresh.start();
				const seen = (s: ReviewSession) => [s.current?.id, s.remaining, s.heldBack, s.nextDue];
				expect(seen(session), `grade ${graded}`).toEqual(seen(fresh));
				now += Math.floor(random() * 8) * MINUTE;
			}
			expect(graded).toBeGreaterThan(8);
			// The exam's cards were shown before they were due, and none without one.
			if (examRecall === null) expect(crammed).toBe(0);
			else expect(crammed).toBeGreaterThan(1);
		}
	);

	it('in an exam’s last days, a card crammed and graded waits for tomorrow instead of coming back after each grade', async () => {
		await gradeCard(db, exactScheduler(), { cardId: 'a', rating: Rating.Easy, now: NOW, durationMs: 1, shownReps: 0 });
		// Recall of 'a' on the exam day is about 97 %: under the 99 % target, so it is crammed the day before.
		const study = { ...DEFAULT_STUDY_SETTINGS, newPerDay: 0, examDate: localDate(NOW + 3 * DAY), examRecall: 0.99 };
		const session = new ReviewSession({ db }, { ...context, clock: () => NOW + DAY, study });
		await session.start();
		expect(session.current?.id).toBe('a');
		session.reveal();
		await session.grade(Rating.Good);
		expect(session.current).toBeNull();
	});
});
