/**
 * Backups: everything the learner did, out to one file and back in (merge or replace) in a single transaction, and
 * whether a backup is due.
 */
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	type BackupCard,
	type BackupFile,
	type BackupSettings
} from '../domain/backup/format';
import { planImport, type ImportMode, type ImportSummary, type LocalData } from '../domain/backup/merge';
import { validateBackup } from '../domain/backup/read';
import { USER_DECK_PREFIX } from '../domain/interop/user-deck';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { StoredCard } from '../domain/sync/content-sync';
import type { ReportCardDb } from './db';
import { setSetting, type Settings } from './settings';
import { rebuildStatsCachesWithin } from './stats-caches';

/** Settings that belong to the learner and travel in backups. */
const LEARNER_SETTINGS = ['locale', 'study'] as const satisfies readonly (keyof Settings & keyof BackupSettings)[];
/**
 * Facts about this device: which content it holds, when it last wrote a backup, whether its install hint was closed,
 * whether its statistics caches are built.
 */
type DeviceSetting = 'contentVersion' | 'lastBackupAt' | 'installHintDismissed' | 'statsCaches';
type Assert<T extends true> = T;
/** Fails to compile when a setting is added without deciding whether backups carry it. */
export type EverySettingClassified = Assert<
	[Exclude<keyof Settings, (typeof LEARNER_SETTINGS)[number] | DeviceSetting>] extends [never] ? true : false
>;

/**
 * The backup of everything on this device. Checked against the backup schema before it is handed out, so a file
 * that could not be restored is never written; throws `BackupFileError` if stored data is damaged.
 */
export async function createBackup(db: ReportCardDb, now: number): Promise<BackupFile> {
	const [cards, chapters, reviews, attempts, settings] = await db.transaction(
		'r',
		[db.cards, db.chapters, db.reviews, db.attempts, db.settings],
		() =>
			Promise.all([
				db.cards.toArray(),
				db.chapters.where('deckId').startsWith(USER_DECK_PREFIX).toArray(),
				db.reviews.toArray(),
				db.attempts.toArray(),
				learnerSettings(db)
			])
	);
	const cardIds = new Set(cards.map((card) => card.id));
	return validateBackup({
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: now,
		cards: cards.map(withoutCache),
		chapters,
		// A review of a card that no longer exists cannot be restored; the integrity check removes such rows.
		reviews: reviews.filter((review) => cardIds.has(review.cardId)),
		attempts,
		settings
	});
}

/** A card row without its cached memory state, which an import rebuilds from the log. */
function withoutCache(card: StoredCard): BackupCard {
	const { id, noteId, deckId, chapterId, order, kind, source, front, back, answer } = card;
	const { introducedAt, retired, suspended, buriedUntil } = card;
	return {
		id,
		noteId,
		deckId,
		chapterId,
		order,
		kind,
		source,
		front,
		back,
		...(answer ? { answer } : {}),
		introducedAt,
		retired,
		suspended,
		buriedUntil
	};
}

export async function recordBackup(db: ReportCardDb, now: number): Promise<void> {
	await setSetting(db, 'lastBackupAt', now);
}

/** What an import would change, without changing anything: for the confirmation before replacing. */
export async function previewImport(
	db: ReportCardDb,
	backup: BackupFile,
	mode: ImportMode,
	now: number
): Promise<ImportSummary> {
	const local = await db.transaction('r', [db.cards, db.chapters, db.reviews, db.attempts, db.settings], () =>
		readLocal(db)
	);
	return planImport(local, backup, mode, now).summary;
}

/**
 * Import a validated backup in one transaction: if any write fails (a full disk), nothing of it stays. Every card
 * whose history changed is rebuilt by replaying its log.
 */
export async function importBackup(
	db: ReportCardDb,
	scheduler: Scheduler,
	backup: BackupFile,
	mode: ImportMode,
	now: number
): Promise<ImportSummary> {
	return db.transaction('rw', [db.cards, db.chapters, db.reviews, db.attempts, db.settings, db.tallies], async () => {
		const plan = planImport(await readLocal(db), backup, mode, now);
		if (plan.clear) await Promise.all([db.reviews.clear(), db.attempts.clear()]);
		await db.reviews.bulkAdd(plan.reviews);
		await db.attempts.bulkPut(plan.attempts);
		await db.chapters.bulkDelete(plan.deleteChapterIds);
		await db.chapters.bulkPut(plan.chapters);
		await db.cards.bulkDelete(plan.deleteCardIds);
		// The whole log in one read: quicker than a lookup per card once more than a few cards changed.
		const logs = groupByCard(await db.reviews.toArray());
		await db.cards.bulkPut(
			plan.cards.map((card): StoredCard => {
				const memory = scheduler.replay(card.introducedAt, logs.get(card.id) ?? []);
				return { ...card, memory, due: memory.due };
			})
		);
		await db.settings.bulkDelete(LEARNER_SETTINGS.filter((key) => plan.settings[key] === undefined));
		await db.settings.bulkPut(
			LEARNER_SETTINGS.filter((key) => plan.settings[key] !== undefined).map((key) => ({
				key,
				value: plan.settings[key]
			}))
		);
		// The statistics are counted again from what is now stored, in the same commit.
		await rebuildStatsCachesWithin(db, scheduler);
		return plan.summary;
	});
}

async function readLocal(db: ReportCardDb): Promise<LocalData<StoredCard>> {
	const [cards, chapters, reviewIds, attempts, settings] = await Promise.all([
		db.cards.toArray(),
		db.chapters.where('deckId').startsWith(USER_DECK_PREFIX).toArray(),
		db.reviews.toCollection().primaryKeys(),
		db.attempts.toArray(),
		learnerSettings(db)
	]);
	return { cards, chapters, reviewIds, attempts, settings };
}

async function learnerSettings(db: ReportCardDb): Promise<BackupSettings> {
	const rows = await db.settings.bulkGet([...LEARNER_SETTINGS]);
	// Whatever is stored; createBackup checks it against the schema before any file is written.
	const entries = rows.flatMap((row): [string, unknown][] => (row ? [[row.key, row.value]] : []));
	return Object.fromEntries(entries);
}

export function groupByCard(events: readonly ReviewEvent[]): Map<string, ReviewEvent[]> {
	const byCard = new Map<string, ReviewEvent[]>();
	for (const event of events) {
		const list = byCard.get(event.cardId);
		if (list) list.push(event);
		else byCard.set(event.cardId, [event]);
	}
	return byCard;
}
