/** A chapter read as text: its summary, paragraph by paragraph, grouped by report section. */
import type { Localized, SummaryParagraph } from '../domain/deck/model';
import { currentChapters } from '../storage/chapters';
import type { StoredChapter } from '../domain/collection';
import type { StorageProblem } from '../domain/problems';
import { storageTask } from './task.svelte';
import type { StorageSource } from './app.svelte';

export interface SectionView {
	number: number;
	title: Localized | undefined;
	paragraphs: SummaryParagraph[];
}

export class ChapterView {
	chapter = $state.raw<StoredChapter | undefined>();
	loaded = $state(false);
	readonly task = storageTask();

	constructor(
		private readonly storage: StorageSource,
		readonly chapterId: string
	) {}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	get sections(): SectionView[] {
		const chapter = this.chapter;
		if (!chapter) return [];
		return chapter.sections.map((number) => ({
			number,
			title: chapter.sectionTitles.find((s) => s.number === number)?.title,
			paragraphs: chapter.summary.filter((p) => p.section === number).sort((a, b) => a.paragraph - b.paragraph)
		}));
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			this.chapter = (await currentChapters(this.db)).find((chapter) => chapter.id === this.chapterId);
			this.loaded = true;
		});
	}
}
