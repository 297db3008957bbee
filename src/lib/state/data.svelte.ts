/**
 * The "Your data" page: backup and restore, files for other apps, imported decks, and the integrity check. One small
 * state class per panel; every action says what it did or, if it failed, why, and a failed action changes nothing.
 */
import { backupFileName, localDate, MAX_PLAIN_BACKUP_BYTES } from '../domain/backup/format';
import type { ImportMode, ImportSummary } from '../domain/backup/merge';
import {
	BackupFileError,
	isGzip,
	readPlainBackup,
	readStreamedBackup,
	type BackupProblem,
	type CheckedBackup
} from '../domain/backup/read';
import { backupIsDue, type BackupStatus } from '../domain/backup/reminder';
import type { ContentLanguage } from '../domain/deck/model';
import { DeckTextError, MAX_DECK_FILE_BYTES, parseAnkiText, type DeckTextProblem } from '../domain/interop/anki-text';
import { exportBackup, importBackup, previewImport, recordBackup } from '../storage/backup';
import { backupStatus } from '../storage/backup-status';
import type { ReportCardDb } from '../storage/db';
import type { StorageProblem } from '../domain/problems';
import type { IntegrityReport } from '../domain/scheduling/integrity';
import { storageProblem } from '../storage/errors';
import { checkData, setAsideRows } from '../storage/integrity';
import { ankiFile, reviewLogFile } from '../storage/interop';
import {
	deleteUserDeck,
	importUserDeck,
	listUserDecks,
	type UserDeckImport,
	type UserDeckSummary
} from '../storage/user-decks';
import type { StorageSource, StudyContext } from './app.svelte';
import { downloadFile, type SaveFile } from './save-file';
import { Task } from './task.svelte';

export type DataProblem =
	| { kind: 'storage'; problem: StorageProblem }
	| { kind: 'backup'; problem: BackupProblem }
	| { kind: 'deck'; problems: DeckTextProblem[] }
	/** The chosen file could not be read (moved, deleted, or a folder). */
	| { kind: 'unreadable' }
	/** Stored data failed the backup schema, so no backup was written. */
	| { kind: 'damaged' };

/** Classify whatever an action threw into something the learner can be told. */
export function dataProblem(error: unknown): DataProblem {
	if (error instanceof BackupFileError) return { kind: 'backup', problem: error.problem };
	if (error instanceof DeckTextError) return { kind: 'deck', problems: error.problems };
	if (error instanceof DOMException && (error.name === 'NotReadableError' || error.name === 'NotFoundError')) {
		return { kind: 'unreadable' };
	}
	return { kind: 'storage', problem: storageProblem(error) };
}

/** A backup being written fails its own schema only when what is stored is damaged. */
function damagedData(error: unknown): DataProblem {
	return error instanceof BackupFileError ? { kind: 'damaged' } : dataProblem(error);
}

/** How far a long action (writing or restoring a backup) has got: rows done of the total. */
export interface DataProgress {
	step: 'writing' | 'checking' | 'restoring';
	done: number;
	total: number;
}

/** A task of the Data page: one action at a time, its outcome, and the progress of a long one. */
class Action extends Task<DataProblem> {
	/** Set while an action that reports its progress runs. */
	progress = $state.raw<DataProgress | null>(null);

	constructor() {
		super(dataProblem);
	}

	override async run<T>(work: () => Promise<T>, classify = dataProblem): Promise<T | undefined> {
		try {
			return await super.run(work, classify);
		} finally {
			this.progress = null;
		}
	}

	/** A progress callback for one step of the running action. */
	protected track(step: DataProgress['step']): (done: number, total: number) => void {
		return (done, total) => {
			this.progress = { step, done, total };
		};
	}
}

export interface DataContext extends Pick<StudyContext, 'clock' | 'scheduler'> {
	db: ReportCardDb;
	save: SaveFile;
}

/** The last backup and whether one is due; also what the home screen's reminder shows. */
export class BackupState extends Action {
	status = $state.raw<BackupStatus | null>(null);
	savedAs = $state<string | null>(null);

	constructor(private readonly context: DataContext) {
		super();
	}

	get due(): boolean {
		return this.status !== null && backupIsDue(this.status, this.context.clock());
	}

	async load(): Promise<void> {
		await this.run(async () => {
			this.status = await backupStatus(this.context.db);
		});
	}

	async download(): Promise<void> {
		await this.run(async () => {
			const { db, clock, save } = this.context;
			const now = clock();
			const file = await exportBackup(db, now, this.track('writing'));
			const name = backupFileName(now);
			save({ name, type: file.type, data: file });
			await recordBackup(db, now);
			this.savedAs = name;
			this.status = await backupStatus(db);
		}, damagedData);
	}
}

/** Restoring a backup file: read and check it first, then merge, or replace after a confirmation that shows the loss. */
export class RestoreState extends Action {
	backup = $state.raw<CheckedBackup | null>(null);
	mode = $state<ImportMode>('merge');
	/** Set while a replace waits for the learner's go-ahead: what it would add and remove. */
	confirming = $state.raw<ImportSummary | null>(null);
	result = $state.raw<ImportSummary | null>(null);

	constructor(
		private readonly context: DataContext,
		/** Called after an import, which may have brought settings (the language) and progress. */
		private readonly onImported: () => Promise<void>
	) {
		super();
	}

	async choose(file: File | undefined): Promise<void> {
		this.backup = null;
		this.confirming = null;
		this.result = null;
		if (!file) return;
		await this.run(async () => {
			if (isGzip(new Uint8Array(await file.slice(0, 2).arrayBuffer()))) {
				this.backup = await readStreamedBackup(() => file.stream(), this.track('checking'));
				return;
			}
			// Files from before the streamed format are one JSON text, read whole.
			if (file.size > MAX_PLAIN_BACKUP_BYTES) {
				throw new BackupFileError({ kind: 'tooLarge', limit: MAX_PLAIN_BACKUP_BYTES });
			}
			this.backup = readPlainBackup(await file.text());
		});
	}

	async start(): Promise<void> {
		const backup = this.backup;
		if (!backup) return;
		if (this.mode === 'merge') return this.import(backup);
		await this.run(async () => {
			this.confirming = await previewImport(this.context.db, backup, 'replace', this.context.clock());
		});
	}

	async confirm(): Promise<void> {
		if (this.backup && this.confirming) await this.import(this.backup);
	}

	cancel(): void {
		this.confirming = null;
	}

	private async import(backup: CheckedBackup): Promise<void> {
		await this.run(async () => {
			const result = await importBackup(
				this.context.db,
				this.context.scheduler,
				backup,
				this.mode,
				this.context.clock(),
				this.track('restoring')
			);
			this.confirming = null;
			this.backup = null;
			// The result shows once everything is done: a file chosen as soon as it shows is read, not refused as
			// arriving while the settings were still being taken up.
			try {
				await this.onImported();
			} finally {
				this.result = result;
			}
		});
	}
}

/** Files for other apps: the review log for the FSRS optimizer and the cards for Anki. */
export class ToolsState extends Action {
	constructor(private readonly context: DataContext) {
		super();
	}

	async reviewLog(): Promise<void> {
		await this.run(async () => {
			const text = await reviewLogFile(this.context.db);
			const name = `reportcard-review-log-${localDate(this.context.clock())}.csv`;
			this.context.save({ name, type: 'text/csv', data: text });
		});
	}

	async anki(language: ContentLanguage): Promise<void> {
		await this.run(async () => {
			const text = await ankiFile(this.context.db, language);
			const name = `reportcard-anki-${language}-${localDate(this.context.clock())}.txt`;
			this.context.save({ name, type: 'text/tab-separated-values', data: text });
		});
	}
}

/** Decks imported from text files: import, list, delete (after a confirmation). */
export class DecksState extends Action {
	decks = $state.raw<UserDeckSummary[]>([]);
	result = $state.raw<UserDeckImport | null>(null);
	/** The deck whose deletion waits for confirmation. */
	deleting = $state.raw<UserDeckSummary | null>(null);
	deleted = $state<string | null>(null);

	constructor(private readonly context: DataContext) {
		super();
	}

	async load(): Promise<void> {
		await this.run(async () => {
			this.decks = await listUserDecks(this.context.db);
		});
	}

	async import(file: File | undefined): Promise<void> {
		this.result = null;
		this.deleted = null;
		if (!file) return;
		await this.run(async () => {
			if (file.size > MAX_DECK_FILE_BYTES) {
				throw new DeckTextError([{ kind: 'tooLarge', limit: MAX_DECK_FILE_BYTES }]);
			}
			const parsed = parseAnkiText(await file.text(), file.name);
			this.result = await importUserDeck(this.context.db, this.context.scheduler, parsed, this.context.clock());
			this.decks = await listUserDecks(this.context.db);
		});
	}

	askDelete(deck: UserDeckSummary): void {
		this.deleting = deck;
		this.result = null;
		this.deleted = null;
	}

	cancelDelete(): void {
		this.deleting = null;
	}

	async confirmDelete(): Promise<void> {
		const deck = this.deleting;
		if (!deck) return;
		await this.run(async () => {
			await deleteUserDeck(this.context.db, this.context.scheduler, deck.deckId);
			this.deleting = null;
			this.deleted = deck.name;
			this.decks = await listUserDecks(this.context.db);
		});
	}
}

/** The integrity check, its report, and the damaged log rows it set aside. */
export class CheckState extends Action {
	report = $state.raw<IntegrityReport | null>(null);
	/** Log rows set aside by this or an earlier check: kept, shown, downloadable. */
	setAside = $state(0);

	constructor(private readonly context: DataContext) {
		super();
	}

	async load(): Promise<void> {
		await this.run(async () => {
			this.setAside = (await setAsideRows(this.context.db)).length;
		});
	}

	async check(): Promise<void> {
		await this.run(async () => {
			this.report = await checkData(this.context.db, this.context.scheduler, this.context.clock());
			this.setAside = (await setAsideRows(this.context.db)).length;
		});
	}

	/** The set-aside rows as a JSON file, exactly as they were stored. */
	async downloadSetAside(): Promise<void> {
		await this.run(async () => {
			const rows = await setAsideRows(this.context.db);
			const name = `reportcard-set-aside-${localDate(this.context.clock())}.json`;
			this.context.save({ name, type: 'application/json', data: JSON.stringify(rows, null, 2) });
		});
	}
}

/** Everything the page shows. `save` is the browser download, replaced in tests. */
export class DataState {
	readonly backup: BackupState;
	readonly restore: RestoreState;
	readonly tools: ToolsState;
	readonly decks: DecksState;
	readonly check: CheckState;

	constructor(
		storage: StorageSource,
		/**
		 * The app's: replaying a log must give exactly what grading gave, with the learner's own weights. Read when an
		 * action runs, so a check after a restore that brought other settings replays with those.
		 */
		study: StudyContext,
		onSettingsChanged: () => Promise<void>,
		save: SaveFile = downloadFile
	) {
		const context: DataContext = {
			// Read when an action runs: the page paints (and builds this) before the database is open.
			get db() {
				return storage.db;
			},
			save,
			clock: () => study.clock(),
			get scheduler() {
				return study.scheduler;
			}
		};
		this.backup = new BackupState(context);
		this.tools = new ToolsState(context);
		this.decks = new DecksState(context);
		this.check = new CheckState(context);
		this.restore = new RestoreState(context, async () => {
			await onSettingsChanged();
			await Promise.all([this.backup.load(), this.decks.load()]);
		});
	}

	async load(): Promise<void> {
		await Promise.all([this.backup.load(), this.decks.load(), this.check.load()]);
	}
}
