/** Typed access to the settings table. */
import type { ReportCardDb } from './db';
import type { Locale } from '../domain/locale';
import { changesScheduling, normalizeSettings, type StudySettings } from '../domain/settings';
import { PROJECTIONS_MARKER } from './projections/marker';

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

/**
 * Save the learner's study settings. One that changes how the log replays (retention, steps, maximum interval,
 * weights) drops the projections' marker in the same transaction: the day tallies counted each grade with the
 * scheduling of its time, and the statistics page counts them again with the new one on its next visit.
 */
export async function saveStudySettings(db: ReportCardDb, study: StudySettings): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const before = await readStudySettings(db);
		await setSetting(db, 'study', study);
		if (changesScheduling(before, study)) await db.settings.delete(PROJECTIONS_MARKER);
	});
}
