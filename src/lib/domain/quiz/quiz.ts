/**
 * Chapter quizzes: drawing questions, shuffling options, scoring answers. Pure and seeded, so an attempt can be
 * rebuilt exactly from its seed after a reload.
 */
import type { ChoiceQuestion, Question, TrueFalseQuestion } from '../deck/model';
import { seededRandom, shuffled } from '../random';

/** Question kinds the quiz screen can present today; the rest of the pool waits for their screens. */
export type PlayableQuestion = ChoiceQuestion | TrueFalseQuestion;

export const DEFAULT_QUIZ_LENGTH = 10;
/** Share of correct answers that passes a chapter. */
export const PASS_MARK = 0.8;

export interface QuizItem {
	question: PlayableQuestion;
	/** Indices into `question.options` in display order (true/false: [0, 1] meaning true, false). */
	optionOrder: number[];
}

export function isPlayable(question: Question): question is PlayableQuestion {
	return question.kind === 'single' || question.kind === 'multiple' || question.kind === 'truefalse';
}

/** Draw up to `length` distinct questions from the pool and shuffle each one's options, reproducibly from `seed`. */
export function drawQuiz(pool: readonly Question[], seed: number, length = DEFAULT_QUIZ_LENGTH): QuizItem[] {
	const random = seededRandom(seed);
	return shuffled(pool.filter(isPlayable), random)
		.slice(0, length)
		.map((question) => ({
			question,
			optionOrder:
				question.kind === 'truefalse'
					? [0, 1]
					: shuffled(
							question.options.map((_, i) => i),
							random
						)
		}));
}

/** The chosen option indices (into `question.options`; for true/false 0 = true, 1 = false). */
export type ChoiceAnswer = number[];

export function isCorrect(question: PlayableQuestion, answer: ChoiceAnswer): boolean {
	if (question.kind === 'truefalse') return answer.length === 1 && (answer[0] === 0) === question.answer;
	const chosen = new Set(answer);
	return question.options.every((option, i) => option.correct === chosen.has(i));
}

export interface QuizScore {
	correct: number;
	total: number;
}

export function passed(score: QuizScore): boolean {
	return score.total > 0 && score.correct / score.total >= PASS_MARK;
}
