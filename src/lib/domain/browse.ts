/** The card browser's filtering: by text in either language, chapter, study status, and leeches. Pure. */
import type { StoredCard } from './collection';
import { isLeech } from './scheduling/leech';
import { State } from './scheduling/memory';

export type CardStatus = 'new' | 'learning' | 'review' | 'relearning' | 'suspended';
export const CARD_STATUSES: CardStatus[] = ['new', 'learning', 'review', 'relearning', 'suspended'];

const STATUS_OF_STATE: Record<State, CardStatus> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};

export function cardStatus(card: StoredCard): CardStatus {
	return card.suspended ? 'suspended' : STATUS_OF_STATE[card.memory.state];
}

/** What the status filter offers: a study status, or the leeches (cards forgotten again and again), whatever theirs. */
export type StatusFilter = CardStatus | 'leech';
export const STATUS_FILTERS: StatusFilter[] = [...CARD_STATUSES, 'leech'];

export interface CardFilter {
	/** Words to find in the front or back, in Chinese or English; case and width do not matter. */
	text: string;
	chapterId: string | null;
	status: StatusFilter | null;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function hasStatus(card: StoredCard, status: StatusFilter, leechLapses: number): boolean {
	return status === 'leech' ? isLeech(card.memory, leechLapses) : cardStatus(card) === status;
}

/** The cards matching the filter, in report order; a leech is a card lapsed at least `leechLapses` times. */
export function filterCards(cards: readonly StoredCard[], filter: CardFilter, leechLapses: number): StoredCard[] {
	const words = fold(filter.text).split(/\s+/).filter(Boolean);
	return cards
		.filter((card) => !filter.chapterId || card.chapterId === filter.chapterId)
		.filter((card) => !filter.status || hasStatus(card, filter.status, leechLapses))
		.filter((card) => {
			if (words.length === 0) return true;
			const haystack = fold([card.front.zh, card.front.en, card.back.zh, card.back.en].join('\n'));
			return words.every((word) => haystack.includes(word));
		})
		.sort((a, b) => a.order - b.order);
}
