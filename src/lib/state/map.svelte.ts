/** The report map: each chapter's paragraphs with how well the learner would recall the cards that cite them now. */
import { itemAt } from '../domain/arrays';
import { mastery, type Mastery } from '../domain/stats/mastery';
import { passageRecall, recallBand, type PassageRecall } from '../domain/stats/passages';
import { studyDayEnd } from '../domain/time';
import type { StoredChapter } from '../domain/collection';
import type { StorageProblem } from '../domain/problems';
import { loadMapSource } from '../storage/stats';
import { newAllowance } from '../storage/reviews';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

export interface MapChapter {
	chapter: StoredChapter;
	mastery: Mastery;
	/** In the order of the chapter's summary, with the summary text alongside. */
	passages: (PassageRecall & { text: StoredChapter['summary'][number]['text'] })[];
	known: number;
}

export class MapState {
	chapters = $state.raw<MapChapter[]>([]);
	loaded = $state(false);
	/** New cards today's limit still lets in: at 0, a paragraph's new cards wait, and its tile says so. */
	newAllowance = $state(Infinity);
	readonly task = storageTask();

	constructor(
		private readonly storage: StorageSource,
		/** The app's: the shading uses the learner's own weights and desired retention. */
		private readonly context: StudyContext
	) {}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			const now = this.context.clock();
			const { chapters, cards } = await loadMapSource(this.db);
			this.newAllowance = await newAllowance(this.db, now, this.context.study);
			this.chapters = chapters.map((chapter) => {
				const own = cards.filter((card) => card.chapterId === chapter.id);
				const recall = passageRecall(chapter.summary, own, now, studyDayEnd(now), this.context.scheduler);
				const passages = recall.map((passage, i) => ({ ...passage, text: itemAt(chapter.summary, i).text }));
				return {
					chapter,
					mastery: mastery(own),
					passages,
					known: passages.filter((p) => recallBand(p.recall, p.due) === 'known').length
				};
			});
			this.loaded = true;
		});
	}
}
