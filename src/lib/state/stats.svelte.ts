/**
 * The statistics page. It reads two projections (card digests and day tallies) once, so every figure appears together
 * and choosing a chapter recounts at once. When they are not built (first visit after an upgrade, or a change of
 * scheduling settings) they are rebuilt first, from every card and the whole log: `rebuilding` says so meanwhile.
 */
import type { DayActivity } from '../domain/stats/activity';
import {
	cardFigures,
	chapterCards,
	historyFigures,
	type CardFigures,
	type HistoryFigures,
	type StatsCard
} from '../domain/stats/report';
import type { RetentionRow } from '../domain/stats/retention';
import { calibration, type Calibration } from '../domain/stats/calibration';
import type { QuizAttempt } from '../domain/quiz/attempt';
import type { DayTally } from '../domain/stats/tallies';
import type { StoredChapter } from '../domain/collection';
import type { StorageProblem } from '../domain/problems';
import { projectionsStale } from '../storage/projections/marker';
import { rebuildProjections } from '../storage/projections/rebuild';
import { loadStatsSource } from '../storage/stats';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

export class StatsState {
	chapters = $state.raw<StoredChapter[]>([]);
	/** The chapter shown, or null for the whole report. */
	chapterId = $state<string | null>(null);
	/** The address named a chapter that does not exist; the whole report is shown instead. */
	unknownChapter = $state(false);
	/** The caches are being rebuilt from the whole history: the figures come after. */
	rebuilding = $state(false);
	readonly task = storageTask();
	/** Fixed when the page loads, so every figure on it is for the same moment. */
	readonly now: number;

	// Raw, not deeply reactive: a large collection would otherwise be wrapped in proxies row by row.
	#cards = $state.raw<StatsCard[] | null>(null);
	#tallies = $state.raw<DayTally[] | null>(null);
	#attempts = $state.raw<QuizAttempt[]>([]);

	readonly cards: CardFigures | null = $derived.by(
		() => this.#cards && cardFigures(chapterCards(this.#cards, this.chapterId), this.now, this.context.scheduler)
	);
	readonly #history: HistoryFigures | null = $derived.by(
		() => this.#tallies && historyFigures(this.#tallies, this.chapterId, this.now)
	);
	/** Reviews per study day over the past year; null until the tallies are read. */
	readonly year: DayActivity[] | null = $derived(this.#history?.year ?? null);
	readonly retention: RetentionRow[] | null = $derived(this.#history?.retention ?? null);
	/** Predicted against actual scores of the quizzes in scope (a chapter's, or every quiz for the whole report). */
	readonly calibration: Calibration = $derived(
		calibration(this.#attempts.filter((attempt) => !this.chapterId || attempt.chapterId === this.chapterId))
	);

	constructor(
		private readonly storage: StorageSource,
		/** The app's: recall is predicted with the learner's own weights and desired retention. */
		private readonly context: StudyContext,
		chapterId: string | null
	) {
		this.now = context.clock();
		this.chapterId = chapterId;
	}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			if (await projectionsStale(this.db)) {
				this.rebuilding = true;
				try {
					await rebuildProjections(this.db, this.context.scheduler);
				} finally {
					this.rebuilding = false;
				}
			}
			const { chapters, cards, tallies, attempts } = await loadStatsSource(this.db);
			if (this.chapterId !== null && !chapters.some((chapter) => chapter.id === this.chapterId)) {
				this.unknownChapter = true;
				this.chapterId = null;
			}
			this.chapters = chapters;
			this.#cards = cards;
			this.#tallies = tallies;
			this.#attempts = attempts;
		});
	}

	choose(chapterId: string | null): void {
		this.chapterId = chapterId;
		this.unknownChapter = false;
	}
}
