/** The day's review queue: which cards to show, in what order. Pure: takes the cards' states and `now`. */
import { State, type MemoryState } from './memory';

export interface QueueCard {
	id: string;
	/** Report order, for introducing new cards in reading order. */
	order: number;
	memory: MemoryState;
	suspended: 0 | 1;
	buriedUntil: number;
}

export interface QueueLimits {
	/** New cards a learner may start per study day. */
	newPerDay: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { newPerDay: 20 };

/** A learning card due this soon is shown early rather than ending the session (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

export interface Queue {
	/** Cards to show now, in order: reviews and learning cards by due date, new cards interleaved in report order. */
	cards: string[];
	/** Learning cards coming back within the learn-ahead limit, to show when nothing else is left. */
	soon: string[];
	dueCount: number;
	newCount: number;
}

/** Whether a card already introduced counts as due: a review card any time today, a learning card right now. */
export function isDue(memory: MemoryState, now: number, dayEnd: number): boolean {
	if (memory.state === State.New) return false;
	return memory.state === State.Review ? memory.due < dayEnd : memory.due <= now;
}

/**
 * Build the queue. `newStartedToday` is how many new cards the learner already began this study day, so the daily
 * limit holds across sessions.
 */
export function buildQueue(
	cards: readonly QueueCard[],
	now: number,
	dayEnd: number,
	newStartedToday: number,
	limits: QueueLimits = DEFAULT_QUEUE_LIMITS
): Queue {
	cards = cards.filter((card) => card.suspended === 0 && card.buriedUntil <= now);
	const due = cards.filter((c) => isDue(c.memory, now, dayEnd)).sort((a, b) => a.memory.due - b.memory.due);
	const fresh = cards
		.filter((c) => c.memory.state === State.New)
		.sort((a, b) => a.order - b.order)
		.slice(0, Math.max(0, limits.newPerDay - newStartedToday));
	const soon = cards
		.filter((c) => c.memory.state !== State.New && c.memory.state !== State.Review)
		.filter((c) => c.memory.due > now && c.memory.due <= now + LEARN_AHEAD_MS)
		.sort((a, b) => a.memory.due - b.memory.due);
	return {
		cards: interleave(
			due.map((c) => c.id),
			fresh.map((c) => c.id)
		),
		soon: soon.map((c) => c.id),
		dueCount: due.length,
		newCount: fresh.length
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
		result.push(takeMinor ? minor[n++] : major[m++]);
	}
	return result;
}
