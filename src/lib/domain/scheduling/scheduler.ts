/** Scheduling with ts-fsrs: grading, replaying the review log, and retrievability. Every function takes `now`. */
import { FSRS, StrategyMode, generatorParameters, type TSeedStrategy } from 'ts-fsrs';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../settings';
import { State, fromFsrsCard, newMemoryState, toFsrsCard, type MemoryState } from './memory';
import { Rating, effectiveEvents, type Grade, type ReviewEvent } from './review-log';

/** What predicting recall needs of a card's memory. */
export type RecallInputs = Pick<MemoryState, 'state' | 'stability' | 'lastReview'>;

const UNREAD_BY_RECALL = {
	difficulty: 0,
	elapsedDays: 0,
	scheduledDays: 0,
	learningSteps: 0,
	reps: 0,
	lapses: 0
} as const satisfies Omit<MemoryState, keyof RecallInputs | 'due'>;

export type SchedulerOptions = Pick<
	StudySettings,
	'desiredRetention' | 'maximumIntervalDays' | 'learningSteps' | 'weights'
> & {
	/** Randomise intervals slightly so cards learned together drift apart; off in tests for exact results. */
	fuzz: boolean;
};

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { ...DEFAULT_STUDY_SETTINGS, fuzz: true };

/** The scheduler the app grades and replays with: the learner's settings, intervals fuzzed. */
export function learnerScheduler(study: StudySettings): Scheduler {
	return new Scheduler({ ...study, fuzz: true });
}

/** The field of the ts-fsrs card that carries the card's id, for the fuzz seed. */
const CARD_ID = 'cardId';

/**
 * The fuzz of an interval is seeded by the card and its review count, never by the time of the review (ts-fsrs'
 * default): the labels on the grade buttons are then exactly the intervals a grade gives, shown again the same after
 * an undo, and a replay of the log gives the same card wherever and whenever it runs.
 */
export const cardSeed: TSeedStrategy = function () {
	const card = this.current as typeof this.current & { [CARD_ID]?: string };
	return `${card[CARD_ID] ?? ''}#${card.reps}`;
};

export class Scheduler {
	readonly #fsrs: FSRS;

	constructor(options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS) {
		this.#fsrs = new FSRS(
			generatorParameters({
				request_retention: options.desiredRetention,
				maximum_interval: options.maximumIntervalDays,
				enable_fuzz: options.fuzz,
				enable_short_term: options.learningSteps,
				...(options.weights ? { w: options.weights } : {})
			})
		).useStrategy(StrategyMode.SEED, cardSeed);
	}

	/** The memory state after one effective log event (undos are taken out before: see `effectiveEvents`). */
	apply(memory: MemoryState, event: ReviewEvent): MemoryState {
		switch (event.kind) {
			case 'grade':
				return this.grade(memory, event.rating, event.at, event.cardId);
			case 'due-now':
				return memory.state === State.New ? memory : { ...memory, due: Math.min(memory.due, event.at) };
			case 'reset':
				return newMemoryState(event.at);
			case 'undo':
			case 'suspend':
			case 'bury':
				return memory;
		}
	}

	/** The memory state after grading card `cardId` (its fuzz seed) with `rating` at `now`. */
	grade(memory: MemoryState, rating: Grade, now: number, cardId = ''): MemoryState {
		return fromFsrsCard(this.#fsrs.next(seeded(memory, cardId), new Date(now), rating).card);
	}

	/**
	 * Rebuild a card's memory state from its log alone: a new card introduced at `introducedAt`, then every effective
	 * event in log order. This is what the stored state caches (with the suspension and burial: progress.ts).
	 */
	replay(introducedAt: number, events: readonly ReviewEvent[]): MemoryState {
		return effectiveEvents(events).reduce((memory, event) => this.apply(memory, event), newMemoryState(introducedAt));
	}

	/**
	 * When card `cardId` would next be due after each grade, for the labels on the grade buttons: the very due dates
	 * grading it at `now` gives (the fuzz is seeded by the card, not the time).
	 */
	preview(memory: MemoryState, now: number, cardId = ''): Record<Grade, number> {
		const at = new Date(now);
		const card = seeded(memory, cardId);
		const due = (rating: Grade) => this.#fsrs.next(card, at, rating).card.due.getTime();
		return {
			[Rating.Again]: due(Rating.Again),
			[Rating.Hard]: due(Rating.Hard),
			[Rating.Good]: due(Rating.Good),
			[Rating.Easy]: due(Rating.Easy)
		};
	}

	/** Predicted probability of recalling the card at `now`, 0 for a card never reviewed. */
	retrievability(memory: RecallInputs, now: number): number {
		if (memory.lastReview === null) return 0;
		// The forgetting curve reads only the state, the stability and the last review; the rest stays empty.
		const card = toFsrsCard({ ...UNREAD_BY_RECALL, ...memory, due: memory.lastReview });
		return this.#fsrs.get_retrievability(card, new Date(now), false);
	}
}

/** The ts-fsrs card of `memory`, carrying its card's id for the fuzz seed. */
function seeded(memory: MemoryState, cardId: string) {
	return { ...toFsrsCard(memory), [CARD_ID]: cardId };
}
