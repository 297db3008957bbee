/** The day's review queue: which cards to show, in what order. Pure: takes the cards' states and `now`. */
import { compareStrings, itemAt } from '../arrays';
import type { StudySettings } from '../settings';
import { State, type MemoryState } from './memory';
import { DAY_MS } from '../time';

export interface QueueCard {
	id: string;
	/** Report order, for introducing new cards in reading order. */
	order: number;
	memory: MemoryState;
	suspended: 0 | 1;
	buriedUntil: number;
	/** The note the card comes from: cloze gaps of one sentence, a card and its reverse share it. */
	noteId?: string;
}

export type QueueLimits = Pick<StudySettings, 'newPerDay' | 'reviewsPerDay'> &
	Partial<Pick<StudySettings, 'burySiblings'>>;

/** A card graded today (not undone), and its note: its siblings wait until tomorrow. */
export interface GradedCard {
	cardId: string;
	noteId: string;
}

/** What the learner already did this study day, so the daily limits hold across sessions. */
export interface TodaysCounts {
	newStarted: number;
	reviewsDone: number;
	/** The cards graded today, for keeping their siblings to another day. */
	graded?: readonly GradedCard[];
}

/** For counting a chapter's or a paragraph's cards, where the day's limits do not apply. */
export const NO_LIMITS: QueueLimits = { newPerDay: Infinity, reviewsPerDay: Infinity, burySiblings: false };
export const NOTHING_DONE: TodaysCounts = { newStarted: 0, reviewsDone: 0 };

/** A learning card due this soon is shown early rather than ending the session (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;
/** Studying ahead takes review cards due within this many days after today. */
export const STUDY_AHEAD_DAYS = 7;

export interface Queue {
	/** Cards to show now, in order: reviews and learning cards by due date, new cards interleaved in report order. */
	cards: string[];
	/** Learning cards coming back within the learn-ahead limit, to show when nothing else is left. */
	soon: string[];
	dueCount: number;
	newCount: number;
	/** New cards the daily limit keeps to another day, among those read (at most what was read beyond the limit). */
	heldBack: number;
	/** When the next started card not in this queue comes due (epoch ms), or null if none will. */
	nextDue: number | null;
}

/** Whether a card already started counts as due: a review card any time today, a learning card right now. */
export function isDue(memory: MemoryState, now: number, dayEnd: number): boolean {
	if (memory.state === State.New) return false;
	return memory.state === State.Review ? memory.due < dayEnd : memory.due <= now;
}

const NO_CRAM: ReadonlySet<string> = new Set();

/**
 * Cards in queue order: by due time, and cards due at the same moment by id, so the queue is the same whatever order
 * its cards were read in (a full read, or the cards kept from one with a card changed).
 */
function byDue(a: QueueCard, b: QueueCard): number {
	return a.memory.due - b.memory.due || compareStrings(a.id, b.id);
}

/**
 * Build the queue. With `ahead`, review cards due in the next days join it (the learner chose to study ahead); the
 * `cram` cards (in an exam's last days, those that would fall below the target by then) join it as if due, after the
 * cards due today and within the same review limit.
 */
export function buildQueue(
	all: readonly QueueCard[],
	now: number,
	dayEnd: number,
	today: TodaysCounts,
	limits: QueueLimits,
	ahead = false,
	cram = NO_CRAM
): Queue {
	const cards = all.filter((card) => card.suspended === 0 && card.buriedUntil <= now);
	const reviewEnd = ahead ? dayEnd + STUDY_AHEAD_DAYS * DAY_MS : dayEnd;
	const due = cards
		.filter((c) => isDue(c.memory, now, reviewEnd) || (cram.has(c.id) && c.memory.state === State.Review))
		.sort(byDue);
	// Learning cards are never held back by the review limit: they are mid-lesson.
	const learning = due.filter((c) => c.memory.state !== State.Review);
	const reviews = due
		.filter((c) => c.memory.state === State.Review)
		.slice(0, Math.max(0, limits.reviewsPerDay - today.reviewsDone));
	const dueNow = [...learning, ...reviews].sort(byDue);
	// Only new cards wait for a sibling: a card due is never held back, so "due" reads the same on every screen
	// (home's tiles, its chapter rows, the map), which count from the cards' due dates alone.
	const sibling = siblingRule(limits.burySiblings === true, today.graded ?? [], dueNow);
	const allFresh = cards
		.filter((c) => c.memory.state === State.New)
		.sort((a, b) => a.order - b.order || compareStrings(a.id, b.id))
		.filter((c) => sibling.takes(c));
	const fresh = allFresh.slice(0, Math.max(0, limits.newPerDay - today.newStarted));
	const soon = cards
		.filter((c) => c.memory.state === State.Learning || c.memory.state === State.Relearning)
		.filter((c) => c.memory.due > now && c.memory.due <= now + LEARN_AHEAD_MS)
		.sort(byDue);
	const queued = new Set([...dueNow, ...soon].map((c) => c.id));
	const later = cards.filter((c) => c.memory.state !== State.New && !queued.has(c.id)).map((c) => c.memory.due);
	return {
		cards: interleave(
			dueNow.map((c) => c.id),
			fresh.map((c) => c.id)
		),
		soon: soon.map((c) => c.id),
		dueCount: dueNow.length,
		newCount: fresh.length,
		heldBack: allFresh.length - fresh.length,
		nextDue: later.length > 0 ? Math.min(...later) : null
	};
}

/**
 * Siblings (cards of one note: cloze gaps of a sentence, a card and its reverse) are not started the same day, as
 * Anki buries new siblings: a new card waits until tomorrow when another card of its note was graded today, is due
 * today, or comes earlier in today's queue. Decided from what was graded today, so nothing is written and an undo
 * brings the sibling back.
 */
function siblingRule(on: boolean, graded: readonly GradedCard[], dueNow: readonly QueueCard[]) {
	const gradedOf = new Map<string, Set<string>>();
	for (const { cardId, noteId } of graded) gradedOf.set(noteId, (gradedOf.get(noteId) ?? new Set()).add(cardId));
	const taken = new Set(dueNow.flatMap((card) => (card.noteId === undefined ? [] : [card.noteId])));
	return {
		/** Whether the queue takes `card` (in queue order); a card taken holds its siblings back. */
		takes(card: QueueCard): boolean {
			const note = card.noteId;
			if (!on || note === undefined) return true;
			const others = [...(gradedOf.get(note) ?? [])].filter((id) => id !== card.id);
			if (others.length > 0 || taken.has(note)) return false;
			taken.add(note);
			return true;
		}
	};
}

/** Spread `minor` evenly through `major`, keeping the order of each. */
function interleave(major: string[], minor: string[]): string[] {
	const result: string[] = [];
	let m = 0;
	let n = 0;
	while (m < major.length || n < minor.length) {
		// Take from `minor` whenever its share of progress lags behind `major`'s.
		const takeMinor = n < minor.length && (m >= major.length || n * major.length < m * minor.length);
		result.push(takeMinor ? itemAt(minor, n++) : itemAt(major, m++));
	}
	return result;
}
