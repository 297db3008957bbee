/** Content sync: puts the shipped decks into IndexedDB whenever their version changes. */
import type { CompiledDecks, Deck } from '../domain/deck/model';
import type { Scheduler } from '../domain/scheduling/scheduler';
import { planCardSync } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { putInSlices, writeCards, writeTransaction } from './projections/write';
import { setSetting } from './settings';

/** One transaction: either the whole new content is in, with every card's progress kept, or nothing changed. */
export async function syncContent(
	db: ReportCardDb,
	scheduler: Scheduler,
	compiled: CompiledDecks,
	now: number
): Promise<void> {
	await writeTransaction(db, [db.chapters, db.questions, db.settings], async () => {
		// Only the shipped deck ids are visited: decks the learner imported (user-*) are never retired by a sync.
		for (const deck of compiled.decks) await storeDeck(db, scheduler, deck, now);
		await setSetting(db, 'contentVersion', compiled.version);
	});
}

/**
 * Write one deck's content, keeping the progress of cards it already had and retiring what it no longer has.
 * Call inside a write transaction (projections/write.ts) that also takes chapters and questions. Shipped and imported
 * decks both come this way.
 */
export async function storeDeck(
	db: ReportCardDb,
	scheduler: Scheduler,
	deck: Pick<Deck, 'id' | 'chapters' | 'cards' | 'questions'>,
	now: number
): Promise<void> {
	const existing = await db.cards.where('deckId').equals(deck.id).toArray();
	// A card that moved to another chapter takes its history with it (the write path moves its tallies).
	await writeCards(db, scheduler, planCardSync(existing, deck.cards, now));
	const chapterIds = await db.chapters.where('deckId').equals(deck.id).primaryKeys();
	await db.chapters.bulkPut(deck.chapters.map((chapter) => ({ ...chapter, retired: 0 as const })));
	await db.chapters.where(':id').anyOf(goneIds(chapterIds, deck.chapters)).modify({ retired: 1 });
	const questionIds = await db.questions.where('deckId').equals(deck.id).primaryKeys();
	await putInSlices(
		db.questions,
		deck.questions.map((question) => ({ ...question, retired: 0 as const }))
	);
	await db.questions.where(':id').anyOf(goneIds(questionIds, deck.questions)).modify({ retired: 1 });
}

/** Ids stored for a deck that its shipped version no longer has: kept (their history matters) but retired. */
function goneIds(storedIds: string[], shipped: { id: string }[]): string[] {
	const current = new Set(shipped.map((row) => row.id));
	return storedIds.filter((id) => !current.has(id));
}
