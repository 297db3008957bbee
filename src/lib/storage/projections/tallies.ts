/**
 * Day tallies, a projection of the log (domain/stats/tallies.ts): per chapter and study day, the grades given and how
 * review-state cards fared. A write takes out the replay steps of its cards that no longer hold and adds the new ones;
 * a grade adds one step, an undo takes out the steps from the grade it cancels on (each later grade of the card was
 * counted with a memory that grade shaped), a card moved to another chapter takes its steps along.
 */
import { TallySums, addTally, emptyTally, type DayTally } from '../../domain/stats/tallies';
import type { ReportCardDb } from '../db';
import type { CardChange, Projection, ProjectionBuilder, ReplayedCard } from './projection';

async function update(db: ReportCardDb, changes: readonly CardChange[]): Promise<void> {
	const removed = new TallySums();
	const added = new TallySums();
	for (const change of changes) {
		if (change.before) removed.addSteps(change.before.chapterId, change.removed);
		added.addSteps(change.after.chapterId, change.added);
	}
	const parts = [
		...removed.tallies.map((part) => ({ part, sign: -1 as const })),
		...added.tallies.map((part) => ({ part, sign: 1 as const }))
	];
	if (parts.length === 0) return;
	const keyOf = (tally: DayTally): [string, number] => [tally.chapterId, tally.day];
	const keys = [...new Map(parts.map(({ part }) => [`${part.day} ${part.chapterId}`, keyOf(part)])).values()];
	const stored = await db.tallies.bulkGet(keys);
	const rows = new Map(keys.map((key, i) => [`${key[1]} ${key[0]}`, stored[i] ?? emptyTally(...key)]));
	for (const { part, sign } of parts) {
		const name = `${part.day} ${part.chapterId}`;
		rows.set(name, addTally(rows.get(name) ?? emptyTally(part.chapterId, part.day), part, sign));
	}
	// A tally left with no review is deleted, as a rebuild would never write it.
	const kept = [...rows.values()].filter((tally) => tally.reviews > 0);
	const emptied = [...rows.values()].filter((tally) => tally.reviews <= 0).map(keyOf);
	if (kept.length > 0) await db.tallies.bulkPut(kept);
	if (emptied.length > 0) await db.tallies.bulkDelete(emptied);
}

function builder(db: ReportCardDb): ProjectionBuilder {
	const sums = new TallySums();
	return {
		add(cards: readonly ReplayedCard[]) {
			for (const { card, steps } of cards) sums.addSteps(card.chapterId, steps);
		},
		async write() {
			await db.tallies.clear();
			await db.tallies.bulkPut(sums.tallies);
		}
	};
}

export const dayTallies: Projection = { name: 'day tallies', tables: ['tallies'], update, builder };
