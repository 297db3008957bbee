/**
 * The report map: a passage of the report is as well known as the average predicted recall of the cards that cite
 * it, shaded in bands named so that colour is never the only clue.
 */
import type { SourceRef } from '../deck/model';
import { NOTHING_DONE, NO_LIMITS, buildQueue, type QueueCard } from '../scheduling/queue';
import type { Scheduler } from '../scheduling/scheduler';
import { State } from '../scheduling/memory';
import { groupBy } from './group';

/** The mean recall from which a passage counts as known: the scheduler's own target. */
export const KNOWN_RECALL = 0.9;

export type PassageCard = QueueCard & { source: SourceRef };

export interface PassageRecall extends SourceRef {
	cards: number;
	/** Cards reviewed at least once. */
	started: number;
	/** What a review of this passage would show now, as the review queue counts them. */
	due: number;
	fresh: number;
	/**
	 * Mean predicted recall of its cards; null while none was reviewed. Cards never reviewed, and cards still in
	 * (re)learning, count as 0: a card just failed is not remembered, whatever the long-term curve says a minute on.
	 */
	recall: number | null;
}

export function passageRecall(
	passages: readonly SourceRef[],
	cards: readonly PassageCard[],
	now: number,
	dayEnd: number,
	scheduler: Scheduler
): PassageRecall[] {
	const byPassage = groupBy(cards, (card) => passageKey(card.source));
	return passages.map(({ section, paragraph }) => {
		const own = byPassage.get(passageKey({ section, paragraph })) ?? [];
		const started = own.filter((card) => card.memory.lastReview !== null).length;
		const total = own.reduce((sum, card) => sum + settledRecall(card, now, scheduler), 0);
		const queue = buildQueue(own, now, dayEnd, NOTHING_DONE, NO_LIMITS);
		return {
			section,
			paragraph,
			cards: own.length,
			started,
			due: queue.dueCount,
			fresh: queue.newCount,
			recall: started === 0 ? null : total / own.length
		};
	});
}

/** Predicted recall of a card in review; 0 for one new or still being (re)learned. */
export function settledRecall(card: Pick<QueueCard, 'memory'>, now: number, scheduler: Scheduler): number {
	return card.memory.state === State.Review ? scheduler.retrievability(card.memory, now) : 0;
}

function passageKey(source: SourceRef): string {
	return `${source.section}.${source.paragraph}`;
}

export type RecallBand = 'known' | 'fading' | 'weak' | 'unstarted';

/**
 * Bands for shading, named so that colour is never the only clue. A passage with cards due is never "known": the
 * scheduler itself says they need a review now.
 */
export function recallBand(recall: number | null, due = 0): RecallBand {
	if (recall === null) return 'unstarted';
	if (recall >= KNOWN_RECALL && due === 0) return 'known';
	return recall >= 0.7 ? 'fading' : 'weak';
}
