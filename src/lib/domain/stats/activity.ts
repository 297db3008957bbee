/** Reviews over time: per study day (counted in tallies.ts), per month, and laid out as a calendar heatmap. */
import { calendarDate, weekday } from './days';
import type { DayTally } from './tallies';

export interface DayActivity {
	day: number;
	reviews: number;
	durationMs: number;
}

/** Reviews and time on every study day from `firstDay` to `lastDay` inclusive, days without reviews included. */
export function dailyActivity(tallies: readonly DayTally[], firstDay: number, lastDay: number): DayActivity[] {
	const days = Array.from({ length: Math.max(0, lastDay - firstDay + 1) }, (_, i) => ({
		day: firstDay + i,
		reviews: 0,
		durationMs: 0
	}));
	for (const tally of tallies) {
		const bucket = days[tally.day - firstDay];
		if (!bucket) continue;
		bucket.reviews += tally.reviews;
		bucket.durationMs += tally.durationMs;
	}
	return days;
}

export interface MonthActivity {
	/** The first day of the range that falls in this calendar month. */
	firstDay: number;
	reviews: number;
	/** Days with at least one review. */
	activeDays: number;
	durationMs: number;
}

/** Days summed per calendar month, oldest first: the heatmap as a table. */
export function monthlyTotals(days: readonly DayActivity[]): MonthActivity[] {
	const months: MonthActivity[] = [];
	let current = '';
	for (const day of days) {
		const date = calendarDate(day.day);
		const month = `${date.getUTCFullYear()}-${date.getUTCMonth()}`;
		let total = months.at(-1);
		if (month !== current || !total) {
			total = { firstDay: day.day, reviews: 0, activeDays: 0, durationMs: 0 };
			months.push(total);
			current = month;
		}
		total.reviews += day.reviews;
		total.durationMs += day.durationMs;
		if (day.reviews > 0) total.activeDays++;
	}
	return months;
}

/** 0 = Sunday, 1 = Monday: where a week starts differs by locale. */
export type WeekStart = 0 | 1;

/**
 * Lay days out as a calendar heatmap: one column per week, seven rows starting on `weekStartsOn`; places before the
 * first day and after the last are null.
 */
export function heatmapWeeks(days: readonly DayActivity[], weekStartsOn: WeekStart): (DayActivity | null)[][] {
	const [first] = days;
	if (!first) return [];
	const lead = (weekday(first.day) - weekStartsOn + 7) % 7;
	const cells: (DayActivity | null)[] = [...Array<null>(lead).fill(null), ...days];
	while (cells.length % 7 !== 0) cells.push(null);
	return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** Weeks between two month names over a heatmap: about the width of "Sep" or "10月" at the smallest strip. */
export const MONTH_LABEL_WEEKS = 3;

/**
 * Where a heatmap strip names its months: the week holding each month's first day, and the strip's first week for
 * the month it starts in (so a strip beginning mid-month names it). A name too near the previous one is left out
 * rather than drawn over it, and one too near the end is moved back to fit; so names never overlap or leave the strip.
 */
export function monthLabels(
	strip: readonly (readonly (DayActivity | null)[])[],
	gap = MONTH_LABEL_WEEKS
): { column: number; day: number }[] {
	const labels: { column: number; day: number }[] = [];
	strip.forEach((week, column) => {
		const days = week.filter((day) => day !== null);
		const first = days.find((day) => calendarDate(day.day).getUTCDate() === 1) ?? (column === 0 ? days[0] : undefined);
		if (!first) return;
		const at = Math.min(column, Math.max(0, strip.length - gap));
		const previous = labels.at(-1);
		if (previous && at - previous.column < gap) {
			// A month that starts right after the strip's first, partial month names itself instead of it.
			if (previous.column === 0 && labels.length === 1 && column > 0) labels.pop();
			else return;
		}
		labels.push({ column: at, day: first.day });
	});
	return labels;
}
