/**
 * Card digests, a projection of the cards: for each chapter, the few numbers the statistics page and home need of
 * every card still in its deck, packed into a handful of rows. Chromium parses each card row whole, texts and all:
 * reading 100,000 of them takes seconds, reading their digests a few hundred rows.
 *
 * A write moves each changed card out of the row it was in and into the row it is in now; a rebuild packs every
 * active card afresh.
 */
import { compareStrings, itemAt } from '../../domain/arrays';
import type { StoredCard } from '../../domain/collection';
import { State } from '../../domain/scheduling/memory';
import { isMastered } from '../../domain/stats/mastery';
import type { StatsCard } from '../../domain/stats/report';
import type { ReportCardDb } from '../db';
import type { CardChange, Projection, ProjectionBuilder, ReplayedCard } from './projection';

/** Rows per chapter: a grade rewrites one, so each stays small however large its chapter grows. */
export const DIGEST_SHARDS = 16;
/** Numbers per card in `numbers`: suspended, state, stability, last review (NEVER if none), due. */
const FIELDS = 5;
/** The last review of a card never reviewed: times are never negative, and rows stay plain JSON-like numbers. */
const NEVER = -1;

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

/** A card's numbers in its row: the one writer of `numbers`, as `cardAt` is its one reader. */
export function numbersOf(card: DigestedCard): number[] {
	const { state, stability, lastReview, due } = card.memory;
	return [card.suspended, state, stability, lastReview ?? NEVER, due];
}

/** Every card in the rows, as the statistics figures and the home screen's counts take them. */
export function digestedCards(rows: readonly DigestRow[]): StatsCard[] {
	return rows.flatMap((row) => row.ids.map((_, i) => cardAt(row, i)));
}

/** Every card in the rows with its id: to pick cards by their numbers, then read the few picked whole. */
export function digestedCardsWithIds(rows: readonly DigestRow[]): (StatsCard & { id: string })[] {
	return rows.flatMap((row) => row.ids.map((id, i) => ({ id, ...cardAt(row, i) })));
}

function cardAt(row: DigestRow, i: number): StatsCard {
	const number = (field: number) => itemAt(row.numbers, i * FIELDS + field);
	const lastReview = number(3);
	return {
		chapterId: row.chapterId,
		suspended: number(0) === 1 ? 1 : 0,
		memory: {
			state: number(1),
			stability: number(2),
			lastReview: lastReview === NEVER ? null : lastReview,
			due: number(4)
		}
	};
}

/** What the home screen counts of a chapter's active cards. */
export interface ChapterCounts {
	/** New cards a queue can take (not suspended), buried ones included. */
	queuedNew: number;
	total: number;
	/** Mastered (domain/stats/mastery.ts). */
	mastered: number;
}

/** Each chapter's counts from its digest rows: a few hundred rows for any collection, where index counts grow with it. */
export function chapterCounts(rows: readonly DigestRow[]): Map<string, ChapterCounts> {
	const counts = new Map<string, ChapterCounts>();
	for (const card of digestedCards(rows)) {
		const chapter = counts.get(card.chapterId) ?? { queuedNew: 0, total: 0, mastered: 0 };
		counts.set(card.chapterId, chapter);
		chapter.total++;
		if (card.memory.state === State.New && card.suspended === 0) chapter.queuedNew++;
		if (isMastered(card.memory)) chapter.mastered++;
	}
	return counts;
}

/** Where `cardId` is in the row's sorted ids, or would go. */
function position(row: DigestRow, cardId: string): number {
	let low = 0;
	let high = row.ids.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (itemAt(row.ids, middle) < cardId) low = middle + 1;
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

/** Bring the digest rows in line with cards written: read and write only the rows these cards fall in. */
async function update(db: ReportCardDb, changes: readonly CardChange[]): Promise<void> {
	const before = changes.flatMap((change) => (change.before ? [change.before] : []));
	const active = changes.map((change) => change.after).filter((card) => card.retired === 0);
	const keys = [...before, ...active].map((card) => rowKey(card.chapterId, card.id));
	const unique = [...new Map(keys.map((key) => [rowName(...key), key])).values()];
	if (unique.length === 0) return;
	const stored = await db.cardDigests.bulkGet(unique);
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
	const emptied = [...rows.values()]
		.filter((row) => row.ids.length === 0)
		.map((row): [string, number] => [row.chapterId, row.shard]);
	if (kept.length > 0) await db.cardDigests.bulkPut(kept);
	if (emptied.length > 0) await db.cardDigests.bulkDelete(emptied);
}

/** The digests of every card from scratch, as a rebuild adds them. */
function builder(db: ReportCardDb): ProjectionBuilder {
	const cards: DigestedCard[] = [];
	return {
		add(replayed: readonly ReplayedCard[]) {
			for (const { card } of replayed) {
				const { id, chapterId, retired, suspended, memory } = card;
				if (retired === 0) cards.push({ id, chapterId, retired, suspended, memory });
			}
		},
		async write() {
			await db.cardDigests.clear();
			await db.cardDigests.bulkPut(packDigests(cards));
		}
	};
}

/** Digest rows packing `cards` (all active). */
export function packDigests(cards: readonly DigestedCard[]): DigestRow[] {
	const rows = new Map<string, DigestRow>();
	for (const card of [...cards].sort((a, b) => compareStrings(a.id, b.id))) {
		const [chapterId, shard] = rowKey(card.chapterId, card.id);
		const key = rowName(chapterId, shard);
		const row = rows.get(key) ?? { chapterId, shard, ids: [], numbers: [] };
		rows.set(key, row);
		row.ids.push(card.id);
		row.numbers.push(...numbersOf(card));
	}
	return [...rows.values()];
}

export const cardDigests: Projection = { name: 'card digests', tables: ['cardDigests'], update, builder };
