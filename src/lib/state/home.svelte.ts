/** The home screen's data: today's work and streak, and every chapter with its cards, mastery and quiz scores. */
import type { ReportCardDb } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { homeOverview, type HomeOverview } from '../storage/overview';
import type { StudyContext } from './app.svelte';

export class HomeState {
	overview = $state.raw<HomeOverview | null>(null);
	problem = $state<StorageProblem | null>(null);
	readonly chapters = $derived(this.overview?.chapters ?? []);
	readonly today = $derived(this.overview?.today);

	constructor(
		private readonly db: ReportCardDb,
		private readonly context: StudyContext
	) {}

	async load(): Promise<void> {
		try {
			this.overview = await homeOverview(this.db, this.context.clock(), this.context.study);
			this.problem = null;
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}
}
