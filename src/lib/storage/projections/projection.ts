/**
 * A projection: a store derived from cards and the review log, kept by the one write path (write.ts) and rebuilt from
 * scratch when its marker says so (rebuild.ts). Each one says which tables it owns, what a write does to them, and how
 * they are built from every card and its replay.
 */
import type { StoredCard } from '../../domain/collection';
import type { ReplayStep } from '../../domain/scheduling/progress';
import type { ReportCardDb } from '../db';

/** A card as the write path stored it, with its replay. */
export interface ReplayedCard {
	card: StoredCard;
	steps: readonly ReplayStep[];
}

/** How one card changed in one write. */
export interface CardChange {
	/** The row as it was; undefined for a card the write creates. */
	before: StoredCard | undefined;
	/** The row as written. */
	after: StoredCard;
	/** Steps of the card's replay that no longer hold, counted where `before` was (its chapter). */
	removed: readonly ReplayStep[];
	/** Steps of the card's replay that did not hold before, counted where `after` is. */
	added: readonly ReplayStep[];
}

/** A rebuild in progress: cards come a step at a time (the log never sits whole in memory). */
export interface ProjectionBuilder {
	add(cards: readonly ReplayedCard[]): void;
	/** Replace the projection's tables with what was added. */
	write(): Promise<void>;
}

export interface Projection {
	readonly name: string;
	/** Tables only this projection writes: every transaction of the write path takes them. */
	readonly tables: readonly string[];
	/** Bring its tables in line with one write, inside the writer's transaction. */
	update(db: ReportCardDb, changes: readonly CardChange[]): Promise<void>;
	/** Start building its tables from scratch. */
	builder(db: ReportCardDb): ProjectionBuilder;
}
