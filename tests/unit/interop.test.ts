/** Files for other tools and from them: the FSRS optimizer's CSV, Anki's text format, imported decks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	DeckTextError,
	MAX_NOTES,
	ankiText,
	htmlToText,
	parseAnkiText,
	type DeckTextProblem
} from '../../src/lib/domain/interop/anki-text';
import { formatRow, parseRows } from '../../src/lib/domain/interop/delimited';
import { reviewLogCsv } from '../../src/lib/domain/interop/fsrs-csv';
import { buildUserDeck, userDeckId } from '../../src/lib/domain/interop/user-deck';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { ankiFile, reviewLogFile } from '../../src/lib/storage/interop';
import { homeOverview } from '../../src/lib/storage/overview';
import { gradeCard, loadQueue } from '../../src/lib/storage/reviews';
import { deleteUserDeck, importUserDeck, listUserDecks } from '../../src/lib/storage/user-decks';
import {
	DAY,
	MINUTE,
	NOW,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	openTestDb,
	withScheduler,
	schedulerFor
} from './factories';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/domain/settings';

function problemsOf(text: string, name = 'deck.txt'): DeckTextProblem[] {
	try {
		parseAnkiText(text, name);
	} catch (error) {
		expect(error).toBeInstanceOf(DeckTextError);
		return (error as DeckTextError).problems;
	}
	throw new Error('expected the file to be rejected');
}

describe('delimited text', () => {
	it('quotes only what needs it, and reads back every field exactly', () => {
		const fields = ['plain', 'with\ttab', 'two\nlines', 'say "hi"', '#not a comment', '', '中文，逗号'];
		const row = formatRow(fields, '\t');
		expect(row).toBe('plain\t"with\ttab"\t"two\nlines"\t"say ""hi"""\t"#not a comment"\t\t中文，逗号');
		expect(parseRows(`${row}\n${row}\r\n`, '\t').rows).toEqual([
			{ line: 1, fields },
			{ line: 3, fields }
		]);
	});

	it('skips blank and # lines, numbers rows by their first line, and reports a quote that never closes', () => {
		const text = '#separator:tab\n\na\tb\n"open\tfield\nnever closed';
		expect(parseRows(text, '\t')).toEqual({ rows: [{ line: 3, fields: ['a', 'b'] }], unclosedQuoteLine: 4 });
	});
});

describe('review log for the FSRS optimizer', () => {
	it('writes one row per grade in time order, with the state before the review, and leaves other events out', () => {
		const events: ReviewEvent[] = [
			{
				id: '2',
				cardId: 'b',
				kind: 'grade',
				rating: Rating.Again,
				at: NOW + 2000,
				durationMs: 1500.4,
				stateBefore: State.Review
			},
			{ id: '1', cardId: 'a', kind: 'grade', rating: Rating.Good, at: NOW, durationMs: 4000, stateBefore: State.New },
			{ id: '3', cardId: 'a', kind: 'due-now', at: NOW + 3000, questionId: 'q' },
			{ id: '4', cardId: 'a', kind: 'reset', at: NOW + 4000 },
			{
				id: '5',
				cardId: 'a,"odd"',
				kind: 'grade',
				rating: Rating.Easy,
				at: NOW + 5000,
				durationMs: 0,
				stateBefore: State.New
			}
		];
		expect(reviewLogCsv(events)).toBe(
			'card_id,review_time,review_rating,review_state,review_duration\n' +
				`a,${NOW},3,0,4000\n` +
				`b,${NOW + 2000},1,2,1500\n` +
				`"a,""odd""",${NOW + 5000},4,0,0\n`
		);
	});

	it('exports the stored log', async () => {
		const db = openTestDb();
		await syncContent(db, exactScheduler(), compiled(makeDeck([makeCard({ id: 'a' })])), NOW);
		await gradeCard(db, new Scheduler(), {
			cardId: 'a',
			rating: Rating.Good,
			now: NOW + MINUTE,
			durationMs: 3000,
			shownReps: 0
		});
		expect((await reviewLogFile(db)).split('\n')[1]).toBe(`a,${NOW + MINUTE},3,0,3000`);
		db.close();
	});
});

describe('Anki text', () => {
	it('writes the headers Anki reads and notes it can import again without duplicates', () => {
		const text = ankiText([
			{
				guid: 'reportcard:a',
				deck: 'ReportCard::One',
				front: 'Q\twith tab',
				back: 'two\nlines',
				tags: ['reportcard', 'one two']
			}
		]);
		expect(text).toBe(
			'#separator:tab\n#html:false\n#guid column:1\n#deck column:2\n#tags column:5\n' +
				'reportcard:a\tReportCard::One\t"Q\twith tab"\t"two\nlines"\treportcard one_two\n'
		);
		expect(parseAnkiText(text, 'export.txt')).toEqual({
			name: 'export',
			notes: [{ line: 6, key: 'reportcard:a', front: 'Q\twith tab', back: 'two\nlines' }]
		});
	});

	it('adds fields beyond the second to the back, so nothing in the file is dropped', () => {
		expect(parseAnkiText('word\tmeaning\texample\t\n', 'x.txt').notes[0]).toMatchObject({ back: 'meaning\nexample' });
	});

	it('reads a plain two-column file, naming the deck after the file', () => {
		expect(parseAnkiText('\uFEFF芯片\tchip\r\nfund\t基金\r\n', '词汇.tsv')).toEqual({
			name: '词汇',
			notes: [
				{ line: 1, key: '芯片', front: '芯片', back: 'chip' },
				{ line: 2, key: 'fund', front: 'fund', back: '基金' }
			]
		});
	});

	it('reads Anki’s own HTML export: deck name, guid and tags columns skipped, markup reduced to text', () => {
		const text = [
			'#separator:Comma',
			'#html:true',
			'#deck:My <deck>',
			'#guid column:1',
			'#notetype column:2',
			'#tags column:5',
			'abc123,Basic,"<b>Big</b> &amp; <i>bold</i>","line one<br>line&nbsp;two&#33;",tag1',
			'def456,Basic (and reversed),x,"y<div>z</div>",tag2'
		].join('\n');
		expect(parseAnkiText(text, 'ignored.txt')).toEqual({
			name: 'My <deck>',
			notes: [
				{ line: 7, key: 'abc123', front: 'Big & bold', back: 'line one\nline two!' },
				{ line: 8, key: 'def456', front: 'x', back: 'y\nz' }
			]
		});
	});

	it('keeps HTML as literal text when the file says html:false', () => {
		const { notes } = parseAnkiText('#html:false\n<img src=x onerror=alert(1)>\t<script>x</script>\n', 'x.txt');
		expect(notes[0]).toMatchObject({ front: '<img src=x onerror=alert(1)>', back: '<script>x</script>' });
		expect(htmlToText('a &lt;b&gt; &#x4E2D; &bogus; &#0;')).toBe('a <b> 中 &bogus; &#0;');
	});

	it('names every problem with its line', () => {
		const text = ['front only', '\tno front', 'dup\tone', 'dup\ttwo', `long\t${'x'.repeat(10_001)}`, '"open\tx'].join(
			'\n'
		);
		expect(problemsOf(text)).toEqual([
			{ kind: 'unclosedQuote', line: 6 },
			{ kind: 'noBack', line: 1 },
			{ kind: 'emptyFront', line: 2 },
			{ kind: 'duplicate', line: 4, firstLine: 3 },
			{ kind: 'tooLong', line: 5, length: 10_001, limit: 10_000 }
		]);
	});

	it.each<[string, string, DeckTextProblem[]]>([
		['an empty file', ' \n\n', [{ kind: 'empty' }]],
		['headers only', '#separator:tab\n#html:false\n', [{ kind: 'noNotes' }]],
		[
			'a binary file',
			'PK\u0003\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
			[{ kind: 'notText' }]
		],
		['an unknown separator', '#separator:double-tab\na\tb', [{ kind: 'separator', value: 'double-tab' }]],
		[
			'too many cards',
			Array.from({ length: MAX_NOTES + 1 }, (_, i) => `q${i}\ta`).join('\n'),
			[{ kind: 'tooMany', count: MAX_NOTES + 1, limit: MAX_NOTES }]
		]
	])('rejects %s', (_name, text, problems) => {
		expect(problemsOf(text)).toEqual(problems);
	});
});

describe('imported decks', () => {
	let db: ReportCardDb;
	const scheduler = exactScheduler();
	const shipped = compiled(makeDeck([makeCard({ id: 'shipped' })]));
	const words = (...pairs: [string, string][]) => ({
		name: 'Chip words',
		notes: pairs.map(([front, back], i) => ({ line: i + 1, key: front, front, back }))
	});

	beforeEach(async () => {
		db = openTestDb();
		await syncContent(db, exactScheduler(), shipped, NOW);
	});
	afterEach(() => db.close());

	it('become their own deck and chapter of basic cards, listed, reviewed and shown on the home screen', async () => {
		const result = await importUserDeck(
			db,
			exactScheduler(),
			words(['芯片', 'chip'], ['光刻机', 'lithography machine']),
			NOW
		);
		expect(result).toEqual({
			deckId: 'user-chip-words',
			name: 'Chip words',
			created: true,
			added: 2,
			updated: 0,
			retired: 0
		});
		const cards = await db.cards.where('deckId').equals('user-chip-words').toArray();
		expect(cards.map((c) => [c.kind, c.chapterId, c.front.en, c.back.zh, c.order])).toEqual([
			['basic', 'user-chip-words', '芯片', 'chip', 1000 * 10_000],
			['basic', 'user-chip-words', '光刻机', 'lithography machine', 1000 * 10_000 + 1]
		]);
		expect(await listUserDecks(db)).toEqual([{ deckId: 'user-chip-words', name: 'Chip words', cards: 2 }]);
		const overview = (await homeOverview(db, NOW, schedulerFor())).chapters;
		expect(overview.map((o) => [o.chapter.id, o.fresh])).toEqual([
			['ch1', 1],
			['user-chip-words', 2]
		]);
		expect(
			(await loadQueue(db, withScheduler({ now: NOW, settings: DEFAULT_STUDY_SETTINGS, chapterId: 'user-chip-words' })))
				.queue.cards
		).toEqual(cards.map((c) => c.id));
	});

	it('are never retired by content sync, which only walks the shipped decks', async () => {
		await importUserDeck(db, exactScheduler(), words(['芯片', 'chip']), NOW);
		await syncContent(db, exactScheduler(), compiled(makeDeck([makeCard({ id: 'other' })]), 'v2'), NOW + MINUTE);
		expect((await db.cards.where('deckId').equals('user-chip-words').toArray()).map((c) => c.retired)).toEqual([0]);
		expect((await db.chapters.get('user-chip-words'))?.retired).toBe(0);
		expect((await db.cards.get('shipped'))?.retired).toBe(1);
	});

	it('update on a second import: progress kept, new cards added, dropped cards retired with their history', async () => {
		await importUserDeck(db, exactScheduler(), words(['芯片', 'chip'], ['基金', 'fund']), NOW);
		const [chip] = await db.cards.where('deckId').equals('user-chip-words').toArray();
		if (!chip) throw new Error('no imported card');
		await gradeCard(db, scheduler, {
			cardId: chip.id,
			rating: Rating.Good,
			now: NOW + MINUTE,
			durationMs: 1,
			shownReps: 0
		});

		const result = await importUserDeck(
			db,
			exactScheduler(),
			words(['芯片', 'semiconductor chip'], ['算力', 'compute']),
			NOW + 2 * MINUTE
		);

		expect(result).toMatchObject({ created: false, added: 1, updated: 1, retired: 1 });
		const updated = await db.cards.get(chip.id);
		expect(updated).toMatchObject({ back: { en: 'semiconductor chip' }, memory: { reps: 1 }, retired: 0 });
		expect(
			await db.cards
				.where('deckId')
				.equals('user-chip-words')
				.filter((c) => c.retired === 1)
				.count()
		).toBe(1);
	});

	it('sort after the shipped chapters and after each other', async () => {
		await importUserDeck(db, exactScheduler(), words(['a', 'b']), NOW);
		await importUserDeck(db, exactScheduler(), { ...words(['c', 'd']), name: '经济学' }, NOW);
		const chapters = await db.chapters.orderBy('order').toArray();
		expect(chapters.map((c) => [c.id, c.order])).toEqual([
			['ch1', 1],
			['user-chip-words', 1000],
			[userDeckId('经济学'), 1001]
		]);
		expect(userDeckId('经济学')).toMatch(/^user-[0-9a-z]+$/);
		expect(userDeckId('  Chip   Words!! ')).toBe('user-chip-words');
	});

	it('leave the list when deleted, their cards retired and their history kept; importing again brings it back', async () => {
		await importUserDeck(db, exactScheduler(), words(['芯片', 'chip']), NOW);
		const [card] = await db.cards.where('deckId').equals('user-chip-words').toArray();
		if (!card) throw new Error('no imported card');
		await gradeCard(db, scheduler, { cardId: card.id, rating: Rating.Good, now: NOW, durationMs: 1, shownReps: 0 });
		await gradeCard(db, scheduler, { cardId: 'shipped', rating: Rating.Good, now: NOW, durationMs: 1, shownReps: 0 });
		const graded = await db.cards.get(card.id);

		await deleteUserDeck(db, scheduler, 'user-chip-words');

		expect(await listUserDecks(db)).toEqual([]);
		expect((await db.cards.toArray()).map((c) => [c.id, c.retired])).toEqual([
			['shipped', 0],
			[card.id, 1]
		]);
		expect(
			(await loadQueue(db, withScheduler({ now: NOW + 7 * DAY, settings: DEFAULT_STUDY_SETTINGS }))).queue.cards
		).toEqual(['shipped']);
		expect((await db.reviews.toArray()).map((r) => r.cardId).sort()).toEqual([card.id, 'shipped'].sort());
		await expect(deleteUserDeck(db, scheduler, 'test-deck')).rejects.toThrow(/not an imported deck/);

		await importUserDeck(db, exactScheduler(), words(['芯片', 'chip']), NOW + DAY);
		expect(await db.cards.get(card.id)).toEqual(graded);
	});

	it('export to Anki with the shipped cards, in reading order, in the chosen language', async () => {
		await importUserDeck(db, exactScheduler(), words(['芯片', 'chip']), NOW);
		const lines = (await ankiFile(db, 'zh')).trim().split('\n').slice(5);
		const userCard = buildUserDeck(words(['芯片', 'chip']), 1000).cards[0]!;
		expect(lines).toEqual([
			'reportcard:shipped\tReportCard::第一章\t问 shipped\t答 shipped\treportcard ch1',
			`reportcard:${userCard.id}\tReportCard::Chip words\t芯片\tchip\treportcard user-chip-words`
		]);
	});
});
