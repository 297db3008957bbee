/**
 * Ready by an exam date? The cards are simulated forward with FSRS, day by day until the date: each day the cards due
 * are reviewed (up to the daily review limit) and remembered with the chance FSRS gives them, new cards are started
 * (up to the daily new-card limit), and in the last days before the date the cards that would fall below the target by
 * then are reviewed as well (what the queue does, see cramCards). On the date, the share of cards recalled is the mean
 * predicted recall. Several seeded runs are averaged; a large collection is simulated on a sample of its cards.
 *
 * Two paces are simulated: the learner's own limits ("at your pace"), and the pace that starts every card in time and
 * reviews all that is due ("the plan"), whose reviews per day are what it takes.
 */
import { seededRandom, shuffled } from '../random';
import { State, newMemoryState, type MemoryState } from '../scheduling/memory';
import { Rating } from '../scheduling/review-log';
import type { RecallInputs, Scheduler } from '../scheduling/scheduler';
import { DAY_MS, studyDayEnd, studyDayStart } from '../time';

/** The last days before the exam, when the queue adds the cards that would otherwise fall below the target. */
export const CRAM_DAYS = 3;
/** Cards simulated at most: a larger collection is judged by a sample. */
const SAMPLE = 1500;
const RUNS = 6;
/** The hour of the day the simulated learner studies. */
const STUDY_HOUR_MS = 9 * 60 * 60 * 1000;

export interface PlanCard {
	memory: MemoryState;
	/** New cards start in this order (report order). */
	order: number;
}

export interface PlanInput {
	cards: readonly PlanCard[];
	now: number;
	/** The exam, the start of its day (epoch ms). */
	examAt: number;
	target: number;
	newPerDay: number;
	reviewsPerDay: number;
	rolloverHour: number;
	seed: number;
}

export interface PlanPace {
	/** Expected share of all cards recalled on the exam day. */
	recalled: number;
	/** Reviews a day on average until then. */
	reviewsPerDay: number;
}

export interface ExamPlan {
	daysLeft: number;
	atYourPace: PlanPace;
	plan: PlanPace;
	onTrack: boolean;
	/** The plan reaches the target (if not, no pace within a day's work does). */
	reachable: boolean;
}

/** The exam day's start for a YYYY-MM-DD date, in local time. */
export function examStart(date: string, rolloverHour: number): number {
	const [year, month, day] = date.split('-').map(Number);
	return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, rolloverHour).getTime();
}

/** Whole study days from today to the exam day (0 on the day itself; negative after it). */
export function daysUntil(examAt: number, now: number, rolloverHour: number): number {
	return Math.round((studyDayStart(examAt, rolloverHour) - studyDayStart(now, rolloverHour)) / DAY_MS);
}

/** Whether the queue should add cards for the exam now: in its last days, not after it. */
export function cramming(examAt: number, now: number, rolloverHour: number): boolean {
	const days = daysUntil(examAt, now, rolloverHour);
	return days >= 0 && days < CRAM_DAYS;
}

/**
 * Of started cards, those whose recall on the exam day would be under the target unless reviewed first. A card graded
 * today waits for tomorrow: a second review the same day lifts its memory little (FSRS's short-term stability), and
 * under a demanding target it would come back after every grade.
 */
export function cramCards<T extends { id: string; memory: RecallInputs }>(
	cards: readonly T[],
	examAt: number,
	target: number,
	scheduler: Scheduler,
	gradedToday: ReadonlySet<string> = new Set()
): T[] {
	return cards.filter(
		(card) =>
			card.memory.state !== State.New &&
			!gradedToday.has(card.id) &&
			scheduler.retrievability(card.memory, examAt) < target
	);
}

export function examPlan(input: PlanInput, scheduler: Scheduler): ExamPlan {
	const daysLeft = daysUntil(input.examAt, input.now, input.rolloverHour);
	const sample = shuffled(input.cards, seededRandom(input.seed)).slice(0, SAMPLE);
	const scale = input.cards.length / Math.max(1, sample.length);
	const fresh = sample.filter((card) => card.memory.state === State.New).length;
	const studyDays = Math.max(1, daysLeft - CRAM_DAYS);
	const pace = (newPerDay: number, reviewsPerDay: number): PlanPace => {
		const runs = Array.from({ length: RUNS }, (_, run) =>
			simulate(sample, { ...input, newPerDay, reviewsPerDay, seed: input.seed + run }, scheduler, scale)
		);
		return {
			recalled: runs.reduce((sum, r) => sum + r.recalled, 0) / RUNS,
			reviewsPerDay: (runs.reduce((sum, r) => sum + r.reviews, 0) / RUNS) * scale
		};
	};
	const atYourPace = pace(input.newPerDay, input.reviewsPerDay);
	// The plan: every new card started before the last days, everything due reviewed.
	const plan = pace(Math.max(input.newPerDay, Math.ceil((fresh * scale) / studyDays)), Infinity);
	return {
		daysLeft,
		atYourPace,
		plan,
		onTrack: atYourPace.recalled >= input.target,
		reachable: plan.recalled >= input.target
	};
}

/** One run: the cards' memory day by day to the exam; the mean recall then, and the reviews a day it took. */
function simulate(
	cards: readonly PlanCard[],
	input: PlanInput,
	scheduler: Scheduler,
	scale: number
): { recalled: number; reviews: number } {
	const random = seededRandom(input.seed);
	const memories = cards.map((card) => ({ ...card, memory: card.memory }));
	const waiting = memories.filter((card) => card.memory.state === State.New).sort((a, b) => a.order - b.order);
	const days = Math.max(0, daysUntil(input.examAt, input.now, input.rolloverHour));
	let reviews = 0;
	const remember = (memory: MemoryState, at: number): MemoryState =>
		scheduler.grade(memory, random() < scheduler.retrievability(memory, at) ? Rating.Good : Rating.Again, at);
	for (let day = 0; day < days; day++) {
		const at = studyDayStart(input.now, input.rolloverHour) + day * DAY_MS + STUDY_HOUR_MS;
		const dayEnd = studyDayEnd(at, input.rolloverHour);
		const cram = days - day <= CRAM_DAYS;
		let budget = input.reviewsPerDay / scale;
		for (const card of memories) {
			if (card.memory.state === State.New || budget < 1) continue;
			const due = card.memory.due < dayEnd;
			const fading = cram && scheduler.retrievability(card.memory, input.examAt) < input.target;
			if (!due && !fading) continue;
			card.memory = remember(card.memory, Math.max(at, Math.min(card.memory.due, dayEnd - 1)));
			budget--;
			reviews++;
		}
		for (const card of waiting.splice(0, Math.floor(input.newPerDay / scale + random()))) {
			// A new card's first day: its learning steps, then it is in review.
			let memory = newMemoryState(at);
			for (let step = 0; step < 4 && memory.state !== State.Review; step++) {
				memory = scheduler.grade(memory, Rating.Good, Math.max(at, memory.due));
				reviews++;
			}
			card.memory = memory;
		}
	}
	const recalled =
		memories.reduce((sum, card) => sum + scheduler.retrievability(card.memory, input.examAt), 0) /
		Math.max(1, memories.length);
	return { recalled, reviews: reviews / Math.max(1, days) };
}
