/** When to remind the learner to back up: only when work that exists nowhere but on this device is getting old. */
import { DAY_MS } from '../time';

export const BACKUP_REMINDER_DAYS = 7;

export interface BackupStatus {
	/** When this device last wrote a backup file, or null if never. */
	lastBackupAt: number | null;
	/** The oldest review or finished quiz that came after the last backup, or null if there is none. */
	oldestUnsavedAt: number | null;
}

/** Due once the oldest unsaved work is more than a week old, so a learner who backs up weekly is never nagged. */
export function backupIsDue(status: BackupStatus, now: number): boolean {
	return status.oldestUnsavedAt !== null && now - status.oldestUnsavedAt > BACKUP_REMINDER_DAYS * DAY_MS;
}
