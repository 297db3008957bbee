/**
 * Backup export and import on the "Your data" page (/data), when the build has one. The selectors follow the page as
 * built on the wt/data branch; adjust them here if the merged page differs. Times are taken around Playwright's steps
 * (a few ms of round trips), which is fine for operations that take seconds.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BackupResult } from './report';

const DATA_PAGE = {
	exportButton: '#backup button.primary',
	exported: '#backup [role="status"]',
	restorePanel: '#restore',
	fileInput: '#restore input[type="file"]',
	chosen: '[data-testid="backup-file"]',
	refused: '#restore [data-testid="problem"]',
	replaceMode: '#restore input[value="replace"]',
	startImport: '#restore .actions button.primary',
	confirmReplace: '#restore [role="alertdialog"] button.danger',
	imported: '[data-testid="restore-result"]'
};
const LONG = 5 * 60_000;
/** A restore of the largest collection writes over a million rows: minutes on a loaded machine. */
const RESTORE = 15 * 60_000;

/** Export a backup, then restore it with "replace" (every row rewritten, as on a new phone). */
export async function timeBackup(page: Page, workDir: string): Promise<BackupResult> {
	await page.goto('/data');
	const exportButton = page.locator(DATA_PAGE.exportButton);
	await exportButton.waitFor();
	const download = page.waitForEvent('download', { timeout: LONG });
	let started = Date.now();
	await exportButton.click();
	// Named as the app names it (reportcard-backup-<date>.jsonl.gz), so the restore reads it as a learner's would.
	const saved = await download;
	const file = join(workDir, saved.suggestedFilename());
	await saved.saveAs(file);
	await page.locator(DATA_PAGE.exported).waitFor({ timeout: LONG });
	const exportMs = Date.now() - started;
	const fileBytes = statSync(file).size;

	const panel = page.locator(DATA_PAGE.restorePanel);
	const before = await panel.innerText();
	started = Date.now();
	await page.locator(DATA_PAGE.fileInput).setInputFiles(file);
	// Either the file is accepted once checked (its summary shows) or the panel explains why not, e.g. a damaged file;
	// the progress shown while the file is checked is neither.
	await page.locator(`${DATA_PAGE.chosen}, ${DATA_PAGE.refused}`).first().waitFor({ timeout: LONG });
	if (!(await page.locator(DATA_PAGE.chosen).isVisible())) {
		// One line without pipes, as it goes into a table cell.
		const said = (await panel.innerText())
			.replace(before, '')
			.replace(/[\s|]+/g, ' ')
			.trim();
		return { exportMs, importMs: null, fileBytes, note: said };
	}
	const readMs = Date.now() - started;
	await page.locator(DATA_PAGE.replaceMode).check();
	started = Date.now();
	await page.locator(DATA_PAGE.startImport).click();
	await page.locator(DATA_PAGE.confirmReplace).click({ timeout: LONG });
	try {
		await page.locator(DATA_PAGE.imported).waitFor({ timeout: RESTORE });
	} catch {
		// The other measurements of this size still count: say so in the table instead of failing the run.
		return { exportMs, importMs: null, fileBytes, note: `restore not finished after ${RESTORE / 60_000} min` };
	}
	return { exportMs, importMs: readMs + Date.now() - started, fileBytes };
}
