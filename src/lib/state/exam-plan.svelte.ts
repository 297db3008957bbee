/**
 * Home's exam date panel: days left, and (worked out in a worker once the page shows) whether the learner is on track
 * and what daily pace gets them to the recall they want. No exam date: nothing to do.
 */
import { daysUntil, examStart, type ExamPlan } from '../domain/stats/exam-plan';
import type { StorageProblem } from '../domain/problems';
import { storageProblem } from '../storage/errors';
import { planCards } from '../storage/prediction';
import type { ExamPlanReply, ExamPlanRequest } from '../workers/exam-plan.worker';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

/** The simulation's seed: fixed, so the same collection on the same day gives the same answer. */
const PLAN_SEED = 20240101;

export class ExamPlanState {
	plan = $state.raw<ExamPlan | null>(null);
	/** The simulation failed (a browser without workers): the days left still show. Damaged data is a `problem`. */
	failed = $state(false);
	readonly task = storageTask();

	constructor(
		private readonly storage: StorageSource,
		private readonly context: StudyContext
	) {}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	/** The exam day's start, or null with no exam date set. */
	get examAt(): number | null {
		const { examDate, rolloverHour } = this.context.study;
		return examDate ? examStart(examDate, rolloverHour) : null;
	}

	get daysLeft(): number | null {
		const examAt = this.examAt;
		return examAt === null ? null : daysUntil(examAt, this.context.clock(), this.context.study.rolloverHour);
	}

	async load(): Promise<void> {
		const examAt = this.examAt;
		const days = this.daysLeft;
		if (examAt === null || days === null || days < 0) return;
		await this.task.run(async () => {
			const { study, clock } = this.context;
			const input = {
				cards: await planCards(this.storage.db),
				now: clock(),
				examAt,
				target: study.examRecall,
				newPerDay: study.newPerDay,
				reviewsPerDay: study.reviewsPerDay,
				rolloverHour: study.rolloverHour,
				seed: PLAN_SEED
			};
			try {
				// A plain copy: a worker cannot receive Svelte's reactive proxies.
				this.plan = await planInWorker({ input, study: $state.snapshot(study) });
			} catch (error) {
				// Damaged card data is a problem the learner can mend (Check data); anything else is this browser's.
				if (storageProblem(error) === 'damaged') throw error;
				this.failed = true;
			}
		});
	}
}

function planInWorker(request: ExamPlanRequest): Promise<ExamPlan> {
	const worker = new Worker(new URL('../workers/exam-plan.worker.ts', import.meta.url), { type: 'module' });
	return new Promise<ExamPlan>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ExamPlanReply>) => {
			if ('plan' in event.data) resolve(event.data.plan);
			else reject(Object.assign(new Error(event.data.error), { name: event.data.name }));
		};
		worker.onerror = (event) => reject(new Error(event.message));
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}
