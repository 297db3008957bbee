/**
 * Rebuilding the statistics caches (stats-caches.ts) from every card and the whole log: after a schema upgrade, a
 * repair or a deleted deck, on the statistics page's next visit, and within a restore. A module of its own so that only
 * the pages that rebuild load it, not every page that grades.
 */
import type { Scheduler } from '../domain/scheduling/scheduler';
import { groupBy } from '../domain/stats/group';
import { TallySums } from '../domain/stats/tallies';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { numbersOf, rowKey, rowName, type DigestRow, type DigestedCard } from './digests';
import { setSetting } from './settings';
import { MARKER, STATS_CACHES_VERSION, statsCachesStale } from './stats-caches';

/**
 * Build the caches again from every card and the whole log, in one transaction so no grade slips between the read
 * and the write. Costly at scale (the log is read and replayed whole): only when the marker is missing.
 */
export async function rebuildStatsCaches(db: ReportCardDb, scheduler: Scheduler): Promise<void> {
	await db.transaction('rw', [db.cards, db.reviews, db.cardDigests, db.tallies, db.settings], async () => {
		if (await statsCachesStale(db)) await rebuildStatsCachesWithin(db, scheduler);
	});
}

/** Cards counted per step of a rebuild: the log is read a step of cards at a time, so it never sits whole in memory. */
const REBUILD_STEP = 1000;

/**
 * The rebuild, inside the caller's transaction over cards, reviews, cardDigests, tallies and settings: for a write
 * that changes everything anyway (a restore) and leaves the caches right in the same commit. Cards go in id order, a
 * step at a time, each step's log read as one key range of the cardId index.
 */
export async function rebuildStatsCachesWithin(db: ReportCardDb, scheduler: Scheduler): Promise<void> {
	const digested: DigestedCard[] = [];
	const tallies = new TallySums();
	for (let after: string | null = null; ;) {
		const cards: StoredCard[] = await (after === null ? db.cards.orderBy(':id') : db.cards.where(':id').above(after))
			.limit(REBUILD_STEP)
			.toArray();
		if (cards.length === 0) break;
		const first = cards[0].id;
		after = cards[cards.length - 1].id;
		const logs = groupBy(
			await db.reviews.where('cardId').between(first, after, true, true).toArray(),
			(event) => event.cardId
		);
		tallies.addLogs(
			cards.map((card) => ({
				chapterId: card.chapterId,
				introducedAt: card.introducedAt,
				events: logs.get(card.id) ?? []
			})),
			scheduler
		);
		for (const { id, chapterId, retired, suspended, memory } of cards)
			digested.push({ id, chapterId, retired, suspended, memory });
	}
	await Promise.all([db.cardDigests.clear(), db.tallies.clear()]);
	await Promise.all([db.cardDigests.bulkPut(buildDigests(digested)), db.tallies.bulkPut(tallies.tallies)]);
	await setSetting(db, MARKER, STATS_CACHES_VERSION);
}

/** The digests of `cards` from scratch: for a rebuild. */
function buildDigests(cards: readonly DigestedCard[]): DigestRow[] {
	const rows = new Map<string, DigestRow>();
	for (const card of [...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
		if (card.retired === 1) continue;
		const [chapterId, shard] = rowKey(card.chapterId, card.id);
		const key = rowName(chapterId, shard);
		const row = rows.get(key) ?? { chapterId, shard, ids: [], numbers: [] };
		rows.set(key, row);
		row.ids.push(card.id);
		row.numbers.push(...numbersOf(card));
	}
	return [...rows.values()];
}
