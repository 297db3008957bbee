/** One formatter per kind of value, per locale: every number, date and interval the interface shows goes through here. */
import { calendarDate } from '../domain/stats/days';
import type { Locale } from '../domain/locale';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Shown in place of a figure not read yet (a page painted before its data): one character wide, never a false 0. */
export const UNKNOWN_FIGURE = '–';

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/** Intl formatters are slow to build and a chart formats hundreds of values: keep one per locale and style. */
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
	let formatter = formatters.get(key) as T | undefined;
	if (!formatter) formatters.set(key, (formatter = build()));
	return formatter;
}

export function formatPercent(locale: Locale, ratio: number, fractionDigits = 0): string {
	return cached(
		`p:${locale}:${fractionDigits}`,
		() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits })
	).format(ratio);
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
	return cached(
		`n:${locale}:${fractionDigits}`,
		() => new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits })
	).format(value);
}

type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

function formatUnit(locale: Locale, value: number, unit: Unit, digits = 0): string {
	return cached(
		`u:${locale}:${unit}:${digits}`,
		() => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits })
	).format(value);
}

/** A span of time as a grade button shows it: "10 min", "3 days", "1.2 mths" / "10分钟", "3天", "1.2个月". */
export function formatInterval(locale: Locale, ms: number): string {
	if (ms < HOUR) return formatUnit(locale, Math.max(1, Math.round(ms / MINUTE)), 'minute');
	if (ms < DAY) return formatUnit(locale, Math.round(ms / HOUR), 'hour');
	if (ms < MONTH) return formatUnit(locale, Math.round(ms / DAY), 'day');
	if (ms < YEAR) return formatUnit(locale, ms / MONTH, 'month', 1);
	return formatUnit(locale, ms / YEAR, 'year', 1);
}

export function formatDateTime(locale: Locale, at: number): string {
	return cached(
		`dt:${locale}`,
		() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	).format(at);
}

const DAY_STYLES = {
	/** 12 Mar / 3月12日 */
	short: { month: 'short', day: 'numeric' },
	/** Thu, 12 Mar 2026 */
	long: { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' },
	/** Mar 2026 */
	month: { month: 'short', year: 'numeric' },
	/** Mar */
	monthOnly: { month: 'short' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/** A study day (domain/stats/days) as the learner's calendar date. */
export function formatDay(locale: Locale, day: number, style: keyof typeof DAY_STYLES): string {
	// The day is encoded as midnight UTC of its local date, so it is formatted in UTC to show that same date.
	return cached(
		`d:${locale}:${style}`,
		() => new Intl.DateTimeFormat(locale, { ...DAY_STYLES[style], timeZone: 'UTC' })
	).format(calendarDate(day));
}

/** Time spent: "1 hr 5 min", "12 min", "40 sec". */
export function formatDuration(locale: Locale, ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return formatUnit(locale, seconds, 'second');
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return formatUnit(locale, minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	const hourText = formatUnit(locale, hours, 'hour');
	return rest === 0 ? hourText : `${hourText} ${formatUnit(locale, rest, 'minute')}`;
}

/** Minutes, for a chart's axis: "90 min", whole or to one decimal. */
export function formatMinutes(locale: Locale, minutes: number): string {
	return formatUnit(locale, minutes, 'minute', minutes < 10 ? 1 : 0);
}

/** A span in days, with one decimal under ten days: "3.5 days", "120 days". */
export function formatDays(locale: Locale, days: number): string {
	return formatUnit(locale, days, 'day', days < 10 ? 1 : 0);
}

/** A size in storage: "2.4 MB", "1.2 GB" (decimal units, as phones show them). */
export function formatBytes(locale: Locale, bytes: number): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
	const power = Math.min(units.length - 1, Math.max(0, Math.floor(Math.log10(Math.max(bytes, 1)) / 3)));
	const value = bytes / 1000 ** power;
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: units[power],
		// "12 bytes" reads better than "12 byte"; larger units are abbreviated.
		unitDisplay: power === 0 ? 'long' : 'short',
		maximumFractionDigits: value < 10 && power > 0 ? 1 : 0
	}).format(value);
}
