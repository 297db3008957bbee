import { describe, expect, it, vi } from 'vitest';
import { compileDeck, type DeckSourceFiles } from '../../src/lib/domain/deck/compile';
import { DeckCompileError } from '../../src/lib/domain/deck/errors';

const deckYaml = `id: demo
title: { zh: 演示, en: Demo }
attribution: { zh: 来源, en: Source }
sections:
  - number: 1
    heading: 第一节
    title: { zh: 第一节, en: Section one }
    paragraphs: 2
`;

const chapterYaml = `id: one
order: 1
title: { zh: 一, en: One }
sections: [1]
summary:
  - source: { section: 1, paragraph: 1 }
    zh: 第一段
    en: First paragraph
  - source: { section: 1, paragraph: 2 }
    zh: 第二段
    en: Second paragraph
cards:
  - id: fund-size
    kind: cloze
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    text: { zh: "基金规模为{{c1::82亿美元}}，用于{{c2::初创企业}}。", en: "The fund is {{c1::USD 8.2 billion}}, for {{c2::start-ups}}." }
  - id: fund-purpose
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [初创企业]
    front: { zh: 这只基金投向哪类企业？, en: What kind of company does the fund back? }
    back: { zh: 初创企业, en: Start-ups }
  - id: framework-maker
    kind: reversed
    source: { section: 1, paragraph: 2 }
    terms: [MindSpore]
    front: { zh: MindSpore, en: MindSpore }
    back: { zh: 华为的AI框架, en: Huawei's AI framework }
questions:
  - id: q-fund
    kind: single
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    cards: [fund-size]
    prompt: { zh: 基金多大？, en: How big is the fund? }
    options:
      - { zh: 82亿美元, en: USD 8.2 billion, correct: true }
      - { zh: 千亿美元, en: USD 100 billion }
    explanation: { zh: 第1节第1段。, en: "Section 1, paragraph 1." }
`;

function files(chapter: string, deck = deckYaml, extra: Partial<DeckSourceFiles> = {}): DeckSourceFiles {
	return {
		deck: { path: 'decks/demo/deck.yaml', text: deck },
		chapters: [{ path: 'decks/demo/chapters/01.yaml', text: chapter }],
		...extra
	};
}

function problemsOf(chapter: string, deck?: string, extra?: Partial<DeckSourceFiles>): string[] {
	try {
		compileDeck(files(chapter, deck, extra));
	} catch (error) {
		if (error instanceof DeckCompileError) return error.problems.map((p) => `${p.file}:${p.line ?? '?'}: ${p.message}`);
		throw error;
	}
	throw new Error('expected the deck to be rejected');
}

describe('compileDeck', () => {
	it('expands cloze gaps and reversed notes into cards with stable ids', () => {
		const { deck } = compileDeck(files(chapterYaml));
		expect(deck.cards.map((c) => c.id)).toEqual([
			'fund-size--c1',
			'fund-size--c2',
			'fund-purpose',
			'framework-maker--forward',
			'framework-maker--reverse'
		]);
		expect(deck.cards[0]!.front.zh).toBe('基金规模为[…]，用于初创企业。');
		expect(deck.cards[1]!.front.en).toBe('The fund is USD 8.2 billion, for […].');
		expect(deck.cards[0]!.back.en).toBe('The fund is USD 8.2 billion, for start-ups.');
		expect(deck.cards[4]!.front).toEqual({ zh: '华为的AI框架', en: "Huawei's AI framework" });
		expect(deck.questions[0]!.cards).toEqual(['fund-size--c1', 'fund-size--c2']);
	});

	it('keeps card ids when only the text changes', () => {
		const edited = chapterYaml.replace('用于{{c2::初创企业}}', '投向{{c2::初创企业}}');
		expect(compileDeck(files(edited)).deck.cards.map((c) => c.id)).toEqual(
			compileDeck(files(chapterYaml)).deck.cards.map((c) => c.id)
		);
	});

	it('reports a YAML syntax error with file and line', () => {
		const broken = chapterYaml.replace('title: { zh: 一, en: One }', 'title: { zh: 一, en: One');
		// The parser notices the unclosed map where the next line starts.
		expect(problemsOf(broken)[0]).toMatch(/^decks\/demo\/chapters\/01\.yaml:4: Flow map .* end with a }/);
	});

	it('reports a missing translation at its line', () => {
		const broken = chapterYaml.replace('en: First paragraph', 'en: ""');
		expect(problemsOf(broken)).toEqual(['decks/demo/chapters/01.yaml:8: summary.0.en: must not be empty']);
	});

	it('reports a misspelt key instead of ignoring it', () => {
		const broken = chapterYaml.replace('    terms: [MindSpore]', '    term: [MindSpore]');
		expect(problemsOf(broken)).toEqual([
			'decks/demo/chapters/01.yaml:24: cards.2.terms: is missing',
			'decks/demo/chapters/01.yaml:27: cards.2.term: unknown key "term" (check its spelling and indentation)'
		]);
	});

	it('reports a map used as a key at its line, and prints nothing to the console', () => {
		const warn = vi.spyOn(process, 'emitWarning');
		const broken = chapterYaml.replace('    terms: [MindSpore]', '    ? [terms]\n    : [MindSpore]');
		expect(problemsOf(broken)).toEqual(['decks/demo/chapters/01.yaml:27: a key must be a name, not a map or a list']);
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});

	it('rejects a duplicate id, a citation outside the chapter, and a bad cloze', () => {
		const broken = chapterYaml
			.replace('id: framework-maker', 'id: fund-size')
			.replace(
				'source: { section: 1, paragraph: 2 }\n    terms: [MindSpore]',
				'source: { section: 1, paragraph: 9 }\n    terms: [MindSpore]'
			)
			.replace('{{c2::start-ups}}', 'start-ups');
		const problems = problemsOf(broken).join('\n');
		expect(problems).toContain('id "fund-size" is already used');
		expect(problems).toContain('section 1 has 2 paragraphs, not 9');
		expect(problems).toContain('gaps differ between zh (1, 2) and en (1)');
	});

	it('rejects a single-choice question with two right answers and an unknown card reference', () => {
		const broken = chapterYaml
			.replace('{ zh: 千亿美元, en: USD 100 billion }', '{ zh: 千亿美元, en: USD 100 billion, correct: true }')
			.replace('cards: [fund-size]', 'cards: [no-such-card]');
		const problems = problemsOf(broken).join('\n');
		expect(problems).toContain('exactly one correct option, not 2');
		expect(problems).toContain('no card or note "no-such-card"');
	});

	it('requires a summary for every paragraph of the chapter', () => {
		const broken = chapterYaml.replace(
			/ {2}- source: \{ section: 1, paragraph: 2 \}\n {4}zh: 第二段\n {4}en: Second paragraph\n/,
			''
		);
		expect(problemsOf(broken).join('\n')).toContain('paragraph 1.2 has no summary');
	});

	it('compiles further citations onto the cards and questions that make them, and leaves them off the rest', () => {
		const cited = chapterYaml
			.replace(
				'    source: { section: 1, paragraph: 1 }\n    terms: [初创企业]',
				'    source: { section: 1, paragraph: 1 }\n    alsoCites: [{ section: 1, paragraph: 2 }]\n    terms: [初创企业]'
			)
			.replace(
				'    source: { section: 1, paragraph: 1 }\n    terms: [82亿美元]\n    cards',
				'    source: { section: 1, paragraph: 1 }\n    alsoCites: [{ section: 1, paragraph: 2 }]\n    terms: [82亿美元]\n    cards'
			);
		const { deck, grounding } = compileDeck(files(cited));
		expect(deck.cards.find((c) => c.id === 'fund-purpose')?.alsoCites).toEqual([{ section: 1, paragraph: 2 }]);
		expect(deck.questions[0]?.alsoCites).toEqual([{ section: 1, paragraph: 2 }]);
		expect(deck.cards.find((c) => c.id === 'fund-size--c1')).not.toHaveProperty('alsoCites');
		expect(grounding.find((g) => g.id === 'fund-purpose')?.alsoCites).toEqual([{ section: 1, paragraph: 2 }]);
	});

	it('rejects a further citation of a paragraph that does not exist or is already cited', () => {
		const broken = chapterYaml.replace(
			'    source: { section: 1, paragraph: 1 }\n    terms: [初创企业]',
			'    source: { section: 1, paragraph: 1 }\n    alsoCites: [{ section: 1, paragraph: 1 }, { section: 1, paragraph: 7 }, { section: 5, paragraph: 1 }]\n    terms: [初创企业]'
		);
		expect(problemsOf(broken)).toEqual([
			'decks/demo/chapters/01.yaml:21: paragraph 1.1 is already cited',
			'decks/demo/chapters/01.yaml:21: section 1 has 2 paragraphs, not 7',
			'decks/demo/chapters/01.yaml:21: section 5 is not declared in deck.yaml'
		]);
	});

	it('compiles the note about the source onto the deck', () => {
		const about = deckYaml.replace('sections:', 'about: { zh: 日期存疑, en: The dates are doubtful }\nsections:');
		expect(compileDeck(files(chapterYaml, about)).deck.about).toEqual({ zh: '日期存疑', en: 'The dates are doubtful' });
		expect(compileDeck(files(chapterYaml)).deck).not.toHaveProperty('about');
	});

	it('reads the glossary and the hedges, and reports a broken entry at its line', () => {
		const glossary = {
			path: 'decks/demo/glossary.yaml',
			text: 'terms:\n  - { zh: 华为, en: Huawei }\n  - { zh: 百度 }\n'
		};
		expect(problemsOf(chapterYaml, undefined, { glossary })).toEqual([
			'decks/demo/glossary.yaml:3: terms.1.en: is missing'
		]);
		const twice = {
			...glossary,
			text: 'terms:\n  - { zh: 华为, en: Huawei }\n  - { zh: 华为, en: Huawei Technologies }\n'
		};
		expect(problemsOf(chapterYaml, undefined, { glossary: twice })).toEqual([
			'decks/demo/glossary.yaml:3: "华为" is already in the glossary'
		]);
		const hedges = {
			path: 'decks/demo/hedges.yaml',
			text: 'hedges:\n  - source: { section: 1, paragraph: 9 }\n    marker: 据报道\n    anchors: {}\n    zh: [据报道]\n    en: [reportedly]\n'
		};
		expect(problemsOf(chapterYaml, undefined, { hedges })).toEqual([
			'decks/demo/hedges.yaml:2: paragraph 1.9 is not in the report outline',
			'decks/demo/hedges.yaml:4: name at least one anchor'
		]);
		const ok = compileDeck(
			files(chapterYaml, deckYaml, { glossary: { ...glossary, text: 'terms:\n  - { zh: 华为, en: Huawei }\n' } })
		);
		expect(ok.glossary).toEqual([{ zh: '华为', en: 'Huawei', file: 'decks/demo/glossary.yaml', line: 2 }]);
	});

	it('lists every learner-facing text with its line, and whether it is a claim', () => {
		const { texts } = compileDeck(files(chapterYaml));
		expect(texts.find((t) => t.where === 'fund-size text')).toMatchObject({
			line: 17,
			zh: '基金规模为82亿美元，用于初创企业。',
			claim: true
		});
		expect(texts.find((t) => t.where === 'q-fund options.1')).toMatchObject({ line: 39, claim: false });
		expect(texts.find((t) => t.where === 'title')).toMatchObject({ file: 'decks/demo/deck.yaml', line: 2 });
	});
});
