/** Quiz attempts: started, answered question by question (so a reload resumes), finished with a score. */
import type { Question } from '../domain/deck/model';
import type { QuizAnswerRecord, QuizAttempt, ReportCardDb } from './db';

export async function chapterQuestions(db: ReportCardDb, chapterId: string): Promise<Question[]> {
	return (await db.questions.where('chapterId').equals(chapterId).toArray()).filter((q) => q.retired === 0);
}

/** The attempt at this chapter still in progress, if any. */
export async function openAttempt(db: ReportCardDb, chapterId: string): Promise<QuizAttempt | undefined> {
	return db.attempts
		.where('chapterId')
		.equals(chapterId)
		.filter((attempt) => attempt.finishedAt === null)
		.first();
}

export async function startAttempt(
	db: ReportCardDb,
	chapterId: string,
	seed: number,
	length: number,
	now: number
): Promise<QuizAttempt> {
	const attempt: QuizAttempt = {
		id: crypto.randomUUID(),
		chapterId,
		seed,
		length,
		startedAt: now,
		finishedAt: null,
		answers: [],
		correct: 0,
		total: length
	};
	await db.attempts.add(attempt);
	return attempt;
}

export async function recordAnswer(db: ReportCardDb, attemptId: string, answer: QuizAnswerRecord): Promise<void> {
	await db.transaction('rw', db.attempts, async () => {
		const attempt = await db.attempts.get(attemptId);
		if (!attempt || attempt.finishedAt !== null) return;
		if (attempt.answers.some((a) => a.questionId === answer.questionId)) return;
		const answers = [...attempt.answers, answer];
		await db.attempts.update(attemptId, { answers, correct: answers.filter((a) => a.correct).length });
	});
}

export async function finishAttempt(db: ReportCardDb, attemptId: string, now: number): Promise<void> {
	await db.attempts.update(attemptId, { finishedAt: now });
}
