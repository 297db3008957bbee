/**
 * The quiz engine: drawing questions, shuffling what is shown, and scoring every question kind. Pure and seeded, so an
 * attempt is rebuilt exactly from its question ids and seed after a reload.
 */
import type { Question } from '../deck/model';
import { seededRandom, shuffled } from '../random';
import { matchesNumeric } from './answers';

export const DEFAULT_QUIZ_LENGTH = 10;
export const FINAL_EXAM_LENGTH = 20;
/** Attempts at the final exam are stored under this id, which no chapter id can take (they are lowercase words). */
export const FINAL_EXAM_ID = '*final';
/** Share of the marks that passes a chapter. */
export const PASS_MARK = 0.8;

/** What the learner answered, per question kind. */
export type QuizResponse =
	/** single, multiple, truefalse (0 = true, 1 = false): indices into the question's options. */
	| { kind: 'choice'; chosen: number[] }
	| { kind: 'numeric'; text: string }
	/** Item indices in the order the learner put them. */
	| { kind: 'order'; order: number[] }
	/** rights[i] is the right-hand index the learner paired with left-hand item i (-1: none). */
	| { kind: 'match'; rights: number[] };

/** A question as one attempt shows it: the display order of its options, items or right-hand column. */
export interface QuizItem {
	question: Question;
	/** single/multiple: option indices in display order; truefalse: [0, 1]; order: the shuffled starting order;
	 * match: right-hand indices in display order. */
	shown: number[];
}

/** Draw up to `length` distinct question ids from the pool, reproducibly from `seed`. */
export function drawQuestionIds(pool: readonly Question[], seed: number, length = DEFAULT_QUIZ_LENGTH): string[] {
	return shuffled(
		pool.map((q) => q.id),
		seededRandom(seed)
	).slice(0, length);
}

/**
 * Draw a final exam: questions spread evenly over the chapters (round robin over each chapter's shuffled pool), so
 * every chapter is examined.
 */
export function drawExamIds(pool: readonly Question[], seed: number, length = FINAL_EXAM_LENGTH): string[] {
	const random = seededRandom(seed);
	const byChapter = new Map<string, string[]>();
	for (const q of pool) byChapter.set(q.chapterId, [...(byChapter.get(q.chapterId) ?? []), q.id]);
	const piles = [...byChapter.keys()].sort().map((chapter) => shuffled(byChapter.get(chapter) ?? [], random));
	const ids: string[] = [];
	for (let round = 0; ids.length < length && piles.some((pile) => pile.length > round); round++) {
		for (const pile of piles) {
			const id = pile[round];
			if (id !== undefined && ids.length < length) ids.push(id);
		}
	}
	return shuffled(ids, random);
}

/** The items of an attempt, in its order, skipping ids no longer in the pool (a deck update removed them). */
export function quizItems(pool: readonly Question[], ids: readonly string[], seed: number): QuizItem[] {
	const byId = new Map(pool.map((q) => [q.id, q]));
	return ids.flatMap((id) => {
		const question = byId.get(id);
		return question ? [{ question, shown: shownOrder(question, seed) }] : [];
	});
}

function shownOrder(question: Question, seed: number): number[] {
	const random = seededRandom(seed ^ hashString(question.id));
	const indices = (n: number) => Array.from({ length: n }, (_, i) => i);
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return shuffled(indices(question.options.length), random);
		case 'truefalse':
			return [0, 1];
		case 'numeric':
			return [];
		case 'order':
			return shuffledAwayFromAnswer(indices(question.items.length), random);
		case 'match':
			return shuffledAwayFromAnswer(indices(question.pairs.length), random);
	}
}

/** A shuffle that is never the answer itself, so an ordering or matching question never starts solved. */
function shuffledAwayFromAnswer(indices: number[], random: () => number): number[] {
	const result = shuffled(indices, random);
	const [first, ...rest] = result;
	return first !== undefined && result.every((v, i) => v === i) ? [...rest, first] : result;
}

/** FNV-1a: a stable 32-bit hash, to give each question its own shuffle from the attempt's seed. */
function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}

/**
 * The marks a response earns, from 0 to 1. Multiple select, ordering and matching give partial credit:
 * multiple select (right picks - wrong picks) / right options, never below 0; ordering and matching the share of
 * items in their right place.
 */
export function scoreResponse(question: Question, response: QuizResponse): number {
	switch (question.kind) {
		case 'single':
		case 'multiple': {
			if (response.kind !== 'choice') return 0;
			const chosen = new Set(response.chosen);
			if (question.kind === 'single') {
				const [only] = response.chosen;
				return chosen.size === 1 && only !== undefined && question.options[only]?.correct ? 1 : 0;
			}
			const right = question.options.filter((o) => o.correct).length;
			const hits = question.options.filter((o, i) => o.correct && chosen.has(i)).length;
			const misses = question.options.filter((o, i) => !o.correct && chosen.has(i)).length;
			return Math.max(0, (hits - misses) / right);
		}
		case 'truefalse':
			return response.kind === 'choice' &&
				response.chosen.length === 1 &&
				(response.chosen[0] === 0) === question.answer
				? 1
				: 0;
		case 'numeric':
			return response.kind === 'numeric' && matchesNumeric(response.text, question.value, question.accept) ? 1 : 0;
		case 'order':
			if (response.kind !== 'order') return 0;
			return share(question.items.length, (i) => response.order[i] === i);
		case 'match':
			if (response.kind !== 'match') return 0;
			return share(question.pairs.length, (i) => response.rights[i] === i);
	}
}

function share(count: number, right: (i: number) => boolean): number {
	let hits = 0;
	for (let i = 0; i < count; i++) if (right(i)) hits++;
	return count === 0 ? 0 : hits / count;
}

/** Whether a response is complete enough to submit. */
export function isAnswered(question: Question, response: QuizResponse | undefined): boolean {
	if (!response) return false;
	switch (response.kind) {
		case 'choice':
			return response.chosen.length > 0;
		case 'numeric':
			return response.text.trim().length > 0;
		case 'order':
			return question.kind === 'order' && response.order.length === question.items.length;
		case 'match':
			return response.rights.length > 0 && response.rights.every((r) => r >= 0);
	}
}

export interface QuizScore {
	/** Marks earned, partial credit included. */
	correct: number;
	total: number;
}

export function passed(score: QuizScore): boolean {
	return score.total > 0 && score.correct / score.total >= PASS_MARK - 1e-9;
}

/**
 * Draw a "Weak spots" quiz: the questions whose studied cards the learner is least likely to recall now, weakest
 * first; questions of equal recall in an order `seed` gives, so a draw is reproducible. Questions none of whose cards
 * was studied are left out: there is nothing fading to test.
 */
export function drawWeakSpotIds(
	pool: readonly Question[],
	recallOf: (question: Question) => number | null,
	seed: number,
	length = DEFAULT_QUIZ_LENGTH
): string[] {
	const order = new Map(shuffled(pool, seededRandom(seed)).map((question, i) => [question.id, i]));
	return pool
		.flatMap((question) => {
			const recall = recallOf(question);
			return recall === null ? [] : [{ id: question.id, recall }];
		})
		.sort((a, b) => a.recall - b.recall || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
		.slice(0, length)
		.map((question) => question.id);
}
