/** Test data factories: a small deck, cards, and a fresh in-memory database per test. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Card, ChoiceQuestion, CompiledDecks, Deck, Question } from '../../src/lib/domain/deck/model';
import { DEFAULT_WEIGHTS } from '../../src/lib/domain/scheduling/optimizer';
import {
	DEFAULT_SCHEDULER_OPTIONS,
	Scheduler,
	learnerScheduler as appScheduler
} from '../../src/lib/domain/scheduling/scheduler';
import { State } from '../../src/lib/domain/scheduling/memory';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../../src/lib/domain/settings';
import type { StudyContext } from '../../src/lib/state/app.svelte';
import type { StoredCard } from '../../src/lib/domain/collection';
import { ReportCardDb } from '../../src/lib/storage/db';
import { withIndexKeys } from '../../src/lib/storage/index-keys';
import type { QueueRequest } from '../../src/lib/storage/reviews';
import { PROJECTIONS_MARKER } from '../../src/lib/storage/projections/marker';
import { writeTransaction } from '../../src/lib/storage/projections/write';

export const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

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
				sectionTitles: [{ number: 1, title: { zh: '一', en: 'One' } }],
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

/** The app's scheduler with fuzz off, so intervals are exact. */
export function exactScheduler(): Scheduler {
	return new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, fuzz: false });
}

/** The scheduler the app builds from `settings` (fuzz on), as reads that predict recall are given it. */
export function schedulerFor(settings: StudySettings = DEFAULT_STUDY_SETTINGS): Scheduler {
	return appScheduler(settings);
}

/** A queue request with the scheduler the app would pass along with its settings. */
export function withScheduler(request: Omit<QueueRequest, 'scheduler'>): QueueRequest {
	return { ...request, scheduler: schedulerFor(request.settings) };
}

/** What the app gives pages and sessions: by default settings, an exact scheduler and a clock stopped at `NOW`. */
export function studyContext(overrides: Partial<StudyContext> = {}): StudyContext {
	return {
		clock: () => NOW,
		study: DEFAULT_STUDY_SETTINGS,
		scheduler: exactScheduler(),
		contentLanguage: 'en',
		...overrides
	};
}

/** A learner's own fitted weights, far from the defaults: first stabilities tripled, a steeper forgetting curve. */
export function learnerScheduler(): Scheduler {
	const weights = DEFAULT_WEIGHTS.map((w, i) => (i < 4 ? w * 3 : i === 20 ? 0.5 : w));
	return new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, desiredRetention: 0.85, fuzz: false, weights });
}

/**
 * Rows written as they are, past the write path's replay: what a seeder, another app version or damage leaves. Cards
 * get their index keys, as a seeder computes them; the projections' marker goes, since they no longer hold.
 */
export async function writeRaw(
	db: ReportCardDb,
	rows: { cards?: readonly StoredCard[]; reviews?: readonly unknown[] }
): Promise<void> {
	await writeTransaction(db, [db.settings], async () => {
		await db.cards.bulkPut((rows.cards ?? []).map((card) => withIndexKeys(card)));
		await db.reviews.bulkPut((rows.reviews ?? []) as never[]);
		await db.settings.delete(PROJECTIONS_MARKER);
	});
}

/** Damage a stored card as FSRS would never leave it: a review card with difficulty 0 (grades keep it in 1-10). */
export async function damageCard(db: ReportCardDb, id: string, lastReview = NOW): Promise<void> {
	const card = await db.cards.get(id);
	if (!card) throw new Error(`no card ${id}`);
	const memory = { ...card.memory, state: State.Review, stability: 1, difficulty: 0, lastReview };
	await writeRaw(db, { cards: [{ ...card, memory }] });
}
