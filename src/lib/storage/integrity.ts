/**
 * "Check data": find what should never be in the database and repair it without deleting anything, in one
 * transaction, and say what was done. A damaged log row is set aside (the Data page shows and downloads it); a row of
 * a card this device lacks stays in the log; a card whose cache disagrees with its log is replayed.
 */
import { isUsableEvent, repairCard, type IntegrityReport } from '../domain/scheduling/integrity';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import { groupBy } from '../domain/stats/group';
import type { ReportCardDb, SetAsideRow } from './db';
import { rebuildProjectionsWithin } from './projections/rebuild';
import { write, writeTransaction } from './projections/write';

export async function checkData(db: ReportCardDb, scheduler: Scheduler, now: number): Promise<IntegrityReport> {
	return writeTransaction(db, [db.setAside, db.settings], async () => {
		const [cards, keys, rows] = await Promise.all([
			db.cards.toArray(),
			db.reviews.toCollection().primaryKeys(),
			db.reviews.toArray() as Promise<unknown[]>
		]);
		const cardIds = new Set(cards.map((card) => card.id));
		const usable: ReviewEvent[] = [];
		const damaged: { key: string; row: unknown }[] = [];
		rows.forEach((row, i) => {
			if (isUsableEvent(row)) usable.push(row);
			else damaged.push({ key: keys[i] as string, row });
		});
		// Moved, not dropped: the row goes to the set-aside table in the same commit, whatever its shape.
		await db.setAside.bulkAdd(damaged.map(({ row }): SetAsideRow => ({ row, at: now })));
		await db.reviews.bulkDelete(damaged.map(({ key }) => key));
		const logs = groupBy(usable, (event) => event.cardId);
		const repairs = cards.flatMap((card) => repairCard(card, logs.get(card.id) ?? [], scheduler, now) ?? []);
		// A repaired card is written through the write path: its content (introducedAt mended) and its replay.
		await write(db, scheduler, {
			cards: repairs.map((repair) => repair.card),
			replay: repairs.map((repair) => repair.card.id)
		});
		// What the projections counted for a card whose cache was impossible cannot be taken out exactly: count again.
		if (repairs.length > 0 || damaged.length > 0) await rebuildProjectionsWithin(db, scheduler);
		return {
			cardsChecked: cards.length,
			reviewsChecked: rows.length,
			waitingReviews: usable.filter((event) => !cardIds.has(event.cardId)).length,
			setAsideReviews: damaged.length,
			impossibleCards: repairs.filter((repair) => repair.issue === 'impossible').length,
			staleCards: repairs.filter((repair) => repair.issue === 'stale').length
		};
	});
}

/** The log rows Check data set aside, oldest first: shown and downloadable on the Data page. */
export async function setAsideRows(db: ReportCardDb): Promise<SetAsideRow[]> {
	return db.setAside.toArray();
}
