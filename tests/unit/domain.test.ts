/** Pure domain: scheduling, queue, quiz engine, cloze, study days. Fixed `now`, fuzz off, seeded randomness. */
import { describe, expect, it } from 'vitest';
import { clozeFront, clozeGaps } from '../../src/lib/domain/deck/cloze';
import type { TrueFalseQuestion } from '../../src/lib/domain/deck/model';
import { drawQuiz, isCorrect, passed } from '../../src/lib/domain/quiz/quiz';
import { seededRandom, shuffled } from '../../src/lib/domain/random';
import { State, newMemoryState } from '../../src/lib/domain/scheduling/memory';
import { buildQueue, type QueueCard } from '../../src/lib/domain/scheduling/queue';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { studyDayEnd, studyDayStart } from '../../src/lib/domain/time';
import { DAY, MINUTE, NOW, makeQuestion } from './factories';

const exact = new Scheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false, learningSteps: true });

describe('scheduler', () => {
	it('schedules a new card graded Good into learning for 10 minutes, Easy into review for days', () => {
		const fresh = newMemoryState(NOW);
		expect(exact.grade(fresh, Rating.Good, NOW)).toMatchObject({ state: State.Learning, due: NOW + 10 * MINUTE });
		const easy = exact.grade(fresh, Rating.Easy, NOW);
		expect(easy.state).toBe(State.Review);
		expect(easy.due - NOW).toBeGreaterThanOrEqual(DAY);
	});

	it('replays events in log order whatever order they are stored in', () => {
		const events: ReviewEvent[] = [
			{
				id: 'b',
				cardId: 'x',
				kind: 'grade',
				rating: Rating.Good,
				at: NOW + 15 * MINUTE,
				durationMs: 1,
				stateBefore: State.Learning
			},
			{ id: 'a', cardId: 'x', kind: 'grade', rating: Rating.Good, at: NOW, durationMs: 1, stateBefore: State.New }
		];
		const stepwise = exact.grade(exact.grade(newMemoryState(NOW), Rating.Good, NOW), Rating.Good, NOW + 15 * MINUTE);
		expect(exact.replay(NOW, events)).toEqual(stepwise);
	});

	it('replays a quiz mistake as due now without touching memory, and a reset as a new card', () => {
		const learned = exact.grade(newMemoryState(NOW), Rating.Easy, NOW);
		const events: ReviewEvent[] = [
			{ id: 'a', cardId: 'x', kind: 'grade', rating: Rating.Easy, at: NOW, durationMs: 1, stateBefore: State.New },
			{ id: 'b', cardId: 'x', kind: 'due-now', at: NOW + DAY, questionId: 'q' }
		];
		expect(exact.replay(NOW, events)).toEqual({ ...learned, due: NOW + DAY });
		const reset = [...events, { id: 'c', cardId: 'x', kind: 'reset' as const, at: NOW + 2 * DAY }];
		expect(exact.replay(NOW, reset)).toEqual(newMemoryState(NOW + 2 * DAY));
		const stillNew = exact.replay(NOW, [{ id: 'd', cardId: 'x', kind: 'due-now', at: NOW + DAY, questionId: 'q' }]);
		expect(stillNew).toEqual(newMemoryState(NOW));
	});

	it('predicts recall of about the desired retention when a card comes due', () => {
		const memory = exact.grade(newMemoryState(NOW), Rating.Easy, NOW);
		expect(exact.retrievability(memory, memory.due)).toBeCloseTo(0.9, 1);
		expect(exact.retrievability(newMemoryState(NOW), NOW)).toBe(0);
	});
});

describe('queue', () => {
	const dayEnd = studyDayEnd(NOW);
	const card = (id: string, order: number, state: State, due: number): QueueCard => ({
		id,
		order,
		memory: { ...newMemoryState(NOW), state, due, lastReview: state === State.New ? null : NOW - DAY },
		suspended: 0,
		buriedUntil: 0
	});

	it('puts due cards by due date, interleaves new ones in report order, and respects the daily new limit', () => {
		const cards = [
			card('n2', 2, State.New, NOW),
			card('n1', 1, State.New, NOW),
			card('r-late', 9, State.Review, NOW + 60 * MINUTE),
			card('r-early', 8, State.Review, NOW - DAY),
			card('future', 7, State.Review, dayEnd + DAY)
		];
		const queue = buildQueue(cards, NOW, dayEnd, 0, { newPerDay: 1 });
		expect(queue.cards).toEqual(['r-early', 'n1', 'r-late']);
		expect(buildQueue(cards, NOW, dayEnd, 1, { newPerDay: 1 }).newCount).toBe(0);
	});

	it('leaves suspended cards out, and buried ones until their time', () => {
		const cards = [
			{ ...card('s', 1, State.Review, NOW - DAY), suspended: 1 as const },
			{ ...card('b', 2, State.Review, NOW - DAY), buriedUntil: NOW + DAY }
		];
		expect(buildQueue(cards, NOW, dayEnd, 0).cards).toEqual([]);
		expect(buildQueue(cards, NOW + 2 * DAY, studyDayEnd(NOW + 2 * DAY), 0).cards).toEqual(['b']);
	});

	it('keeps a learning card coming back within minutes for the end of the session', () => {
		const queue = buildQueue([card('l', 1, State.Learning, NOW + 5 * MINUTE)], NOW, dayEnd, 0);
		expect(queue.cards).toEqual([]);
		expect(queue.soon).toEqual(['l']);
	});
});

describe('study day', () => {
	it('starts at the rollover hour, so 2 am belongs to the evening before', () => {
		const twoAm = new Date(2026, 10, 29, 2, 0).getTime();
		expect(studyDayStart(twoAm)).toBe(new Date(2026, 10, 28, 4, 0).getTime());
		expect(studyDayEnd(twoAm)).toBe(new Date(2026, 10, 29, 4, 0).getTime());
	});
});

describe('quiz engine', () => {
	const pool = Array.from({ length: 15 }, (_, i) => makeQuestion(`q${i}`));

	it('draws the same questions and option orders from the same seed, without repeats', () => {
		const first = drawQuiz(pool, 7);
		expect(drawQuiz(pool, 7)).toEqual(first);
		expect(first).toHaveLength(10);
		expect(new Set(first.map((item) => item.question.id)).size).toBe(10);
		expect(drawQuiz(pool, 8).map((i) => i.question.id)).not.toEqual(first.map((i) => i.question.id));
	});

	it('scores single, multiple and true/false answers', () => {
		const single = makeQuestion('s');
		expect(isCorrect(single, [0])).toBe(true);
		expect(isCorrect(single, [1])).toBe(false);
		const multiple = { ...makeQuestion('m'), kind: 'multiple' as const };
		multiple.options = multiple.options.map((o, i) => ({ ...o, correct: i < 2 }));
		expect(isCorrect(multiple, [1, 0])).toBe(true);
		expect(isCorrect(multiple, [0])).toBe(false);
		const truefalse: TrueFalseQuestion = { ...makeQuestion('t'), kind: 'truefalse', answer: false };
		expect(isCorrect(truefalse, [1])).toBe(true);
		expect(isCorrect(truefalse, [0])).toBe(false);
	});

	it('passes a chapter at 80 %', () => {
		expect(passed({ correct: 8, total: 10 })).toBe(true);
		expect(passed({ correct: 7, total: 10 })).toBe(false);
		expect(passed({ correct: 0, total: 0 })).toBe(false);
	});

	it('shuffles reproducibly from a seed', () => {
		expect(shuffled([1, 2, 3, 4, 5], seededRandom(1))).toEqual(shuffled([1, 2, 3, 4, 5], seededRandom(1)));
	});
});

describe('cloze', () => {
	it('finds gaps and hides one at a time', () => {
		const text = '到{{c1::2030}}年成为{{c2::全球领导者}}';
		expect(clozeGaps(text)).toEqual([1, 2]);
		expect(clozeFront(text, 2)).toBe('到2030年成为[…]');
	});
});
