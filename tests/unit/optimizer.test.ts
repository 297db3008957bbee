/** FSRS optimisation: training items from the log, log loss, and a real fit with fsrs-browser's WebAssembly. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_WEIGHTS,
	logLoss,
	toTrainingArrays,
	trainingItems,
	type TrainingItem
} from '../../src/lib/domain/scheduling/optimizer';
import { seededRandom } from '../../src/lib/domain/random';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { DAY, NOW } from './factories';

function grade(cardId: string, at: number, rating: Rating.Again | Rating.Good): ReviewEvent {
	return { id: `${cardId}-${at}`, cardId, kind: 'grade', rating, at, durationMs: 1000, stateBefore: State.Review };
}

describe('training items', () => {
	it('makes one item per answer given on a later study day, from the last reset on', () => {
		const events: ReviewEvent[] = [
			grade('a', NOW - 10 * DAY, Rating.Again),
			{ id: 'r', cardId: 'a', kind: 'reset', at: NOW - 9 * DAY },
			grade('a', NOW, Rating.Good),
			grade('a', NOW + 60_000, Rating.Good),
			grade('a', NOW + 3 * DAY, Rating.Again),
			{ id: 'q', cardId: 'a', kind: 'due-now', at: NOW + 4 * DAY, questionId: 'x' },
			grade('b', NOW, Rating.Good)
		];
		expect(trainingItems(events, 4)).toEqual([{ ratings: [3, 3, 1], deltaDays: [0, 0, 3] }]);
		expect(toTrainingArrays(trainingItems(events, 4)).lengths).toEqual(Uint32Array.from([3]));
	});
});

describe('fitting', () => {
	/** Synthetic learner whose memory fades faster than the defaults assume: the fit must predict it better. */
	function forgetfulLearner(): TrainingItem[] {
		const random = seededRandom(11);
		const events: ReviewEvent[] = [];
		for (let card = 0; card < 300; card++) {
			let at = NOW;
			let interval = 1;
			events.push(grade(`c${card}`, at, Rating.Good));
			for (let review = 0; review < 6; review++) {
				at += interval * DAY;
				const remembered = random() < Math.exp(-interval / 6);
				events.push(grade(`c${card}`, at, remembered ? Rating.Good : Rating.Again));
				interval = remembered ? interval * 2 : 1;
			}
		}
		return trainingItems(events, 4);
	}

	// A real fit takes a second or two, more on a busy machine: a generous limit, not a speed test.
	it(
		'fits weights with fsrs-browser that predict this learner better than the defaults',
		{ timeout: 60_000 },
		async () => {
			// The package is built for browsers and workers; a `self` that can take listeners is all it needs in Node.
			Object.assign(globalThis, { self: globalThis, addEventListener: () => undefined });
			const { Fsrs, initSync } = await import('fsrs-browser');
			const require = createRequire(import.meta.url);
			initSync({ module: readFileSync(require.resolve('fsrs-browser/fsrs_browser_bg.wasm')) });
			const items = forgetfulLearner();
			const { ratings, deltas, lengths } = toTrainingArrays(items);
			const fitted = Array.from(new Fsrs().computeParameters(ratings, deltas, lengths, null, true));
			expect(fitted).toHaveLength(DEFAULT_WEIGHTS.length);
			expect(logLoss(items, fitted)).toBeLessThan(logLoss(items, DEFAULT_WEIGHTS));
		}
	);
});
