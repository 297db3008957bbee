/**
 * Quiz attempts: started, answered question by question (so a reload resumes), finished with a score. A wrong answer
 * makes the flashcards of the same fact due now, logged as `due-now` events in the same transaction.
 */
import type { StoredCard } from '../domain/collection';
import type { Question } from '../domain/deck/model';
import { FINAL_EXAM_ID, scoreResponse, type QuizResponse } from '../domain/quiz/quiz';
import { State } from '../domain/scheduling/memory';
import type { DueNowEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { QuizAnswerRecord, QuizAttempt, QuizMode } from '../domain/quiz/attempt';
import type { ReportCardDb } from './db';
import { appendEvents, owe, writeTransaction } from './projections/write';

/** The current questions of a chapter, or of every chapter for the final exam. */
export async function questionPool(db: ReportCardDb, scope: string): Promise<Question[]> {
	const rows =
		scope === FINAL_EXAM_ID
			? await db.questions.toArray()
			: await db.questions.where('chapterId').equals(scope).toArray();
	return rows.filter((q) => q.retired === 0);
}

/** What a quiz draws: at random (undefined), or the weak spots. */
export type QuizFocus = QuizAttempt['focus'];

/** The attempt at this chapter (or the final exam) with this focus still in progress, if any. */
export async function openAttempt(
	db: ReportCardDb,
	scope: string,
	focus?: QuizFocus
): Promise<QuizAttempt | undefined> {
	return db.attempts
		.where('chapterId')
		.equals(scope)
		.filter((attempt) => attempt.finishedAt === null && attempt.focus === focus)
		.first();
}

/** The attempt at this chapter (or the final exam) with this focus finished last, a retry of missed questions too. */
export async function lastFinishedAttempt(
	db: ReportCardDb,
	scope: string,
	focus?: QuizFocus
): Promise<QuizAttempt | undefined> {
	return db.attempts
		.where('[chapterId+finishedAt]')
		.between([scope, 0], [scope, Infinity], false, true)
		.reverse()
		.filter((attempt) => attempt.focus === focus)
		.first();
}

export interface NewAttempt {
	scope: string;
	mode: QuizMode;
	questionIds: string[];
	seed: number;
	retryOf: string | null;
	now: number;
	/** Each question's predicted credit now, in the order of questionIds (for the calibration of predictions). */
	predicted?: number[];
	focus?: QuizFocus;
}

/** Start an attempt; another attempt of the same scope and focus still open is abandoned (finished as it stands). */
export async function startAttempt(db: ReportCardDb, request: NewAttempt): Promise<QuizAttempt> {
	const attempt: QuizAttempt = {
		id: crypto.randomUUID(),
		chapterId: request.scope,
		mode: request.mode,
		questionIds: request.questionIds,
		seed: request.seed,
		retryOf: request.retryOf,
		startedAt: request.now,
		finishedAt: null,
		answers: [],
		correct: 0,
		total: request.questionIds.length,
		...(request.predicted && { predicted: request.predicted }),
		...(request.focus && { focus: request.focus })
	};
	await db.transaction('rw', [db.attempts, db.outbox, db.settings], async () => {
		const abandoned = db.attempts
			.where('chapterId')
			.equals(request.scope)
			.filter((a) => a.finishedAt === null && a.focus === request.focus);
		const ids = await abandoned.primaryKeys();
		await abandoned.modify({ finishedAt: request.now });
		await db.attempts.add(attempt);
		await owe(db, 'attempt', [...ids, attempt.id]);
	});
	return attempt;
}

export interface AnswerRequest {
	attemptId: string;
	question: Question;
	response: QuizResponse;
	now: number;
}

/**
 * Record an answer once (a repeated submission is ignored). If it was not fully right, the question's flashcards that
 * the learner has already started become due now. Returns the stored attempt.
 */
export async function recordAnswer(
	db: ReportCardDb,
	scheduler: Scheduler,
	request: AnswerRequest
): Promise<QuizAttempt> {
	return writeTransaction(db, [db.attempts], async () => {
		const attempt = await db.attempts.get(request.attemptId);
		if (!attempt) throw new Error(`No quiz attempt ${request.attemptId}`);
		if (attempt.finishedAt !== null || attempt.answers.some((a) => a.questionId === request.question.id))
			return attempt;
		const credit = scoreResponse(request.question, request.response);
		const cardsMadeDue = credit < 1 ? await makeDue(db, scheduler, request.question, request.now) : 0;
		const record: QuizAnswerRecord = {
			questionId: request.question.id,
			response: request.response,
			credit,
			cardsMadeDue
		};
		const answers = [...attempt.answers, record];
		const updated = { ...attempt, answers, correct: answers.reduce((sum, a) => sum + a.credit, 0) };
		await db.attempts.put(updated);
		await owe(db, 'attempt', [updated.id]);
		return updated;
	});
}

/** Log a `due-now` event for each started, current card of the question, bringing its due date forward. */
async function makeDue(db: ReportCardDb, scheduler: Scheduler, question: Question, now: number): Promise<number> {
	const cards = (await db.cards.bulkGet(question.cards)).filter(
		(card): card is StoredCard =>
			card !== undefined && card.retired === 0 && card.memory.state !== State.New && card.due > now
	);
	const events = cards.map((card): DueNowEvent => ({
		id: crypto.randomUUID(),
		cardId: card.id,
		kind: 'due-now',
		at: now,
		questionId: question.id
	}));
	await appendEvents(db, scheduler, events);
	return cards.length;
}

export async function finishAttempt(db: ReportCardDb, attemptId: string, now: number): Promise<QuizAttempt> {
	return db.transaction('rw', [db.attempts, db.outbox, db.settings], async () => {
		const attempt = await db.attempts.get(attemptId);
		if (!attempt) throw new Error(`No quiz attempt ${attemptId}`);
		if (attempt.finishedAt !== null) return attempt;
		const finished = { ...attempt, finishedAt: now };
		await db.attempts.put(finished);
		await owe(db, 'attempt', [finished.id]);
		return finished;
	});
}
