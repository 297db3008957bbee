/** The home screen's data: every chapter with its due and new cards and quiz scores. */
import type { ReportCardDb } from '../storage/db';
import { chapterOverviews, type ChapterOverview } from '../storage/overview';
import type { Clock } from './app.svelte';

export class HomeState {
	chapters = $state<ChapterOverview[]>([]);
	loaded = $state(false);
	readonly totalDue = $derived(this.chapters.reduce((sum, c) => sum + c.due, 0));
	readonly totalNew = $derived(this.chapters.reduce((sum, c) => sum + c.fresh, 0));

	constructor(
		private readonly db: ReportCardDb,
		private readonly clock: Clock
	) {}

	async load(): Promise<void> {
		this.chapters = await chapterOverviews(this.db, this.clock());
		this.loaded = true;
	}
}
