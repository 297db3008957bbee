import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../src/lib/domain/deck/compile';
import { checkGrounding, splitReport } from '../../src/lib/domain/deck/grounding';

const report = `标题行

署名

开篇导语，提到2030年。

第一节：小标题

第一段讲82亿美元。
  • 要点一：华为
  • 要点二：百度

引用

  1. 出处
`;

const outline: CompileResult['outline'] = [
	{ number: 0, title: { zh: '开篇', en: 'Opening' }, paragraphs: 3 },
	{ number: 1, heading: '第一节', title: { zh: '一', en: 'One' }, paragraphs: 3 },
	{ number: 2, heading: '引用', title: { zh: '引用', en: 'References' }, paragraphs: 1 }
];

function result(
	terms: string[],
	section = 1,
	paragraph = 1,
	alsoCites: CompileResult['grounding'][0]['alsoCites'] = []
) {
	const compiled: CompileResult = {
		deck: {} as CompileResult['deck'],
		outline,
		grounding: [
			{ id: 'card-a', kind: 'card', file: 'x.yaml', line: 7, source: { section, paragraph }, alsoCites, terms }
		],
		texts: [],
		glossary: [],
		hedges: [],
		errata: []
	};
	return compiled;
}

describe('grounding', () => {
	it('splits the report into sections at headings and paragraphs at lines, bullets included', () => {
		const paragraphs = splitReport(report, outline);
		expect(paragraphs.get('0.3')).toBe('开篇导语，提到2030年。');
		expect(paragraphs.get('1.3')).toBe('• 要点二：百度');
		expect(paragraphs.get('2.1')).toBe('1. 出处');
	});

	it('passes terms found in the cited paragraph', () => {
		expect(checkGrounding(report, result(['82亿美元']))).toEqual([]);
	});

	it('flags a term that is in the report but not in the cited paragraph, at the item', () => {
		expect(checkGrounding(report, result(['华为']))).toEqual([
			{ file: 'x.yaml', line: 7, message: 'card-a: term "华为" is not in the cited paragraphs (1.1)' }
		]);
	});

	it('accepts a term from a paragraph the item also cites', () => {
		expect(checkGrounding(report, result(['82亿美元', '华为'], 1, 1, [{ section: 1, paragraph: 2 }]))).toEqual([]);
	});

	it('flags an outline that disagrees with the report', () => {
		const wrong = { ...result(['82亿美元']), outline: outline.map((s) => ({ ...s, paragraphs: 2 })) };
		expect(checkGrounding(report, wrong).map((p) => p.message)).toContain(
			'section 1 declares 2 paragraphs but the report has 3'
		);
	});
});
