/**
 * A review session: the queue of one chapter or all, the card shown, reveal, grading, undo several steps deep,
 * suspend and bury, typed answers, studying ahead, and the summary at the end.
 */
import type { SourceRef } from '../domain/deck/model';
import type { Grade } from '../domain/scheduling/review-log';
import { Rating } from '../domain/scheduling/review-log';
import type { StoredCard, StoredChapter } from '../domain/collection';
import { compareTyped, type TypedComparison } from '../domain/typing';
import type { StorageProblem } from '../domain/problems';
import { StaleGradeError } from '../storage/errors';
import { NO_CHAPTERS, chaptersById } from '../storage/chapters';
import {
	afterChange,
	buryCard,
	gradeCard,
	loadQueue,
	setSuspended,
	undoGrade,
	type QueueRead
} from '../storage/reviews';
import { studyMoreNew } from '../storage/settings';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

interface Answered {
	eventId: string;
	rating: Grade;
	durationMs: number;
}

export class ReviewSession {
	current = $state<StoredCard | null>(null);
	revealed = $state(false);
	remaining = $state(0);
	loaded = $state(false);
	/** The chapter being reviewed; undefined when reviewing all (or when the id is unknown: see `unknownChapter`). */
	chapter = $state<StoredChapter | undefined>();
	unknownChapter = $state(false);
	/** Every current chapter by id, to name the passage a card cites. */
	chapters = $state.raw(NO_CHAPTERS);
	/** Reviewing one paragraph (from the report map) that no card cites: the link is wrong or the deck changed. */
	unknownPassage = $state(false);
	/** Loading the queue and every change the learner makes, one at a time; a failure says why, the card stays. */
	readonly task = storageTask();
	/** When each grade would bring the shown card back (epoch ms), for the button labels. */
	previews = $state<Record<Grade, number> | null>(null);
	/** When the next card comes due, once nothing is left. */
	nextDue = $state<number | null>(null);
	/** New cards the daily limit keeps to another day (of those this queue could take). */
	heldBack = $state(0);
	/** The learner chose to study cards due in the coming days. */
	ahead = $state(false);
	typed = $state('');
	/** The grade the last undo took back, for screen readers ("Undid Good"). */
	lastUndone = $state<Grade | null>(null);
	/** This session's grades, newest last: the undo stack and the summary. */
	answered = $state<Answered[]>([]);

	/** How far through the day's queue the learner is: cards graded this session of those graded and left. */
	readonly progress = $derived({ done: this.answered.length, total: this.answered.length + this.remaining });

	readonly summary = $derived({
		cards: this.answered.length,
		timeMs: this.answered.reduce((sum, a) => sum + a.durationMs, 0),
		remembered: this.answered.filter((a) => a.rating !== Rating.Again).length
	});

	#shownAt = 0;

	constructor(
		private readonly storage: StorageSource,
		private readonly app: StudyContext,
		readonly chapterId?: string,
		readonly passage?: SourceRef
	) {}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	/** The learner types the hidden words of this card (a setting, for cards that have them). */
	get typing(): boolean {
		return this.app.study.typeAnswers && Boolean(this.current?.answer);
	}

	get comparison(): TypedComparison | null {
		const expected = this.current?.answer?.[this.app.contentLanguage];
		return this.typing && this.revealed && expected !== undefined ? compareTyped(this.typed, expected) : null;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	async start(): Promise<void> {
		await this.task.run(async () => {
			this.chapters = await chaptersById(this.db);
			if (this.chapterId) {
				this.chapter = this.chapters.get(this.chapterId);
				this.unknownChapter = !this.chapter;
			}
			await this.#next();
		});
	}

	/** The cards the queue was last built from: after a grade or an undo only the card changed is read again. */
	#read: QueueRead | null = null;

	/**
	 * Show the next card: due and new cards first, then learning cards coming back within minutes. `shown` (a card
	 * just undone) is shown instead, and counted from the queue like any other, so "left" never grows past the day's.
	 * `changed` is the card a grade or an undo just wrote, when that is all that changed; the queue is read afresh
	 * otherwise, and before it says nothing is left (another tab or device may have changed cards meanwhile).
	 */
	async #next(shown?: StoredCard, changed?: StoredCard): Promise<void> {
		const now = this.app.clock();
		const kept = changed && this.#read ? await afterChange(this.db, this.#read, changed, now) : undefined;
		const goesOn = kept && kept.queue.cards.length + kept.queue.soon.length > 0;
		const { queue, read } = goesOn
			? kept
			: await loadQueue(this.db, {
					now,
					settings: this.app.study,
					scheduler: this.app.scheduler,
					chapterId: this.chapterId,
					ahead: this.ahead,
					passage: this.passage
				});
		this.#read = read;
		const { cards } = read;
		if (this.passage) this.unknownPassage = cards.size === 0;
		const nextId = queue.cards[0] ?? queue.soon[0];
		this.show(shown ?? (nextId ? (cards.get(nextId) ?? null) : null), now);
		const left = [...queue.cards, ...queue.soon];
		this.remaining = left.length + (shown && !left.includes(shown.id) ? 1 : 0);
		this.heldBack = queue.heldBack;
		this.nextDue = queue.nextDue;
		this.loaded = true;
	}

	private show(card: StoredCard | null, now: number): void {
		// The previews first: a memory the scheduler refuses (damaged data) ends the read in its problem, instead of a
		// card on screen with no grades and a count of cards left never set.
		const previews = card ? this.app.scheduler.preview(card.memory, now, card.id) : null;
		this.current = card;
		this.revealed = false;
		this.typed = '';
		this.previews = previews;
		this.#shownAt = now;
	}

	reveal(): void {
		if (this.current) this.revealed = true;
	}

	/** Grade the shown card once; a second tap while the first is saving does nothing. */
	async grade(rating: Grade): Promise<void> {
		const card = this.current;
		if (!card || !this.revealed) return;
		await this.#write(async (now) => {
			const durationMs = now - this.#shownAt;
			const graded = await gradeCard(this.db, this.app.scheduler, {
				cardId: card.id,
				rating,
				now,
				durationMs,
				shownReps: card.memory.reps
			});
			this.answered = [...this.answered, { eventId: graded.event.id, rating, durationMs }];
			return graded.card;
		});
	}

	/** Undos tapped while one is being written: each is carried out in turn, none dropped. */
	#undosWaiting = 0;

	/**
	 * Take back the last grade of this session: the card returns exactly as it was and is shown again. Three quick taps
	 * take back three grades (as far as the session has them), one after the other.
	 */
	async undo(): Promise<void> {
		this.#undosWaiting++;
		if (this.#undosWaiting > 1) return;
		try {
			while (this.#undosWaiting > 0) {
				const last = this.answered.at(-1);
				if (!last) break;
				const done = await this.task.run(async () => {
					const card = await undoGrade(this.db, this.app.scheduler, last.eventId, this.app.clock());
					this.answered = this.answered.slice(0, -1);
					this.lastUndone = last.rating;
					await this.#next(card, card);
					return true;
				});
				// Refused (a grade still saving) or failed (the problem says why): the taps waiting are not carried out.
				if (!done) break;
				this.#undosWaiting--;
			}
		} finally {
			this.#undosWaiting = 0;
		}
	}

	async suspend(): Promise<void> {
		const card = this.current;
		if (card) await this.#write((now) => setSuspended(this.db, this.app.scheduler, card.id, true, now));
	}

	async bury(): Promise<void> {
		const card = this.current;
		if (card)
			await this.#write((now) => buryCard(this.db, this.app.scheduler, card.id, now, this.app.study.rolloverHour));
	}

	/** How many more new cards "Study more" lets in: a day's worth, or what is held back if fewer. */
	get moreNew(): number {
		return Math.min(this.heldBack, Math.max(this.app.study.newPerDay, 1));
	}

	/** Let today's limit take `moreNew` more new cards (for today only), and go on with them. */
	async studyMore(): Promise<void> {
		const count = this.moreNew;
		if (count === 0) return;
		await this.task.run(async () => {
			await studyMoreNew(this.db, this.app.clock(), this.app.study.rolloverHour, count);
			await this.#next();
		});
	}

	async studyAhead(): Promise<void> {
		this.ahead = true;
		await this.task.run(() => this.#next());
	}

	/**
	 * One write at a time; on failure the learner is told and the card stays; a card changed elsewhere moves on. An
	 * action that gives back the one card it changed (a grade) lets the queue be built without reading it again.
	 */
	async #write(action: (now: number) => Promise<StoredCard | void>): Promise<void> {
		await this.task.run(async () => {
			let changed: StoredCard | void;
			try {
				changed = await action(this.app.clock());
			} catch (error) {
				if (error instanceof StaleGradeError) await this.#next();
				throw error;
			}
			await this.#next(undefined, changed ?? undefined);
		});
	}
}
