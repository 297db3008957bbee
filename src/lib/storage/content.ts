/** Content sync: puts the shipped decks into IndexedDB whenever their version changes. */
import type { CompiledDecks, Deck } from '../domain/deck/model';
import { planCardSync } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { getSetting, setSetting } from './settings';
import { invalidateStatsCaches } from './stats-caches';

/**
 * Sync if the database holds another version than `version`. `load` fetches the full decks only then, so a normal
 * start reads one setting and loads no deck content.
 * @returns whether a sync ran.
 */
export async function ensureContent(
	db: ReportCardDb,
	version: string,
	load: () => Promise<CompiledDecks>,
	now: number
): Promise<boolean> {
	if ((await getSetting(db, 'contentVersion')) === version) return false;
	await syncContent(db, await load(), now);
	return true;
}

/** One transaction: either the whole new content is in, with every card's progress kept, or nothing changed. */
export async function syncContent(db: ReportCardDb, compiled: CompiledDecks, now: number): Promise<void> {
	await db.transaction('rw', [db.chapters, db.cards, db.questions, db.settings], async () => {
		// Only the shipped deck ids are visited: decks the learner imported (user-*) are never retired by a sync.
		for (const deck of compiled.decks) await storeDeck(db, deck, now);
		await setSetting(db, 'contentVersion', compiled.version);
	});
}

/**
 * Write one deck's content, keeping the progress of cards it already had and retiring what it no longer has.
 * Call inside a transaction over chapters, cards, questions and settings. Shipped and imported decks both come this way.
 */
export async function storeDeck(
	db: ReportCardDb,
	deck: Pick<Deck, 'id' | 'chapters' | 'cards' | 'questions'>,
	now: number
): Promise<void> {
	const existing = await db.cards.where('deckId').equals(deck.id).toArray();
	const planned = planCardSync(existing, deck.cards, now);
	await db.cards.bulkPut(planned);
	// A card that moved to another chapter takes its history with it: the tallies counted it in the old one.
	const chapterOf = new Map(planned.map((card) => [card.id, card.chapterId]));
	if (existing.some((card) => chapterOf.get(card.id) !== card.chapterId)) await invalidateStatsCaches(db);
	const chapterIds = await db.chapters.where('deckId').equals(deck.id).primaryKeys();
	await db.chapters.bulkPut(deck.chapters.map((chapter) => ({ ...chapter, retired: 0 as const })));
	await db.chapters.where(':id').anyOf(goneIds(chapterIds, deck.chapters)).modify({ retired: 1 });
	const questionIds = await db.questions.where('deckId').equals(deck.id).primaryKeys();
	await db.questions.bulkPut(deck.questions.map((question) => ({ ...question, retired: 0 as const })));
	await db.questions.where(':id').anyOf(goneIds(questionIds, deck.questions)).modify({ retired: 1 });
}

/** Ids stored for a deck that its shipped version no longer has: kept (their history matters) but retired. */
function goneIds(storedIds: string[], shipped: { id: string }[]): string[] {
	const current = new Set(shipped.map((row) => row.id));
	return storedIds.filter((id) => !current.has(id));
}
