/**
 * The report map: a passage of the report is as well known as the average predicted recall of the cards that cite
 * it, shaded in bands named so that colour is never the only clue.
 */
import type { SourceRef } from '../deck/model';
import { NOTHING_DONE, NO_LIMITS, buildQueue, type QueueCard } from '../scheduling/queue';
import type { Scheduler } from '../scheduling/scheduler';
import { groupBy } from './group';
import { MASTERY_THRESHOLD } from './mastery';

export type PassageCard = QueueCard & { source: SourceRef };

export interface PassageRecall extends SourceRef {
	cards: number;
	/** Cards reviewed at least once. */
	started: number;
	/** What a review of this passage would show now, as the review queue counts them. */
	due: number;
	fresh: number;
	/** Mean predicted recall of its cards (never-reviewed ones count as 0); null while none was reviewed. */
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
		const total = own.reduce((sum, card) => sum + scheduler.retrievability(card.memory, now), 0);
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

function passageKey(source: SourceRef): string {
	return `${source.section}.${source.paragraph}`;
}

export type RecallBand = 'known' | 'fading' | 'weak' | 'unstarted';

/** Bands for shading, named so that colour is never the only clue. */
export function recallBand(recall: number | null): RecallBand {
	if (recall === null) return 'unstarted';
	if (recall >= MASTERY_THRESHOLD) return 'known';
	return recall >= 0.7 ? 'fading' : 'weak';
}
