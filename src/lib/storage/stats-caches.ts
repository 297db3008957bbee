/**
 * The statistics caches: card digests (digests.ts) and day tallies (domain/stats/tallies.ts), so the statistics page
 * never reads every card or the whole log.
 *
 * They are right while the `statsCaches` marker holds STATS_CACHES_VERSION: digests are kept by a middleware, tallies
 * by the writers of the log that take `db.tallies` into their transaction (grading, undoing, resetting, quiz answers,
 * a restore). Any other write of the log (a repair, deleting a deck) drops the marker in the same transaction, through
 * `logWriteMiddleware`, and so does a content update that moves cards between chapters; the statistics page then
 * rebuilds them once.
 */
import type { DBCore, Middleware } from 'dexie';
import type { GradeEvent, ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import {
	addTally,
	emptyTally,
	gradeTally,
	logTallies,
	type DayTally,
	type MemoryBefore
} from '../domain/stats/tallies';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { takingAlong } from './middleware';
import { getSetting } from './settings';

/** Raise when the caches' meaning changes: every device then rebuilds them on its next visit to the statistics page. */
export const STATS_CACHES_VERSION = 1;
export const MARKER = 'statsCaches';

/** Whether the statistics caches need a rebuild (`rebuildStatsCaches`) before `loadStatsSource` can be trusted. */
export async function statsCachesStale(db: ReportCardDb): Promise<boolean> {
	return (await getSetting(db, MARKER)) !== STATS_CACHES_VERSION;
}

/** Drop the marker: call inside a transaction (with settings) that moves cards between chapters. */
export async function invalidateStatsCaches(db: ReportCardDb): Promise<void> {
	await db.settings.delete(MARKER);
}

/**
 * A write of the log in a transaction without `tallies` drops the marker in that transaction: a writer that does not
 * keep the tallies can never leave them claiming to be right. Read-write transactions on the log therefore also take
 * the settings.
 */
export function logWriteMiddleware(): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'statsMarker',
		create: (down) => ({
			...down,
			transaction: takingAlong(down, 'reviews', 'settings'),
			table: (name) => {
				const table = down.table(name);
				if (name !== 'reviews') return table;
				return {
					...table,
					mutate: async (request) => {
						const response = await table.mutate(request);
						const stores = (request.trans as IDBTransaction).objectStoreNames;
						const rows =
							request.type === 'deleteRange'
								? 1
								: request.type === 'delete'
									? request.keys.length
									: request.values.length;
						if (rows > 0 && !stores.contains('tallies') && stores.contains('settings')) {
							await down.table('settings').mutate({ type: 'delete', trans: request.trans, keys: [MARKER] });
						}
						return response;
					}
				};
			}
		})
	};
}

/** Add `part` to its stored tally (sign 1) or take it away (sign -1); a tally left with no review is deleted. */
async function applyTally(db: ReportCardDb, part: DayTally, sign: 1 | -1): Promise<void> {
	const key: [string, number] = [part.chapterId, part.day];
	const tally = addTally((await db.tallies.get(key)) ?? emptyTally(part.chapterId, part.day), part, sign);
	if (tally.reviews > 0) await db.tallies.put(tally);
	else await db.tallies.delete(key);
}

/**
 * Count a new grade in its chapter's day with the memory its card had just before it. Call inside the transaction
 * that writes the grade, with `db.tallies` in it.
 */
export async function countGrade(
	db: ReportCardDb,
	card: Pick<StoredCard, 'chapterId'>,
	event: GradeEvent,
	before: MemoryBefore
): Promise<void> {
	await applyTally(db, gradeTally(card.chapterId, event, before), 1);
}

/**
 * Count a card's history again after its log changed from `before` to `after` (an undo): take out what the old log
 * counted and add what the new one counts, since one grade changes how every later grade of the card counts.
 */
export async function recountCard(
	db: ReportCardDb,
	scheduler: Scheduler,
	card: Pick<StoredCard, 'chapterId' | 'introducedAt'>,
	before: readonly ReviewEvent[],
	after: readonly ReviewEvent[]
): Promise<void> {
	const count = (events: readonly ReviewEvent[]) =>
		logTallies([{ chapterId: card.chapterId, introducedAt: card.introducedAt, events }], scheduler);
	for (const part of count(before)) await applyTally(db, part, -1);
	for (const part of count(after)) await applyTally(db, part, 1);
}
