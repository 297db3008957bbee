/** One formatter per kind of value, per locale: every number, date and interval the interface shows goes through here. */
import type { Locale } from './locales';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

export function formatPercent(locale: Locale, ratio: number): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}

/** A span of time as a grade button shows it: "10 min", "3 days", "1.2 mths" / "10分钟", "3天", "1.2个月". */
export function formatInterval(locale: Locale, ms: number): string {
	const [value, unit] =
		ms < HOUR
			? [Math.max(1, Math.round(ms / MINUTE)), 'minute']
			: ms < DAY
				? [Math.round(ms / HOUR), 'hour']
				: ms < MONTH
					? [Math.round(ms / DAY), 'day']
					: ms < YEAR
						? [Math.round((ms / MONTH) * 10) / 10, 'month']
						: [Math.round((ms / YEAR) * 10) / 10, 'year'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

export function formatDateTime(locale: Locale, at: number): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatDate(locale: Locale, at: number): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
}

/** A duration such as a session's time: "4 min 05 s" style via Intl, minutes and seconds. */
export function formatDuration(locale: Locale, ms: number): string {
	const minutes = Math.floor(ms / MINUTE);
	const seconds = Math.round((ms % MINUTE) / 1000);
	const unit = (value: number, u: string) =>
		new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
	return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(seconds, 'second');
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
