/**
 * FSRS parameter optimisation, the pure part: turning the review log into training items, and measuring how well a
 * set of weights predicts the learner's real answers (log loss: lower is better). The fitting itself runs in a worker
 * (fsrs-browser, WebAssembly), off the main thread.
 */
import { itemAt } from '../arrays';
import { FSRSAlgorithm, default_w, forgetting_curve, generatorParameters, type FSRSState } from 'ts-fsrs';
import { DAY_MS, studyDayStart } from '../time';
import { Rating, effectiveEvents, type ReviewEvent } from './review-log';

/** Below this many graded reviews the fitted weights would mostly fit noise; the defaults serve better. */
export const MIN_REVIEWS_TO_OPTIMIZE = 400;
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

/** One training item: a card's reviews up to one answer, with the study days since the previous review. */
export interface TrainingItem {
	ratings: number[];
	deltaDays: number[];
}

/** The flat arrays fsrs-browser's computeParameters takes. */
export interface TrainingArrays {
	ratings: Uint32Array;
	deltas: Uint32Array;
	lengths: Uint32Array;
}

/**
 * Training items from the log: per card, its grades since its last reset, in order; one item per answer given at least
 * a study day after the previous one (same-day steps are context, not a test of memory).
 */
export function trainingItems(events: readonly ReviewEvent[], rolloverHour: number): TrainingItem[] {
	const byCard = new Map<string, ReviewEvent[]>();
	for (const event of events) byCard.set(event.cardId, [...(byCard.get(event.cardId) ?? []), event]);
	const items: TrainingItem[] = [];
	for (const cardEvents of byCard.values()) {
		// An undone grade never happened; the rest in log order.
		const sorted = effectiveEvents(cardEvents);
		const lastReset = sorted.findLastIndex((e) => e.kind === 'reset');
		const grades = sorted.slice(lastReset + 1).flatMap((e) => (e.kind === 'grade' ? [e] : []));
		const day = (at: number) => Math.round(studyDayStart(at, rolloverHour) / DAY_MS);
		const ratings = grades.map((g) => g.rating as number);
		const deltaDays = grades.map((g, i) => (i === 0 ? 0 : day(g.at) - day(itemAt(grades, i - 1).at)));
		for (let length = 2; length <= grades.length; length++) {
			if (itemAt(deltaDays, length - 1) > 0)
				items.push({ ratings: ratings.slice(0, length), deltaDays: deltaDays.slice(0, length) });
		}
	}
	return items;
}

export function toTrainingArrays(items: readonly TrainingItem[]): TrainingArrays {
	return {
		ratings: Uint32Array.from(items.flatMap((item) => item.ratings)),
		deltas: Uint32Array.from(items.flatMap((item) => item.deltaDays)),
		lengths: Uint32Array.from(items.map((item) => item.ratings.length))
	};
}

/** Mean log loss of `weights` predicting whether each item's last answer was remembered (anything but Again). */
export function logLoss(items: readonly TrainingItem[], weights: readonly number[]): number {
	const algorithm = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_fuzz: false }));
	const w = algorithm.parameters.w;
	let total = 0;
	for (const item of items) {
		let state: FSRSState | null = null;
		const last = item.ratings.length - 1;
		for (let i = 0; i < last; i++) {
			state = algorithm.next_state(state, itemAt(item.deltaDays, i), itemAt(item.ratings, i));
		}
		const elapsed = itemAt(item.deltaDays, last);
		const recall = Math.min(1 - 1e-6, Math.max(1e-6, forgetting_curve(w, elapsed, state?.stability ?? 0)));
		const remembered = item.ratings[last] !== (Rating.Again as number);
		total -= remembered ? Math.log(recall) : Math.log(1 - recall);
	}
	return items.length > 0 ? total / items.length : 0;
}
