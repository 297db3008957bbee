import { describe, expect, it } from 'vitest';
import { compileDeck, type CompileResult, type DeckSourceFiles } from '../../src/lib/domain/deck/compile';
import type { DeckProblem } from '../../src/lib/domain/deck/errors';
import { checkGrounding, factTerms, hasWord, splitReport } from '../../src/lib/domain/deck/grounding';

const report = `标题行

署名

开篇导语，提到2030年。

第一节：小标题

第一段讲82亿美元。
  • 要点一：华为
  • 要点二：据报道，百度曾抱怨算力不足，这是关键瓶约。

引用

  1. 出处
`;

const outline: CompileResult['outline'] = [
	{ number: 0, title: { zh: '开篇', en: 'Opening' }, paragraphs: 3 },
	{ number: 1, heading: '第一节', title: { zh: '一', en: 'One' }, paragraphs: 3 },
	{ number: 2, heading: '引用', title: { zh: '引用', en: 'References' }, paragraphs: 1 }
];

const deckYaml = `id: demo
title: { zh: 演示, en: Demo }
attribution: { zh: 来源, en: Source }
errata:
  - source: { section: 1, paragraph: 3 }
    reads: 关键瓶约
    means: 关键瓶颈
sections:
  - number: 0
    title: { zh: 开篇, en: Opening }
    paragraphs: 3
  - number: 1
    heading: 第一节
    title: { zh: 一, en: One }
    paragraphs: 3
  - number: 2
    heading: 引用
    title: { zh: 引用, en: References }
    paragraphs: 1
`;

/** A chapter whose one card can be edited by each test; the summary keeps every paragraph covered. */
function chapter(card: string, question = ''): string {
	return `id: one
order: 1
title: { zh: 一, en: One }
sections: [1]
summary:
  - source: { section: 1, paragraph: 1 }
    zh: 一只基金
    en: A fund
  - source: { section: 1, paragraph: 2 }
    zh: 一家公司
    en: A company
  - source: { section: 1, paragraph: 3 }
    zh: 一家公司的说法
    en: What a company says
cards:
${card}
questions:
${question || '  []'}
`.replace('questions:\n  []', 'questions: []');
}

const hedgesYaml = `hedges:
  - source: { section: 1, paragraph: 3 }
    marker: 据报道
    anchors: { zh: [抱怨], en: [complain] }
    zh: [据报道]
    en: [reportedly]
`;

function compiled(card: string, question = '', hedges = hedgesYaml): CompileResult {
	const files: DeckSourceFiles = {
		deck: { path: 'decks/demo/deck.yaml', text: deckYaml },
		chapters: [{ path: 'decks/demo/chapters/01.yaml', text: chapter(card, question) }],
		glossary: { path: 'decks/demo/glossary.yaml', text: 'terms:\n  - { zh: 华为, en: Huawei }\n' },
		hedges: { path: 'decks/demo/hedges.yaml', text: hedges }
	};
	return compileDeck(files);
}

const located = (problems: DeckProblem[]) => problems.map((p) => `${p.file}:${p.line ?? '?'}: ${p.message}`);

describe('grounding', () => {
	it('splits the report into sections at headings and paragraphs at lines, bullets included', () => {
		const paragraphs = splitReport(report, outline);
		expect(paragraphs.get('0.3')).toBe('开篇导语，提到2030年。');
		expect(paragraphs.get('1.3')).toBe('• 要点二：据报道，百度曾抱怨算力不足，这是关键瓶约。');
		expect(paragraphs.get('2.1')).toBe('1. 出处');
	});

	it('passes terms found in the cited paragraph', () => {
		const card = `  - id: fund
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    front: { zh: 基金多大？, en: How big is the fund? }
    back: { zh: 82亿美元。, en: USD 8.2 billion. }`;
		expect(checkGrounding(report, compiled(card))).toEqual([]);
	});

	it('flags a term that is in the report but not in any cited paragraph, at the item', () => {
		const card = `  - id: maker
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [华为]
    front: { zh: 谁？, en: Who? }
    back: { zh: 一家公司, en: A company }`;
		expect(located(checkGrounding(report, compiled(card)))).toEqual([
			'decks/demo/chapters/01.yaml:16: maker: term "华为" is not in the cited paragraphs (1.1)'
		]);
	});

	it('accepts a term from a paragraph the item also cites', () => {
		const card = `  - id: maker
    kind: basic
    source: { section: 1, paragraph: 1 }
    alsoCites: [{ section: 1, paragraph: 2 }]
    terms: [82亿美元, 华为]
    front: { zh: 谁管82亿美元？, en: Who runs USD 8.2 billion? }
    back: { zh: 华为, en: Huawei }`;
		expect(checkGrounding(report, compiled(card))).toEqual([]);
	});

	it('finds figures, Latin names and glossary terms the author did not list, and names the line of the text', () => {
		const card = `  - id: fund
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    front: { zh: 基金多大？, en: How big is the fund? }
    back: { zh: 82亿美元，由华为和RAND分三类管理。, en: 'USD 8.2 billion, run by Huawei and RAND.' }`;
		expect(located(checkGrounding(report, compiled(card)))).toEqual([
			'decks/demo/chapters/01.yaml:21: fund back: "三类", "RAND", "华为" not in the cited paragraphs (1.1); ' +
				'cite the paragraph that states it (alsoCites) or leave it out'
		]);
	});

	it('does not hold a wrong option or a false statement to the report', () => {
		const card = `  - id: fund
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    front: { zh: 基金多大？, en: How big is the fund? }
    back: { zh: 82亿美元, en: USD 8.2 billion }`;
		const question = `  - id: q-fund
    kind: single
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    cards: [fund]
    prompt: { zh: 基金多大？, en: How big? }
    options:
      - { zh: 82亿美元, en: USD 8.2 billion, correct: true }
      - { zh: 三千亿美元, en: USD 300 billion }
    explanation: { zh: 是82亿美元。, en: It is USD 8.2 billion. }
  - id: q-false
    kind: truefalse
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    cards: [fund]
    prompt: { zh: 判断：基金有三千亿美元。, en: "True or false: the fund is USD 300 billion." }
    answer: false
    explanation: { zh: 错误，是82亿美元。, en: False; it is USD 8.2 billion. }`;
		expect(checkGrounding(report, compiled(card, question))).toEqual([]);
	});

	it('reads a slip in the report as the deck says it is meant, and flags a slip that is not there', () => {
		const card = `  - id: view
    kind: basic
    source: { section: 1, paragraph: 3 }
    terms: [关键瓶颈]
    front: { zh: 据报道，百度抱怨什么？, en: What has Baidu reportedly complained about? }
    back: { zh: 算力不足, en: Too little computing power }`;
		expect(checkGrounding(report, compiled(card))).toEqual([]);
		expect(located(checkGrounding(report.replace('瓶约', '瓶颈'), compiled(card)))).toEqual([
			'decks/demo/deck.yaml:5: erratum: "关键瓶约" is not in paragraph 1.3 of the report'
		]);
	});

	it('keeps a hedge the report makes, in both languages', () => {
		const card = `  - id: complaint
    kind: basic
    source: { section: 1, paragraph: 3 }
    terms: [百度]
    front: { zh: 百度抱怨什么？, en: What has Baidu reportedly complained about? }
    back: { zh: 算力不足, en: Too little computing power }`;
		expect(located(checkGrounding(report, compiled(card)))).toEqual([
			'decks/demo/chapters/01.yaml:20: complaint front: the report hedges this claim ("据报道", 1.3); keep the hedge in zh (one of 据报道)'
		]);
		const marker = hedgesYaml.replace('marker: 据报道', 'marker: 据估计');
		expect(located(checkGrounding(report, compiled(card.replace('百度抱怨', '据报道百度抱怨'), '', marker)))).toEqual([
			'decks/demo/hedges.yaml:2: hedge "据估计" is not in paragraph 1.3 of the report'
		]);
	});

	it('wants the hidden words of a cloze in the report’s own words', () => {
		const card = `  - id: fund
    kind: cloze
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    text: { zh: "第一段讲的是{{c1::82亿美元}}的{{c2::一只基金}}。", en: "It is about {{c1::USD 8.2 billion}} in {{c2::a fund}}." }`;
		expect(located(checkGrounding(report, compiled(card)))).toEqual([
			'decks/demo/chapters/01.yaml:16: fund--c2: the gap "一只基金" is not worded as the cited paragraphs word it, so a learner who types the report\'s words is marked wrong'
		]);
	});

	it('flags an outline that disagrees with the report', () => {
		const base = compiled(`  - id: fund
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    front: { zh: 多大？, en: How big? }
    back: { zh: 82亿美元, en: USD 8.2 billion }`);
		const wrong = { ...base, outline: base.outline.map((s) => ({ ...s, paragraphs: 2 })) };
		expect(checkGrounding(report, wrong).map((p) => p.message)).toContain(
			'section 1 declares 2 paragraphs but the report has 3'
		);
	});

	it('finds fact-bearing words: figures with units, Latin names, glossary terms, not articles or ordinals', () => {
		expect(factTerms('第二个挑战是一场两家公司的三个月延误，涉及910B和千亿美元', ['延误'])).toEqual([
			'910',
			'两家',
			'三个月',
			'千亿美元',
			'B',
			'延误'
		]);
		expect(factTerms('一个问题，百度回答')).toEqual([]);
	});

	it('matches an English hedge at the start of a word, whatever the case', () => {
		expect(hasWord('US firms are Estimated to get more', 'estimate')).toBe(true);
		expect(hasWord('an underestimate', 'estimate')).toBe(false);
	});
});
