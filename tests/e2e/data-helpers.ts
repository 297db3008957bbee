/** Steps shared by the "Your data" journeys: files in and out, rows as IndexedDB holds them, hostile text. */
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';
import { openUsable } from './fixtures';

/** Markup that would run script if any imported text were ever rendered as HTML. */
export const HOSTILE = '<img src=x onerror="window.__xss=1">';

/** Open "Your data" and wait until its panels are ready. */
export async function openDataPage(page: Page): Promise<void> {
	await openUsable(page, '/data');
}

/** Click `button`, catch the file it downloads, and return the file's name, bytes and text. */
export async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const bytes = await readFile(await file.path());
	return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Choose a file in the `index`-th file picker of the page. */
export async function chooseFile(page: Page, index: number, name: string, content: string | Buffer): Promise<void> {
	await page
		.locator('input[type=file]')
		.nth(index)
		.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
}

/** The lines of a streamed backup (gzip-compressed JSON lines), each parsed. */
export function backupLines(bytes: Buffer): unknown[] {
	return gunzipSync(bytes)
		.toString('utf8')
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => JSON.parse(line) as unknown);
}

/** A streamed backup file of these lines. */
export function gzipLines(lines: readonly unknown[]): Buffer {
	return gzipSync(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

/** Fail the test if any script the page did not ship ever runs: a dialog, or the marker HOSTILE sets. */
export async function expectNoScriptRan(page: Page): Promise<void> {
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}
