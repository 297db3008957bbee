/** Content sync: puts the shipped decks into IndexedDB whenever their version changes. */
import type { Table } from 'dexie';
import type { CompiledDecks } from '../domain/deck/model';
import { planCardSync } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { getSetting, setSetting } from './settings';

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
		for (const deck of compiled.decks) {
			const existing = await db.cards.where('deckId').equals(deck.id).toArray();
			await db.cards.bulkPut(planCardSync(existing, deck.cards, now));
			await replaceRetiring(db.chapters, deck.id, deck.chapters);
			await replaceRetiring(db.questions, deck.id, deck.questions);
		}
		await setSetting(db, 'contentVersion', compiled.version);
	});
}

/** Shipped rows go in as current; rows the deck no longer has are kept but marked retired. */
async function replaceRetiring<T extends { id: string; retired: 0 | 1 }>(
	table: Table<T, string>,
	deckId: string,
	rows: Omit<T, 'retired'>[]
): Promise<void> {
	const shipped = new Set(rows.map((row) => row.id));
	const gone = (await table.where('deckId').equals(deckId).primaryKeys()).filter((id) => !shipped.has(id));
	await table.bulkPut(rows.map((row) => ({ ...row, retired: 0 }) as T));
	await table.bulkUpdate(gone.map((key) => ({ key, changes: { retired: 1 } as Partial<T> })));
}
