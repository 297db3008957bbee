/** Backup files for tests: the app's own export read back, a plain (version 1) file as older versions wrote it, and hand-made streamed files. */
import { gzipSync } from 'node:zlib';
import { PLAIN_BACKUP_VERSION, type PlainBackup } from '../../src/lib/domain/backup/format';
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

/** The same backup as a version 1 app wrote it: one JSON object. */
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
	for (const [table, row] of rows as [keyof PlainBackup & ('cards' | 'chapters' | 'reviews' | 'attempts'), never][]) {
		plain[table].push(row);
	}
	return plain;
}

/** A streamed file made of these lines, each ending in a line break. */
export function gzipFile(lines: readonly string[], name = 'backup.jsonl.gz'): File {
	return new File([gzipSync(lines.map((line) => `${line}\n`).join(''))], name);
}
