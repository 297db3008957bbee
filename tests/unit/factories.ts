/** Test data factories: a small deck, cards, and a fresh in-memory database per test. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Card, ChoiceQuestion, CompiledDecks, Deck, Question } from '../../src/lib/domain/deck/model';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { ReportCardDb } from '../../src/lib/storage/db';

export const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function makeCard(overrides: Partial<Card> & { id: string }): Card {
	return {
		noteId: overrides.id,
		deckId: 'test-deck',
		chapterId: 'ch1',
		order: 0,
		kind: 'basic',
		source: { section: 1, paragraph: 1 },
		front: { zh: `问 ${overrides.id}`, en: `Q ${overrides.id}` },
		back: { zh: `答 ${overrides.id}`, en: `A ${overrides.id}` },
		...overrides
	};
}

export function makeQuestion(id: string, chapterId = 'ch1'): ChoiceQuestion {
	return {
		id,
		deckId: 'test-deck',
		chapterId,
		kind: 'single',
		source: { section: 1, paragraph: 1 },
		cards: [],
		prompt: { zh: `题 ${id}`, en: `Question ${id}` },
		explanation: { zh: '因为', en: 'Because' },
		options: [
			{ text: { zh: '对', en: 'Right' }, correct: true },
			{ text: { zh: '错', en: 'Wrong' }, correct: false },
			{ text: { zh: '也错', en: 'Also wrong' }, correct: false }
		]
	};
}

export function makeDeck(cards: Card[], questions: Question[] = []): Deck {
	return {
		id: 'test-deck',
		title: { zh: '测试', en: 'Test' },
		attribution: { zh: '来源', en: 'Source' },
		sections: [{ number: 1, title: { zh: '一', en: 'One' }, paragraphs: 3 }],
		chapters: [
			{
				id: 'ch1',
				deckId: 'test-deck',
				order: 1,
				title: { zh: '第一章', en: 'Chapter one' },
				sections: [1],
				summary: [{ section: 1, paragraph: 1, text: { zh: '摘要', en: 'Summary' } }]
			}
		],
		cards,
		questions
	};
}

export function compiled(deck: Deck, version = 'v1'): CompiledDecks {
	return { version, decks: [deck] };
}

/** A fresh, empty database on its own in-memory IndexedDB. */
export function openTestDb(): ReportCardDb {
	return new ReportCardDb('reportcard-test', { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** The scheduler without fuzz, so intervals are exact and tests can state them. */
export const exactScheduler = new Scheduler({
	desiredRetention: 0.9,
	maximumIntervalDays: 36500,
	fuzz: false,
	learningSteps: true
});
