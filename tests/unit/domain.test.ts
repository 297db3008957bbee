/** Pure domain: scheduling, queue, quiz engine, cloze, study days. Fixed `now`, fuzz off, seeded randomness. */
import { describe, expect, it } from 'vitest';
import { clozeFront, clozeGaps } from '../../src/lib/domain/deck/cloze';
import * as fsrs from 'ts-fsrs';
import { State, fromFsrsCard, newMemoryState } from '../../src/lib/domain/scheduling/memory';
import { MIN_STABILITY } from '../../src/lib/domain/scheduling/integrity';
import { buildQueue, type QueueCard } from '../../src/lib/domain/scheduling/queue';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { studyDayEnd, studyDayStart } from '../../src/lib/domain/time';
import { DAY, MINUTE, NOW, makeCard } from './factories';
import { cardStatus, filterCards } from '../../src/lib/domain/browse';
import type { StoredCard } from '../../src/lib/domain/collection';
import { DEFAULT_STUDY_SETTINGS, SETTING_RANGES, inRange, normalizeSettings } from '../../src/lib/domain/settings';
import { compareTyped } from '../../src/lib/domain/typing';
import { chapterOfSection } from '../../src/lib/domain/deck/passages';
import type { Chapter } from '../../src/lib/domain/deck/model';

const exact = new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, fuzz: false });

describe('scheduler', () => {
	// Our own enums and empty card stand for ts-fsrs' so that code which only reads a state loads no scheduler.
	it('numbers states and ratings as ts-fsrs does, and starts a card as its empty card', () => {
		const names = (numbered: object) => Object.entries(numbered).filter(([, value]) => typeof value === 'number');
		expect(names(State)).toEqual(names(fsrs.State));
		expect(names(Rating)).toEqual(names(fsrs.Rating));
		expect(newMemoryState(NOW)).toEqual(fromFsrsCard(fsrs.createEmptyCard(new Date(NOW))));
		// The check's rule for a memory FSRS accepts uses the library's least stability.
		expect(MIN_STABILITY).toBe(fsrs.S_MIN);
	});

	it('schedules a new card graded Good into learning for 10 minutes, Easy into review for days', () => {
		const fresh = newMemoryState(NOW);
		expect(exact.grade(fresh, Rating.Good, NOW)).toMatchObject({ state: State.Learning, due: NOW + 10 * MINUTE });
		const easy = exact.grade(fresh, Rating.Easy, NOW);
		expect(easy.state).toBe(State.Review);
		expect(easy.due - NOW).toBeGreaterThanOrEqual(DAY);
	});

	it('seeds the fuzz by the card and its review count: a preview is the interval a grade gives, later too', () => {
		const fuzzed = new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, fuzz: true });
		const learned = fuzzed.grade(
			fuzzed.grade(newMemoryState(NOW), Rating.Easy, NOW, 'x'),
			Rating.Good,
			NOW + 9 * DAY,
			'x'
		);
		const shownAt = NOW + 40 * DAY;
		const preview = fuzzed.preview(learned, shownAt, 'x');
		// Graded 40 seconds after it was shown (or shown again after an undo): the same interval for every grade.
		for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
			const gradedAt = shownAt + 40_000;
			expect(fuzzed.grade(learned, rating, gradedAt, 'x').due - gradedAt).toBe(preview[rating] - shownAt);
			expect(fuzzed.preview(learned, gradedAt, 'x')[rating] - gradedAt).toBe(preview[rating] - shownAt);
		}
		// Grades give distinct intervals; cards learned together still drift apart.
		expect(new Set(Object.values(preview)).size).toBe(4);
		const goods = ['x', 'y', 'z', 'w', 'v'].map((id) => fuzzed.preview(learned, shownAt, id)[Rating.Good]);
		expect(new Set(goods).size).toBeGreaterThan(1);
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
	const none = { newStarted: 0, reviewsDone: 0 };
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
		const limits = { newPerDay: 1, reviewsPerDay: 10 };
		const queue = buildQueue(cards, NOW, dayEnd, none, limits);
		expect(queue.cards).toEqual(['r-early', 'n1', 'r-late']);
		expect(queue.nextDue).toBe(dayEnd + DAY);
		expect(buildQueue(cards, NOW, dayEnd, { newStarted: 1, reviewsDone: 0 }, limits).newCount).toBe(0);
		expect(buildQueue(cards, NOW, dayEnd, { newStarted: 0, reviewsDone: 9 }, limits).cards).toEqual(['r-early', 'n1']);
	});

	it('counts the new cards the daily limit holds back', () => {
		const cards = [1, 2, 3, 4].map((i) => card(`n${i}`, i, State.New, NOW));
		const limits = { newPerDay: 1, reviewsPerDay: 10 };
		expect(buildQueue(cards, NOW, dayEnd, none, limits)).toMatchObject({ newCount: 1, heldBack: 3 });
		expect(buildQueue(cards, NOW, dayEnd, { newStarted: 1, reviewsDone: 0 }, limits)).toMatchObject({
			newCount: 0,
			heldBack: 4
		});
		expect(buildQueue(cards, NOW, dayEnd, none, { ...limits, newPerDay: 4 }).heldBack).toBe(0);
	});

	it('keeps a new sibling to tomorrow once a card of its note was graded today, is due or comes first', () => {
		const sibling = (id: string, order: number, noteId: string, state = State.New) => ({
			...card(id, order, state, NOW - MINUTE),
			noteId
		});
		const cards = [
			sibling('a1', 1, 'a'),
			sibling('a2', 2, 'a'),
			sibling('b1', 3, 'b'),
			sibling('c1', 4, 'c', State.Review)
		];
		const limits = { newPerDay: 10, reviewsPerDay: 10, burySiblings: true };
		// One new card a note: a2 waits for a1.
		expect(buildQueue(cards, NOW, dayEnd, none, limits).cards.sort()).toEqual(['a1', 'b1', 'c1']);
		// a1 graded today (and now learning, out of this list): a2 still waits, until the next day; not when turned off.
		const graded = { ...none, newStarted: 1, graded: [{ cardId: 'a1', noteId: 'a' }] };
		expect(buildQueue(cards.slice(1), NOW, dayEnd, graded, limits).cards.sort()).toEqual(['b1', 'c1']);
		expect(buildQueue(cards.slice(1), NOW, dayEnd, graded, { ...limits, burySiblings: false }).cards.sort()).toEqual([
			'a2',
			'b1',
			'c1'
		]);
		// A card due (in learning or review) is never held back, so "due" is the same count everywhere; it holds its
		// new sibling back instead.
		const due = [sibling('a1', 1, 'a', State.Learning), sibling('a2', 2, 'a', State.Review), sibling('a3', 3, 'a')];
		const queue = buildQueue(due, NOW, dayEnd, graded, limits);
		expect(queue.cards.sort()).toEqual(['a1', 'a2']);
		expect(queue.dueCount).toBe(2);
	});

	it('takes cards due in the coming days when studying ahead', () => {
		const cards = [card('later', 1, State.Review, dayEnd + DAY), card('far', 2, State.Review, dayEnd + 30 * DAY)];
		expect(buildQueue(cards, NOW, dayEnd, none, DEFAULT_STUDY_SETTINGS).cards).toEqual([]);
		expect(buildQueue(cards, NOW, dayEnd, none, DEFAULT_STUDY_SETTINGS, true).cards).toEqual(['later']);
	});

	it('leaves suspended cards out, and buried ones until their time', () => {
		const cards = [
			{ ...card('s', 1, State.Review, NOW - DAY), suspended: 1 as const },
			{ ...card('b', 2, State.Review, NOW - DAY), buriedUntil: NOW + DAY }
		];
		expect(buildQueue(cards, NOW, dayEnd, none, DEFAULT_STUDY_SETTINGS).cards).toEqual([]);
		expect(buildQueue(cards, NOW + 2 * DAY, studyDayEnd(NOW + 2 * DAY), none, DEFAULT_STUDY_SETTINGS).cards).toEqual([
			'b'
		]);
	});

	it('keeps a learning card coming back within minutes for the end of the session', () => {
		const queue = buildQueue(
			[card('l', 1, State.Learning, NOW + 5 * MINUTE)],
			NOW,
			dayEnd,
			none,
			DEFAULT_STUDY_SETTINGS
		);
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

describe('cloze', () => {
	it('finds gaps and hides one at a time', () => {
		const text = '到{{c1::2030}}年成为{{c2::全球领导者}}';
		expect(clozeGaps(text)).toEqual([1, 2]);
		expect(clozeFront(text, 2)).toBe('到2030年成为[…]');
	});
});

describe('typed answers', () => {
	it('ignores width, case, punctuation and spaces, and reads Chinese numerals as digits', () => {
		expect(compareTyped('８２亿美元', '82亿美元').correct).toBe(true);
		expect(compareTyped(' pyTorch. ', 'PyTorch').correct).toBe(true);
		expect(compareTyped('二〇三〇', '2030').correct).toBe(true);
		expect(compareTyped('', '2030').correct).toBe(false);
	});

	it('shows the right answer plainly when the typed one is wholly wrong, a diff when it is a slip', () => {
		expect(compareTyped('mindsporx', 'MindSpore')).toMatchObject({ correct: false, close: true });
		expect(compareTyped('TensorFlow', 'MindSpore')).toMatchObject({
			correct: false,
			close: false,
			expected: 'MindSpore'
		});
		expect(compareTyped('', '2030').close).toBe(false);
	});

	it('shows what is missing and what is extra', () => {
		expect(compareTyped('mindsporx', 'MindSpore').diff).toEqual([
			{ text: 'mindspor', kind: 'same' },
			{ text: 'e', kind: 'missing' },
			{ text: 'x', kind: 'extra' }
		]);
	});
});

describe('settings', () => {
	it('takes a typed value only within its range and on its step', () => {
		expect(inRange(SETTING_RANGES.newPerDay, 20)).toBe(true);
		expect(inRange(SETTING_RANGES.newPerDay, 10000)).toBe(false);
		expect(inRange(SETTING_RANGES.newPerDay, -1)).toBe(false);
		expect(inRange(SETTING_RANGES.newPerDay, 2.5)).toBe(false);
		expect(inRange(SETTING_RANGES.desiredRetention, 0.93)).toBe(true);
		expect(inRange(SETTING_RANGES.desiredRetention, 0.5)).toBe(false);
		expect(inRange(SETTING_RANGES.rolloverHour, Number.NaN)).toBe(false);
	});

	it('brings stored settings into range and fills what is missing', () => {
		const settings = normalizeSettings({ desiredRetention: 0.5, rolloverHour: 30, newPerDay: Number.NaN });
		expect(settings).toMatchObject({ desiredRetention: 0.7, rolloverHour: 23, newPerDay: 20, learningSteps: true });
		expect(normalizeSettings(undefined)).toEqual(DEFAULT_STUDY_SETTINGS);
	});
});

describe('card browser filter', () => {
	const stored = (id: string, order: number, extra: Partial<StoredCard> = {}): StoredCard => ({
		...makeCard({ id, order }),
		introducedAt: NOW,
		retired: 0,
		memory: newMemoryState(NOW),
		due: NOW,
		suspended: 0,
		buriedUntil: 0,
		...extra
	});
	const cards = [
		stored('b', 2, { front: { zh: '华为的框架', en: "Huawei's framework" }, chapterId: 'ch2' }),
		stored('a', 1, { front: { zh: '百度', en: 'Baidu' }, suspended: 1 }),
		stored('c', 3, { back: { zh: 'ＭｉｎｄＳｐｏｒｅ', en: 'MindSpore' } })
	];
	const none = { text: '', chapterId: null, status: null };

	it('finds words in either language, front or back, ignoring case and width, in report order', () => {
		expect(filterCards(cards, { ...none, text: 'mindspore' }, 8).map((c) => c.id)).toEqual(['c']);
		expect(filterCards(cards, { ...none, text: '华为' }, 8).map((c) => c.id)).toEqual(['b']);
		expect(filterCards(cards, none, 8).map((c) => c.id)).toEqual(['a', 'b', 'c']);
	});

	it('filters by chapter and by status, suspended before its memory state', () => {
		expect(filterCards(cards, { ...none, chapterId: 'ch2' }, 8).map((c) => c.id)).toEqual(['b']);
		expect(filterCards(cards, { ...none, status: 'suspended' }, 8).map((c) => c.id)).toEqual(['a']);
		expect(filterCards(cards, { ...none, status: 'new' }, 8).map((c) => c.id)).toEqual(['b', 'c']);
		expect(cardStatus(cards[1]!)).toBe('suspended');
	});

	it('finds the leeches, suspended or not, at the lapse count the learner set', () => {
		const lapsed = (id: string, order: number, lapses: number, suspended: 0 | 1 = 0) =>
			stored(id, order, { memory: { ...newMemoryState(NOW), state: State.Review, lapses }, suspended });
		const deck = [lapsed('x', 1, 7), lapsed('y', 2, 8), lapsed('z', 3, 12, 1)];
		expect(filterCards(deck, { ...none, status: 'leech' }, 8).map((c) => c.id)).toEqual(['y', 'z']);
		expect(filterCards(deck, { ...none, status: 'leech' }, 7).map((c) => c.id)).toEqual(['x', 'y', 'z']);
		expect(filterCards(deck, { ...none, status: 'review' }, 8).map((c) => c.id)).toEqual(['x', 'y']);
	});
});

describe('further citations', () => {
	const chapter = (id: string, deckId: string, sections: number[]) => ({ id, deckId, sections }) as unknown as Chapter;
	const chapters = [chapter('one', 'report', [1, 2]), chapter('two', 'report', [3]), chapter('mine', 'user', [3])];

	it('finds the chapter of the deck that teaches the cited section, in any chapter', () => {
		expect(chapterOfSection(chapters, 'report', { section: 3, paragraph: 1 })?.id).toBe('two');
		expect(chapterOfSection(chapters, 'user', { section: 3, paragraph: 1 })?.id).toBe('mine');
		expect(chapterOfSection(chapters, 'report', { section: 9, paragraph: 1 })).toBeUndefined();
	});
});
