/**
 * The keys a card row carries for the indexes that answer the queue and the home screen without reading every card,
 * derived from the card on every write (projections/write.ts). Apart from db.ts so that code writing cards does not
 * load Dexie itself: the database module arrives with the first page, after its paint.
 */
import type { StoredCard } from '../domain/collection';
import { State } from '../domain/scheduling/memory';
import { isMastered } from '../domain/stats/mastery';

type KeyedFields = Pick<StoredCard, 'retired' | 'suspended' | 'memory' | 'order'>;

/** The card with the index keys this module derives from it, as every card row is stored. */
export function withIndexKeys<T extends KeyedFields>(card: T): T & IndexKeys {
	return { ...card, ...indexKeys(card) };
}

/** A card as stored: the card plus the index keys this module maintains. */
export type CardRow = StoredCard & Partial<IndexKeys>;

/**
 * Keys derived from a card for the indexes that answer the queue and the home screen without reading every card.
 * IndexedDB leaves a row out of an index whose key is undefined: that is how a key says "not in this index".
 */
export interface IndexKeys {
	/** The due time of a started card (learning, review, relearning) that can be queued. */
	queueDue: number | undefined;
	/** The report order of a new card that can be queued. */
	queueNew: number | undefined;
	/** Every card still in its deck (not retired): 1 when mastered, else 0 (domain/stats/mastery.ts). Schema 6 on. */
	mastered: 0 | 1 | undefined;
}

export function indexKeys(card: KeyedFields): IndexKeys {
	const active = card.retired === 0;
	const queueable = active && card.suspended === 0;
	const isNew = card.memory.state === State.New;
	return {
		queueDue: queueable && !isNew ? card.memory.due : undefined,
		queueNew: queueable && isNew ? card.order : undefined,
		mastered: active ? (isMastered(card.memory) ? 1 : 0) : undefined
	};
}
