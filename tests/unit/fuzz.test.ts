/**
 * Fuzzing the three readers of outside input with seeded, mutated files: the deck compiler, the backup reader and the
 * deck-file parser. Whatever the bytes, each either succeeds or throws its own clear error, never anything else.
 * Seeds are fixed, so a failure names an input that reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { compileDeck, type SourceFile } from '../../src/lib/domain/deck/compile';
import { DeckCompileError } from '../../src/lib/domain/deck/errors';
import { BackupFileError, readPlainBackup } from '../../src/lib/domain/backup/read';
import { DeckTextError, parseAnkiText, ankiText } from '../../src/lib/domain/interop/anki-text';
import { seededRandom } from '../../src/lib/domain/random';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { importBackup } from '../../src/lib/storage/backup';
import { syncContent } from '../../src/lib/storage/content';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { gradeCard } from '../../src/lib/storage/reviews';
import { importUserDeck } from '../../src/lib/storage/user-decks';
import { MINUTE, NOW, compiled, makeCard, makeDeck, openTestDb } from './factories';
import { plainBackup } from './backup-files';

type Random = () => number;

/** Pieces that break parsers: structure, quoting, YAML anchors and tags, odd numbers, control and wide characters. */
const TOKENS = [
	':',
	'{',
	'}',
	'[',
	']',
	'"',
	"'",
	'\t',
	'\n',
	'\r\n',
	'  ',
	'- ',
	',',
	'&a',
	'*a',
	'!!binary ',
	'#',
	'\\',
	'\\u',
	'null',
	'true',
	'0',
	'-1',
	'1e999',
	'NaN',
	'.inf',
	'\u0000',
	'\uFFFD',
	'\u202E',
	'中文',
	'{{c1::',
	'::',
	'}}',
	'<img src=x onerror=alert(1)>',
	'|',
	'>',
	'? ',
	'%YAML 1.2\n',
	'---\n',
	'...',
	'~',
	'"\t"',
	'""',
	'\\"'
];

function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

/** One to three random edits: delete, insert, duplicate, truncate, swap lines or change a digit. */
function mutate(text: string, random: Random): string {
	const edits = 1 + Math.floor(random() * 3);
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(random() * (text.length + 1));
		const span = Math.floor(random() * 40);
		switch (Math.floor(random() * 6)) {
			case 0:
				text = text.slice(0, at) + text.slice(at + span);
				break;
			case 1:
				text = text.slice(0, at) + pick(random, TOKENS) + text.slice(at);
				break;
			case 2:
				text = text.slice(0, at) + text.slice(at, at + span) + text.slice(at);
				break;
			case 3:
				text = text.slice(0, at);
				break;
			case 4: {
				const lines = text.split('\n');
				const a = Math.floor(random() * lines.length);
				const b = Math.floor(random() * lines.length);
				[lines[a], lines[b]] = [lines[b]!, lines[a]!];
				text = lines.join('\n');
				break;
			}
			case 5:
				text = text.replace(/\d/g, (digit) => (random() < 0.1 ? String(Math.floor(random() * 10)) : digit));
				break;
		}
	}
	return text;
}

/** Run `read` on `runs` mutations of `valid`; any error but the expected kind fails, naming the run and its input. */
function fuzz<T>(
	valid: string,
	runs: number,
	seed: number,
	read: (text: string) => T,
	expected: new (...args: never[]) => Error
) {
	const random = seededRandom(seed);
	const outcomes = { accepted: 0, rejected: 0 };
	for (let run = 0; run < runs; run++) {
		const input = mutate(valid, random);
		try {
			read(input);
			outcomes.accepted++;
		} catch (error) {
			if (!(error instanceof expected)) {
				throw new Error(`run ${run} (seed ${seed}) failed for input ${JSON.stringify(input.slice(0, 500))}`, {
					cause: error
				});
			}
			expect(error.message.length).toBeGreaterThan(0);
			outcomes.rejected++;
		}
	}
	return outcomes;
}

/** A small deck using every card and question kind, so each run is quick and mutations reach every rule. */
const DECK: SourceFile = {
	path: 'decks/fuzz/deck.yaml',
	text: `id: fuzz
title: { zh: 模糊, en: Fuzz }
attribution: { zh: 来源, en: Source }
sections:
  - number: 1
    heading: 第一节
    title: { zh: 第一节, en: One }
    paragraphs: 2
`
};

const CHAPTER: SourceFile = {
	path: 'decks/fuzz/chapters/01.yaml',
	text: `id: one
order: 1
title: { zh: 一, en: One }
sections: [1]
summary:
  - source: { section: 1, paragraph: 1 }
    zh: 第一段
    en: First
  - source: { section: 1, paragraph: 2 }
    zh: 第二段
    en: Second
cards:
  - id: fund
    kind: cloze
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    text: { zh: "规模{{c1::82亿美元}}", en: "Size {{c1::USD 8.2 billion}}" }
    extra: { zh: 注, en: Note }
  - id: purpose
    kind: basic
    source: { section: 1, paragraph: 1 }
    terms: [初创企业]
    front: { zh: 投向？, en: Backs? }
    back: { zh: 初创企业, en: Start-ups }
  - id: maker
    kind: reversed
    source: { section: 1, paragraph: 2 }
    terms: [MindSpore]
    front: { zh: MindSpore, en: MindSpore }
    back: { zh: 框架, en: Framework }
questions:
  - id: q-size
    kind: single
    source: { section: 1, paragraph: 1 }
    terms: [82亿美元]
    cards: [fund]
    prompt: { zh: 多大？, en: How big? }
    options:
      - { zh: 82亿美元, en: USD 8.2 billion, correct: true }
      - { zh: 千亿, en: USD 100 billion }
    explanation: { zh: 第1段, en: Paragraph 1 }
  - id: q-true
    kind: truefalse
    source: { section: 1, paragraph: 2 }
    terms: [MindSpore]
    cards: [maker]
    prompt: { zh: 是框架？, en: A framework? }
    answer: true
    explanation: { zh: 是, en: Yes }
  - id: q-order
    kind: order
    source: { section: 1, paragraph: 2 }
    terms: [MindSpore]
    cards: [purpose]
    prompt: { zh: 排序, en: Order }
    items: [{ zh: 一, en: one }, { zh: 二, en: two }, { zh: 三, en: three }]
    explanation: { zh: 顺序, en: In order }
`
};

// Hundreds of runs each: a generous limit so a busy machine does not fail them (speed is not what they test).
describe('fuzzing', { timeout: 60_000 }, () => {
	it('the deck compiler: mutated deck sources compile or fail with a DeckCompileError', () => {
		expect(() => compileDeck({ deck: DECK, chapters: [CHAPTER] })).not.toThrow();
		const withChapter = (text: string) => compileDeck({ deck: DECK, chapters: [{ path: CHAPTER.path, text }] });
		const withDeck = (text: string) => compileDeck({ deck: { path: DECK.path, text }, chapters: [CHAPTER] });

		const chapters = fuzz(CHAPTER.text, 250, 11, withChapter, DeckCompileError);
		const decks = fuzz(DECK.text, 100, 12, withDeck, DeckCompileError);
		// The mutations must really exercise both paths, not only break the file.
		expect(chapters.rejected + decks.rejected).toBeGreaterThan(200);
		expect(chapters.accepted + decks.accepted).toBeGreaterThan(10);
	});

	it.each([
		[
			'an alias used before its anchor (found by this fuzzer: it used to escape as a ReferenceError)',
			'id: *a\nx: &a 1\n'
		],
		[
			'a "billion laughs" file',
			'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n'
		]
	])('the deck compiler: %s fails with a DeckCompileError', (_name, text) => {
		expect(() => compileDeck({ deck: DECK, chapters: [{ path: CHAPTER.path, text }] })).toThrow(DeckCompileError);
	});

	it('the deck compiler: random YAML-ish text fails with a DeckCompileError', () => {
		const random = seededRandom(13);
		for (let run = 0; run < 300; run++) {
			const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(random, TOKENS)).join('');
			expect(() => compileDeck({ deck: DECK, chapters: [{ path: CHAPTER.path, text }] }), text).toThrow(
				DeckCompileError
			);
		}
	});

	it('the backup reader: mutated backups are read or refused with a BackupFileError, and what is read imports', async () => {
		const source = openTestDb();
		await syncContent(
			source,
			new Scheduler(),
			compiled(makeDeck(['a', 'b', 'c'].map((id, order) => makeCard({ id, order })))),
			NOW
		);
		const scheduler = new Scheduler();
		await gradeCard(source, scheduler, {
			cardId: 'a',
			rating: Rating.Good,
			now: NOW + MINUTE,
			durationMs: 900,
			shownReps: 0
		});
		await importUserDeck(
			source,
			new Scheduler(),
			{ name: 'Words', notes: [{ line: 1, key: 'k', front: '芯片', back: 'chip' }] },
			NOW
		);
		const valid = JSON.stringify(await plainBackup(source, NOW), null, 1);
		source.close();

		const accepted: string[] = [];
		const outcomes = fuzz(valid, 400, 21, (text) => (readPlainBackup(text), accepted.push(text)), BackupFileError);
		expect(outcomes.rejected).toBeGreaterThan(200);
		expect(outcomes.accepted).toBeGreaterThan(5);

		// Whatever passes the reader imports cleanly into a device, by merge and by replace.
		for (const [i, text] of accepted.slice(0, 30).entries()) {
			const device = openTestDb();
			await syncContent(device, new Scheduler(), compiled(makeDeck([makeCard({ id: 'a' })])), NOW);
			await importBackup(device, scheduler, readPlainBackup(text), i % 2 ? 'merge' : 'replace', NOW);
			device.close();
		}
	});

	it('the backup reader: random bytes are refused with a BackupFileError', () => {
		const random = seededRandom(22);
		for (let run = 0; run < 300; run++) {
			const text = Array.from({ length: Math.floor(random() * 60) }, () =>
				random() < 0.5 ? pick(random, TOKENS) : String.fromCharCode(Math.floor(random() * 0xffff))
			).join('');
			expect(() => readPlainBackup(text), JSON.stringify(text)).toThrow(BackupFileError);
		}
	});

	it('the deck-file parser: mutated Anki files are read or refused with a DeckTextError, never a card without a front', () => {
		const valid = ankiText(
			Array.from({ length: 20 }, (_, i) => ({
				guid: `g${i}`,
				deck: 'ReportCard::One',
				front: i % 3 ? `front ${i}` : `多行\n"quoted"\tfront ${i}`,
				back: `<b>back</b> ${i}`,
				tags: ['t']
			}))
		);
		const outcomes = fuzz(
			valid,
			400,
			31,
			(text) => {
				const { notes } = parseAnkiText(text, 'deck.txt');
				expect(notes.every((note) => note.front.length > 0)).toBe(true);
				expect(new Set(notes.map((note) => note.key)).size).toBe(notes.length);
			},
			DeckTextError
		);
		expect(outcomes.rejected).toBeGreaterThan(20);
		expect(outcomes.accepted).toBeGreaterThan(100);
	});
});
