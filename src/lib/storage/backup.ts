/**
 * Backups: everything the learner did, streamed out to one file and back in (merge or replace) in a single
 * transaction, and whether a backup is due.
 */
import { compareStrings, itemAt } from '../domain/arrays';
import type { EntityTable } from 'dexie';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	backupLine,
	type BackupCard,
	type BackupSettings,
	type BackupTable
} from '../domain/backup/format';
import {
	planImport,
	type BackupContents,
	type ImportMode,
	type ImportSummary,
	type LocalData
} from '../domain/backup/merge';
import { BackupChecker, totalRows, validateHeader, type CheckedBackup, type OnProgress } from '../domain/backup/read';
import { USER_DECK_PREFIX } from '../domain/interop/user-deck';
import { groupBy } from '../domain/stats/group';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { StoredCard } from '../domain/collection';
import type { ReportCardDb } from './db';
import { setSetting, type Settings } from './settings';
import { rebuildProjectionsWithin } from './projections/rebuild';
import { owe, replayedRow, writeTransaction } from './projections/write';

/** Settings that belong to the learner and travel in backups. */
const LEARNER_SETTINGS = ['locale', 'study'] as const satisfies readonly (keyof Settings & keyof BackupSettings)[];
/**
 * Facts about this device: which content it holds, when it last wrote a backup, whether its install hint was closed,
 * whether its statistics caches are built.
 */
type DeviceSetting =
	| 'contentVersion'
	| 'lastBackupAt'
	| 'installHintDismissed'
	| 'statsCaches'
	// Today's extra new cards: a choice for one day on this device.
	| 'extraNew'
	// This device's identity and its sync account, state and last report: the password never leaves the device.
	| 'deviceId'
	| 'settingStamps'
	| 'syncAccount'
	| 'syncPending'
	| 'syncDevice'
	| 'syncRead'
	| 'syncLast';
type Assert<T extends true> = T;
/**
 * Fails to compile when a setting is added without deciding whether backups carry it.
 * @public (read by the compiler, not by code)
 */
export type EverySettingClassified = Assert<
	[Exclude<keyof Settings, (typeof LEARNER_SETTINGS)[number] | DeviceSetting>] extends [never] ? true : false
>;

/** Rows read from the database, and written to the file, at a time: a few hundred kB of text. */
const EXPORT_PAGE = 2000;
/** Cards whose memory an import rebuilds at a time, their logs read together. */
const REBUILD_PAGE = 500;

/**
 * The backup of everything on this device as a streamed file (format.ts). The tables are read a page at a time
 * inside one read transaction, so the file is one consistent moment even if another tab writes meanwhile, and each
 * page goes through gzip before the next is read: memory holds the compressed file, not the rows. Every row is
 * checked as a restore would check it before it is written, so a file that could not be restored is never handed
 * out; throws `BackupFileError` if stored data is damaged.
 */
export async function exportBackup(db: ReportCardDb, now: number, onProgress?: OnProgress): Promise<Blob> {
	const gzip = new CompressionStream('gzip');
	const file = new Response(gzip.readable).blob();
	const writer = gzip.writable.getWriter();
	const encoder = new TextEncoder();
	try {
		await db.transaction('r', [db.cards, db.chapters, db.reviews, db.attempts, db.settings], async () => {
			const cardIds = new Set(await db.cards.toCollection().primaryKeys());
			// A review of a card that no longer exists cannot be restored; the integrity check removes such rows.
			const reviewed = await db.reviews.orderBy('cardId').uniqueKeys();
			const orphanCards = reviewed.filter((id) => !cardIds.has(id as string));
			const orphans = orphanCards.length > 0 ? await db.reviews.where('cardId').anyOf(orphanCards).count() : 0;
			const chapters = await db.chapters.where('deckId').startsWith(USER_DECK_PREFIX).toArray();
			const header = validateHeader({
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				exportedAt: now,
				settings: await learnerSettings(db),
				counts: {
					chapters: chapters.length,
					cards: cardIds.size,
					reviews: (await db.reviews.count()) - orphans,
					attempts: await db.attempts.count()
				}
			});
			const checker = new BackupChecker(header.counts);
			const total = totalRows(header.counts);
			// The compressor takes each page before the next is read; waitFor keeps the transaction open meanwhile.
			const write = async (table: BackupTable, rows: readonly unknown[]) => {
				const lines = rows.map((row) => backupLine([table, checker.row(table, row, checker.rowsChecked + 2)]));
				await db.waitFor(writer.write(encoder.encode(lines.join(''))));
				onProgress?.(checker.rowsChecked, total);
			};
			await db.waitFor(writer.write(encoder.encode(backupLine(header))));
			await write('chapters', chapters);
			await eachPage(db.cards, (cards) => write('cards', cards.map(withoutCache)));
			await eachPage(db.reviews, (reviews) =>
				write(
					'reviews',
					reviews.filter((review) => cardIds.has(review.cardId))
				)
			);
			await eachPage(db.attempts, (attempts) => write('attempts', attempts));
			checker.finish();
		});
		await writer.close();
	} catch (error) {
		await writer.abort(error).catch(() => undefined);
		await file.catch(() => undefined);
		throw error;
	}
	return new Blob([await file], { type: 'application/gzip' });
}

/** Hands every row of a table to `each`, a page at a time in primary-key order. */
async function eachPage<T extends { id: string }>(
	table: EntityTable<T, 'id'>,
	each: (rows: T[]) => Promise<void>
): Promise<void> {
	let rows = await table.orderBy(':id').limit(EXPORT_PAGE).toArray();
	while (rows.length > 0) {
		await each(rows);
		if (rows.length < EXPORT_PAGE) return;
		rows = await table
			.where(':id')
			.above(itemAt(rows, rows.length - 1).id)
			.limit(EXPORT_PAGE)
			.toArray();
	}
}

/** A card row without its cached progress (memory, suspension, burial), which an import replays from the log. */
function withoutCache(card: StoredCard): BackupCard {
	const { id, noteId, deckId, chapterId, order, kind, source, front, back, answer } = card;
	const { introducedAt, retired } = card;
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
		retired
	};
}

export async function recordBackup(db: ReportCardDb, now: number): Promise<void> {
	await setSetting(db, 'lastBackupAt', now);
}

/** What an import would change, without changing anything: for the confirmation before replacing. */
export async function previewImport(
	db: ReportCardDb,
	backup: BackupContents,
	mode: ImportMode,
	now: number
): Promise<ImportSummary> {
	const local = await db.transaction('r', [db.cards, db.chapters, db.reviews, db.attempts, db.settings], () =>
		readLocal(db)
	);
	return planImport(local, backup, mode, now).summary;
}

/**
 * Import a checked backup in one transaction: if any write fails (a full disk), or the file cannot be read again,
 * nothing of it stays. The review rows are read from the file while the transaction is open, a batch at a time;
 * `onProgress` counts them and then the cards rebuilt. Every card whose history changed is rebuilt by replaying its
 * log.
 */
export async function importBackup(
	db: ReportCardDb,
	scheduler: Scheduler,
	backup: CheckedBackup,
	mode: ImportMode,
	now: number,
	onProgress?: OnProgress
): Promise<ImportSummary> {
	const reviews = backup.reviews();
	try {
		// The write path's transaction with its bulk rule: rows written as they come, every touched card replayed, and
		// the projections built again from what is stored, all in one commit.
		return await writeTransaction(db, [db.chapters, db.attempts, db.settings], async () => {
			const plan = planImport(await readLocal(db), backup, mode, now);
			const total = backup.reviewCards.size + plan.cards.length;
			let done = 0;
			if (plan.clear) await Promise.all([db.reviews.clear(), db.attempts.clear()]);
			// Reading and unpacking the next batch is not IndexedDB work: waitFor keeps the transaction open through it,
			// so the whole restore stays one all-or-nothing write.
			for (let batch = await db.waitFor(reviews.next()); !batch.done; batch = await db.waitFor(reviews.next())) {
				const written = batch.value.filter((review) => plan.writesReview(review.id));
				await db.reviews.bulkAdd(written);
				// Events a backup brings are news to the sync server too.
				await owe(
					db,
					'event',
					written.map((review) => review.id)
				);
				onProgress?.((done += batch.value.length), total);
			}
			await db.attempts.bulkPut(plan.attempts);
			await owe(
				db,
				'attempt',
				plan.attempts.map((attempt) => attempt.id)
			);
			await db.chapters.bulkDelete(plan.deleteChapterIds);
			await db.chapters.bulkPut(plan.chapters);
			await db.cards.bulkDelete(plan.deleteCardIds);
			// A replace rebuilds every card: in id order, each page's logs are one key range of the cardId index (a query
			// per card costs about a millisecond, minutes at 100,000 cards). A merge that touched a few cards reads only
			// theirs, one query each. Either way the whole log never sits in memory.
			const touched = plan.clear ? [...plan.cards].sort((a, b) => compareStrings(a.id, b.id)) : plan.cards;
			for (let i = 0; i < touched.length; i += REBUILD_PAGE) {
				const cards = touched.slice(i, i + REBUILD_PAGE);
				const logs = plan.clear
					? groupBy(
							await db.reviews
								.where('cardId')
								.between(itemAt(cards, 0).id, itemAt(cards, cards.length - 1).id, true, true)
								.toArray(),
							(event) => event.cardId
						)
					: new Map(
							await Promise.all(
								cards.map(
									async (card) => [card.id, await db.reviews.where('cardId').equals(card.id).toArray()] as const
								)
							)
						);
				await db.cards.bulkPut(cards.map((card) => replayedRow(scheduler, card, logs.get(card.id) ?? [])));
				onProgress?.((done += cards.length), total);
			}
			await db.settings.bulkDelete(LEARNER_SETTINGS.filter((key) => plan.settings[key] === undefined));
			await db.settings.bulkPut(
				LEARNER_SETTINGS.filter((key) => plan.settings[key] !== undefined).map((key) => ({
					key,
					value: plan.settings[key]
				}))
			);
			await rebuildProjectionsWithin(db, scheduler);
			return plan.summary;
		});
	} finally {
		// Stops reading the file if the transaction failed half-way.
		await reviews.return?.();
	}
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
	// Whatever is stored; exportBackup checks it against the schema before any file is written.
	const entries = rows.flatMap((row): [string, unknown][] => (row ? [[row.key, row.value]] : []));
	return Object.fromEntries(entries);
}
