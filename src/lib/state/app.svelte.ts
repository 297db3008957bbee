/**
 * App-wide state: the database connection, the interface language, and what stops the app from working (a storage
 * problem) or asks for a reload (a newer version in another tab).
 */
import contentVersion from 'virtual:reportcard/decks-version';
import {
	catalogue,
	contentLanguage,
	isLocale,
	loadPageAreas,
	localeFromLanguages,
	type Locale,
	type Messages,
	type PageArea
} from '../i18n';
import type { ContentLanguage } from '../domain/deck/model';
import { Scheduler } from '../domain/scheduling/scheduler';
import { DEFAULT_STUDY_SETTINGS, normalizeSettings, type StudySettings } from '../domain/settings';
import type { ReportCardDb } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { openStorage } from '../storage/open';
import { getSetting, setSetting } from '../storage/settings';

export type Clock = () => number;

/** What study sessions need from the app: time, settings, the scheduler and the content language. */
export interface StudyContext {
	readonly clock: Clock;
	readonly study: StudySettings;
	readonly scheduler: Scheduler;
	readonly contentLanguage: ContentLanguage;
}

class AppState implements StudyContext {
	#db: ReportCardDb | null = null;
	locale = $state<Locale>('en');
	ready = $state(false);
	/** A problem that stops the whole app, shown instead of the page. */
	fatal = $state<StorageProblem | null>(null);
	clock: Clock = () => Date.now();
	/** The learner's study settings; sessions read them when they build a queue or grade. */
	study = $state<StudySettings>(DEFAULT_STUDY_SETTINGS);
	/** The app schedules with fuzz on (tests build their own scheduler with it off). */
	readonly scheduler: Scheduler = $derived(new Scheduler({ ...this.study, fuzz: true }));

	/** Bumped when a page's message area arrives, so `t` includes it. */
	#areasLoaded = $state(0);
	readonly t: Messages = $derived.by(() => {
		void this.#areasLoaded;
		return catalogue(this.locale);
	});
	readonly contentLanguage: ContentLanguage = $derived(contentLanguage(this.locale));

	get db(): ReportCardDb {
		if (!this.#db) throw new Error('Storage is not open yet');
		return this.#db;
	}

	async start(browserLanguages: readonly string[]): Promise<void> {
		this.locale = localeFromLanguages(browserLanguages);
		try {
			this.#db = await openStorage({
				contentVersion,
				loadContent: async () => (await import('virtual:reportcard/decks')).default,
				now: this.clock(),
				onVersionChange: () => (this.fatal = 'outdated')
			});
			await this.applyStoredSettings();
			this.ready = true;
		} catch (error) {
			this.fatal = storageProblem(error);
		}
	}

	/** Take the learner's stored choices (at start, and after a backup brought others). */
	async applyStoredSettings(): Promise<void> {
		const chosen = await getSetting(this.db, 'locale');
		if (isLocale(chosen)) this.locale = chosen;
		this.study = normalizeSettings(await getSetting(this.db, 'study'));
	}

	/** Save study settings (normalised into their ranges); they apply from the next card or queue. */
	async saveStudy(changes: Partial<StudySettings>): Promise<void> {
		const next = normalizeSettings({ ...this.study, ...changes });
		await setSetting(this.db, 'study', next);
		this.study = next;
	}

	/** A page's own messages (large areas that only it shows), before it renders. */
	async loadMessages(...areas: PageArea[]): Promise<void> {
		await loadPageAreas(...areas);
		this.#areasLoaded++;
	}

	async setLocale(locale: Locale): Promise<void> {
		this.locale = locale;
		if (this.#db) await setSetting(this.#db, 'locale', locale);
	}
}

export const app = new AppState();
