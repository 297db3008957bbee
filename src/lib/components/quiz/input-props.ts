/** What the answer inputs of a quiz question take. */
import type { Question } from '$lib/domain/deck/model';
import type { QuizItem, QuizResponse } from '$lib/domain/quiz/quiz';

export interface QuizInputProps<Q extends Question = Question> {
	question: Q;
	/** What the question lists (options, items, the right-hand column), in the order shown. */
	shown: QuizItem['shown'];
	response: QuizResponse | undefined;
	/** Feedback is showing: inputs are locked and the right answers marked. */
	checked: boolean;
	onchange: (response: QuizResponse) => void;
}
