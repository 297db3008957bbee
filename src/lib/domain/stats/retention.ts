/**
 * True retention, as Anki's table: of the reviews of cards in the review state (learning steps excluded), the share
 * not answered Again, for young cards (interval under 21 days) and mature ones. The interval a review was scheduled
 * with is not stored in the log, so each card's log is replayed to know it.
 */
import { State, newMemoryState } from '../scheduling/memory';
import { Rating, compareEvents, type ReviewEvent } from '../scheduling/review-log';
import type { Scheduler } from '../scheduling/scheduler';
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { startOfStudyDay, studyDay } from './days';

/** A card is mature once its interval reaches three weeks (Anki's definition). */
export const MATURE_INTERVAL_DAYS = 21;

/** The table's rows: how many study days each looks back, today included. */
export const RETENTION_PERIODS = { today: 1, week: 7, month: 30, year: 365 } as const;
export type RetentionPeriod = keyof typeof RETENTION_PERIODS;

export interface Tally {
	passed: number;
	failed: number;
}

export interface RetentionRow {
	period: RetentionPeriod;
	young: Tally;
	mature: Tally;
	total: Tally;
}

export interface CardLog {
	introducedAt: number;
	events: readonly ReviewEvent[];
}

/** Passed / all, or null when there was nothing to count. */
export function retentionRate(tally: Tally): number | null {
	const all = tally.passed + tally.failed;
	return all === 0 ? null : tally.passed / all;
}

export interface RetentionWindow {
	period: RetentionPeriod;
	/** Start of the period's first study day (epoch ms). */
	from: number;
}

export function retentionWindows(now: number, rolloverHour = DEFAULT_ROLLOVER_HOUR): RetentionWindow[] {
	const today = studyDay(now, rolloverHour);
	return (Object.keys(RETENTION_PERIODS) as RetentionPeriod[]).map((period) => ({
		period,
		from: startOfStudyDay(today - RETENTION_PERIODS[period] + 1, rolloverHour)
	}));
}

function emptyRows(windows: readonly RetentionWindow[]): RetentionRow[] {
	return windows.map(({ period }) => ({
		period,
		young: { passed: 0, failed: 0 },
		mature: { passed: 0, failed: 0 },
		total: { passed: 0, failed: 0 }
	}));
}

/**
 * One card's part of the table, or null when it has no review in any window. Cards are counted one by one so a page
 * can keep each card's part and add up any chapter at once, and spread the replaying over several tasks.
 */
export function cardRetention(
	log: CardLog,
	windows: readonly RetentionWindow[],
	scheduler: Scheduler
): RetentionRow[] | null {
	const earliest = Math.min(...windows.map((w) => w.from));
	// Replaying is the costly part: skip cards with no grade in the longest period.
	if (!log.events.some((event) => event.kind === 'grade' && event.at >= earliest)) return null;
	const rows = emptyRows(windows);
	let memory = newMemoryState(log.introducedAt);
	for (const event of [...log.events].sort(compareEvents)) {
		if (event.kind === 'grade' && event.at >= earliest && memory.state === State.Review) {
			const group = memory.scheduledDays >= MATURE_INTERVAL_DAYS ? 'mature' : 'young';
			const outcome = event.rating === Rating.Again ? 'failed' : 'passed';
			windows.forEach(({ from }, i) => {
				if (event.at < from) return;
				rows[i][group][outcome]++;
				rows[i].total[outcome]++;
			});
		}
		memory = scheduler.apply(memory, event);
	}
	return rows;
}

/** The table: every card's part added up. */
export function sumRetention(
	windows: readonly RetentionWindow[],
	parts: Iterable<RetentionRow[] | null | undefined>
): RetentionRow[] {
	const rows = emptyRows(windows);
	for (const part of parts) {
		part?.forEach((row, i) => {
			for (const group of ['young', 'mature', 'total'] as const) {
				rows[i][group].passed += row[group].passed;
				rows[i][group].failed += row[group].failed;
			}
		});
	}
	return rows;
}
