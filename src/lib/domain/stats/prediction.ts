/**
 * Predicted quiz scores, from what the learner remembers. Each question names the flashcards of its fact; FSRS
 * predicts the recall of each. The chance to get a question right is the chance to recall its fact, plus, when it is
 * not recalled, what a guess earns (a half for true or false, one in four for four options, nothing for a typed
 * figure). A question none of whose cards was studied yet counts as a guess: that is the stated prior.
 *
 * A chapter quiz draws its questions at random from the chapter's pool, so its predicted score is the mean over the
 * pool; an attempt's is the mean over the questions it drew (stored with it, for the calibration of predictions).
 */
import type { Question } from '../deck/model';
import { State, type MemoryState } from '../scheduling/memory';
import type { RecallInputs } from '../scheduling/scheduler';

/** What predicting needs: each card's memory by id, and the recall FSRS gives it now. */
export interface RecallSource {
	memoryOf(cardId: string): Pick<MemoryState, 'state' | 'stability' | 'lastReview'> | undefined;
	recall(memory: RecallInputs): number;
}

/** The recall of a question's fact now: the mean over its studied cards; null when none was studied. */
export function questionRecall(question: Pick<Question, 'cards'>, source: RecallSource): number | null {
	const recalls = question.cards.flatMap((cardId) => {
		const memory = source.memoryOf(cardId);
		return memory && memory.state !== State.New && memory.lastReview !== null ? [source.recall(memory)] : [];
	});
	return recalls.length === 0 ? null : recalls.reduce((sum, r) => sum + r, 0) / recalls.length;
}

/** The credit a guess earns on average: an answer chosen at random among those the question allows. */
export function guessCredit(question: Question): number {
	switch (question.kind) {
		case 'truefalse':
			return 1 / 2;
		case 'single':
			return 1 / question.options.length;
		case 'multiple':
			return multipleGuess(question.options.map((option) => option.correct));
		case 'order':
			// A random order puts each item in its place with chance 1/n: the expected share is 1/n.
			return 1 / question.items.length;
		case 'match':
			return 1 / question.pairs.length;
		case 'numeric':
			return 0;
	}
}

/** Multiple select, every non-empty choice of options as likely: the mean of (right picks - wrong picks) / right. */
function multipleGuess(correct: readonly boolean[]): number {
	const right = correct.filter(Boolean).length;
	if (right === 0) return 0;
	let total = 0;
	const choices = 2 ** correct.length - 1;
	for (let mask = 1; mask <= choices; mask++) {
		let score = 0;
		correct.forEach((isRight, i) => {
			if (mask & (1 << i)) score += isRight ? 1 : -1;
		});
		total += Math.max(0, score / right);
	}
	return total / choices;
}

/** The expected credit of a question: recalled, full marks; not recalled, a guess. */
export function predictedCredit(question: Question, source: RecallSource): number {
	const recall = questionRecall(question, source) ?? 0;
	return recall + (1 - recall) * guessCredit(question);
}

/** The predicted score of a quiz drawn from `questions` (0 to 1), or null for none. */
export function predictedScore(questions: readonly Question[], source: RecallSource): number | null {
	if (questions.length === 0) return null;
	return questions.reduce((sum, question) => sum + predictedCredit(question, source), 0) / questions.length;
}

/** Each drawn question's predicted credit, in the order drawn (ids not in the pool are left out). */
export function predictedCredits(
	pool: readonly Question[],
	questionIds: readonly string[],
	source: RecallSource
): number[] {
	const byId = new Map(pool.map((question) => [question.id, question]));
	return questionIds.flatMap((id) => {
		const question = byId.get(id);
		return question ? [predictedCredit(question, source)] : [];
	});
}
