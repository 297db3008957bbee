/** The card browser: search and filter every card, inspect one (memory, history), reset or suspend it. */
import { filterCards, type CardFilter } from '../domain/browse';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { StoredCard } from '../domain/sync/content-sync';
import { NO_CHAPTERS, chaptersById } from '../storage/chapters';
import type { ReportCardDb } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { activeCards, cardById, cardHistory, resetCard, setSuspended } from '../storage/reviews';
import type { StudyContext } from './app.svelte';

/** Rows rendered at once; more on request, so a large collection stays quick on a phone. */
export const PAGE_SIZE = 50;

export class CardBrowser {
	filter = $state<CardFilter>({ text: '', chapterId: null, status: null });
	shown = $state(PAGE_SIZE);
	chapters = $state.raw(NO_CHAPTERS);
	selected = $state.raw<StoredCard | null>(null);
	history = $state.raw<ReviewEvent[]>([]);
	loaded = $state(false);
	problem = $state<StorageProblem | null>(null);
	#cards = $state.raw<StoredCard[]>([]);

	constructor(
		private readonly db: ReportCardDb,
		private readonly context: StudyContext
	) {}

	get matches(): StoredCard[] {
		return filterCards(this.#cards, this.filter);
	}

	async load(): Promise<void> {
		[this.chapters, this.#cards] = await Promise.all([chaptersById(this.db), activeCards(this.db)]);
		this.loaded = true;
	}

	async select(card: StoredCard | null): Promise<void> {
		this.selected = card;
		this.history = card ? await cardHistory(this.db, card.id) : [];
	}

	retrievability(card: StoredCard): number {
		return this.context.scheduler.retrievability(card.memory, this.context.clock());
	}

	async toggleSuspended(card: StoredCard): Promise<void> {
		await this.#change(card, () => setSuspended(this.db, card.id, !card.suspended));
	}

	async reset(card: StoredCard): Promise<void> {
		await this.#change(card, () => resetCard(this.db, this.context.scheduler, card.id, this.context.clock()));
	}

	async #change(card: StoredCard, action: () => Promise<unknown>): Promise<void> {
		try {
			await action();
			this.problem = null;
			// Only this card changed: read it alone (reading every card again takes seconds at 100,000).
			const changed = await cardById(this.db, card.id);
			this.#cards = changed
				? this.#cards.map((c) => (c.id === card.id ? changed : c))
				: this.#cards.filter((c) => c.id !== card.id);
			await this.select(changed ?? null);
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}
}
