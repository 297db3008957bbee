/**
 * Decks the learner imports: each its own deck id (`user-<slug>`) and one chapter of basic cards, kept apart from the
 * shipped decks so content sync (which walks the shipped deck ids only) never touches them.
 */
import type { Card, Chapter } from '../deck/model';
import type { ParsedDeckText } from './anki-text';

export const USER_DECK_PREFIX = 'user-';
/** User chapters sort after every shipped chapter. */
export const FIRST_USER_CHAPTER_ORDER = 1000;
/** Card `order` is chapter order times this plus the card's position, so new cards come in file order. */
const CARDS_PER_ORDER = 10_000;

export function isUserDeck(deckId: string): boolean {
	return deckId.startsWith(USER_DECK_PREFIX);
}

/** The same name always gives the same id, so importing an edited file again updates that deck. */
export function userDeckId(name: string): string {
	const slug = name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	// A name in Chinese (or any script without a-z) has no slug: its hash names it instead.
	return USER_DECK_PREFIX + (slug || stableHash(name));
}

export interface UserDeck {
	id: string;
	chapters: Chapter[];
	cards: Card[];
	questions: [];
}

/** The deck a parsed file becomes; `order` places its chapter (keep the old one when the deck is re-imported). */
export function buildUserDeck(parsed: ParsedDeckText, order: number): UserDeck {
	const id = userDeckId(parsed.name);
	const title = { zh: parsed.name, en: parsed.name };
	const chapter: Chapter = { id, deckId: id, order, title, sections: [], sectionTitles: [], summary: [] };
	const cards = parsed.notes.map((note, i): Card => {
		// The note's key (guid or front), hashed: an edited back keeps the card and its progress.
		const cardId = `${id}--${stableHash(note.key)}`;
		return {
			id: cardId,
			noteId: cardId,
			deckId: id,
			chapterId: id,
			order: order * CARDS_PER_ORDER + i,
			kind: 'basic',
			source: NO_SOURCE,
			front: { zh: note.front, en: note.front },
			back: { zh: note.back, en: note.back }
		};
	});
	return { id, chapters: [chapter], cards, questions: [] };
}

/** Imported cards cite no paragraph of the report; paragraph 0 never occurs in a shipped deck. */
export const NO_SOURCE = { section: 0, paragraph: 0 } as const;

export function hasSource(card: Pick<Card, 'source'>): boolean {
	return card.source.paragraph > 0;
}

/** cyrb53: a fast 53-bit string hash, in base 36; collisions are negligible at deck sizes. */
export function stableHash(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
