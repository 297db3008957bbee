/** Typed access to the settings table. */
import type { ReportCardDb } from './db';
import type { Locale } from '../domain/locale';
import { studyDayStart } from '../domain/time';
import { changesScheduling, normalizeSettings, type StudySettings } from '../domain/settings';
import { stampChanges, type SettingStamps } from '../domain/sync/settings-merge';
import { PROJECTIONS_MARKER } from './projections/marker';
import type { SyncAccount, SyncDevice, SyncReadState, SyncReport } from './sync';

export interface Settings {
	/** Version of the shipped decks last synced into the database. */
	contentVersion: string;
	/** The learner's choice of interface language; absent until they choose, so the browser's language applies. */
	locale: Locale;
	/** Scheduling, limits and review options, as last saved (normalizeSettings brings older ones in line). */
	study: Partial<StudySettings>;
	/** When this device last wrote a backup file (epoch ms); a fact about the device, so never itself backed up. */
	lastBackupAt: number;
	/** New cards the learner asked for beyond today's limit ("Study N more new cards today"), for one study day. */
	extraNew: { dayStart: number; count: number };
	/** The learner closed the home screen's install hint. */
	installHintDismissed: boolean;
	/**
	 * Which version of the statistics caches (card digests, day tallies) this device built; absent when they must be
	 * rebuilt from the cards and the log (storage/stats.ts).
	 */
	statsCaches: number;
	/** This device's id, made when first needed: the name of its folder on a sync server, the author of its changes. */
	deviceId: string;
	/** When and where each learner setting was last changed, so synced devices agree on the last change. */
	settingStamps: SettingStamps;
	/** The learner's WebDAV server and credentials: on this device only, never in a backup or a log. */
	syncAccount: SyncAccount;
	/** An account the learner asked to connect, kept across the one reload that lets the app reach its server. */
	syncPending: SyncAccount;
	/** This device's state as a sync writer: its next segment number, what it still owes the server. */
	syncDevice: SyncDevice;
	/** The segments of other devices this device has read, and those it could not. */
	syncRead: SyncReadState;
	/** What the last sync did (or why it failed), for the Settings page. */
	syncLast: SyncReport;
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

/** Extra new cards allowed today (0 on any other day than the one they were asked for). */
export async function extraNewToday(db: ReportCardDb, now: number, rolloverHour: number): Promise<number> {
	const extra = await getSetting(db, 'extraNew');
	return extra?.dayStart === studyDayStart(now, rolloverHour) ? extra.count : 0;
}

/** Let `count` more new cards in today, on top of any asked for earlier today. */
export async function studyMoreNew(db: ReportCardDb, now: number, rolloverHour: number, count: number): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const dayStart = studyDayStart(now, rolloverHour);
		await setSetting(db, 'extraNew', { dayStart, count: (await extraNewToday(db, now, rolloverHour)) + count });
	});
}

/** This device's id, made the first time it is asked for. */
export async function deviceId(db: ReportCardDb): Promise<string> {
	return db.transaction('rw', db.settings, async () => {
		const stored = await getSetting(db, 'deviceId');
		if (stored) return stored;
		const id = crypto.randomUUID();
		await setSetting(db, 'deviceId', id);
		return id;
	});
}

/**
 * Save the learner's own settings (study settings, interface language), stamping each one that changed with this
 * device and `now` so synced devices agree on the last change. A study setting that changes how the log replays
 * (retention, steps, maximum interval, weights) drops the projections' marker in the same transaction: the day
 * tallies counted each grade with the scheduling of its time, and the statistics page counts them again with the new
 * one on its next visit.
 */
export async function saveLearnerSettings(
	db: ReportCardDb,
	changes: { study?: StudySettings; locale?: Locale },
	now: number
): Promise<void> {
	const device = await deviceId(db);
	await db.transaction('rw', db.settings, async () => {
		const before = { study: await readStudySettings(db), locale: await getSetting(db, 'locale') };
		const after = { study: changes.study ?? before.study, locale: changes.locale ?? before.locale };
		if (changes.study) await setSetting(db, 'study', changes.study);
		if (changes.locale) await setSetting(db, 'locale', changes.locale);
		const stamps = stampChanges(before, after, { at: now, device });
		await setSetting(db, 'settingStamps', { ...(await getSetting(db, 'settingStamps')), ...stamps });
		if (changesScheduling(before.study, after.study)) await db.settings.delete(PROJECTIONS_MARKER);
	});
}
