/** Steps shared by the "Your data" journeys: files in and out, rows as IndexedDB holds them, hostile text. */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** Markup that would run script if any imported text were ever rendered as HTML. */
export const HOSTILE = '<img src=x onerror="window.__xss=1">';

/** Open "Your data" and wait until its panels are ready. */
export async function openDataPage(page: Page): Promise<void> {
	await page.goto('/data');
	await expect(page.getByTestId('last-backup')).toBeVisible();
}

/** Click `button`, catch the file it downloads, and return the file's name and text. */
export async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const path = await file.path();
	return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Choose a file in the `index`-th file picker of the page. */
export async function chooseFile(page: Page, index: number, name: string, text: string): Promise<void> {
	await page
		.locator('input[type=file]')
		.nth(index)
		.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/** Fail the test if any script the page did not ship ever runs: a dialog, or the marker HOSTILE sets. */
export async function expectNoScriptRan(page: Page): Promise<void> {
	expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}
