/// <reference lib="webworker" />
/**
 * Simulates the learner's cards forward to the exam date (domain/stats/exam-plan.ts), off the main thread: thousands
 * of simulated reviews would otherwise hold up home for a moment.
 */
import { learnerScheduler } from '../domain/scheduling/scheduler';
import type { StudySettings } from '../domain/settings';
import { examPlan, type ExamPlan, type PlanInput } from '../domain/stats/exam-plan';

export interface ExamPlanRequest {
	input: PlanInput;
	study: StudySettings;
}

/** `name` is the error's: a damaged card (ts-fsrs refuses its memory) is the learner's to mend, not the browser's. */
export type ExamPlanReply = { plan: ExamPlan } | { error: string; name: string };

/** The plan, or why it could not be worked out. */
export function planReply({ input, study }: ExamPlanRequest): ExamPlanReply {
	try {
		return { plan: examPlan(input, learnerScheduler(study)) };
	} catch (error) {
		return { error: String(error), name: error instanceof Error ? error.name : 'Error' };
	}
}

self.onmessage = (event: MessageEvent<ExamPlanRequest>) => self.postMessage(planReply(event.data));
