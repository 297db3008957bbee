/**
 * A quiz in progress, for one chapter or the final exam: stored after every answer, so a reload or a closed tab
 * resumes where it was. Practice mode shows feedback after each question, exam mode only at the end.
 */
import type { Question } from '../domain/deck/model';
import {
	DEFAULT_QUIZ_LENGTH,
	FINAL_EXAM_ID,
	FINAL_EXAM_LENGTH,
	drawExamIds,
	drawQuestionIds,
	drawWeakSpotIds,
	isAnswered,
	quizItems,
	type QuizItem,
	type QuizResponse
} from '../domain/quiz/quiz';
import type { StoredChapter } from '../domain/collection';
import type { QuizAnswerRecord, QuizAttempt, QuizMode } from '../domain/quiz/attempt';
import type { StorageProblem } from '../domain/problems';
import { NO_CHAPTERS, chaptersById } from '../storage/chapters';
import { predictedCredits, predictedScore, questionRecall, type RecallSource } from '../domain/stats/prediction';
import { recallSource } from '../storage/prediction';
import {
	finishAttempt,
	lastFinishedAttempt,
	openAttempt,
	questionPool,
	recordAnswer,
	startAttempt,
	type QuizFocus
} from '../storage/quiz';
import type { StorageSource, StudyContext } from './app.svelte';
import { storageTask } from './task.svelte';

export interface QuizResultRow {
	item: QuizItem;
	record: QuizAnswerRecord | undefined;
}

export class QuizSession {
	items = $state.raw<QuizItem[]>([]);
	attempt = $state.raw<QuizAttempt | null>(null);
	index = $state(0);
	response = $state<QuizResponse | undefined>();
	/** Feedback for the current question is showing (practice mode). */
	checked = $state(false);
	/** The attempt was begun earlier and picked up again. */
	resumed = $state(false);
	loaded = $state(false);
	/** Every current chapter by id: the quizzed one, and those cited by final-exam questions. */
	chapters = $state.raw(NO_CHAPTERS);
	/** Loading, answering, starting again: one at a time; a failure leaves what is shown and says why. */
	readonly task = storageTask();
	/** No quiz open: the start screen shows (mode, number of questions, the last score). */
	atStart = $state(false);
	/** The mode and length the start screen offers, the learner's choice. */
	chosenMode = $state<QuizMode>('practice');
	chosenLength = $state(DEFAULT_QUIZ_LENGTH);
	/** The last finished attempt at this scope (a retry too), for the start screen and "Last results". */
	last = $state.raw<QuizAttempt | null>(null);
	poolSize = $state(0);
	/** The quiz shown finished in this visit (not results opened again): its score is announced. */
	justFinished = $state(false);
	/** The score predicted for a quiz drawn now (0 to 1), from the recall of the pool's cards; null before loading. */
	predicted = $state<number | null>(null);
	#pool: Question[] = [];
	#recall: RecallSource | null = null;

	constructor(
		private readonly storage: StorageSource,
		private readonly context: StudyContext,
		/** A chapter id, or FINAL_EXAM_ID. */
		readonly scope: string,
		preferredMode: QuizMode = scope === FINAL_EXAM_ID ? 'exam' : 'practice',
		private readonly newSeed: () => number = () => Math.floor(Math.random() * 2 ** 31),
		/** 'weak': the questions whose cards are fading, not a random draw. */
		readonly focus: QuizFocus = undefined
	) {
		this.chosenMode = preferredMode;
		this.chosenLength = scope === FINAL_EXAM_ID ? FINAL_EXAM_LENGTH : DEFAULT_QUIZ_LENGTH;
	}

	/** Read when a load or an action runs: the page builds this state before the database is open. */
	private get db() {
		return this.storage.db;
	}

	get problem(): StorageProblem | null {
		return this.task.problem;
	}

	get isFinalExam(): boolean {
		return this.scope === FINAL_EXAM_ID;
	}

	/** The chapter quizzed; undefined for the final exam, or (once loaded) for an unknown chapter id. */
	get chapter(): StoredChapter | undefined {
		return this.chapters.get(this.scope);
	}

	get unknownChapter(): boolean {
		return this.loaded && !this.isFinalExam && !this.chapter;
	}

	get current(): QuizItem | undefined {
		return this.items[this.index];
	}

	get finished(): boolean {
		return this.attempt?.finishedAt != null;
	}

	get mode(): QuizMode {
		return this.attempt?.mode ?? this.chosenMode;
	}

	/** The lengths the start screen offers: a short, the usual and a long quiz, never more than the pool holds. */
	get lengthChoices(): number[] {
		const usual = this.isFinalExam ? FINAL_EXAM_LENGTH : DEFAULT_QUIZ_LENGTH;
		const choices = [Math.ceil(usual / 2), usual, usual * 2].map((n) => Math.min(n, this.poolSize));
		return choices.filter((n, i) => n > 0 && choices.indexOf(n) === i);
	}

	/** The stored answer to the current question, once submitted. */
	get currentRecord(): QuizAnswerRecord | undefined {
		const id = this.current?.question.id;
		return this.attempt?.answers.find((a) => a.questionId === id);
	}

	get canSubmit(): boolean {
		return Boolean(this.current && !this.checked && isAnswered(this.current.question, this.response));
	}

	get results(): QuizResultRow[] {
		const answers = this.attempt?.answers ?? [];
		return this.items.map((item) => ({ item, record: answers.find((a) => a.questionId === item.question.id) }));
	}

	get missedIds(): string[] {
		return this.results.filter((row) => (row.record?.credit ?? 0) < 1).map((row) => row.item.question.id);
	}

	/** What was predicted for this attempt when it started (0 to 1), or null for an attempt from before predictions. */
	get attemptPredicted(): number | null {
		const predicted = this.attempt?.predicted;
		return predicted && predicted.length > 0 ? predicted.reduce((sum, p) => sum + p, 0) / predicted.length : null;
	}

	get cardsMadeDue(): number {
		return this.attempt?.answers.reduce((sum, a) => sum + a.cardsMadeDue, 0) ?? 0;
	}

	/**
	 * Resume the quiz left open, if any; otherwise the start screen, or with `showLast` the last results (from the
	 * chapter page: results and "Retry missed" stay reachable after leaving them).
	 */
	async load(showLast = false): Promise<void> {
		await this.task.run(async () => {
			this.chapters = await chaptersById(this.db);
			this.#pool = this.unknownScope() ? [] : await questionPool(this.db, this.scope);
			this.poolSize = this.#pool.length;
			this.chosenLength = Math.min(this.chosenLength, this.poolSize);
			await this.#readRecall();
			this.last = (await lastFinishedAttempt(this.db, this.scope, this.focus)) ?? null;
			const open = await openAttempt(this.db, this.scope, this.focus);
			if (open) this.#show(open, open.answers.length > 0);
			else if (showLast && this.last) this.#show(this.last, false);
			else this.atStart = true;
			// Every answer was saved but the tab closed before the results: finish it now.
			if (open && open.answers.length >= this.items.length && this.items.length > 0) await this.#finish();
			this.loaded = true;
		});
	}

	/** Start a quiz as chosen on the start screen. */
	async start(): Promise<void> {
		await this.task.run(async () => {
			await this.#readRecall();
			await this.#begin(this.#draw(), null);
		});
	}

	/** The pool's recall now: read again before each new attempt, since answers and reviews change it. */
	async #readRecall(): Promise<void> {
		const { scheduler, clock } = this.context;
		this.#recall = await recallSource(this.db, scheduler, this.#pool, clock());
		this.predicted = predictedScore(this.#pool, this.#recall);
	}

	/** The last results again, from the start screen. */
	showLast(): void {
		if (this.last) this.#show(this.last, false);
	}

	/** Back to the start screen (from results): choose the mode and length of the next quiz. */
	toStart(): void {
		if (this.attempt?.finishedAt != null) this.last = this.attempt;
		this.#show(null, false);
		this.atStart = true;
	}

	private unknownScope(): boolean {
		return !this.isFinalExam && !this.chapters.has(this.scope);
	}

	#draw(): string[] {
		const seed = this.newSeed();
		if (this.focus === 'weak') {
			const recall = this.#recall;
			return recall
				? drawWeakSpotIds(this.#pool, (question) => questionRecall(question, recall), seed, this.chosenLength)
				: [];
		}
		return this.isFinalExam
			? drawExamIds(this.#pool, seed, this.chosenLength)
			: drawQuestionIds(this.#pool, seed, this.chosenLength);
	}

	/** A full disk, say, throws: the attempt shown (if any) stays, and the learner is told why nothing started. */
	async #begin(questionIds: string[], retryOf: string | null): Promise<void> {
		if (questionIds.length === 0) {
			this.#show(null, false);
			return;
		}
		// A retry keeps the mode of the attempt it retries.
		if (retryOf !== null && this.attempt) this.chosenMode = this.attempt.mode;
		const attempt = await startAttempt(this.db, {
			scope: this.scope,
			mode: this.chosenMode,
			questionIds,
			seed: this.newSeed(),
			retryOf,
			now: this.context.clock(),
			predicted: this.#recall ? predictedCredits(this.#pool, questionIds, this.#recall) : undefined,
			focus: this.focus
		});
		this.#show(attempt, false);
	}

	#show(attempt: QuizAttempt | null, resumed: boolean): void {
		this.atStart = false;
		this.justFinished = false;
		this.attempt = attempt;
		this.items = attempt ? quizItems(this.#pool, attempt.questionIds, attempt.seed) : [];
		const answers = attempt?.answers ?? [];
		const firstOpen = this.items.findIndex((item) => !answers.some((a) => a.questionId === item.question.id));
		this.index = firstOpen === -1 ? Math.max(0, this.items.length - 1) : firstOpen;
		this.resumed = resumed;
		this.response = undefined;
		this.checked = false;
	}

	setResponse(response: QuizResponse): void {
		if (!this.checked) this.response = response;
	}

	/** Store the answer; in practice mode show the feedback, in exam mode go straight on. */
	async submit(): Promise<void> {
		const item = this.current;
		const attempt = this.attempt;
		const response = this.response;
		if (!item || !attempt || !response || !this.canSubmit) return;
		await this.task.run(async () => {
			this.attempt = await recordAnswer(this.db, this.context.scheduler, {
				attemptId: attempt.id,
				question: item.question,
				// A plain copy: IndexedDB cannot store Svelte's reactive proxies.
				response: $state.snapshot(response),
				now: this.context.clock()
			});
			this.checked = true;
			if (this.mode === 'exam') await this.#advance();
		});
	}

	async next(): Promise<void> {
		if (this.checked) await this.task.run(() => this.#advance());
	}

	async #advance(): Promise<void> {
		if (this.index + 1 < this.items.length) {
			this.index++;
			this.response = undefined;
			this.checked = false;
		} else {
			await this.#finish();
		}
	}

	async #finish(): Promise<void> {
		const attempt = this.attempt;
		if (!attempt) return;
		this.attempt = this.last = await finishAttempt(this.db, attempt.id, this.context.clock());
		this.justFinished = true;
	}

	/** A new attempt with only the questions missed (or only partly right) in this one. */
	async retryMissed(): Promise<void> {
		const attempt = this.attempt;
		if (!attempt) return;
		await this.task.run(async () => {
			await this.#readRecall();
			await this.#begin(this.missedIds, attempt.retryOf ?? attempt.id);
		});
	}
}
