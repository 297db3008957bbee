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

export type ExamPlanReply = { plan: ExamPlan } | { error: string };

self.onmessage = (event: MessageEvent<ExamPlanRequest>) => {
	try {
		const { input, study } = event.data;
		self.postMessage({ plan: examPlan(input, learnerScheduler(study)) } satisfies ExamPlanReply);
	} catch (error) {
		self.postMessage({ error: String(error) } satisfies ExamPlanReply);
	}
};
