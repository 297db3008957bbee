/**
 * Whether a backup is due: kept apart from the backup code so the home screen's reminder loads without the backup
 * schema and its validator.
 */
import type { BackupStatus } from '../domain/backup/reminder';
import type { ReportCardDb } from './db';
import { getSetting } from './settings';

/** When this device last wrote a backup, and the oldest work done since, read through indexes. */
export async function backupStatus(db: ReportCardDb): Promise<BackupStatus> {
	return db.transaction('r', [db.settings, db.reviews, db.attempts], async () => {
		const lastBackupAt = (await getSetting(db, 'lastBackupAt')) ?? null;
		const since = lastBackupAt ?? -Infinity;
		const [review, attempt] = await Promise.all([
			db.reviews.where('at').above(since).first(),
			db.attempts.where('finishedAt').above(since).first()
		]);
		const times = [review?.at, attempt?.finishedAt].filter((t): t is number => typeof t === 'number');
		return { lastBackupAt, oldestUnsavedAt: times.length > 0 ? Math.min(...times) : null };
	});
}
