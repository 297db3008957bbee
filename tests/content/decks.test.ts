/**
 * The content check: the real decks compile, cite real paragraphs, cover the report, and (when the report text is
 * present beside the project, as ../shared/source/report.zh.txt or $REPORT_PATH) are grounded in it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckSources } from '../../src/build/deck-files';
import { compileDeck } from '../../src/lib/domain/deck/compile';
import { checkGrounding } from '../../src/lib/domain/deck/grounding';

const MIN_QUESTIONS_PER_CHAPTER = 12;
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

	it.skipIf(!existsSync(reportPath))('is grounded in the report text', () => {
		expect(checkGrounding(readFileSync(reportPath, 'utf8'), compiled)).toEqual([]);
	});
});
