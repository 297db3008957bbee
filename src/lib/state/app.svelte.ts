/**
 * App-wide state: the database connection, the interface language, and what stops the app from working (a storage
 * problem) or asks for a reload (a newer version in another tab).
 */
import contentVersion from 'virtual:reportcard/decks-version';
import { catalogues, contentLanguage, isLocale, localeFromLanguages, type Locale, type Messages } from '../i18n';
import type { ContentLanguage } from '../domain/deck/model';
import type { ReportCardDb } from '../storage/db';
import { storageProblem, type StorageProblem } from '../storage/errors';
import { openStorage } from '../storage/open';
import { getSetting, setSetting } from '../storage/settings';

export type Clock = () => number;

class AppState {
	#db: ReportCardDb | null = null;
	locale = $state<Locale>('en');
	ready = $state(false);
	/** A problem that stops the whole app, shown instead of the page. */
	fatal = $state<StorageProblem | null>(null);
	clock: Clock = () => Date.now();

	readonly t: Messages = $derived(catalogues[this.locale]);
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
	}

	async setLocale(locale: Locale): Promise<void> {
		this.locale = locale;
		if (this.#db) await setSetting(this.#db, 'locale', locale);
	}
}

export const app = new AppState();
