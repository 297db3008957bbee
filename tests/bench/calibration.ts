/**
 * `npm run bench:calibration`: do predicted quiz scores prove themselves, and does the exam plan get learners there?
 *
 * Simulated learners study the real deck (decks/). Each has a memory of their own: FSRS with weights of their own (the
 * defaults, each initial stability and the forgetting parameters scaled at random), the ground truth of what they
 * recall. The app knows none of that: it schedules and predicts with its default weights, from the log alone, as it
 * does for a learner who has not optimised. Every day the learner reviews what the app says is due (remembering with
 * the chance their true memory gives) and starts new cards; every few days they take a chapter quiz, answering each
 * question right with the chance their true recall of its cards gives, or else guessing. The app's prediction for each
 * quiz is compared with the simulated score: mean absolute error and Brier score (per question).
 *
 * The exam plan: each learner sets an exam six weeks ahead with a target recall, and studies at the pace the plan
 * gives (every card started in time, everything due reviewed, the fading ones in the last days). The share of
 * learners who reach the target on the day, by their true memory, is printed with the plan's own forecast.
 *
 * Seeded: the same numbers every run. Environment: BENCH_LEARNERS (default 60).
 */
import { join } from 'node:path';
import { readDeckSources } from '../../src/build/deck-files';
import { compileDeck } from '../../src/lib/domain/deck/compile';
import type { Question } from '../../src/lib/domain/deck/model';
import { drawQuestionIds } from '../../src/lib/domain/quiz/quiz';
import { seededRandom } from '../../src/lib/domain/random';
import { State, newMemoryState, type MemoryState } from '../../src/lib/domain/scheduling/memory';
import { DEFAULT_WEIGHTS } from '../../src/lib/domain/scheduling/optimizer';
import { Rating, type Grade } from '../../src/lib/domain/scheduling/review-log';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { CRAM_DAYS, examPlan, type PlanCard } from '../../src/lib/domain/stats/exam-plan';
import { guessCredit, predictedCredit, questionRecall } from '../../src/lib/domain/stats/prediction';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 60);
const WEEKS = 8;
const NEW_PER_DAY = 8;
const QUIZ_EVERY_DAYS = 4;
const EXAM_AFTER_DAYS = 42;
const EXAM_TARGET = 0.85;
const DAY = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 5, 8);

const deck = compileDeck(readDeckSources(join(import.meta.dirname, '../../decks'))[0]!).deck;
const app = new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, fuzz: false });

interface SimCard {
	id: string;
	order: number;
	/** What the app holds, replayed from the log with its default weights. */
	app: MemoryState;
	/** What the learner really remembers. */
	truth: MemoryState;
}

/** A learner's own memory: the default weights, initial stabilities and forgetting scaled at random. */
function trueMemory(random: () => number): Scheduler {
	const scale = () => Math.exp((random() - 0.5) * 1.2);
	const weights = DEFAULT_WEIGHTS.map((w, i) => (i < 4 || i === 8 || i === 11 ? w * scale() : w));
	return new Scheduler({ ...DEFAULT_SCHEDULER_OPTIONS, fuzz: false, weights });
}

function grade(card: SimCard, rating: Grade, at: number, truth: Scheduler): void {
	card.app = app.grade(card.app, rating, at);
	card.truth = truth.grade(card.truth, rating, at);
}

/** Review what the app says is due today and start new cards; remembered with the true chance. */
function studyDay(
	cards: SimCard[],
	day: number,
	truth: Scheduler,
	random: () => number,
	newPerDay: number,
	cram?: { at: number; target: number }
): void {
	const at = START + day * DAY;
	const dayEnd = at + DAY - 8 * 60 * 60 * 1000;
	for (const card of cards) {
		if (card.app.state === State.New) continue;
		const due = card.app.due < dayEnd;
		const fading = cram && app.retrievability(card.app, cram.at) < cram.target;
		if (!due && !fading) continue;
		const when = Math.max(at, Math.min(card.app.due, dayEnd - 1));
		grade(card, random() < truth.retrievability(card.truth, when) ? Rating.Good : Rating.Again, when, truth);
	}
	let started = 0;
	for (const card of cards) {
		if (started >= newPerDay) break;
		if (card.app.state !== State.New) continue;
		started++;
		learnToReview(card, at, truth);
	}
}

/** Good through the learning steps; a fresh function so the state is read anew each step. */
function learnToReview(card: SimCard, at: number, truth: Scheduler): void {
	const inReview = (): boolean => card.app.state === State.Review;
	for (let step = 0; step < 4 && !inReview(); step++) {
		grade(card, Rating.Good, Math.max(at, card.app.due), truth);
	}
}

function mean(values: readonly number[]): number {
	return values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
}

const scoreErrors: number[] = [];
const squares: number[] = [];
const predictedScores: number[] = [];
const actualScores: number[] = [];
let reached = 0;
let forecastReached = 0;
const examRecalls: number[] = [];

for (let learner = 0; learner < LEARNERS; learner++) {
	const random = seededRandom(1000 + learner);
	const truth = trueMemory(random);
	const cards: SimCard[] = deck.cards.map((card) => ({
		id: card.id,
		order: card.order,
		app: newMemoryState(START),
		truth: newMemoryState(START)
	}));
	const byId = new Map(cards.map((card) => [card.id, card]));
	for (let day = 0; day < WEEKS * 7; day++) {
		studyDay(cards, day, truth, random, NEW_PER_DAY);
		if (day % QUIZ_EVERY_DAYS !== QUIZ_EVERY_DAYS - 1) continue;
		const at = START + day * DAY + 12 * 60 * 60 * 1000;
		const chapter = deck.chapters[Math.floor(random() * deck.chapters.length)]!;
		const pool = deck.questions.filter((q) => q.chapterId === chapter.id);
		const drawn = drawQuestionIds(pool, Math.floor(random() * 2 ** 31)).map((id) => pool.find((q) => q.id === id)!);
		const appSource = {
			memoryOf: (id: string) => byId.get(id)?.app,
			recall: (m: MemoryState) => app.retrievability(m, at)
		};
		const trueSource = {
			memoryOf: (id: string) => byId.get(id)?.truth,
			recall: (m: MemoryState) => truth.retrievability(m, at)
		};
		const predicted = drawn.map((q) => predictedCredit(q, appSource));
		const credits = drawn.map((q: Question) => {
			const recalled = random() < (questionRecall(q, trueSource) ?? 0);
			// Not recalled: a guess, worth on average what guessCredit says (a right guess of a choice question scores 1).
			return recalled ? 1 : random() < guessCredit(q) ? 1 : 0;
		});
		predicted.forEach((p, i) => squares.push((p - credits[i]!) ** 2));
		const [p, a] = [mean(predicted), mean(credits)];
		predictedScores.push(p);
		actualScores.push(a);
		scoreErrors.push(Math.abs(p - a));
	}

	// A second life of the same learner: an exam six weeks ahead, studied at the plan's pace.
	const planRandom = seededRandom(5000 + learner);
	const planTruth = trueMemory(seededRandom(1000 + learner));
	const fresh: SimCard[] = deck.cards.map((card) => ({
		id: card.id,
		order: card.order,
		app: newMemoryState(START),
		truth: newMemoryState(START)
	}));
	const examAt = START + EXAM_AFTER_DAYS * DAY;
	const planCards: PlanCard[] = fresh.map((card) => ({ memory: card.app, order: card.order }));
	const plan = examPlan(
		{
			cards: planCards,
			now: START,
			examAt,
			target: EXAM_TARGET,
			newPerDay: NEW_PER_DAY,
			reviewsPerDay: Infinity,
			rolloverHour: 4,
			seed: learner
		},
		app
	);
	const pace = Math.ceil(fresh.length / (EXAM_AFTER_DAYS - CRAM_DAYS));
	for (let day = 0; day < EXAM_AFTER_DAYS; day++) {
		const cram = EXAM_AFTER_DAYS - day <= CRAM_DAYS ? { at: examAt, target: EXAM_TARGET } : undefined;
		studyDay(fresh, day, planTruth, planRandom, Math.max(NEW_PER_DAY, pace), cram);
	}
	const recalled = mean(fresh.map((card) => planTruth.retrievability(card.truth, examAt)));
	examRecalls.push(recalled);
	if (recalled >= EXAM_TARGET) reached++;
	if (plan.reachable) forecastReached++;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const table = [
	`## ReportCard calibration benchmark (${LEARNERS} simulated learners, seeded)`,
	'',
	`Deck: ${deck.cards.length} cards, ${deck.questions.length} questions; ${WEEKS} weeks, ${NEW_PER_DAY} new cards a day, a chapter quiz every ${QUIZ_EVERY_DAYS} days (${scoreErrors.length} quizzes, ${squares.length} answers).`,
	'',
	'| measure | value |',
	'| --- | --- |',
	`| mean predicted quiz score | ${pct(mean(predictedScores))} |`,
	`| mean simulated quiz score | ${pct(mean(actualScores))} |`,
	`| mean absolute error of the predicted score | ${(mean(scoreErrors) * 100).toFixed(1)} points |`,
	`| Brier score per answer (0 is perfect; always answering 50 % scores 0.25) | ${mean(squares).toFixed(3)} |`,
	`| exam in ${EXAM_AFTER_DAYS} days, target ${pct(EXAM_TARGET)}: learners the plan brought to the target | ${reached} of ${LEARNERS} (${pct(reached / LEARNERS)}) |`,
	`| mean true recall on the exam day | ${pct(mean(examRecalls))} |`,
	`| learners the plan forecast would reach it | ${forecastReached} of ${LEARNERS} |`
].join('\n');
console.log(table);
