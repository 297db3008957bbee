/** Typed access to the settings table. */
import type { ReportCardDb } from './db';
import type { Locale } from '../domain/locale';
import { normalizeSettings, type StudySettings } from '../domain/settings';

export interface Settings {
	/** Version of the shipped decks last synced into the database. */
	contentVersion: string;
	/** The learner's choice of interface language; absent until they choose, so the browser's language applies. */
	locale: Locale;
	/** Scheduling, limits and review options, as last saved (normalizeSettings brings older ones in line). */
	study: Partial<StudySettings>;
	/** When this device last wrote a backup file (epoch ms); a fact about the device, so never itself backed up. */
	lastBackupAt: number;
	/** The learner closed the home screen's install hint. */
	installHintDismissed: boolean;
	/**
	 * Which version of the statistics caches (card digests, day tallies) this device built; absent when they must be
	 * rebuilt from the cards and the log (storage/stats.ts).
	 */
	statsCaches: number;
}

export async function getSetting<K extends keyof Settings>(db: ReportCardDb, key: K): Promise<Settings[K] | undefined> {
	return (await db.settings.get(key))?.value as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(
	db: ReportCardDb,
	key: K,
	value: Settings[K]
): Promise<void> {
	await db.settings.put({ key, value });
}

/** The learner's study settings as saved, brought into range. */
export async function readStudySettings(db: ReportCardDb): Promise<StudySettings> {
	return normalizeSettings(await getSetting(db, 'study'));
}
