/** Decks the learner imported from text files: stored like shipped decks, under their own `user-*` deck ids. */
import type { ParsedDeckText } from '../domain/interop/anki-text';
import { FIRST_USER_CHAPTER_ORDER, USER_DECK_PREFIX, buildUserDeck, userDeckId } from '../domain/interop/user-deck';
import type { Scheduler } from '../domain/scheduling/scheduler';
import { storeDeck } from './content';
import { writeCards, writeTransaction } from './projections/write';
import type { StoredChapter } from '../domain/collection';
import type { ReportCardDb } from './db';

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
export async function importUserDeck(
	db: ReportCardDb,
	scheduler: Scheduler,
	parsed: ParsedDeckText,
	now: number
): Promise<UserDeckImport> {
	return writeTransaction(db, [db.chapters, db.questions, db.settings], async () => {
		const id = userDeckId(parsed.name);
		const existing = await db.chapters.get(id);
		const deck = buildUserDeck(parsed, existing?.order ?? (await nextUserOrder(db)));
		const before = new Set(
			(await db.cards.where('deckId').equals(id).toArray()).filter((c) => c.retired === 0).map((c) => c.id)
		);
		await storeDeck(db, scheduler, deck, now);
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

/**
 * Take an imported deck off the device's list, in one transaction (the learner confirmed it): its chapter and cards
 * retire, out of every list and queue, and their history stays in the log. Importing the same deck again brings the
 * cards back with their history.
 */
export async function deleteUserDeck(db: ReportCardDb, scheduler: Scheduler, deckId: string): Promise<void> {
	if (!deckId.startsWith(USER_DECK_PREFIX)) throw new Error(`${deckId} is not an imported deck`);
	await writeTransaction(db, [db.chapters], async () => {
		const cards = await db.cards.where('deckId').equals(deckId).toArray();
		await writeCards(
			db,
			scheduler,
			cards.map((card) => ({ ...card, retired: 1 as const }))
		);
		await db.chapters.where('deckId').equals(deckId).modify({ retired: 1 });
	});
}
