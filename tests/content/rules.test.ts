/** The content rules on small decks: each rule passes a good deck and names the file and line of a bad one. */
import { describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/lib/domain/deck/compile';
import { checkContent, dice, nearDuplicate, rightIsLongest } from '../../src/lib/domain/deck/content-rules';
import type { DeckProblem } from '../../src/lib/domain/deck/errors';

const DECK = `id: demo
title: { zh: 演示, en: Demo }
attribution: { zh: 来源, en: Source }
sections:
  - number: 1
    heading: 第一节
    title: { zh: 一, en: One }
    paragraphs: 2
`;

const HEAD = `id: one
order: 1
title: { zh: 一, en: One }
sections: [1]
summary:
  - source: { section: 1, paragraph: 1 }
    zh: 基金
    en: The fund
  - source: { section: 1, paragraph: 2 }
    zh: 框架
    en: The framework
`;

const CARD = `  - id: fund
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [基金]
    front: { zh: 基金投向哪类企业？, en: What kind of company does the fund back? }
    back: { zh: 初创企业, en: Start-ups }
`;

/** Statements that share no fact, so only the rule under test speaks. */
const STATEMENTS: Record<string, string> = {
	a: '基金规模很大',
	b: '报告出自兰德',
	c: '华为开发了芯片',
	d: '基金规模为八十二亿美元',
	e: '模型落后于PyTorch'
};

function trueFalse(id: string, answer: boolean, statement = STATEMENTS[id]): string {
	return `  - id: ${id}
    kind: truefalse
    source: { section: 1, paragraph: 1 }
    terms: [基金]
    cards: [fund]
    prompt: { zh: 判断：${statement}。, en: "True or false: statement ${id}." }
    answer: ${answer}
    explanation: { zh: 见报告。, en: See the report. }
`;
}

function single(id: string, right: string, wrong: string[]): string {
	return `  - id: ${id}
    kind: single
    source: { section: 1, paragraph: 2 }
    terms: [框架]
    cards: [fund]
    prompt: { zh: 问题${id}？, en: Question ${id}? }
    options:
      - { zh: ${right}, en: ${right}, correct: true }
${wrong.map((w) => `      - { zh: ${w}, en: ${w} }`).join('\n')}
    explanation: { zh: 见报告。, en: See the report. }
`;
}

function problems(cards: string, questions: string, glossary?: string): string[] {
	const compiled = compileDeck({
		deck: { path: 'decks/demo/deck.yaml', text: DECK },
		chapters: [{ path: 'decks/demo/chapters/01.yaml', text: `${HEAD}cards:\n${cards}questions:\n${questions}` }],
		...(glossary ? { glossary: { path: 'decks/demo/glossary.yaml', text: glossary } } : {})
	});
	return checkContent(compiled).map((p: DeckProblem) => `${p.file}:${p.line ?? '?'}: ${p.message}`);
}

const BALANCED = trueFalse('a', true) + trueFalse('b', false);

describe('content rules', () => {
	it('pass a deck that keeps them', () => {
		expect(problems(CARD, BALANCED + single('s', 'aa', ['bb', 'cc']))).toEqual([]);
	});

	it('keep true and false answers balanced, naming the questions of the side there are too many of', () => {
		const skewed = ['a', 'b', 'c', 'd'].map((id) => trueFalse(id, false)).join('') + trueFalse('e', true);
		expect(problems(CARD, skewed)).toEqual([
			'decks/demo/chapters/01.yaml:20: 1 of 5 true/false questions in deck "demo" are true (20 %); keep between ' +
				'35 % and 65 %. The false ones: a (decks/demo/chapters/01.yaml:20), b (decks/demo/chapters/01.yaml:28), ' +
				'c (decks/demo/chapters/01.yaml:36), d (decks/demo/chapters/01.yaml:44)'
		]);
		// Three questions cannot reach 35-65 %: one of each side more is as even as they get.
		expect(problems(CARD, BALANCED + trueFalse('c', true))).toEqual([]);
	});

	it('keep the right option from being the longest in too many single-choice questions', () => {
		const giveaway = single('s1', 'longer answer', ['bb', 'cc']) + single('s2', 'aa', ['bb', 'cc']);
		expect(problems(CARD, BALANCED + giveaway)).toEqual([
			'decks/demo/chapters/01.yaml:36: in 1 of 2 single-choice questions of deck "demo" (50 %) the right option is ' +
				'the longest in both languages; keep it to 30 %: s1 (decks/demo/chapters/01.yaml:36)'
		]);
		// Longest in one language only, or tied, gives nothing away.
		expect(
			rightIsLongest(
				[
					{ text: { zh: '长长', en: 'a' }, correct: true },
					{ text: { zh: '短', en: 'bb' }, correct: false }
				],
				'en'
			)
		).toBe(false);
		expect(
			rightIsLongest(
				[
					{ text: { zh: '长长', en: 'aa' }, correct: true },
					{ text: { zh: '短短', en: 'bb' }, correct: false }
				],
				'zh'
			)
		).toBe(false);
	});

	it('keep section numbers out of learner-facing text, in both languages', () => {
		const numbered = CARD.replace(
			'back: { zh: 初创企业, en: Start-ups }',
			'back: { zh: 初创企业（第1节第1段）, en: "Start-ups (section 1, paragraph 1)" }'
		);
		expect(problems(numbered, BALANCED)).toEqual([
			'decks/demo/chapters/01.yaml:18: fund back: "第1节" numbers a section the report only titles; name it in words or leave it to the citation',
			'decks/demo/chapters/01.yaml:18: fund back: "section 1" numbers a section the report only titles; name it in words or leave it to the citation'
		]);
	});

	it('hold every English text to the glossary and keep Chinese out of it', () => {
		const glossary = 'terms:\n  - { zh: 初创企业, en: start-up }\n  - { zh: 框架, en: framework }\n';
		// Case and hyphens aside: "Start ups" follows "start-up".
		expect(problems(CARD.replace('en: Start-ups', 'en: Start ups'), BALANCED, glossary)).toEqual([]);
		const strays = CARD.replace('en: Start-ups', 'en: Young firms (初创企业)');
		expect(problems(strays, BALANCED, glossary.replace('framework', 'Framework (框架)'))).toEqual([
			'decks/demo/chapters/01.yaml:18: fund back: the English text contains Chinese characters',
			'decks/demo/glossary.yaml:3: glossary "框架": the English rendering contains Chinese characters',
			'decks/demo/chapters/01.yaml:9: one summary 1.2: the Chinese says "框架", so the English says "Framework (框架)" (glossary)',
			'decks/demo/chapters/01.yaml:18: fund back: the Chinese says "初创企业", so the English says "start-up" (glossary)'
		]);
	});

	it('find a card written twice, and a card turned round into a second card', () => {
		const twice = `${CARD}  - id: fund-again
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [基金]
    front: { zh: 这只基金投向哪类企业？, en: Which companies does this fund back? }
    back: { zh: 初创企业。, en: Start-ups. }
`;
		expect(problems(twice, BALANCED)).toEqual([
			'decks/demo/chapters/01.yaml:19: fund-again and fund (decks/demo/chapters/01.yaml:13) have the same answer to near-identical prompts (0.88); keep one'
		]);
		const turned = `${CARD}  - id: fund-rev
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [基金]
    front: { zh: 初创企业, en: Start-ups }
    back: { zh: 这只基金投向的企业, en: What the fund backs }
`;
		expect(problems(turned, BALANCED)).toEqual([
			'decks/demo/chapters/01.yaml:19: fund-rev and fund (decks/demo/chapters/01.yaml:13) ask one fact both ways round (0.53); keep one'
		]);
	});

	it('leave alone items that share words but not a fact or a passage', () => {
		const cites = new Set(['1.1']);
		const elsewhere = new Set(['2.1']);
		expect(
			nearDuplicate(
				{ prompt: '谁牵头？', answer: '地方政府', cites },
				{ prompt: '地方政府设立了什么？', answer: '试验区', cites }
			)
		).toBe(undefined);
		expect(
			nearDuplicate(
				{ prompt: '政策更强调什么？', answer: '自力更生', cites },
				{ prompt: '什么迫使中国在短期进步与长期自力更生之间权衡？', answer: '政策更强调出口管制', cites: elsewhere }
			)
		).toBe(undefined);
		expect(dice('报告说', '报告说')).toBe(1);
		expect(dice('', '报告')).toBe(0);
	});

	it('find one true/false statement made twice', () => {
		const same = BALANCED + trueFalse('b2', false, STATEMENTS.b);
		expect(problems(CARD, same)).toEqual([
			'decks/demo/chapters/01.yaml:36: b2 and b (decks/demo/chapters/01.yaml:28) are near-identical statements (1.00); keep one'
		]);
	});
});
