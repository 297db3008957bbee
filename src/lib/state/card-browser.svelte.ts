/** The card browser: search and filter every card, inspect one (memory, history), reset or suspend it. */
import { filterCards, type CardFilter } from '../domain/browse';
import { isLeech } from '../domain/scheduling/leech';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/collection';
import { NO_CHAPTERS, chaptersById } from '../storage/chapters';
import type { StorageProblem } from '../domain/problems';
import { activeCards, cardById, cardHistory, resetCard, setSuspended } from '../storage/reviews';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

/** Rows rendered at once; more on request, so a large collection stays quick on a phone. */
export const PAGE_SIZE = 50;

export class CardBrowser {
	filter = $state<CardFilter>({ text: '', chapterId: null, status: null });
	shown = $state(PAGE_SIZE);
	chapters = $state.raw(NO_CHAPTERS);
	selected = $state.raw<StoredCard | null>(null);
	history = $state.raw<ReviewEvent[]>([]);
	loaded = $state(false);
	readonly task = storageTask();
	#cards = $state.raw<StoredCard[]>([]);

	constructor(
		private readonly storage: StorageSource,
		private readonly context: StudyContext
	) {}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	get matches(): StoredCard[] {
		return filterCards(this.#cards, this.filter, this.context.study.leechLapses);
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			[this.chapters, this.#cards] = await Promise.all([chaptersById(this.db), activeCards(this.db)]);
			this.loaded = true;
		});
	}

	async select(card: StoredCard | null): Promise<void> {
		this.selected = card;
		this.history = [];
		if (card) await this.task.run(() => this.#readHistory(card));
	}

	async #readHistory(card: StoredCard): Promise<void> {
		this.history = await cardHistory(this.db, card.id);
	}

	isLeech(card: StoredCard): boolean {
		return isLeech(card.memory, this.context.study.leechLapses);
	}

	retrievability(card: StoredCard): number {
		return this.context.scheduler.retrievability(card.memory, this.context.clock());
	}

	async toggleSuspended(card: StoredCard): Promise<void> {
		const { scheduler, clock } = this.context;
		await this.#change(card, () => setSuspended(this.db, scheduler, card.id, card.suspended === 0, clock()));
	}

	async reset(card: StoredCard): Promise<void> {
		await this.#change(card, () => resetCard(this.db, this.context.scheduler, card.id, this.context.clock()));
	}

	async #change(card: StoredCard, action: () => Promise<unknown>): Promise<void> {
		await this.task.run(async () => {
			await action();
			// Only this card changed: read it alone (reading every card again takes seconds at 100,000).
			const changed = await cardById(this.db, card.id);
			this.#cards = changed
				? this.#cards.map((c) => (c.id === card.id ? changed : c))
				: this.#cards.filter((c) => c.id !== card.id);
			this.selected = changed ?? null;
			if (changed) await this.#readHistory(changed);
		});
	}
}
