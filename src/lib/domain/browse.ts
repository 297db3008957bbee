/** The card browser's filtering: by text in either language, chapter and study status. Pure. */
import type { StoredCard } from './collection';
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

export interface CardFilter {
	/** Words to find in the front or back, in Chinese or English; case and width do not matter. */
	text: string;
	chapterId: string | null;
	status: CardStatus | null;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** The cards matching the filter, in report order. */
export function filterCards(cards: readonly StoredCard[], filter: CardFilter): StoredCard[] {
	const words = fold(filter.text).split(/\s+/).filter(Boolean);
	return cards
		.filter((card) => !filter.chapterId || card.chapterId === filter.chapterId)
		.filter((card) => !filter.status || cardStatus(card) === filter.status)
		.filter((card) => {
			if (words.length === 0) return true;
			const haystack = fold([card.front.zh, card.front.en, card.back.zh, card.back.en].join('\n'));
			return words.every((word) => haystack.includes(word));
		})
		.sort((a, b) => a.order - b.order);
}
