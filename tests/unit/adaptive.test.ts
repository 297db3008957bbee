/**
 * Learning that adapts, the pure part, pinned with fixed dates and seeds: predicted quiz scores from the recall of
 * each question's cards, their calibration against real scores, the "Weak spots" draw, leeches, and the exam plan.
 */
import { describe, expect, it } from 'vitest';
import type { ChoiceQuestion, Question } from '../../src/lib/domain/deck/model';
import type { QuizAttempt } from '../../src/lib/domain/quiz/attempt';
import { drawWeakSpotIds } from '../../src/lib/domain/quiz/quiz';
import { isLeech } from '../../src/lib/domain/scheduling/leech';
import { State, newMemoryState, type MemoryState } from '../../src/lib/domain/scheduling/memory';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { calibration } from '../../src/lib/domain/stats/calibration';
import {
	CRAM_DAYS,
	cramCards,
	cramming,
	daysUntil,
	examPlan,
	examStart,
	type PlanCard
} from '../../src/lib/domain/stats/exam-plan';
import {
	guessCredit,
	predictedCredit,
	predictedScore,
	questionRecall,
	type RecallSource
} from '../../src/lib/domain/stats/prediction';
import { DAY, NOW, exactScheduler, makeQuestion } from './factories';
import { inTimeZone, local } from './time-zone';

const scheduler = exactScheduler();

/** A card graded Good on day 0 and again as due `times` times: a memory of known stability. */
function studied(times: number, start = NOW - 60 * DAY): MemoryState {
	let memory = scheduler.grade(newMemoryState(start), Rating.Good, start);
	memory = scheduler.grade(memory, Rating.Good, memory.due);
	for (let i = 0; i < times; i++) memory = scheduler.grade(memory, Rating.Good, memory.due);
	return memory;
}

function source(memories: Record<string, MemoryState>, now = NOW): RecallSource {
	return { memoryOf: (id) => memories[id], recall: (memory) => scheduler.retrievability(memory, now) };
}

function choice(id: string, cards: string[], options = 4): ChoiceQuestion {
	const question = makeQuestion(id);
	return {
		...question,
		cards,
		options: Array.from({ length: options }, (_, i) => ({ text: { zh: `${i}`, en: `${i}` }, correct: i === 0 }))
	};
}

describe('predicted quiz scores', () => {
	it('count a question as its fact recalled, or else guessed', () => {
		const strong = studied(3);
		const recall = scheduler.retrievability(strong, NOW);
		const memories = { a: strong, b: newMemoryState(NOW) };
		const single = choice('q1', ['a']);
		expect(questionRecall(single, source(memories))).toBeCloseTo(recall, 12);
		expect(predictedCredit(single, source(memories))).toBeCloseTo(recall + (1 - recall) / 4, 12);
		// Not studied: the stated prior is a guess.
		expect(questionRecall(choice('q2', ['b']), source(memories))).toBeNull();
		expect(predictedCredit(choice('q2', ['b']), source(memories))).toBe(1 / 4);
		expect(predictedScore([single, choice('q2', ['b'])], source(memories))).toBeCloseTo(
			(recall + (1 - recall) / 4 + 1 / 4) / 2,
			12
		);
		expect(predictedScore([], source(memories))).toBeNull();
	});

	it('know what a guess earns for every kind of question', () => {
		const base = makeQuestion('q');
		const kinds: [Question, number][] = [
			[{ ...base, kind: 'truefalse', answer: true } as unknown as Question, 1 / 2],
			[choice('q', [], 5), 1 / 5],
			[{ ...base, kind: 'order', items: [base.prompt, base.prompt, base.prompt] } as unknown as Question, 1 / 3],
			[
				{
					...base,
					kind: 'match',
					pairs: [1, 2, 3, 4].map(() => ({ left: base.prompt, right: base.prompt }))
				} as unknown as Question,
				1 / 4
			],
			[{ ...base, kind: 'numeric', value: 1, accept: ['1'], answer: base.prompt } as unknown as Question, 0]
		];
		for (const [question, expected] of kinds) expect(guessCredit(question), question.kind).toBeCloseTo(expected, 12);
		// Two right of three: of the 7 non-empty picks, {a} {b} {a,b} score 1/2 1/2 1; {a,c} {b,c} score 0; {c} 0;
		// {a,b,c} 1/2: a mean of 2.5/7.
		const multiple: Question = {
			...base,
			kind: 'multiple',
			options: [true, true, false].map((correct) => ({ text: base.prompt, correct }))
		};
		expect(guessCredit(multiple)).toBeCloseTo(2.5 / 7, 12);
	});
});

describe('calibration', () => {
	function attempt(predicted: number[], credits: number[], at: number): QuizAttempt {
		const questionIds = predicted.map((_, i) => `q${i}`);
		return {
			id: `a${at}`,
			chapterId: 'ch1',
			mode: 'practice',
			questionIds,
			seed: 1,
			retryOf: null,
			startedAt: at,
			finishedAt: at,
			answers: credits.map((credit, i) => ({
				questionId: `q${i}`,
				response: { kind: 'choice', chosen: [0] },
				credit,
				cardsMadeDue: 0
			})),
			correct: credits.reduce((sum, c) => sum + c, 0),
			total: credits.length,
			predicted
		};
	}

	it('measures the mean error, its sign and the Brier score over finished attempts', () => {
		const result = calibration([
			attempt([0.8, 0.6], [1, 0], NOW + 1),
			attempt([0.5, 0.5], [1, 1], NOW),
			{ ...attempt([0.9], [1], NOW + 2), finishedAt: null },
			{ ...attempt([0.9], [0], NOW + 3), retryOf: 'a1' },
			{ ...attempt([0.9], [0], NOW + 4), predicted: undefined }
		]);
		expect(result.points).toEqual([
			{ at: NOW, predicted: 0.5, actual: 1 },
			{ at: NOW + 1, predicted: 0.7, actual: 0.5 }
		]);
		expect(result.bias).toBeCloseTo((-0.5 + 0.2) / 2, 12);
		expect(result.meanError).toBeCloseTo((0.5 + 0.2) / 2, 12);
		expect(result.brier).toBeCloseTo((0.25 + 0.25 + 0.04 + 0.36) / 4, 12);
		expect(calibration([])).toEqual({ points: [], bias: null, meanError: null, brier: null });
	});
});

describe('weak spots', () => {
	it('draw the questions whose cards are fading, weakest first, the same for the same seed', () => {
		const pool = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => choice(id, [id]));
		const recall: Record<string, number | null> = { q1: 0.9, q2: 0.4, q3: null, q4: 0.4, q5: 0.7 };
		const draw = (seed: number) => drawWeakSpotIds(pool, (q) => recall[q.id] ?? null, seed, 3);
		expect(draw(1).slice(0, 2).sort()).toEqual(['q2', 'q4']);
		expect(draw(1)[2]).toBe('q5');
		expect(draw(1)).toEqual(draw(1));
		expect(new Set([1, 2, 3, 4, 5, 6].map((seed) => draw(seed).slice(0, 2).join()))).toEqual(
			new Set(['q2,q4', 'q4,q2'])
		);
		expect(drawWeakSpotIds(pool, () => null, 1)).toEqual([]);
	});
});

describe('leeches', () => {
	it('are cards forgotten at least the threshold times', () => {
		expect(isLeech({ lapses: 8 }, 8)).toBe(true);
		expect(isLeech({ lapses: 7 }, 8)).toBe(false);
		expect(isLeech({ lapses: 3 }, 3)).toBe(true);
	});
});

describe('the exam plan', () => {
	inTimeZone('Europe/Berlin');
	const today = () => local(2026, 3, 2, 10);

	it('counts days to the exam by study day, and crams in the last ones', () => {
		const exam = examStart('2026-03-12', 4);
		expect(exam).toBe(local(2026, 3, 12, 4));
		expect(daysUntil(exam, today(), 4)).toBe(10);
		expect(cramming(exam, today(), 4)).toBe(false);
		expect(cramming(exam, local(2026, 3, 12 - CRAM_DAYS + 1, 9), 4)).toBe(true);
		expect(cramming(exam, local(2026, 3, 12, 9), 4)).toBe(true);
		expect(cramming(exam, local(2026, 3, 13, 9), 4)).toBe(false);
	});

	it('adds for cramming exactly the started cards that would be under the target on the day', () => {
		const exam = examStart('2026-03-12', 4);
		const weak = { id: 'weak', memory: studied(0, today() - 20 * DAY) };
		const solid = { id: 'solid', memory: studied(4, today() - 200 * DAY) };
		const fresh = { id: 'fresh', memory: newMemoryState(today()) };
		expect(scheduler.retrievability(weak.memory, exam)).toBeLessThan(0.9);
		expect(cramCards([weak, solid, fresh], exam, 0.9, scheduler).map((card) => card.id)).toEqual(
			expect.arrayContaining(['weak'])
		);
		expect(cramCards([fresh], exam, 0.9, scheduler)).toEqual([]);
		// Graded today, a card waits for tomorrow however weak: crammed again at once, it would come back after each grade.
		expect(cramCards([weak, solid], exam, 0.9, scheduler, new Set(['weak'])).map((card) => card.id)).not.toContain(
			'weak'
		);
	});

	it('projects the share recalled at the learner’s pace and at the plan’s, the same for the same seed', () => {
		const cards: PlanCard[] = Array.from({ length: 60 }, (_, i) => ({
			order: i,
			memory: i < 20 ? studied(1, today() - 30 * DAY) : newMemoryState(today())
		}));
		const input = {
			cards,
			now: today(),
			examAt: examStart('2026-03-16', 4),
			target: 0.9,
			newPerDay: 1,
			reviewsPerDay: 200,
			rolloverHour: 4,
			seed: 3
		};
		const plan = examPlan(input, scheduler);
		expect(plan.daysLeft).toBe(14);
		expect(examPlan(input, scheduler)).toEqual(plan);
		// One new card a day leaves most of the 40 unstarted: far from the target; starting them all in time gets closer.
		expect(plan.atYourPace.recalled).toBeLessThan(0.7);
		expect(plan.onTrack).toBe(false);
		expect(plan.plan.recalled).toBeGreaterThan(plan.atYourPace.recalled + 0.2);
		expect(plan.plan.reviewsPerDay).toBeGreaterThan(plan.atYourPace.reviewsPerDay);
		expect(plan.reachable).toBe(plan.plan.recalled >= 0.9);
	});

	it('is on track when every card is already solid', () => {
		const cards = Array.from({ length: 10 }, (_, i) => ({ order: i, memory: studied(5, today() - 300 * DAY) }));
		const plan = examPlan(
			{
				cards,
				now: today(),
				examAt: examStart('2026-03-09', 4),
				target: 0.8,
				newPerDay: 10,
				reviewsPerDay: 100,
				rolloverHour: 4,
				seed: 1
			},
			scheduler
		);
		expect(plan.onTrack).toBe(true);
		expect(plan.atYourPace.recalled).toBeGreaterThan(0.8);
		expect(cards.every((card) => card.memory.state === State.Review)).toBe(true);
	});
});
