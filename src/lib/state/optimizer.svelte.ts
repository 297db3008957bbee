/**
 * Fitting FSRS parameters to the learner's own reviews: in a worker, with the old and new predicted loss shown before
 * the learner chooses to apply the new weights.
 */
import { effectiveGrades } from '../domain/scheduling/review-log';
import {
	DEFAULT_WEIGHTS,
	MIN_REVIEWS_TO_OPTIMIZE,
	logLoss,
	toTrainingArrays,
	trainingItems,
	type TrainingItem
} from '../domain/scheduling/optimizer';
import type { StorageProblem } from '../domain/problems';
import { storageProblem } from '../storage/errors';
import { countGrades, reviewLog } from '../storage/reviews';
import type { OptimizerReply } from '../workers/optimizer.worker';
import type { StorageSource, StudySettingsStore } from './app.svelte';
import { Task } from './task.svelte';

export type OptimizerStatus = 'idle' | 'running' | 'done' | 'applied';

/** Reading the log or saving the weights failed (the device's storage), or the fit itself did (the worker). */
export type OptimizerProblem = { kind: 'storage'; problem: StorageProblem } | { kind: 'fit'; reason: string };

/** The fit failed in the worker: the WebAssembly could not load, or the fit found no answer. */
export class FitError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'FitError';
	}
}

export function optimizerProblem(error: unknown): OptimizerProblem {
	return error instanceof FitError
		? { kind: 'fit', reason: error.message }
		: { kind: 'storage', problem: storageProblem(error) };
}

export class OptimizerState {
	/** The learner's graded reviews (counted up to what a fit needs); null until read. */
	reviews = $state<number | null>(null);
	status = $state<OptimizerStatus>('idle');
	currentLoss = $state<number | null>(null);
	fittedLoss = $state<number | null>(null);
	fitted = $state.raw<number[] | null>(null);
	readonly task = new Task<OptimizerProblem>(optimizerProblem);

	constructor(
		private readonly storage: StorageSource,
		/** The app: the learner's settings, where fitted weights are saved. */
		private readonly settings: StudySettingsStore
	) {}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get enoughReviews(): boolean {
		return (this.reviews ?? 0) >= MIN_REVIEWS_TO_OPTIMIZE;
	}

	async load(): Promise<void> {
		await this.task.run(async () => {
			this.reviews = await countGrades(this.db, MIN_REVIEWS_TO_OPTIMIZE);
		});
	}

	async run(): Promise<void> {
		if (this.status === 'running') return;
		this.status = 'running';
		const fitted = await this.task.run(async () => {
			const events = await reviewLog(this.db);
			const items = trainingItems(events, this.settings.study.rolloverHour);
			this.reviews = effectiveGrades(events).length;
			const weights = await fitInWorker(items);
			this.currentLoss = logLoss(items, this.settings.study.weights ?? DEFAULT_WEIGHTS);
			this.fittedLoss = logLoss(items, weights);
			this.fitted = weights;
			return weights;
		});
		this.status = fitted ? 'done' : 'idle';
	}

	async apply(): Promise<void> {
		const weights = this.fitted;
		if (!weights) return;
		if (await this.task.run(() => this.#save(weights))) this.status = 'applied';
	}

	async useDefaults(): Promise<void> {
		if (await this.task.run(() => this.#save(null))) this.status = 'idle';
	}

	async #save(weights: number[] | null): Promise<true> {
		await this.settings.saveStudy({ weights });
		return true;
	}
}

function fitInWorker(items: TrainingItem[]): Promise<number[]> {
	const worker = new Worker(new URL('../workers/optimizer.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<number[]>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<OptimizerReply>) => {
			if ('weights' in event.data) resolve(event.data.weights);
			else reject(new FitError(event.data.error));
		};
		worker.onerror = (event) => reject(new FitError(event.message));
		worker.postMessage(toTrainingArrays(items));
	}).finally(() => worker.terminate());
}
