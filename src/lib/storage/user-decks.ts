/** Decks the learner imported from text files: stored like shipped decks, under their own `user-*` deck ids. */
import type { ParsedDeckText } from '../domain/interop/anki-text';
import { FIRST_USER_CHAPTER_ORDER, USER_DECK_PREFIX, buildUserDeck, userDeckId } from '../domain/interop/user-deck';
import { storeDeck } from './content';
import type { ReportCardDb, StoredChapter } from './db';

export interface UserDeckImport {
	deckId: string;
	name: string;
	/** False when a deck of the same name was there and has been updated. */
	created: boolean;
	added: number;
	updated: number;
	/** Cards the earlier import had and this file no longer has: kept with their history, out of the queue. */
	retired: number;
}

/** Store a parsed deck file in one transaction; importing a file of the same deck name again updates that deck. */
export async function importUserDeck(db: ReportCardDb, parsed: ParsedDeckText, now: number): Promise<UserDeckImport> {
	return db.transaction('rw', [db.chapters, db.cards, db.questions, db.settings], async () => {
		const id = userDeckId(parsed.name);
		const existing = await db.chapters.get(id);
		const deck = buildUserDeck(parsed, existing?.order ?? (await nextUserOrder(db)));
		const before = new Set(
			(await db.cards.where('deckId').equals(id).toArray()).filter((c) => c.retired === 0).map((c) => c.id)
		);
		await storeDeck(db, deck, now);
		const after = new Set(deck.cards.map((card) => card.id));
		return {
			deckId: id,
			name: parsed.name,
			created: !existing,
			added: [...after].filter((cardId) => !before.has(cardId)).length,
			updated: [...after].filter((cardId) => before.has(cardId)).length,
			retired: [...before].filter((cardId) => !after.has(cardId)).length
		};
	});
}

async function nextUserOrder(db: ReportCardDb): Promise<number> {
	const chapters = await userChapters(db);
	return Math.max(FIRST_USER_CHAPTER_ORDER - 1, ...chapters.map((chapter) => chapter.order)) + 1;
}

function userChapters(db: ReportCardDb): Promise<StoredChapter[]> {
	return db.chapters.where('deckId').startsWith(USER_DECK_PREFIX).toArray();
}

export interface UserDeckSummary {
	deckId: string;
	name: string;
	cards: number;
}

export async function listUserDecks(db: ReportCardDb): Promise<UserDeckSummary[]> {
	return db.transaction('r', [db.chapters, db.cards], async () => {
		const chapters = (await userChapters(db)).filter((c) => c.retired === 0).sort((a, b) => a.order - b.order);
		return Promise.all(
			chapters.map(async (chapter) => ({
				deckId: chapter.deckId,
				// Imported names are the same in both languages.
				name: chapter.title.en,
				cards: await db.cards
					.where('deckId')
					.equals(chapter.deckId)
					.filter((card) => card.retired === 0)
					.count()
			}))
		);
	});
}

/** Remove an imported deck with its cards and their reviews, in one transaction (the learner confirmed it). */
export async function deleteUserDeck(db: ReportCardDb, deckId: string): Promise<void> {
	if (!deckId.startsWith(USER_DECK_PREFIX)) throw new Error(`${deckId} is not an imported deck`);
	await db.transaction('rw', [db.chapters, db.cards, db.reviews], async () => {
		// Every card id of an imported deck starts with its deck id (see buildUserDeck): one key range each.
		await db.reviews.where('cardId').startsWith(`${deckId}--`).delete();
		await db.cards.where('deckId').equals(deckId).delete();
		await db.chapters.where('deckId').equals(deckId).delete();
	});
}
