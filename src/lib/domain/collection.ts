/**
 * The learner's collection as the device keeps it: the shipped (or imported) content plus the progress that outlives
 * edits. Storage stores these shapes; state and components read them.
 */
import type { Card, Chapter, Question } from './deck/model';
import type { MemoryState } from './scheduling/memory';

/** What the database keeps per card: the shipped content plus progress that outlives edits. */
export interface StoredCard extends Card {
	/** When the card first reached this device; the starting point when its log is replayed. */
	introducedAt: number;
	/** 1 once the card is no longer in its deck (a number, since IndexedDB cannot index booleans). */
	retired: 0 | 1;
	/** Cache of replaying the card's review log. */
	memory: MemoryState;
	/** Copy of memory.due, indexed for the queue. */
	due: number;
	/** 1 while the learner keeps the card out of every queue (a cache of the log's suspend events). */
	suspended: 0 | 1;
	/** Kept out of the queue until this time (epoch ms); 0 when not buried (a cache of the log's bury events). */
	buriedUntil: number;
}

/** A card row's content and origin: everything but the progress its log decides. */
export type CardContent = Omit<StoredCard, 'memory' | 'due' | 'suspended' | 'buriedUntil'>;

/** A chapter as stored: retired once its deck no longer has it. */
export interface StoredChapter extends Chapter {
	retired: 0 | 1;
}

export type StoredQuestion = Question & { retired: 0 | 1 };
