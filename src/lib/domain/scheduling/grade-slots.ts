/**
 * Grade slots: the effective grades of the log counted per quarter of an hour, so that what the learner did today (for
 * the daily limits, and the cards whose siblings wait until tomorrow) is a few rows whatever the day's work. Reading
 * the day's log instead cost a row per event and then every graded card's row, on every queue build.
 *
 * Slots are quarters of an hour since the epoch rather than study days, because a study day starts at the learner's
 * rollover hour in local time, both of which can change. Every time zone's offset from UTC is a whole number of
 * quarter hours, so a study day is a run of whole slots, and the same slots serve whatever the rollover hour.
 *
 * A cache of the log, like a card's memory: each effective grade of a card's replay (its `ReplayStep`) adds to the
 * slot of its time, a write that changes a replay takes its old steps out and adds its new ones, and replaying every
 * card's log gives them all.
 */
import { compareStrings } from '../arrays';
import { State } from './memory';
import type { ReplayStep } from './progress';
import type { GradeEvent } from './review-log';
import type { GradedCard, TodaysCounts } from './queue';

export const SLOT_MS = 15 * 60 * 1000;

export interface GradeSlot {
	/** Quarter hours since the epoch: `slotOf` of its grades' times. */
	slot: number;
	/** Grades of cards that were new: cards started. */
	newStarted: number;
	/** Grades of cards in the review state: reviews answered, as the daily review limit counts them. */
	reviewsDone: number;
	/**
	 * One entry per grade: the card graded, in id order (a card graded twice is there twice), and its note at the same
	 * index. Two arrays rather than an object per card: at 1,000,000 grades the rows take 30 bytes a grade instead of 51.
	 */
	cardIds: string[];
	noteIds: string[];
}

/** The slot holding time `at`. */
export function slotOf(at: number): number {
	return Math.floor(at / SLOT_MS);
}

export function emptySlot(slot: number): GradeSlot {
	return { slot, newStarted: 0, reviewsDone: 0, cardIds: [], noteIds: [] };
}

/** Whether a slot counts nothing: a rebuild never writes such a slot, so a write deletes it. */
export function isEmptySlot(slot: GradeSlot): boolean {
	return slot.cardIds.length === 0;
}

/**
 * `slot` with `part` added (sign 1) or taken away (sign -1): a grade taken away takes one entry of its card with it.
 * Entries stay in card id order, so a slot is the same however its grades came in.
 */
export function addSlot(slot: GradeSlot, part: GradeSlot, sign: 1 | -1): GradeSlot {
	const entries = slot.cardIds.map((cardId, i) => [cardId, slot.noteIds[i] as string] as const);
	const partEntries = part.cardIds.map((cardId, i) => [cardId, part.noteIds[i] as string] as const);
	if (sign > 0) entries.push(...partEntries);
	else {
		for (const [cardId] of partEntries) {
			const at = entries.findIndex(([held]) => held === cardId);
			if (at >= 0) entries.splice(at, 1);
		}
	}
	entries.sort(([a, noteA], [b, noteB]) => compareStrings(a, b) || compareStrings(noteA, noteB));
	return {
		slot: slot.slot,
		newStarted: slot.newStarted + sign * part.newStarted,
		reviewsDone: slot.reviewsDone + sign * part.reviewsDone,
		cardIds: entries.map(([cardId]) => cardId),
		noteIds: entries.map(([, noteId]) => noteId)
	};
}

/** Slots summed as grades come in: a write's removed or added steps, or a rebuild's every step. */
export class SlotSums {
	readonly #bySlot = new Map<number, GradeSlot>();

	/** One grade of card `cardId` (of note `noteId`). */
	addGrade(cardId: string, noteId: string, event: GradeEvent): void {
		const key = slotOf(event.at);
		const slot = this.#bySlot.get(key) ?? emptySlot(key);
		this.#bySlot.set(key, slot);
		// The state the card was in when graded, as the event records it: what the daily limits count.
		if (event.stateBefore === State.New) slot.newStarted++;
		else if (event.stateBefore === State.Review) slot.reviewsDone++;
		slot.cardIds.push(cardId);
		slot.noteIds.push(noteId);
	}

	/** The grades among a card's replay steps. */
	addSteps(cardId: string, noteId: string, steps: readonly ReplayStep[]): this {
		for (const { event } of steps) if (event.kind === 'grade') this.addGrade(cardId, noteId, event);
		return this;
	}

	/** The slots, each in card id order. */
	get slots(): GradeSlot[] {
		return [...this.#bySlot.values()].map((slot) => addSlot(emptySlot(slot.slot), slot, 1));
	}
}

/** What was done in a study day: its counts for the queue, and every grade given (home's "grades today"). */
export interface DayWork extends TodaysCounts {
	graded: GradedCard[];
	/** Grades given and not undone, whatever the card's state. */
	gradesGiven: number;
}

/** What the slots of a study day say was done in it. */
export function dayWorkOf(slots: readonly GradeSlot[]): DayWork {
	const graded = new Map<string, GradedCard>();
	let newStarted = 0;
	let reviewsDone = 0;
	let gradesGiven = 0;
	for (const slot of slots) {
		newStarted += slot.newStarted;
		reviewsDone += slot.reviewsDone;
		gradesGiven += slot.cardIds.length;
		slot.cardIds.forEach((cardId, i) => {
			if (!graded.has(cardId)) graded.set(cardId, { cardId, noteId: slot.noteIds[i] as string });
		});
	}
	return { newStarted, reviewsDone, graded: [...graded.values()], gradesGiven };
}
