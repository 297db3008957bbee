/** A chapter quiz in progress: stored after every answer, so a reload or a closed tab resumes where it was. */
import { DEFAULT_QUIZ_LENGTH, drawQuiz, isCorrect, isPlayable, type QuizItem } from '../domain/quiz/quiz';
import type { QuizAttempt, ReportCardDb, StoredChapter } from '../storage/db';
import { findChapter } from '../storage/overview';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { chapterQuestions, finishAttempt, openAttempt, recordAnswer, startAttempt } from '../storage/quiz';
import type { Clock } from './app.svelte';

export class QuizSession {
	items = $state<QuizItem[]>([]);
	attempt = $state<QuizAttempt | null>(null);
	index = $state(0);
	selected = $state<number[]>([]);
	/** Feedback for the current question is showing. */
	checked = $state(false);
	/** The attempt was begun earlier and picked up again. */
	resumed = $state(false);
	loaded = $state(false);
	/** Undefined after loading means the chapter id in the address is unknown. */
	chapter = $state<StoredChapter | undefined>();
	problem = $state<StorageProblem | null>(null);

	readonly current: QuizItem | undefined = $derived(this.items[this.index]);
	readonly finished = $derived(this.attempt?.finishedAt != null);
	readonly lastAnswerCorrect = $derived(
		this.current ? this.attempt?.answers.find((a) => a.questionId === this.current?.question.id)?.correct : undefined
	);

	constructor(
		private readonly db: ReportCardDb,
		private readonly clock: Clock,
		readonly chapterId: string,
		private readonly newSeed: () => number = () => Math.floor(Math.random() * 2 ** 31)
	) {}

	async load(): Promise<void> {
		this.chapter = await findChapter(this.db, this.chapterId);
		const pool = await chapterQuestions(this.db, this.chapterId);
		const playable = pool.filter(isPlayable).length;
		let attempt = await openAttempt(this.db, this.chapterId);
		this.resumed = Boolean(attempt && attempt.answers.length > 0);
		if (!attempt && playable > 0) {
			const length = Math.min(DEFAULT_QUIZ_LENGTH, playable);
			attempt = await startAttempt(this.db, this.chapterId, this.newSeed(), length, this.clock());
		}
		this.attempt = attempt ?? null;
		this.items = attempt ? drawQuiz(pool, attempt.seed, attempt.length) : [];
		this.index = attempt?.answers.length ?? 0;
		// Every answer was saved but the tab closed before the results: finish it now.
		if (attempt && attempt.answers.length >= this.items.length && this.items.length > 0) {
			this.index = this.items.length - 1;
			this.checked = true;
			await this.next();
		}
		this.loaded = true;
	}

	toggle(option: number): void {
		const question = this.current?.question;
		if (!question || this.checked) return;
		if (question.kind === 'multiple') {
			this.selected = this.selected.includes(option)
				? this.selected.filter((o) => o !== option)
				: [...this.selected, option];
		} else {
			this.selected = [option];
		}
	}

	async check(): Promise<void> {
		const item = this.current;
		const attempt = this.attempt;
		if (!item || !attempt || this.checked || this.selected.length === 0) return;
		// A plain copy: IndexedDB cannot store Svelte's reactive proxies.
		const chosen = $state.snapshot(this.selected);
		const answer = { questionId: item.question.id, answer: chosen, correct: isCorrect(item.question, chosen) };
		try {
			await recordAnswer(this.db, attempt.id, answer);
			const answers = [...attempt.answers, answer];
			this.attempt = { ...attempt, answers, correct: answers.filter((a) => a.correct).length };
			this.checked = true;
			this.problem = null;
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}

	async next(): Promise<void> {
		const attempt = this.attempt;
		if (!attempt || !this.checked) return;
		if (this.index + 1 < this.items.length) {
			this.index++;
			this.selected = [];
			this.checked = false;
			return;
		}
		try {
			const now = this.clock();
			await finishAttempt(this.db, attempt.id, now);
			this.attempt = { ...attempt, finishedAt: now };
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}

	/** Start a fresh attempt at the same chapter. */
	async restart(): Promise<void> {
		this.selected = [];
		this.checked = false;
		await this.load();
	}
}
