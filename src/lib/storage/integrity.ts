/** "Check data": find and repair what should never be in the database, in one transaction, and say what was done. */
import { isUsableEvent, repairCard } from '../domain/scheduling/integrity';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { StoredCard } from '../domain/sync/content-sync';
import { groupByCard } from './backup';
import type { ReportCardDb } from './db';

export interface IntegrityReport {
	cardsChecked: number;
	reviewsChecked: number;
	/** Log rows about cards that no longer exist: removed. */
	orphanReviews: number;
	/** Log rows with missing or impossible values (a NaN time, an unknown rating): removed, the replay cannot use them. */
	brokenReviews: number;
	/** Cards with numbers no schedule can have (NaN stability or due): rebuilt from their log. */
	impossibleCards: number;
	/** Cards whose cached state disagreed with their log: rebuilt from it. */
	staleCards: number;
}

export function repairsMade(report: IntegrityReport): number {
	return report.orphanReviews + report.brokenReviews + report.impossibleCards + report.staleCards;
}

export async function checkData(db: ReportCardDb, scheduler: Scheduler, now: number): Promise<IntegrityReport> {
	return db.transaction('rw', [db.cards, db.reviews], async () => {
		const [cards, rows] = await Promise.all([db.cards.toArray(), db.reviews.toArray() as Promise<unknown[]>]);
		const cardIds = new Set(cards.map((card) => card.id));
		const usable: ReviewEvent[] = [];
		const broken: unknown[] = [];
		const orphans: ReviewEvent[] = [];
		for (const row of rows) {
			if (!isUsableEvent(row)) broken.push(row);
			else if (!cardIds.has(row.cardId)) orphans.push(row);
			else usable.push(row);
		}
		// A broken row may lack a usable id; delete by whatever primary key it is stored under.
		await db.reviews.bulkDelete([...broken.map(primaryKeyOf), ...orphans.map((row) => row.id)]);
		const logs = groupByCard(usable);
		const repairs = cards.flatMap((card) => repairCard(card, logs.get(card.id) ?? [], scheduler, now) ?? []);
		await db.cards.bulkPut(repairs.map((repair): StoredCard => repair.card));
		const report = {
			cardsChecked: cards.length,
			reviewsChecked: rows.length,
			orphanReviews: orphans.length,
			brokenReviews: broken.length,
			impossibleCards: repairs.filter((repair) => repair.issue === 'impossible').length,
			staleCards: repairs.filter((repair) => repair.issue === 'stale').length
		};
		return report;
	});
}

function primaryKeyOf(row: unknown): string {
	return (row as { id: string }).id;
}
