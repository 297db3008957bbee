/**
 * Fitting FSRS parameters to the learner's own reviews: in a worker, with the old and new predicted loss shown before
 * the learner chooses to apply the new weights.
 */
import {
	DEFAULT_WEIGHTS,
	MIN_REVIEWS_TO_OPTIMIZE,
	logLoss,
	toTrainingArrays,
	trainingItems,
	type TrainingItem
} from '../domain/scheduling/optimizer';
import type { ReportCardDb } from '../storage/db';
import { countGrades, reviewLog } from '../storage/reviews';
import type { OptimizerReply } from '../workers/optimizer.worker';
import type { StudySettingsStore } from './app.svelte';

export type OptimizerStatus = 'idle' | 'running' | 'done' | 'failed' | 'applied';

export class OptimizerState {
	reviews = $state(0);
	status = $state<OptimizerStatus>('idle');
	currentLoss = $state<number | null>(null);
	fittedLoss = $state<number | null>(null);
	fitted = $state.raw<number[] | null>(null);
	error = $state('');

	constructor(
		private readonly db: ReportCardDb,
		/** The app: the learner's settings, where fitted weights are saved. */
		private readonly settings: StudySettingsStore
	) {}

	get enoughReviews(): boolean {
		return this.reviews >= MIN_REVIEWS_TO_OPTIMIZE;
	}

	async load(): Promise<void> {
		this.reviews = await countGrades(this.db, MIN_REVIEWS_TO_OPTIMIZE);
	}

	async run(): Promise<void> {
		if (this.status === 'running') return;
		this.status = 'running';
		try {
			const events = await reviewLog(this.db);
			this.reviews = events.filter((e) => e.kind === 'grade').length;
			const items = trainingItems(events, this.settings.study.rolloverHour);
			const weights = await fitInWorker(items);
			this.currentLoss = logLoss(items, this.settings.study.weights ?? DEFAULT_WEIGHTS);
			this.fittedLoss = logLoss(items, weights);
			this.fitted = weights;
			this.status = 'done';
		} catch (error) {
			this.error = String(error);
			this.status = 'failed';
		}
	}

	async apply(): Promise<void> {
		if (!this.fitted) return;
		await this.settings.saveStudy({ weights: this.fitted });
		this.status = 'applied';
	}

	async useDefaults(): Promise<void> {
		await this.settings.saveStudy({ weights: null });
		this.status = 'idle';
	}
}

function fitInWorker(items: TrainingItem[]): Promise<number[]> {
	const worker = new Worker(new URL('../workers/optimizer.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<number[]>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<OptimizerReply>) => {
			if ('weights' in event.data) resolve(event.data.weights);
			else reject(new Error(event.data.error));
		};
		worker.onerror = (event) => reject(new Error(event.message));
		worker.postMessage(toTrainingArrays(items));
	}).finally(() => worker.terminate());
}
