/// <reference lib="webworker" />
/**
 * Fits FSRS weights to the learner's review log with fsrs-browser (fsrs-rs compiled to WebAssembly), off the main
 * thread. Single-threaded on purpose: its thread pool needs a cross-origin-isolated page, which a plain static host
 * does not give; one thread fits a few thousand items in about a second.
 */
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import type { TrainingArrays } from '../domain/scheduling/optimizer';

export type OptimizerReply = { weights: number[] } | { error: string };

self.onmessage = async (event: MessageEvent<TrainingArrays>) => {
	try {
		await init({ module_or_path: wasmUrl });
		const { ratings, deltas, lengths } = event.data;
		const weights = new Fsrs().computeParameters(ratings, deltas, lengths, null, true);
		self.postMessage({ weights: Array.from(weights) } satisfies OptimizerReply);
	} catch (error) {
		self.postMessage({ error: String(error) } satisfies OptimizerReply);
	}
};
