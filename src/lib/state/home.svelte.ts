/**
 * The home screen's data: today's work and streak, and every chapter with its cards, mastery, quiz scores and predicted
 * quiz score.
 */
import type { StorageProblem } from '../domain/problems';
import type { HomeOverview } from '../domain/stats/overview';
import { homeOverview } from '../storage/overview';
import { NO_PREDICTIONS, chapterPredictions } from '../storage/prediction';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

export class HomeState {
	overview = $state.raw<HomeOverview | null>(null);
	/** Each chapter quiz's predicted score, by chapter id. */
	predictions = $state.raw(NO_PREDICTIONS);
	readonly task = storageTask();
	readonly chapters = $derived(this.overview?.chapters ?? []);
	readonly today = $derived(this.overview?.today);
	/** Chapters with a quiz begun and not finished: home says so and resumes it. */
	readonly unfinished = $derived(this.chapters.filter((overview) => overview.unfinished !== null));

	constructor(
		private readonly storage: StorageSource,
		private readonly context: StudyContext
	) {}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			const now = this.context.clock();
			[this.overview, this.predictions] = await Promise.all([
				homeOverview(this.storage.db, now, this.context.scheduler, this.context.study),
				chapterPredictions(this.storage.db, this.context.scheduler, now)
			]);
		});
	}
}
