/** The home screen's reminder to back up: due once work older than a week exists only on this device. */
import { backupIsDue, type BackupStatus } from '../domain/backup/reminder';
import { backupStatus } from '../storage/backup-status';
import type { Clock, StorageSource } from './app.svelte';

export class BackupReminderState {
	status = $state.raw<BackupStatus | null>(null);

	constructor(
		/** Read when `load` runs, once the database is open. */
		private readonly storage: StorageSource,
		private readonly clock: Clock
	) {}

	get due(): boolean {
		return this.status !== null && backupIsDue(this.status, this.clock());
	}

	async load(): Promise<void> {
		// A reminder is a nicety: if storage cannot be read, the pages that need it say so.
		this.status = await backupStatus(this.storage.db).catch(() => null);
	}
}
