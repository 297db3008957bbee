/**
 * What predictions read: for a quiz score, the memory of the cards its questions test (few: the shipped decks'
 * questions name a few hundred cards, whatever the size of the collection); for the exam plan, every card's memory.
 */
import type { Question } from '../domain/deck/model';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { PlanCard } from '../domain/stats/exam-plan';
import { predictedScore, type RecallSource } from '../domain/stats/prediction';
import type { ReportCardDb } from './db';
import { activeCards } from './reviews';

/** The recall of each card the questions test, as FSRS predicts it at `now`. */
export async function recallSource(
	db: ReportCardDb,
	scheduler: Scheduler,
	questions: readonly Question[],
	now: number
): Promise<RecallSource> {
	const ids = [...new Set(questions.flatMap((question) => question.cards))];
	const cards = await db.cards.bulkGet(ids);
	const memories = new Map(cards.flatMap((card) => (card && card.retired === 0 ? [[card.id, card.memory]] : [])));
	return {
		memoryOf: (cardId) => memories.get(cardId),
		recall: (memory) => scheduler.retrievability(memory, now)
	};
}

export const NO_PREDICTIONS: ReadonlyMap<string, number | null> = new Map();

/** Each chapter's predicted quiz score (0 to 1; null for a chapter with no questions), by chapter id. */
export async function chapterPredictions(
	db: ReportCardDb,
	scheduler: Scheduler,
	now: number
): Promise<Map<string, number | null>> {
	const questions = (await db.questions.toArray()).filter((question) => question.retired === 0);
	const source = await recallSource(db, scheduler, questions, now);
	const byChapter = new Map<string, Question[]>();
	for (const question of questions)
		byChapter.set(question.chapterId, [...(byChapter.get(question.chapterId) ?? []), question]);
	return new Map([...byChapter].map(([chapterId, pool]) => [chapterId, predictedScore(pool, source)]));
}

/** What the exam plan simulates: every current card not suspended, with its report order for starting new ones. */
export async function planCards(db: ReportCardDb): Promise<PlanCard[]> {
	const cards = await activeCards(db);
	return cards.filter((card) => card.suspended === 0).map((card) => ({ memory: card.memory, order: card.order }));
}
