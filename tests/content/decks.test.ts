/**
 * The content check: the real decks compile, cite real paragraphs, cover the report, follow the content rules (no
 * quiz passed by guessing, no section numbers, one English rendering per term, no item twice), and (when the report
 * text is present beside the project, as ../shared/source/report.zh.txt or $REPORT_PATH) are grounded in it.
 * Failures read `file:line: reason`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckSources } from '../../src/build/deck-files';
import { GAP_MARK } from '../../src/lib/domain/deck/cloze';
import { compileDeck } from '../../src/lib/domain/deck/compile';
import { checkContent } from '../../src/lib/domain/deck/content-rules';
import type { DeckProblem } from '../../src/lib/domain/deck/errors';
import { checkGrounding } from '../../src/lib/domain/deck/grounding';
import type { Deck } from '../../src/lib/domain/deck/model';

const MIN_QUESTIONS_PER_CHAPTER = 12;
/** Longer runs shared with the report (outside the deck's terms) are copied sentences, not own words. */
const MAX_COPIED_RUN = 15;
const root = join(import.meta.dirname, '../..');
const reportPath = process.env.REPORT_PATH ?? join(root, '../shared/source/report.zh.txt');
const sources = readDeckSources(join(root, 'decks'));

describe.each(sources.map((files) => [files.deck.path, files] as const))('deck %s', (_, files) => {
	const compiled = compileDeck(files);
	const { deck } = compiled;

	it('has chapters, each with cards and enough questions', () => {
		expect(deck.chapters.length).toBeGreaterThan(0);
		for (const chapter of deck.chapters) {
			expect(deck.cards.filter((c) => c.chapterId === chapter.id).length, chapter.id).toBeGreaterThan(0);
			expect(
				deck.questions.filter((q) => q.chapterId === chapter.id).length,
				`${chapter.id} questions`
			).toBeGreaterThanOrEqual(MIN_QUESTIONS_PER_CHAPTER);
		}
	});

	it('cites every paragraph of the report from at least one card', () => {
		const cited = new Set(deck.cards.map((c) => `${c.source.section}.${c.source.paragraph}`));
		const uncited = deck.sections.flatMap((s) =>
			Array.from({ length: s.paragraphs }, (_, i) => `${s.number}.${i + 1}`).filter((key) => !cited.has(key))
		);
		expect(uncited).toEqual([]);
	});

	it.each(['zh', 'en'] as const)('has no duplicate question or card front in %s', (lang) => {
		const duplicates = (texts: string[]) => texts.filter((text, i) => texts.indexOf(text) !== i);
		expect(duplicates(deck.questions.map((q) => q.prompt[lang]))).toEqual([]);
		expect(duplicates(deck.cards.map((c) => c.front[lang]))).toEqual([]);
	});

	it('follows the content rules: balanced true/false, no giveaway option, no section numbers, the glossary, no repeats', () => {
		expect(located(checkContent(compiled))).toEqual([]);
	});

	it('leaves the "choose every correct answer" hint to the quiz screen', () => {
		const hinted = deck.questions.filter((q) => /select all|多选/i.test(`${q.prompt.en} ${q.prompt.zh}`));
		expect(hinted.map((q) => q.id)).toEqual([]);
	});

	it('writes a question and its answer as a basic card, not as a cloze whose gap is a whole line', () => {
		const gapLines = deck.cards.filter(
			(card) => card.kind === 'cloze' && [card.front.zh, card.front.en].some((f) => f.split('\n').includes(GAP_MARK))
		);
		expect(gapLines.map((c) => c.id)).toEqual([]);
	});

	it('accepts a numeric answer as a bare number and as a learner would type it in either language', () => {
		const narrow = deck.questions.filter(
			(q) =>
				q.kind === 'numeric' &&
				!(
					q.accept.includes(String(q.value)) &&
					q.accept.some((a) => /\p{Script=Han}/u.test(a)) &&
					q.accept.some((a) => /[a-z]/i.test(a))
				)
		);
		expect(narrow.map((q) => q.id)).toEqual([]);
	});

	it.skipIf(!existsSync(reportPath))('is grounded in the report text', () => {
		expect(located(checkGrounding(readFileSync(reportPath, 'utf8'), compiled))).toEqual([]);
	});

	it.skipIf(!existsSync(reportPath))('puts the report in its own words, quoting only its terms', () => {
		const copied = copiedRuns(
			readFileSync(reportPath, 'utf8'),
			deck,
			compiled.grounding.flatMap((g) => g.terms)
		);
		expect(copied).toEqual([]);
	});
});

/** Problems as an author reads them: file:line: reason. */
function located(problems: DeckProblem[]): string[] {
	return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}

/** Every Chinese text of the deck that shares more than MAX_COPIED_RUN characters in a row with the report, and the run. */
function copiedRuns(report: string, deck: Deck, terms: string[]): string[] {
	// Terms may be quoted, so each counts as one character, the same in the report and in the deck: a copied
	// sentence is still found when it happens to contain a term. The report mixes ASCII and full-width punctuation.
	const quotable = [...new Set(terms.map(plain))].sort((a, b) => b.length - a.length);
	const words = (text: string) => quotable.reduce((rest, term) => rest.split(term).join('\u00a4'), plain(text));
	const source = words(report);
	const copied: string[] = [];
	for (const text of chineseTexts(deck)) {
		const own = words(text);
		for (let start = 0; start + MAX_COPIED_RUN < own.length; start++) {
			const run = own.slice(start, start + MAX_COPIED_RUN + 1);
			if (source.includes(run)) {
				copied.push(`"${run}" (¤ = a term) in: ${text}`);
				break;
			}
		}
	}
	return copied;
}

function plain(text: string): string {
	return text.replace(/[，：？；（）]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function chineseTexts(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(chineseTexts);
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) =>
		key === 'zh' && typeof inner === 'string' ? [inner] : chineseTexts(inner)
	);
}
