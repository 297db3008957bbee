/**
 * The statistics page: the cards and the review log are read once, then every figure is computed for the whole
 * report or the chapter chosen, so switching chapters needs no second read.
 */
import { Scheduler } from '../domain/scheduling/scheduler';
import { reportStats, selectChapter, type ReportStats } from '../domain/stats/report';
import type { ReportCardDb, StoredChapter } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { loadStatsSource, type StatsSource } from '../storage/stats';
import type { Clock } from './app.svelte';

export class StatsState {
	/** Raw, not deeply reactive: a long log would otherwise be wrapped in a proxy row by row. */
	source = $state.raw<StatsSource | null>(null);
	/** The chapter shown, or null for the whole report. */
	chapterId = $state<string | null>(null);
	/** The address named a chapter that does not exist; the whole report is shown instead. */
	unknownChapter = $state(false);
	problem = $state<StorageProblem | null>(null);
	/** Fixed when the page loads, so every figure on it is for the same moment. */
	readonly now: number;

	readonly chapters: StoredChapter[] = $derived(this.source?.chapters ?? []);
	readonly stats: ReportStats | null = $derived.by(() => {
		if (!this.source) return null;
		const selection = selectChapter(this.source.cards, this.source.events, this.chapterId);
		return reportStats(selection.cards, selection.events, this.now, this.scheduler);
	});

	constructor(
		private readonly db: ReportCardDb,
		clock: Clock,
		chapterId: string | null,
		private readonly scheduler = new Scheduler()
	) {
		this.now = clock();
		this.chapterId = chapterId;
	}

	async load(): Promise<void> {
		try {
			const source = await loadStatsSource(this.db);
			if (this.chapterId !== null && !source.chapters.some((chapter) => chapter.id === this.chapterId)) {
				this.unknownChapter = true;
				this.chapterId = null;
			}
			this.source = source;
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}

	choose(chapterId: string | null): void {
		this.chapterId = chapterId;
		this.unknownChapter = false;
	}
}
