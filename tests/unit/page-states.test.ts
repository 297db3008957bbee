/**
 * The state classes of the card browser, the chapter text, the optimizer and the home screen, driven as their pages
 * drive them on fake-indexeddb; and every one of them, given a database that fails, ends its loading in a problem the
 * page shows with a way out, never in "Loading" forever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { BackupReminderState } from '../../src/lib/state/backup-reminder.svelte';
import { CardBrowser } from '../../src/lib/state/card-browser.svelte';
import { ChapterView } from '../../src/lib/state/chapter-view.svelte';
import { RestoreState } from '../../src/lib/state/data.svelte';
import { ExamPlanState } from '../../src/lib/state/exam-plan.svelte';
import type { ExamPlanReply, ExamPlanRequest } from '../../src/lib/workers/exam-plan.worker';
import { HomeState } from '../../src/lib/state/home.svelte';
import { MapState } from '../../src/lib/state/map.svelte';
import { OptimizerState, optimizerProblem } from '../../src/lib/state/optimizer.svelte';
import { QuizSession } from '../../src/lib/state/quiz-session.svelte';
import { ReviewSession } from '../../src/lib/state/review-session.svelte';
import { StatsState } from '../../src/lib/state/stats.svelte';
import { exportBackup } from '../../src/lib/storage/backup';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { gradeCard } from '../../src/lib/storage/reviews';
import { DEFAULT_STUDY_SETTINGS, type StudySettings } from '../../src/lib/domain/settings';
import {
	DAY,
	MINUTE,
	NOW,
	compiled,
	damageCard,
	exactScheduler,
	makeCard,
	makeDeck,
	openTestDb,
	studyContext
} from './factories';

const scheduler = exactScheduler();
let db: ReportCardDb;
const context = studyContext({ clock: () => NOW + DAY, scheduler });

beforeEach(async () => {
	db = openTestDb();
	const cards = [
		makeCard({ id: 'a', order: 1, front: { zh: '芯片', en: 'Chips' } }),
		makeCard({ id: 'b', order: 2, front: { zh: '基金', en: 'Fund' } })
	];
	await syncContent(db, scheduler, compiled(makeDeck(cards)), NOW);
	await gradeCard(db, scheduler, { cardId: 'a', rating: Rating.Good, now: NOW + MINUTE, durationMs: 1, shownReps: 0 });
});
afterEach(() => {
	db.close();
	vi.unstubAllGlobals();
});

describe('card browser', () => {
	it('lists, filters and opens cards with their history; suspends and resets one card', async () => {
		const browser = new CardBrowser({ db }, context);
		await browser.load();
		expect(browser.loaded).toBe(true);
		expect(browser.matches.map((card) => card.id)).toEqual(['a', 'b']);
		browser.filter = { text: 'fund', chapterId: null, status: null };
		expect(browser.matches.map((card) => card.id)).toEqual(['b']);
		browser.filter = { text: '', chapterId: null, status: null };

		const [a] = browser.matches;
		if (!a) throw new Error('no card a');
		await browser.select(a);
		expect(browser.history.map((event) => event.kind)).toEqual(['grade']);
		expect(browser.retrievability(a)).toBeGreaterThan(0);

		await browser.toggleSuspended(a);
		expect(browser.selected?.suspended).toBe(1);
		expect(browser.history.map((event) => event.kind)).toEqual(['grade', 'suspend']);
		expect(browser.matches.find((card) => card.id === 'a')?.suspended).toBe(1);

		await browser.reset(browser.selected ?? a);
		expect(browser.selected?.memory.reps).toBe(0);
		expect(browser.problem).toBeNull();
		await browser.select(null);
		expect(browser.history).toEqual([]);
	});

	it('says why, and keeps the card as it was, when a change cannot be saved', async () => {
		const browser = new CardBrowser({ db }, context);
		await browser.load();
		const [a] = browser.matches;
		if (!a) throw new Error('no card a');
		db.reviews.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await browser.toggleSuspended(a);
		expect(browser.problem).toBe('quota');
		expect(browser.matches.find((card) => card.id === 'a')?.suspended).toBe(0);
		browser.task.dismiss();
		expect(browser.problem).toBeNull();
	});
});

describe('chapter text', () => {
	it('groups the summary by section, and knows an unknown chapter', async () => {
		const view = new ChapterView({ db }, 'ch1');
		await view.load();
		expect(view.sections.map((section) => [section.number, section.paragraphs.length])).toEqual([[1, 1]]);
		const unknown = new ChapterView({ db }, 'nowhere');
		await unknown.load();
		expect([unknown.loaded, unknown.chapter, unknown.sections]).toEqual([true, undefined, []]);
	});
});

describe('optimizer', () => {
	/** A worker that answers with `reply` instead of fitting. */
	function fakeWorker(reply: { weights: number[] } | { error: string }) {
		return class {
			onmessage: ((event: { data: unknown }) => void) | null = null;
			onerror: ((event: { message: string }) => void) | null = null;
			postMessage() {
				queueMicrotask(() => this.onmessage?.({ data: reply }));
			}
			terminate() {}
		};
	}

	/** Settings kept in memory, as the app saves them. */
	function settingsStore() {
		const store = { ...context, study: { ...context.study }, saved: [] as Partial<StudySettings>[] };
		return Object.assign(store, {
			saveStudy(changes: Partial<StudySettings>) {
				store.saved.push(changes);
				store.study = { ...store.study, ...changes };
				return Promise.resolve();
			}
		});
	}

	it('counts the graded reviews, fits in a worker, shows both losses, and applies or drops the weights', async () => {
		const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
		vi.stubGlobal('Worker', fakeWorker({ weights }));
		const settings = settingsStore();
		const optimizer = new OptimizerState({ db }, settings);
		await optimizer.load();
		expect([optimizer.reviews, optimizer.enoughReviews]).toEqual([1, false]);

		await optimizer.run();
		expect(optimizer.status).toBe('done');
		expect(optimizer.fitted).toEqual(weights);
		expect(optimizer.currentLoss).not.toBeNull();
		await optimizer.apply();
		expect([optimizer.status, settings.study.weights]).toEqual(['applied', weights]);
		await optimizer.useDefaults();
		expect([optimizer.status, settings.study.weights]).toEqual(['idle', null]);
	});

	it('says the fit failed, and changes nothing, when the worker cannot fit', async () => {
		vi.stubGlobal('Worker', fakeWorker({ error: 'no WebAssembly' }));
		const settings = settingsStore();
		const optimizer = new OptimizerState({ db }, settings);
		await optimizer.run();
		expect(optimizer.status).toBe('idle');
		expect(optimizer.task.problem).toEqual({ kind: 'fit', reason: 'no WebAssembly' });
		expect(settings.saved).toEqual([]);
		expect(optimizerProblem(new DOMException('x', 'QuotaExceededError'))).toEqual({
			kind: 'storage',
			problem: 'quota'
		});
	});
});

describe('backup reminder', () => {
	it('is due once work a week old exists only here, and stays quiet when storage cannot be read', async () => {
		const reminder = new BackupReminderState({ db }, () => NOW + 9 * DAY);
		await reminder.load();
		expect(reminder.due).toBe(true);
		db.close();
		await reminder.load();
		expect(reminder.due).toBe(false);
	});
});

describe('restore', () => {
	it('reads a file chosen the moment a restore shows its result', async () => {
		const file = new File([await exportBackup(db, NOW + DAY)], 'reportcard-backup.jsonl.gz');
		// Taking up the restored settings takes a moment; a file chosen before it ended used to be refused.
		const tookUpSettings = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
		const context = { db, clock: () => NOW + DAY, scheduler, save: () => undefined };
		const restore = new RestoreState(context, tookUpSettings);
		await restore.choose(file);
		const merging = restore.start();
		await vi.waitFor(() => expect(restore.result).not.toBeNull(), { interval: 1 });
		await restore.choose(file);
		expect(restore.backup).not.toBeNull();
		await merging;
	});
});

describe('exam plan', () => {
	const withExam = studyContext({
		clock: () => NOW + DAY,
		scheduler,
		study: { ...DEFAULT_STUDY_SETTINGS, examDate: '2027-01-15' }
	});

	it('says the plan could not be worked out when the browser refuses the worker, and keeps the days left', async () => {
		vi.stubGlobal(
			'Worker',
			class {
				constructor() {
					throw new Error('SecurityError: workers are disabled');
				}
			}
		);
		const exam = new ExamPlanState({ db }, withExam);
		await exam.load();
		expect([exam.failed, exam.plan, exam.problem]).toEqual([true, null, null]);
		expect(exam.daysLeft).toBeGreaterThan(0);
	});

	it('sends damaged progress to Check data instead of blaming the browser, with the real simulation', async () => {
		await damageCard(db, 'a');
		// The worker module sets `self.onmessage` as it loads; here it runs in the test's own thread.
		vi.stubGlobal('self', {});
		const { planReply } = await import('../../src/lib/workers/exam-plan.worker');
		vi.stubGlobal(
			'Worker',
			class {
				onmessage: ((event: { data: ExamPlanReply }) => void) | null = null;
				postMessage(request: ExamPlanRequest) {
					queueMicrotask(() => this.onmessage?.({ data: planReply(request) }));
				}
				terminate() {}
			}
		);
		const exam = new ExamPlanState({ db }, withExam);
		await exam.load();
		expect([exam.failed, exam.plan, exam.problem]).toEqual([false, null, 'damaged']);
	});

	it('says so when the worker fails while it works', async () => {
		vi.stubGlobal(
			'Worker',
			class {
				onerror: ((event: { message: string }) => void) | null = null;
				postMessage() {
					queueMicrotask(() => this.onerror?.({ message: 'out of memory' }));
				}
				terminate() {}
			}
		);
		const exam = new ExamPlanState({ db }, withExam);
		await exam.load();
		expect([exam.failed, exam.plan]).toEqual([true, null]);
	});

	it('does nothing without an exam date, and ends in a problem when storage fails', async () => {
		const none = new ExamPlanState({ db }, context);
		await none.load();
		expect([none.failed, none.plan, none.daysLeft]).toEqual([false, null, null]);
		const exam = new ExamPlanState({ db }, withExam);
		db.close();
		await exam.load();
		expect(exam.problem).toBe('outdated');
	});
});

describe('a database that fails', () => {
	const pages = {
		'card browser': () => new CardBrowser({ db }, context),
		'chapter text': () => new ChapterView({ db }, 'ch1'),
		home: () => new HomeState({ db }, context),
		'report map': () => new MapState({ db }, context),
		statistics: () => new StatsState({ db }, context, null),
		quiz: () => new QuizSession({ db }, context, 'ch1'),
		optimizer: () => new OptimizerState({ db }, { ...context, saveStudy: () => Promise.resolve() })
	};

	it.each(Object.keys(pages) as (keyof typeof pages)[])('ends the %s’s loading in a problem', async (name) => {
		const state = pages[name]();
		db.close();
		await state.load();
		const problem = state instanceof OptimizerState ? state.task.problem : state.problem;
		expect(problem).toEqual(state instanceof OptimizerState ? { kind: 'storage', problem: 'outdated' } : 'outdated');
	});

	it('ends the review session’s start in a problem', async () => {
		const session = new ReviewSession({ db }, context);
		db.close();
		await session.start();
		expect([session.loaded, session.problem]).toEqual([false, 'outdated']);
	});
});
