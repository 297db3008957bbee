/**
 * Study days as whole numbers, for counting and charting by day. A study day starts at the rollover hour (domain/time)
 * and is numbered by the local calendar date it starts on, counted in days since 1970-01-01. Arithmetic on these
 * numbers is calendar arithmetic: a 23- or 25-hour day around a daylight-saving change is still exactly one day.
 */
import { DAY_MS, DEFAULT_ROLLOVER_HOUR, studyDayStart } from '../time';

/** The study day that `at` (epoch ms) falls in. */
export function studyDay(at: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
	const start = new Date(studyDayStart(at, rolloverHour));
	return Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY_MS;
}

/** When study day `day` begins (epoch ms): the rollover hour, local time, on its calendar date. */
export function startOfStudyDay(day: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
	const date = new Date(day * DAY_MS);
	return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), rolloverHour).getTime();
}

/** Day of the week the study day's calendar date falls on, 0 = Sunday. */
export function weekday(day: number): number {
	return new Date(day * DAY_MS).getUTCDay();
}

/**
 * The calendar date of a study day as a Date at midnight UTC: format it with `timeZone: 'UTC'` to show the learner's
 * own date whatever the device's time zone.
 */
export function calendarDate(day: number): Date {
	return new Date(day * DAY_MS);
}
