/** The quiz engine: drawing, shuffles, scoring of every kind, numeric equivalents. Seeded, no DOM. */
import { describe, expect, it } from 'vitest';
import type { MatchQuestion, NumericQuestion, OrderQuestion, Question } from '../../src/lib/domain/deck/model';
import { matchesNumeric, parseQuantity } from '../../src/lib/domain/quiz/answers';
import {
	drawExamIds,
	drawQuestionIds,
	isAnswered,
	passed,
	quizItems,
	scoreResponse
} from '../../src/lib/domain/quiz/quiz';
import { makeQuestion } from './factories';

const text = (en: string) => ({ zh: en, en });
const base = makeQuestion('base');

const fund: NumericQuestion = {
	...base,
	id: 'fund',
	kind: 'numeric',
	value: 8_200_000_000,
	unit: 'USD',
	accept: ['82亿美元', '$8.2B'],
	answer: text('USD 8.2 billion')
};
const order: OrderQuestion = { ...base, id: 'order', kind: 'order', items: [text('a'), text('b'), text('c')] };
const match: MatchQuestion = {
	...base,
	id: 'match',
	kind: 'match',
	pairs: [
		{ left: text('Huawei'), right: text('MindSpore') },
		{ left: text('Baidu'), right: text('PaddlePaddle') },
		{ left: text('Meta'), right: text('PyTorch') }
	]
};

describe('drawing', () => {
	const pool: Question[] = Array.from({ length: 15 }, (_, i) => makeQuestion(`q${i}`, i < 8 ? 'ch1' : 'ch2'));

	it('draws the same questions from the same seed, without repeats, and others from another seed', () => {
		const first = drawQuestionIds(pool, 7);
		expect(drawQuestionIds(pool, 7)).toEqual(first);
		expect(first).toHaveLength(10);
		expect(new Set(first).size).toBe(10);
		expect(drawQuestionIds(pool, 8)).not.toEqual(first);
	});

	it('spreads a final exam over every chapter', () => {
		const ids = drawExamIds(pool, 3, 6);
		expect(new Set(ids).size).toBe(6);
		const chapters = ids.map((id) => pool.find((q) => q.id === id)?.chapterId);
		expect(chapters.filter((c) => c === 'ch1')).toHaveLength(3);
		expect(chapters.filter((c) => c === 'ch2')).toHaveLength(3);
	});

	it('rebuilds an attempt exactly from its ids and seed, and never starts an ordering question solved', () => {
		const items = quizItems([...pool, order, match], ['q1', 'order', 'match', 'gone'], 42);
		expect(items.map((i) => i.question.id)).toEqual(['q1', 'order', 'match']);
		expect(quizItems([...pool, order, match], ['q1', 'order', 'match'], 42)).toEqual(items);
		expect(items[0]!.shown.slice().sort()).toEqual([0, 1, 2]);
		for (let seed = 0; seed < 50; seed++) {
			const [orderItem, matchItem] = quizItems([order, match], ['order', 'match'], seed);
			expect(orderItem?.shown).not.toEqual([0, 1, 2]);
			expect(matchItem?.shown).not.toEqual([0, 1, 2]);
		}
	});
});

describe('scoring', () => {
	it('scores single choice and true/false all or nothing', () => {
		expect(scoreResponse(base, { kind: 'choice', chosen: [0] })).toBe(1);
		expect(scoreResponse(base, { kind: 'choice', chosen: [1] })).toBe(0);
		const truefalse: Question = { ...base, kind: 'truefalse', answer: false };
		expect(scoreResponse(truefalse, { kind: 'choice', chosen: [1] })).toBe(1);
		expect(scoreResponse(truefalse, { kind: 'choice', chosen: [0] })).toBe(0);
	});

	it('gives partial credit to multiple select, never below zero', () => {
		const multiple: Question = {
			...base,
			kind: 'multiple',
			options: [text('a'), text('b'), text('c'), text('d')].map((t, i) => ({ text: t, correct: i < 2 }))
		};
		expect(scoreResponse(multiple, { kind: 'choice', chosen: [1, 0] })).toBe(1);
		expect(scoreResponse(multiple, { kind: 'choice', chosen: [0] })).toBe(0.5);
		expect(scoreResponse(multiple, { kind: 'choice', chosen: [0, 2] })).toBe(0);
		expect(scoreResponse(multiple, { kind: 'choice', chosen: [2, 3] })).toBe(0);
	});

	it('gives partial credit to ordering and matching by items in place', () => {
		expect(scoreResponse(order, { kind: 'order', order: [0, 1, 2] })).toBe(1);
		expect(scoreResponse(order, { kind: 'order', order: [0, 2, 1] })).toBeCloseTo(1 / 3);
		expect(scoreResponse(match, { kind: 'match', rights: [0, 1, 2] })).toBe(1);
		expect(scoreResponse(match, { kind: 'match', rights: [1, 0, 2] })).toBeCloseTo(1 / 3);
		expect(isAnswered(match, { kind: 'match', rights: [0, -1, 2] })).toBe(false);
	});

	it('accepts every equivalent form of a figure and refuses other figures', () => {
		for (const answer of [
			'82亿美元',
			'８２亿美元',
			'82亿',
			'8.2 billion USD',
			'USD 8.2 billion',
			'$8.2B',
			'$8.2bn',
			'8,200,000,000'
		]) {
			expect(scoreResponse(fund, { kind: 'numeric', text: answer }), answer).toBe(1);
		}
		for (const answer of ['8.2', '82', '千亿美元', '$8.2M', '', 'eight']) {
			expect(scoreResponse(fund, { kind: 'numeric', text: answer }), answer).toBe(0);
		}
	});

	it('parses Chinese and English magnitudes', () => {
		expect(parseQuantity('一千亿美元')).toBe(1e11);
		expect(parseQuantity('十倍以上')).toBe(10);
		expect(parseQuantity('三个月')).toBe(3);
		expect(parseQuantity('二〇三〇年')).toBe(2030);
		expect(parseQuantity('$100 billion')).toBe(1e11);
		expect(matchesNumeric('3 months', 3, [])).toBe(true);
	});

	it('passes at 80 % of the marks', () => {
		expect(passed({ correct: 8, total: 10 })).toBe(true);
		expect(passed({ correct: 7.9, total: 10 })).toBe(false);
		expect(passed({ correct: 0, total: 0 })).toBe(false);
	});
});
