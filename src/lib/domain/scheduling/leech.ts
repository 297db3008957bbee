/**
 * Leeches: cards the learner keeps forgetting (Anki's name and default threshold). Reviewing one again and again
 * costs time and teaches little; the app marks it and offers to read its passage of the report again, or to suspend it.
 */
import type { MemoryState } from './memory';

/** Whether a card has lapsed (been forgotten after it was learned) at least `threshold` times. */
export function isLeech(memory: Pick<MemoryState, 'lapses'>, threshold: number): boolean {
	return memory.lapses >= threshold;
}
