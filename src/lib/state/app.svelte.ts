/**
 * App-wide state: the database connection, the interface language, and what stops the app from working (a storage
 * problem) or asks for a reload (a newer version in another tab).
 */
import { untrack } from 'svelte';
import contentVersion, { decksUrl } from 'virtual:reportcard/decks-version';
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
import type { CompiledDecks, ContentLanguage } from '../domain/deck/model';
import type { Scheduler } from '../domain/scheduling/scheduler';
import { DEFAULT_STUDY_SETTINGS, contentLanguages, normalizeSettings, type StudySettings } from '../domain/settings';
import type { ReportCardDb } from '../storage/db';
import type { StorageProblem } from '../domain/problems';
import { ContentDownloadError, storageProblem } from '../storage/errors';
import { getSetting, readStudySettings, saveLearnerSettings } from '../storage/settings';

export type Clock = () => number;

/** The compiled decks are data, fetched (and precached by the service worker) as JSON written by our own build. */
async function loadDecks(): Promise<CompiledDecks> {
	const response = await fetch(decksUrl).catch((error: unknown) => {
		throw new ContentDownloadError(String(error));
	});
	if (!response.ok) throw new ContentDownloadError(`HTTP ${response.status}`);
	return (await response.json()) as CompiledDecks;
}
/** Start loading a module as soon as the app's code runs in a browser (not while prerendering); awaited where needed. */
function early<Module>(load: () => Promise<Module>): () => Promise<Module> {
	const started = typeof window === 'undefined' ? undefined : load();
	started?.catch(() => undefined);
	return () => started ?? load();
}
/**
 * Neither the database code (Dexie, the storage modules) nor the scheduler (ts-fsrs) is needed to paint a page: they
 * download from the moment the app's code runs, beside the page, instead of before it.
 */
const storageModule = early(() => import('../storage/open'));
const schedulingModule = early(() => import('../domain/scheduling/scheduler'));
type Scheduling = Awaited<ReturnType<typeof schedulingModule>>;
/**
 * A first visit (no service worker yet) always needs the decks and the code that stores them: both downloads start as
 * soon as the app's code runs, before the first page mounts, and overlap opening the database instead of following it.
 */
const firstVisit = typeof window !== 'undefined' && !navigator.serviceWorker?.controller;
const firstVisitDecks = firstVisit ? loadDecks() : undefined;
firstVisitDecks?.catch(() => undefined);
if (firstVisit) early(() => import('../storage/content'));

/** app.html reads the learner's language from here before the first paint, when no script can read IndexedDB yet. */
const LOCALE_MIRROR = 'reportcard.locale';

/** The language app.html chose before the first paint: the page is hydrated in it. */
function pageLocale(): Locale {
	if (typeof document === 'undefined') return 'en';
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : localeFromLanguages(navigator.languages);
}

function mirrorLocale(locale: Locale): void {
	try {
		localStorage.setItem(LOCALE_MIRROR, locale);
	} catch {
		// Storage refused (private mode, full): the next start shows the browser's language first, then the chosen one.
	}
}

/** What study sessions need from the app: time, settings, the scheduler and the content language. */
export interface StudyContext {
	readonly clock: Clock;
	readonly study: StudySettings;
	readonly scheduler: Scheduler;
	readonly contentLanguage: ContentLanguage;
}

/**
 * The database, for state a page creates before it is open (every page paints from its HTML first): read only when a
 * load or an action runs, which the page allows once the app is ready (`whenReady`).
 */
export interface StorageSource {
	readonly db: ReportCardDb;
}

/** What the settings screens need on top: saving the study settings. */
export interface StudySettingsStore extends StudyContext {
	saveStudy(changes: Partial<StudySettings>): Promise<void>;
}

class AppState implements StudySettingsStore, StorageSource {
	#db: ReportCardDb | null = null;
	locale = $state<Locale>(pageLocale());
	ready = $state(false);
	/** A problem that stops the whole app, shown instead of the page. */
	fatal = $state<StorageProblem | null>(null);
	/** A write that no page owns failed (the language choice): shown above the page until dismissed. */
	problem = $state<StorageProblem | null>(null);
	clock: Clock = () => Date.now();
	/** The learner's study settings; sessions read them when they build a queue or grade. */
	study = $state<StudySettings>(DEFAULT_STUDY_SETTINGS);
	#scheduling = $state.raw<Scheduling | null>(null);
	/** The app schedules with fuzz on (tests build their own scheduler with it off). Read once the app is ready. */
	readonly scheduler: Scheduler = $derived.by(() => {
		if (!this.#scheduling) throw new Error('The scheduler is not loaded yet');
		return this.#scheduling.learnerScheduler(this.study);
	});

	/** Bumped when a page's message area arrives, so `t` includes it. */
	#areasLoaded = $state(0);
	readonly t: Messages = $derived.by(() => {
		void this.#areasLoaded;
		return catalogue(this.locale);
	});
	readonly #languages = $derived(contentLanguages(this.study.contentLanguage, contentLanguage(this.locale)));
	/** The language cards and questions are shown in (a study setting; by default the interface's). */
	readonly contentLanguage: ContentLanguage = $derived(this.#languages.primary);
	/** With "both languages": the other one, shown under the answer; otherwise null. */
	readonly secondLanguage: ContentLanguage | null = $derived(this.#languages.second);

	get db(): ReportCardDb {
		if (!this.#db) throw new Error('Storage is not open yet');
		return this.#db;
	}

	/**
	 * Run a page's first read once the database is open and the scheduler loaded (at once if they are). Call while a
	 * component initialises: the page paints its own text before, from HTML, and only what it reads waits.
	 */
	whenReady(load: () => unknown): void {
		$effect(() => {
			// Untracked: the read must not run again whenever something it touches changes.
			if (this.ready) untrack(load);
		});
	}

	async start(): Promise<void> {
		try {
			const [{ openStorage }, scheduling] = await Promise.all([storageModule(), schedulingModule()]);
			this.#scheduling = scheduling;
			this.#db = await openStorage({
				contentVersion,
				loadContent: () => firstVisitDecks ?? loadDecks(),
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
		if (isLocale(chosen)) {
			this.locale = chosen;
			mirrorLocale(chosen);
		}
		this.study = await readStudySettings(this.db);
	}

	/** Save study settings (normalised into their ranges); they apply from the next card or queue. */
	async saveStudy(changes: Partial<StudySettings>): Promise<void> {
		const next = normalizeSettings({ ...this.study, ...changes });
		await saveLearnerSettings(this.db, { study: next }, this.clock());
		this.study = next;
	}

	/** A page's own messages (large areas that only it shows), before it renders. */
	async loadMessages(...areas: PageArea[]): Promise<void> {
		await loadPageAreas(...areas);
		this.#areasLoaded++;
	}

	/** Switch at once; if the choice cannot be saved the learner is told, and it still holds until a reload. */
	async setLocale(locale: Locale): Promise<void> {
		this.locale = locale;
		mirrorLocale(locale);
		if (!this.#db) return;
		try {
			await saveLearnerSettings(this.#db, { locale }, this.clock());
			this.problem = null;
		} catch (error) {
			this.problem = storageProblem(error);
		}
	}
}

export const app = new AppState();
