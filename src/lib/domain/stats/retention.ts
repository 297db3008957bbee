/**
 * True retention, as Anki's table: of the reviews of cards in the review state (learning steps excluded), the share
 * not answered Again, for young cards (interval under 21 days) and mature ones, over the day tallies (tallies.ts).
 */
import type { DayTally, Tally } from './tallies';

export type { Tally };

/** The table's rows: how many study days each looks back, today included. */
export const RETENTION_PERIODS = { today: 1, week: 7, month: 30, year: 365 } as const;
export type RetentionPeriod = keyof typeof RETENTION_PERIODS;

export interface RetentionRow {
	period: RetentionPeriod;
	young: Tally;
	mature: Tally;
	total: Tally;
}

/** Passed / all, or null when there was nothing to count. */
export function retentionRate(tally: Tally): number | null {
	const all = tally.passed + tally.failed;
	return all === 0 ? null : tally.passed / all;
}

/** The table for study day `today`: each period's tallies added up. */
export function retentionTable(tallies: readonly DayTally[], today: number): RetentionRow[] {
	return (Object.keys(RETENTION_PERIODS) as RetentionPeriod[]).map((period) => {
		const row: RetentionRow = {
			period,
			young: { passed: 0, failed: 0 },
			mature: { passed: 0, failed: 0 },
			total: { passed: 0, failed: 0 }
		};
		const firstDay = today - RETENTION_PERIODS[period] + 1;
		for (const tally of tallies) {
			if (tally.day < firstDay || tally.day > today) continue;
			for (const group of ['young', 'mature'] as const) {
				row[group].passed += tally[group].passed;
				row[group].failed += tally[group].failed;
				row.total.passed += tally[group].passed;
				row.total.failed += tally[group].failed;
			}
		}
		return row;
	});
}
