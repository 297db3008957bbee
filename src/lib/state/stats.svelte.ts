/**
 * The statistics page. Cards and the review log are read once; each group of figures appears as soon as its data is
 * in (the cards first, then the log, then true retention, which replays every card's log in slices so the page stays
 * responsive). Each card's share of the retention table is kept, so choosing a chapter adds up and shows at once.
 */
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { DayActivity } from '../domain/stats/activity';
import {
	cardFigures,
	cardLogs,
	chapterCards,
	eventsOf,
	reviewYear,
	type CardFigures,
	type StatsCard
} from '../domain/stats/report';
import { cardRetention, retentionWindows, sumRetention, type RetentionRow } from '../domain/stats/retention';
import type { ReportCardDb, StoredChapter } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { loadReviewLog, loadStatsCards } from '../storage/stats';
import type { StudyContext } from './app.svelte';

/** Cards replayed between two pauses: a few tens of milliseconds of work. */
const REPLAY_SLICE = 500;

/** Let the browser paint and handle input before going on. */
function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

export class StatsState {
	chapters = $state.raw<StoredChapter[]>([]);
	/** The chapter shown, or null for the whole report. */
	chapterId = $state<string | null>(null);
	/** The address named a chapter that does not exist; the whole report is shown instead. */
	unknownChapter = $state(false);
	problem = $state<StorageProblem | null>(null);
	/** Fixed when the page loads, so every figure on it is for the same moment. */
	readonly now: number;

	// Raw, not deeply reactive: a long log would otherwise be wrapped in proxies row by row.
	#cards = $state.raw<StatsCard[] | null>(null);
	#events = $state.raw<ReviewEvent[] | null>(null);
	#retentionByCard = $state.raw<Record<string, RetentionRow[] | null> | null>(null);
	readonly #windows;

	readonly #selected = $derived(this.#cards && chapterCards(this.#cards, this.chapterId));
	readonly cards: CardFigures | null = $derived.by(
		() => this.#selected && cardFigures(this.#selected, this.now, this.context.scheduler)
	);
	/** Reviews per study day over the past year; null until the log is read. */
	readonly year: DayActivity[] | null = $derived.by(
		() => this.#selected && this.#events && reviewYear(eventsOf(this.#selected, this.#events), this.now)
	);
	/** Null until every card's log is replayed. */
	readonly retention: RetentionRow[] | null = $derived.by(() => {
		const byCard = this.#retentionByCard;
		if (!this.#selected || !byCard) return null;
		return sumRetention(
			this.#windows,
			this.#selected.map((card) => byCard[card.id])
		);
	});

	constructor(
		private readonly db: ReportCardDb,
		/** The app's: recall is predicted with the learner's own weights and desired retention. */
		private readonly context: StudyContext,
		chapterId: string | null
	) {
		this.now = context.clock();
		this.#windows = retentionWindows(this.now);
		this.chapterId = chapterId;
	}

	async load(): Promise<void> {
		try {
			const { chapters, cards } = await loadStatsCards(this.db);
			if (this.chapterId !== null && !chapters.some((chapter) => chapter.id === this.chapterId)) {
				this.unknownChapter = true;
				this.chapterId = null;
			}
			this.chapters = chapters;
			this.#cards = cards;
			const events = await loadReviewLog(this.db, pause);
			this.#events = events;
			await pause();
			this.#retentionByCard = await this.#replay(cards, events);
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}

	choose(chapterId: string | null): void {
		this.chapterId = chapterId;
		this.unknownChapter = false;
	}

	async #replay(cards: StatsCard[], events: ReviewEvent[]): Promise<Record<string, RetentionRow[] | null>> {
		const logs = cardLogs(cards, events);
		const parts: [string, RetentionRow[] | null][] = [];
		for (let i = 0; i < cards.length; i++) {
			parts.push([cards[i].id, cardRetention(logs[i], this.#windows, this.context.scheduler)]);
			if (i % REPLAY_SLICE === REPLAY_SLICE - 1) await pause();
		}
		return Object.fromEntries(parts);
	}
}
