/** Study days: a day starts at the rollover hour (4 am local, as in Anki), so a late-night review counts for the evening before. */

export const DEFAULT_ROLLOVER_HOUR = 4;
/** A day of 24 hours: a span of time, not a study day (a day a clock change shortens or lengthens is one of those). */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the study day containing `now`, in local time. */
export function studyDayStart(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
	const start = new Date(now);
	start.setHours(rolloverHour, 0, 0, 0);
	if (start.getTime() > now) start.setDate(start.getDate() - 1);
	return start.getTime();
}

/** Start of the next study day: cards due before it count as due today. */
export function studyDayEnd(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): number {
	const end = new Date(studyDayStart(now, rolloverHour));
	end.setDate(end.getDate() + 1);
	return end.getTime();
}

/** The local calendar date of `at` as YYYY-MM-DD (what a date input takes). */
export function localDate(at: number): string {
	const date = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
