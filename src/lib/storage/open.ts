/** Opening the database and keeping content in sync with the shipped decks. */
import type { CompiledDecks } from '../domain/deck/model';
import { learnerScheduler } from '../domain/scheduling/scheduler';
import { ReportCardDb } from './db';
import { OutdatedAppError } from './errors';
import { getSetting, readStudySettings } from './settings';

export interface OpenOptions {
	contentVersion: string;
	loadContent: () => Promise<CompiledDecks>;
	now: number;
	/** Called when a newer version of the app, in another tab, needs this connection closed to upgrade. */
	onVersionChange: () => void;
}

/** `db` is for tests (a database on fake-indexeddb); the app opens the device's own. */
export async function openStorage(options: OpenOptions, db = new ReportCardDb()): Promise<ReportCardDb> {
	db.on('versionchange', () => {
		// Let the other tab upgrade instead of blocking it; this tab then asks to be reloaded. Returning false keeps
		// Dexie's own handler from running, which would close with auto-reopen on and let old code touch new data.
		db.close();
		options.onVersionChange();
		return false;
	});
	await db.open();
	// Dexie opens a database a newer app already upgraded as if it were ours: refuse instead of writing old rows.
	if (db.backendDB().version > Math.round(db.verno * 10)) {
		db.close();
		throw new OutdatedAppError();
	}
	await ensureContent(db, options.contentVersion, options.loadContent, options.now);
	return db;
}

/**
 * Sync content if the database holds another version than `version`. `load` fetches the full decks, and the sync code
 * is loaded, only then: a normal start reads one setting and loads neither.
 * @returns whether a sync ran.
 */
export async function ensureContent(
	db: ReportCardDb,
	version: string,
	load: () => Promise<CompiledDecks>,
	now: number
): Promise<boolean> {
	if ((await getSetting(db, 'contentVersion')) === version) return false;
	const [{ syncContent }, decks, study] = await Promise.all([import('./content'), load(), readStudySettings(db)]);
	// New cards are replayed from whatever log they already have, with the learner's own scheduling.
	await syncContent(db, learnerScheduler(study), decks, now);
	return true;
}
