/** The learner's study settings, their defaults and their allowed ranges. */
import type { ContentLanguage } from './deck/model';
import { DEFAULT_ROLLOVER_HOUR } from './time';

/** Which language cards and questions are shown in: the interface's, one fixed, or both (the other on the back). */
export const CONTENT_LANGUAGE_CHOICES = ['interface', 'zh', 'en', 'both'] as const;
export type ContentLanguageChoice = (typeof CONTENT_LANGUAGE_CHOICES)[number];

export interface StudySettings {
	/** Target probability of recall when a card comes due. */
	desiredRetention: number;
	/** Short-term (re)learning steps within the day (ts-fsrs `enable_short_term`). */
	learningSteps: boolean;
	maximumIntervalDays: number;
	/** FSRS model weights; null uses ts-fsrs' defaults until the learner applies optimised ones. */
	weights: number[] | null;
	/** Hour (local) at which a study day starts. */
	rolloverHour: number;
	newPerDay: number;
	reviewsPerDay: number;
	/** Type the hidden words of cloze cards instead of only recalling them. */
	typeAnswers: boolean;
	/** Start one new card of a note a day: a sibling graded or due today keeps the new others until tomorrow. */
	burySiblings: boolean;
	contentLanguage: ContentLanguageChoice;
	/** A card forgotten this many times is a leech (Anki's default: 8): marked, and offered to read again or suspend. */
	leechLapses: number;
	/** The day the learner must know the report (YYYY-MM-DD, local), or null for none. */
	examDate: string | null;
	/** The recall the learner wants on that day: the share of cards they would recall. */
	examRecall: number;
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
	desiredRetention: 0.9,
	learningSteps: true,
	maximumIntervalDays: 36500,
	weights: null,
	rolloverHour: DEFAULT_ROLLOVER_HOUR,
	newPerDay: 20,
	reviewsPerDay: 200,
	typeAnswers: false,
	burySiblings: true,
	contentLanguage: 'interface',
	leechLapses: 8,
	examDate: null,
	examRecall: 0.9
};

export const SETTING_RANGES = {
	desiredRetention: { min: 0.7, max: 0.99, step: 0.01 },
	maximumIntervalDays: { min: 1, max: 36500, step: 1 },
	rolloverHour: { min: 0, max: 23, step: 1 },
	newPerDay: { min: 0, max: 9999, step: 1 },
	reviewsPerDay: { min: 0, max: 99999, step: 1 },
	leechLapses: { min: 2, max: 99, step: 1 },
	examRecall: { min: 0.5, max: 0.99, step: 0.01 }
} as const;

/** A calendar date as the date input gives it. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type RangedKey = keyof typeof SETTING_RANGES;

/** Whether a value typed for a ranged setting is one it takes: within its range and on its step. */
export function inRange(range: { min: number; max: number; step: number }, value: number): boolean {
	if (!Number.isFinite(value) || value < range.min || value > range.max) return false;
	const steps = (value - range.min) / range.step;
	return Math.abs(steps - Math.round(steps)) < 1e-6;
}

/** Settings as stored may be partial or out of range (an older version, a hand-edited backup): bring them in line. */
export function normalizeSettings(stored: Partial<StudySettings> | undefined): StudySettings {
	const settings = { ...DEFAULT_STUDY_SETTINGS };
	// Only known keys, each of the right kind: a backup or an older version may carry anything.
	for (const key of Object.keys(DEFAULT_STUDY_SETTINGS) as (keyof StudySettings)[]) {
		const value = stored?.[key];
		if (value !== undefined && typeof value === typeof DEFAULT_STUDY_SETTINGS[key]) {
			Object.assign(settings, { [key]: value });
		}
	}
	if (Array.isArray(stored?.weights)) settings.weights = stored.weights;
	const examDate = stored?.examDate;
	settings.examDate = typeof examDate === 'string' && DATE.test(examDate) ? examDate : null;
	for (const key of Object.keys(SETTING_RANGES) as RangedKey[]) {
		const { min, max, step } = SETTING_RANGES[key];
		const value = Number(settings[key]);
		settings[key] = Number.isFinite(value)
			? Math.min(max, Math.max(min, Math.round(value / step) * step))
			: DEFAULT_STUDY_SETTINGS[key];
	}
	settings.desiredRetention = Math.round(settings.desiredRetention * 100) / 100;
	settings.examRecall = Math.round(settings.examRecall * 100) / 100;
	if (settings.weights && !settings.weights.every((w) => Number.isFinite(w))) settings.weights = null;
	if (!CONTENT_LANGUAGE_CHOICES.includes(settings.contentLanguage)) settings.contentLanguage = 'interface';
	return settings;
}

/**
 * The languages content is shown in: `primary` everywhere, `second` (or null) under it on the back of a card and
 * in a question's explanation. "Both" keeps the interface's language first.
 */
export function contentLanguages(
	choice: ContentLanguageChoice,
	interfaceLanguage: ContentLanguage
): { primary: ContentLanguage; second: ContentLanguage | null } {
	if (choice === 'zh' || choice === 'en') return { primary: choice, second: null };
	if (choice === 'both') return { primary: interfaceLanguage, second: interfaceLanguage === 'zh' ? 'en' : 'zh' };
	return { primary: interfaceLanguage, second: null };
}

/** The settings a replay depends on: what the scheduler is built from. */
const SCHEDULING_KEYS = ['desiredRetention', 'learningSteps', 'maximumIntervalDays', 'weights'] as const;

/** Whether going from `before` to `after` changes how the log replays (and so what its projections count). */
export function changesScheduling(before: StudySettings, after: StudySettings): boolean {
	return SCHEDULING_KEYS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
