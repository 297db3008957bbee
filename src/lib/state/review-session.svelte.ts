/** A review session: the queue of one chapter or all, the card shown, reveal, and grading. */
import type { SourceRef } from '../domain/deck/model';
import { Scheduler } from '../domain/scheduling/scheduler';
import type { Grade } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb, StoredChapter } from '../storage/db';
import { findChapter } from '../storage/overview';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { gradeCard, loadQueue } from '../storage/reviews';
import type { Clock } from './app.svelte';

export class ReviewSession {
	current = $state<StoredCard | null>(null);
	revealed = $state(false);
	remaining = $state(0);
	reviewed = $state(0);
	loaded = $state(false);
	/** The chapter being reviewed; undefined when reviewing all (or when the id is unknown: see `unknownChapter`). */
	chapter = $state<StoredChapter | undefined>();
	unknownChapter = $state(false);
	/** Reviewing one paragraph (from the report map) that no card cites: the link is wrong or the deck changed. */
	unknownPassage = $state(false);
	/** The last write that failed, to explain; the card stays as it was. */
	problem = $state<StorageProblem | null>(null);
	#busy = false;
	#shownAt = 0;

	constructor(
		private readonly db: ReportCardDb,
		private readonly clock: Clock,
		readonly chapterId?: string,
		private readonly scheduler = new Scheduler(),
		readonly passage?: SourceRef
	) {}

	async start(): Promise<void> {
		if (this.chapterId) {
			this.chapter = await findChapter(this.db, this.chapterId);
			this.unknownChapter = !this.chapter;
		}
		await this.next();
	}

	/** Show the next card: due and new cards first, then learning cards coming back within minutes. */
	async next(): Promise<void> {
		const now = this.clock();
		const { queue, cards } = await loadQueue(this.db, now, this.chapterId, undefined, this.passage);
		if (this.passage) this.unknownPassage = cards.size === 0;
		const nextId = queue.cards[0] ?? queue.soon[0];
		this.current = nextId ? (cards.get(nextId) ?? null) : null;
		this.remaining = queue.cards.length + queue.soon.length;
		this.revealed = false;
		this.loaded = true;
		this.#shownAt = now;
	}

	reveal(): void {
		if (this.current) this.revealed = true;
	}

	/** Grade the shown card once; a second tap while the first is saving does nothing. */
	async grade(rating: Grade): Promise<void> {
		const card = this.current;
		if (!card || !this.revealed || this.#busy) return;
		this.#busy = true;
		const now = this.clock();
		try {
			await gradeCard(this.db, this.scheduler, {
				cardId: card.id,
				rating,
				now,
				durationMs: now - this.#shownAt,
				shownReps: card.memory.reps
			});
			this.problem = null;
			this.reviewed++;
			await this.next();
		} catch (error) {
			this.problem = storageProblem(error);
			if (this.problem === 'stale') await this.next();
		} finally {
			this.#busy = false;
		}
	}
}
