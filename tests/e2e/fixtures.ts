/** Shared steps of the learner journeys: first visit until the service worker controls the page, going offline. */
import { expect, type Page } from '@playwright/test';

/** First visit: open the app and wait until the service worker controls it and the chapters are shown. */
export async function firstVisit(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
}

/** Reload with the network off; the page must come from the service worker. */
export async function reloadOffline(page: Page): Promise<void> {
	await page.context().setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker(), 'page served by the service worker').toBe(true);
}

/** Rows in an object store, read straight from IndexedDB (what a learner's device really holds). */
export async function countRows(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction(name).objectStore(name).count();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(new Error(String(request.error)));
				};
			}),
		store
	);
}

export function chapter(page: Page, id: string) {
	return page.locator(`[data-chapter="${id}"]`);
}
