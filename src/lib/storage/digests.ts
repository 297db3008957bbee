/**
 * Card digests: for each chapter, the few numbers the statistics page needs of every card still in its deck, packed
 * into a handful of rows. Chromium parses each card row whole, texts and all: reading 100,000 of them takes seconds,
 * reading their digests a few hundred rows.
 *
 * A middleware (`digestMiddleware`, installed by db.ts) keeps them right on every write of a card, whoever writes it,
 * as it keeps the index keys. Writers that bypass Dexie (test seeders) must drop the statistics marker
 * (stats-caches.ts) so they are rebuilt.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { State } from '../domain/scheduling/memory';
import { masteredUntil } from '../domain/stats/mastery';
import type { StatsCard } from '../domain/stats/report';
import type { StoredCard } from '../domain/sync/content-sync';
import { takingAlong } from './middleware';

export const DIGEST_TABLE = 'cardDigests';
/** Rows per chapter: a grade rewrites one, so each stays small however large its chapter grows. */
export const DIGEST_SHARDS = 16;
/** Numbers per card in `numbers`: suspended, state, stability, last review (NEVER if none), due. */
const FIELDS = 5;
/** The last review of a card never reviewed: times are never negative, and rows stay plain JSON-like numbers. */
const NEVER = -1;
/** DBCoreRangeType.Any: a const enum, which isolated modules cannot import. */
const WHOLE_TABLE = 3 as DBCoreRangeType;

export interface DigestRow {
	chapterId: string;
	shard: number;
	/** Card ids, sorted (so a row is the same however its cards came in), in the order of their numbers. */
	ids: string[];
	/** FIELDS numbers per card. */
	numbers: number[];
}

export type DigestedCard = Pick<StoredCard, 'id' | 'chapterId' | 'retired' | 'suspended' | 'memory'>;

/** Which of its chapter's rows holds a card: a hash of its id (FNV-1a), so the row is found without a lookup. */
export function shardOf(cardId: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < cardId.length; i++) hash = Math.imul(hash ^ cardId.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % DIGEST_SHARDS;
}

export function rowKey(chapterId: string, cardId: string): [string, number] {
	return [chapterId, shardOf(cardId)];
}

/** A row's name in a Map: its chapter and shard. */
export function rowName(chapterId: string, shard: number): string {
	return `${shard} ${chapterId}`;
}

/** A card's numbers in its row: the one writer of `numbers`, as `digestedCards` is its one reader. */
export function numbersOf(card: DigestedCard): number[] {
	const { state, stability, lastReview, due } = card.memory;
	return [card.suspended, state, stability, lastReview ?? NEVER, due];
}

/** Every card in the rows, as the statistics figures and the home screen's counts take them. */
export function digestedCards(rows: readonly DigestRow[]): StatsCard[] {
	return rows.flatMap((row) =>
		row.ids.map((_, i): StatsCard => {
			const [suspended, state, stability, lastReview, due] = row.numbers.slice(i * FIELDS, (i + 1) * FIELDS);
			return {
				chapterId: row.chapterId,
				suspended: suspended === 1 ? 1 : 0,
				memory: { state, stability, lastReview: lastReview === NEVER ? null : lastReview, due }
			};
		})
	);
}

/** What the home screen counts of a chapter's active cards. */
export interface ChapterCounts {
	/** New cards a queue can take (not suspended), buried ones included. */
	queuedNew: number;
	total: number;
	/** Mastered at the time asked (domain/stats/mastery.ts). */
	mastered: number;
}

/** Each chapter's counts from its digest rows: a few hundred rows for any collection, where index counts grow with it. */
export function chapterCounts(rows: readonly DigestRow[], now: number): Map<string, ChapterCounts> {
	const counts = new Map<string, ChapterCounts>();
	for (const card of digestedCards(rows)) {
		const chapter = counts.get(card.chapterId) ?? { queuedNew: 0, total: 0, mastered: 0 };
		counts.set(card.chapterId, chapter);
		chapter.total++;
		if (card.memory.state === State.New && card.suspended === 0) chapter.queuedNew++;
		if (now < masteredUntil(card.memory)) chapter.mastered++;
	}
	return counts;
}

/** Where `cardId` is in the row's sorted ids, or would go. */
function position(row: DigestRow, cardId: string): number {
	let low = 0;
	let high = row.ids.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (row.ids[middle] < cardId) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Take a card out of its row, if it is there. */
function remove(row: DigestRow, cardId: string): void {
	const index = position(row, cardId);
	if (row.ids[index] !== cardId) return;
	row.ids.splice(index, 1);
	row.numbers.splice(index * FIELDS, FIELDS);
}

/** Put a card's numbers in its row, replacing its old ones. */
function upsert(row: DigestRow, card: DigestedCard): void {
	const index = position(row, card.id);
	const present = row.ids[index] === card.id;
	if (!present) row.ids.splice(index, 0, card.id);
	row.numbers.splice(index * FIELDS, present ? FIELDS : 0, ...numbersOf(card));
}

/**
 * Bring the digest rows in line with one write: `before` are the rows the write replaced or deleted, `after` the rows
 * it stored. Reads and writes only the rows these cards fall in.
 */
async function updateDigests(
	digests: DBCoreTable,
	trans: DBCoreTransaction,
	before: readonly DigestedCard[],
	after: readonly DigestedCard[]
): Promise<void> {
	const active = after.filter((card) => card.retired === 0);
	const keys = [...before, ...active].map((card) => rowKey(card.chapterId, card.id));
	const unique = [...new Map(keys.map((key) => [rowName(...key), key])).values()];
	if (unique.length === 0) return;
	const stored = (await digests.getMany({ trans, keys: unique })) as (DigestRow | undefined)[];
	const rows = new Map(
		unique.map(([chapterId, shard], i) => [
			rowName(chapterId, shard),
			stored[i] ?? { chapterId, shard, ids: [], numbers: [] }
		])
	);
	const rowOf = (card: DigestedCard) => rows.get(rowName(...rowKey(card.chapterId, card.id))) as DigestRow;
	for (const card of before) remove(rowOf(card), card.id);
	for (const card of active) upsert(rowOf(card), card);
	const kept = [...rows.values()].filter((row) => row.ids.length > 0);
	const emptied = [...rows.values()].filter((row) => row.ids.length === 0).map((row) => [row.chapterId, row.shard]);
	if (kept.length > 0) await digests.mutate({ type: 'put', trans, values: kept });
	if (emptied.length > 0) await digests.mutate({ type: 'delete', trans, keys: emptied });
}

/** The card rows a write is about to replace or delete. */
async function rowsReplaced(cards: DBCoreTable, request: DBCoreMutateRequest): Promise<DigestedCard[]> {
	const { trans } = request;
	if (request.type === 'add') return [];
	if (request.type === 'deleteRange') {
		const query = { index: cards.schema.primaryKey, range: request.range };
		return (await cards.query({ trans, values: true, query })).result as DigestedCard[];
	}
	const keys = request.type === 'delete' ? request.keys : request.values.map((card: DigestedCard) => card.id);
	return ((await cards.getMany({ trans, keys })) as (DigestedCard | undefined)[]).filter((card) => card !== undefined);
}

/** The rows a write stored: those of an add or put that did not fail. */
function rowsStored(request: DBCoreMutateRequest, failures: Record<number, Error>): DigestedCard[] {
	if (request.type !== 'add' && request.type !== 'put') return [];
	return (request.values as DigestedCard[]).filter((_, i) => !(i in failures));
}

/**
 * Every transaction that may write cards also takes the digests, and every write of cards updates them in the same
 * transaction: a digest can never disagree with a committed card.
 */
export function digestMiddleware(): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'cardDigests',
		create: (down) => ({
			...down,
			transaction: takingAlong(down, 'cards', DIGEST_TABLE),
			table: (name) => {
				const cards = down.table(name);
				if (name !== 'cards') return cards;
				return {
					...cards,
					mutate: async (request) => {
						// Schema upgrades from before the digests existed write cards too: the rebuild marker is absent then.
						if (!(request.trans as IDBTransaction).objectStoreNames.contains(DIGEST_TABLE))
							return cards.mutate(request);
						const digests = down.table(DIGEST_TABLE);
						if (request.type === 'deleteRange' && request.range.type === WHOLE_TABLE) {
							const response = await cards.mutate(request);
							await digests.mutate({ type: 'deleteRange', trans: request.trans, range: request.range });
							return response;
						}
						const before = await rowsReplaced(cards, request);
						const response = await cards.mutate(request);
						await updateDigests(digests, request.trans, before, rowsStored(request, response.failures));
						return response;
					}
				};
			}
		})
	};
}
