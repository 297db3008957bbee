/**
 * Building every projection from scratch, from every card and its whole log: after a schema upgrade, when rows were
 * written straight into IndexedDB, and within a restore. A module of its own so that only the pages that rebuild load
 * it, not every page that grades.
 */
import type { StoredCard } from '../../domain/collection';
import { groupBy } from '../../domain/stats/group';
import { replay } from '../../domain/scheduling/progress';
import type { Scheduler } from '../../domain/scheduling/scheduler';
import type { ReportCardDb } from '../db';
import { PROJECTIONS } from './index';
import { markProjectionsBuilt, projectionsStale } from './marker';
import { writeTransaction } from './write';

/** Cards replayed per step of a rebuild: the log is read a step of cards at a time, so it never sits whole in memory. */
const REBUILD_STEP = 1000;

/**
 * Build the projections again if their marker is missing, in one transaction so no grade slips between the read and
 * the write. Costly at scale (the log is read and replayed whole): only when the marker is missing.
 */
export async function rebuildProjections(db: ReportCardDb, scheduler: Scheduler): Promise<void> {
	await writeTransaction(db, [db.settings], async () => {
		if (await projectionsStale(db)) await rebuildProjectionsWithin(db, scheduler);
	});
}

/**
 * The rebuild, inside the caller's write transaction (with settings): for a write that changes everything anyway (a
 * restore) and leaves the projections right in the same commit. Cards go in id order, a step at a time, each step's
 * log read as one key range of the cardId index. Replays with the cards' cached state as stored: the write path keeps
 * it equal to the replay, and Check data repairs a card where it is not.
 */
export async function rebuildProjectionsWithin(db: ReportCardDb, scheduler: Scheduler): Promise<void> {
	const builders = PROJECTIONS.map((projection) => projection.builder(db));
	for (let after: string | null = null; ;) {
		const cards: StoredCard[] = await (after === null ? db.cards.orderBy(':id') : db.cards.where(':id').above(after))
			.limit(REBUILD_STEP)
			.toArray();
		const first = cards[0];
		const last = cards.at(-1);
		if (!first || !last) break;
		after = last.id;
		const logs = groupBy(
			await db.reviews.where('cardId').between(first.id, last.id, true, true).toArray(),
			(event) => event.cardId
		);
		const replayed = cards.map((card) => ({
			card,
			steps: replay(scheduler, card.introducedAt, logs.get(card.id) ?? []).steps
		}));
		for (const builder of builders) builder.add(replayed);
	}
	for (const builder of builders) await builder.write();
	await markProjectionsBuilt(db);
}
