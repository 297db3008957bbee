/**
 * A quiz as its page drives it, on fake-indexeddb: draw, answer in practice and exam mode, resume after a reload,
 * finish, retry the missed questions, and every failure shown instead of a page stuck on "Loading".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINAL_EXAM_ID, type QuizResponse } from '../../src/lib/domain/quiz/quiz';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { QuizSession } from '../../src/lib/state/quiz-session.svelte';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { gradeCard } from '../../src/lib/storage/reviews';
import { dumpDatabase } from './db-dump';
import {
	MINUTE,
	NOW,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	makeQuestion,
	openTestDb,
	studyContext
} from './factories';

const scheduler = exactScheduler();
let db: ReportCardDb;
let now = NOW;
const context = studyContext({ clock: () => now, scheduler });
const QUESTIONS = ['q1', 'q2', 'q3'].map((id) => ({ ...makeQuestion(id), cards: ['a'] }));
const RIGHT: QuizResponse = { kind: 'choice', chosen: [0] };
const WRONG: QuizResponse = { kind: 'choice', chosen: [1] };

beforeEach(async () => {
	now = NOW;
	db = openTestDb();
	await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'a' })], QUESTIONS)), NOW);
});
afterEach(() => db.close());

/** A session with a fixed draw, loaded. */
async function session(mode: 'practice' | 'exam' = 'practice', scope = 'ch1'): Promise<QuizSession> {
	let seed = 41;
	const quiz = new QuizSession({ db }, context, scope, mode, () => seed++);
	await quiz.load();
	if (quiz.atStart) await quiz.start();
	return quiz;
}

/** Answer the current question rightly or wrongly, as the page does (responses name the options, not their places). */
async function answer(quiz: QuizSession, right: boolean): Promise<void> {
	if (!quiz.current) throw new Error('no question shown');
	quiz.setResponse(right ? RIGHT : WRONG);
	await quiz.submit();
}

describe('quiz session', () => {
	it('draws the chapter’s questions, checks each in practice mode, and finishes with the score', async () => {
		const quiz = await session();
		expect(quiz.loaded).toBe(true);
		expect(quiz.items).toHaveLength(3);
		expect(quiz.mode).toBe('practice');
		expect(quiz.canSubmit).toBe(false);

		await answer(quiz, true);
		expect(quiz.checked).toBe(true);
		expect(quiz.currentRecord?.credit).toBe(1);
		await quiz.next();
		await answer(quiz, false);
		await quiz.next();
		await answer(quiz, true);
		await quiz.next();

		expect(quiz.finished).toBe(true);
		expect(quiz.attempt).toMatchObject({ correct: 2, total: 3 });
		expect(quiz.missedIds).toHaveLength(1);
		expect(quiz.results.map((row) => row.record?.credit)).toEqual([1, 0, 1]);
	});

	it('makes the flashcards of a missed question due now, once they were studied', async () => {
		await gradeCard(db, scheduler, { cardId: 'a', rating: Rating.Easy, now: NOW, durationMs: 1, shownReps: 0 });
		now = NOW + MINUTE;
		const quiz = await session();
		await answer(quiz, false);
		expect(quiz.cardsMadeDue).toBe(1);
		expect((await db.cards.get('a'))?.due).toBe(now);
	});

	it('goes straight on in exam mode and shows the results at the end', async () => {
		const quiz = await session('exam');
		await answer(quiz, false);
		expect(quiz.index).toBe(1);
		expect(quiz.checked).toBe(false);
		await answer(quiz, true);
		await answer(quiz, true);
		expect(quiz.finished).toBe(true);
		expect(quiz.attempt?.mode).toBe('exam');
	});

	it('resumes an attempt after a reload, at the first question not answered', async () => {
		const first = await session();
		await answer(first, true);
		const drawn = first.items.map((item) => item.question.id);

		const reloaded = await session();
		expect(reloaded.resumed).toBe(true);
		expect(reloaded.index).toBe(1);
		expect(reloaded.items.map((item) => item.question.id)).toEqual(drawn);
		expect(reloaded.attempt?.id).toBe(first.attempt?.id);
	});

	it('finishes on load an attempt whose every answer was saved before the tab closed', async () => {
		const quiz = await session('exam');
		for (let i = 0; i < 3; i++) await answer(quiz, true);
		await db.attempts.update(quiz.attempt?.id ?? '', { finishedAt: null });
		const reloaded = await session();
		expect(reloaded.finished).toBe(true);
	});

	it('retries only the missed questions, and starts a fresh draw on restart', async () => {
		const quiz = await session('exam');
		await answer(quiz, false);
		await answer(quiz, true);
		await answer(quiz, true);
		const missed = quiz.missedIds;
		const full = quiz.attempt?.id;

		await quiz.retryMissed();
		expect(quiz.items.map((item) => item.question.id)).toEqual(missed);
		expect(quiz.attempt?.retryOf).toBe(full);
		expect(quiz.finished).toBe(false);

		await quiz.start();
		expect(quiz.items).toHaveLength(3);
		expect(quiz.attempt?.retryOf).toBeNull();
	});

	it('draws the final exam across chapters, and says when a chapter does not exist', async () => {
		const exam = await session('exam', FINAL_EXAM_ID);
		expect(exam.isFinalExam).toBe(true);
		expect(exam.items.length).toBeGreaterThan(0);
		const unknown = await session('practice', 'nowhere');
		expect(unknown.unknownChapter).toBe(true);
		expect(unknown.attempt).toBeNull();
	});

	it('keeps the question and says why when an answer cannot be saved', async () => {
		const quiz = await session();
		const before = await dumpDatabase(db);
		db.attempts.hook('updating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await answer(quiz, true);
		expect(quiz.problem).toBe('quota');
		expect(quiz.checked).toBe(false);
		expect(quiz.index).toBe(0);
		expect(await dumpDatabase(db)).toEqual(before);
		quiz.task.dismiss();
		expect(quiz.problem).toBeNull();
	});

	it('ends its loading in a problem, not in "Loading" forever, when the database fails', async () => {
		db.close();
		const quiz = new QuizSession({ db }, context, 'ch1');
		await quiz.load();
		expect(quiz.loaded).toBe(false);
		expect(quiz.problem).toBe('outdated');
	});
});

describe('a checked answer', () => {
	it('cannot be changed', async () => {
		const quiz = await session();
		await answer(quiz, true);
		quiz.setResponse(WRONG);
		expect(quiz.response).toEqual(RIGHT);
		expect(quiz.currentRecord?.credit).toBe(1);
	});
});

describe('predicted scores and weak spots', () => {
	const DAY = 24 * 60 * MINUTE;

	it('predicts a guess for facts not studied, then from recall, and keeps each attempt’s prediction', async () => {
		const fresh = await session();
		// Three options, one right: a guess earns a third.
		expect(fresh.predicted).toBeCloseTo(1 / 3, 6);
		expect(fresh.attempt?.predicted).toEqual([1 / 3, 1 / 3, 1 / 3]);
		expect(fresh.attemptPredicted).toBeCloseTo(1 / 3, 6);

		await gradeCard(db, scheduler, { cardId: 'a', rating: Rating.Easy, now: NOW, durationMs: 1, shownReps: 0 });
		now = NOW + 2 * DAY;
		const recall = scheduler.retrievability((await db.cards.get('a'))!.memory, now);
		await fresh.start();
		const expected = recall + (1 - recall) / 3;
		expect(fresh.predicted).toBeCloseTo(expected, 6);
		expect(fresh.attemptPredicted).toBeCloseTo(expected, 6);
	});

	it('draws only questions whose cards were studied, weakest first, apart from the chapter’s own quiz', async () => {
		await syncContent(
			db,
			scheduler,
			compiled(
				makeDeck(
					['a', 'b', 'c'].map((id) => makeCard({ id })),
					[
						{ ...makeQuestion('strong'), cards: ['a'] },
						{ ...makeQuestion('weak'), cards: ['b'] },
						{ ...makeQuestion('unstudied'), cards: ['c'] }
					]
				)
			),
			NOW
		);
		const nothingYet = new QuizSession({ db }, context, 'ch1', 'practice', () => 1, 'weak');
		await nothingYet.load();
		await nothingYet.start();
		expect(nothingYet.attempt).toBeNull();

		await gradeCard(db, scheduler, { cardId: 'a', rating: Rating.Easy, now: NOW, durationMs: 1, shownReps: 0 });
		await gradeCard(db, scheduler, { cardId: 'b', rating: Rating.Hard, now: NOW, durationMs: 1, shownReps: 0 });
		now = NOW + 3 * DAY;
		const chapterQuiz = await session();
		const weak = new QuizSession({ db }, context, 'ch1', 'practice', () => 1, 'weak');
		await weak.load();
		await weak.start();
		expect(weak.items.map((item) => item.question.id).sort()).toEqual(['strong', 'weak']);
		expect(weak.attempt?.questionIds).toEqual(['weak', 'strong']);
		expect(weak.attempt?.focus).toBe('weak');
		// The chapter's own quiz in progress is left alone, and resumed as it was.
		const again = await session();
		expect(again.attempt?.id).toBe(chapterQuiz.attempt?.id);
	});
});
