/**
 * Whether the projections hold: a setting written with them. A new database starts with it; a database upgraded from
 * before they existed, or rows written straight into IndexedDB (test seeders), lack it, and the statistics page then
 * rebuilds them once (rebuild.ts).
 */
import type { ReportCardDb } from '../db';

/** The setting's key (named when the only projections were the statistics caches). */
export const PROJECTIONS_MARKER = 'statsCaches';
/** Raise when a projection's meaning changes: every device then rebuilds them on its next visit to the statistics. */
export const PROJECTIONS_VERSION = 1;

export async function projectionsStale(db: ReportCardDb): Promise<boolean> {
	return (await db.settings.get(PROJECTIONS_MARKER))?.value !== PROJECTIONS_VERSION;
}

export async function markProjectionsBuilt(db: ReportCardDb): Promise<void> {
	await db.settings.put({ key: PROJECTIONS_MARKER, value: PROJECTIONS_VERSION });
}
