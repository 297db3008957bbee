/** Backup files for tests: the app's own export read back, a plain (version 1) file as older versions wrote it, and hand-made streamed files. */
import { gzipSync } from 'node:zlib';
import {
	PLAIN_BACKUP_VERSION,
	type BackupCard,
	type BackupTable,
	type PlainBackup
} from '../../src/lib/domain/backup/format';
import { effectiveEvents, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { readLines, readStreamedBackup, type CheckedBackup } from '../../src/lib/domain/backup/read';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { exportBackup } from '../../src/lib/storage/backup';

/** The lines of the file `exportBackup` writes, header first. */
export async function exportedLines(db: ReportCardDb, now: number): Promise<string[]> {
	return linesOf(await exportBackup(db, now));
}

export async function linesOf(file: Blob): Promise<string[]> {
	const lines: string[] = [];
	for await (const batch of readLines(file.stream())) lines.push(...batch);
	return lines;
}

/** The device's backup as the app writes it, checked as the app reads it. */
export async function checkedBackup(db: ReportCardDb, now: number): Promise<CheckedBackup> {
	const file = await exportBackup(db, now);
	return readStreamedBackup(() => file.stream());
}

/**
 * The same backup as a version 1 app wrote it: one JSON object, each card carrying its suspension and burial, and a log
 * of grades, quiz mistakes and resets only (an undone grade was deleted then).
 */
export async function plainBackup(db: ReportCardDb, now: number): Promise<PlainBackup> {
	const [header, ...rows] = (await exportedLines(db, now)).map((line) => JSON.parse(line) as unknown);
	const { exportedAt, settings } = header as PlainBackup;
	const plain: PlainBackup = {
		format: 'reportcard-backup',
		version: PLAIN_BACKUP_VERSION,
		exportedAt,
		cards: [],
		chapters: [],
		reviews: [],
		attempts: [],
		settings
	};
	const events: ReviewEvent[] = [];
	const cards: BackupCard[] = [];
	for (const [table, row] of rows as [BackupTable, never][]) {
		if (table === 'reviews') events.push(row);
		else if (table === 'cards') cards.push(row);
		else plain[table].push(row);
	}
	const flags = new Map<string, { suspended: 0 | 1; buriedUntil: number }>();
	for (const event of effectiveEvents(events)) {
		const card = flags.get(event.cardId) ?? { suspended: 0, buriedUntil: 0 };
		flags.set(event.cardId, card);
		if (event.kind === 'suspend') card.suspended = event.suspended ? 1 : 0;
		else if (event.kind === 'bury') card.buriedUntil = event.until;
		else plain.reviews.push(event);
	}
	plain.cards = cards.map((card) => ({ ...card, ...(flags.get(card.id) ?? { suspended: 0, buriedUntil: 0 }) }));
	return plain;
}

/** A streamed file made of these lines, each ending in a line break. */
export function gzipFile(lines: readonly string[], name = 'backup.jsonl.gz'): File {
	return new File([gzipSync(lines.map((line) => `${line}\n`).join(''))], name);
}
