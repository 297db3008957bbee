/**
 * Grade slots, a projection of the log (domain/scheduling/grade-slots.ts): the effective grades per quarter hour, with
 * the cards graded and their notes, for what the learner did today. A write takes out the grades of replay steps that
 * no longer hold, counted with the card's note before, and adds the new ones with its note after.
 */
import { SlotSums, addSlot, emptySlot, isEmptySlot } from '../../domain/scheduling/grade-slots';
import type { ReportCardDb } from '../db';
import type { CardChange, Projection, ProjectionBuilder } from './projection';

async function update(db: ReportCardDb, changes: readonly CardChange[]): Promise<void> {
	const removed = new SlotSums();
	const added = new SlotSums();
	for (const { before, after, removed: gone, added: come } of changes) {
		if (before) removed.addSteps(before.id, before.noteId, gone);
		added.addSteps(after.id, after.noteId, come);
	}
	const parts = [
		...removed.slots.map((part) => ({ part, sign: -1 as const })),
		...added.slots.map((part) => ({ part, sign: 1 as const }))
	];
	if (parts.length === 0) return;
	const keys = [...new Set(parts.map(({ part }) => part.slot))];
	const stored = await db.gradeSlots.bulkGet(keys);
	const rows = new Map(keys.map((key, i) => [key, stored[i] ?? emptySlot(key)]));
	// Removals first: a card that moved note in this write is left with the note it has now.
	for (const { part, sign } of parts)
		rows.set(part.slot, addSlot(rows.get(part.slot) ?? emptySlot(part.slot), part, sign));
	const kept = [...rows.values()].filter((slot) => !isEmptySlot(slot));
	const emptied = [...rows.values()].filter(isEmptySlot).map((slot) => slot.slot);
	if (kept.length > 0) await db.gradeSlots.bulkPut(kept);
	if (emptied.length > 0) await db.gradeSlots.bulkDelete(emptied);
}

function builder(db: ReportCardDb): ProjectionBuilder {
	const sums = new SlotSums();
	return {
		add(cards) {
			for (const { card, steps } of cards) sums.addSteps(card.id, card.noteId, steps);
		},
		async write() {
			await db.gradeSlots.clear();
			await db.gradeSlots.bulkPut(sums.slots);
		}
	};
}

export const gradeSlots: Projection = { name: 'grade slots', tables: ['gradeSlots'], update, builder };
