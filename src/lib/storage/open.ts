/** Opening the database and keeping content in sync with the shipped decks. */
import type { CompiledDecks } from '../domain/deck/model';
import { ensureContent } from './content';
import { ReportCardDb } from './db';

export interface OpenOptions {
	contentVersion: string;
	loadContent: () => Promise<CompiledDecks>;
	now: number;
	/** Called when a newer version of the app, in another tab, needs this connection closed to upgrade. */
	onVersionChange: () => void;
}

export async function openStorage(options: OpenOptions): Promise<ReportCardDb> {
	const db = new ReportCardDb();
	db.on('versionchange', () => {
		// Let the other tab upgrade instead of blocking it; this tab then asks to be reloaded.
		db.close();
		options.onVersionChange();
		return false;
	});
	await db.open();
	await ensureContent(db, options.contentVersion, options.loadContent, options.now);
	return db;
}
