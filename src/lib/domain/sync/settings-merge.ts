/**
 * Settings that follow the learner from device to device: the interface language and each study setting, merged one
 * by one, the last change winning. "Last" is by the time each device's clock gave the change, ties (and equal clocks)
 * broken by device id, so every device picks the same winner whatever order it hears of the changes. Device facts
 * (content version, backups, the sync account itself) never travel.
 */
import { isLocale, type Locale } from '../locale';
import { DEFAULT_STUDY_SETTINGS, normalizeSettings, type StudySettings } from '../settings';

export type SyncedSetting = 'locale' | `study.${keyof StudySettings}`;

/** When, and on which device, a setting was last changed. */
export interface Stamp {
	at: number;
	device: string;
}

export type StampedSettings = Partial<Record<SyncedSetting, Stamp & { value: unknown }>>;
export type SettingStamps = Partial<Record<SyncedSetting, Stamp>>;

const STUDY_KEYS = Object.keys(DEFAULT_STUDY_SETTINGS) as (keyof StudySettings)[];
export const SYNCED_SETTINGS: readonly SyncedSetting[] = [
	'locale',
	...STUDY_KEYS.map((key) => `study.${key}` as const)
];

/** What a device holds: its values and when each was last changed (never-changed settings have no stamp). */
export interface LearnerSettings {
	locale: Locale | undefined;
	study: StudySettings;
	stamps: SettingStamps;
}

/** The stamped values a segment carries: every setting this device has a stamp for. */
export function stampedSettings(settings: LearnerSettings): StampedSettings {
	const stamped: StampedSettings = {};
	for (const key of SYNCED_SETTINGS) {
		const stamp = settings.stamps[key];
		if (stamp) stamped[key] = { ...stamp, value: valueOf(settings, key) };
	}
	return stamped;
}

/** Stamps for the settings that differ between `before` and `after`, changed on `device` at `at`. */
export function stampChanges(
	before: Omit<LearnerSettings, 'stamps'>,
	after: Omit<LearnerSettings, 'stamps'>,
	stamp: Stamp
): SettingStamps {
	const stamps: SettingStamps = {};
	for (const key of SYNCED_SETTINGS) {
		if (JSON.stringify(valueOf(before, key)) !== JSON.stringify(valueOf(after, key))) stamps[key] = stamp;
	}
	return stamps;
}

/**
 * The device's settings with every remote change that is later than its own applied, and which keys changed.
 * Values that do not fit (an unknown language, a setting out of range) are brought into line as a stored one is.
 */
export function mergeSettings(
	local: LearnerSettings,
	remote: StampedSettings
): { settings: LearnerSettings; changed: SyncedSetting[] } {
	let locale = local.locale;
	const study: Record<string, unknown> = { ...local.study };
	const stamps: SettingStamps = { ...local.stamps };
	const changed: SyncedSetting[] = [];
	for (const key of SYNCED_SETTINGS) {
		const theirs = remote[key];
		const mine = local.stamps[key];
		if (!theirs || (mine && !later(theirs, mine))) continue;
		if (key === 'locale') {
			if (!isLocale(theirs.value)) continue;
			locale = theirs.value;
		} else {
			study[key.slice('study.'.length)] = theirs.value;
		}
		stamps[key] = { at: theirs.at, device: theirs.device };
		changed.push(key);
	}
	return { settings: { locale, study: normalizeSettings(study), stamps }, changed };
}

function later(a: Stamp, b: Stamp): boolean {
	return a.at > b.at || (a.at === b.at && a.device > b.device);
}

function valueOf(settings: Omit<LearnerSettings, 'stamps'>, key: SyncedSetting): unknown {
	return key === 'locale' ? settings.locale : settings.study[key.slice('study.'.length) as keyof StudySettings];
}
