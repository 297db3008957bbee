/**
 * An open page rests once it has shown what it reads: nothing reads the database again by itself. Home used to read
 * everything again the moment a read ended (its effect depended on the read's own state), about 25 times a second for as
 * long as it stayed open: a phone's battery, and every other tab's share of the device.
 */
import { expect, test } from '@playwright/test';
import { firstVisit, setExamDate } from './fixtures';

test.use({ locale: 'en-US' });
test.skip(({ isMobile }) => isMobile, 'what is measured is the same on a phone');

test('home, with an exam plan to work out, reads once and then rests', async ({ page }) => {
	await page.clock.setFixedTime(new Date(2026, 11, 4, 9));
	await firstVisit(page);
	await setExamDate(page, '2026-12-14');

	// Every request the app makes of IndexedDB, counted as it is made.
	await page.addInitScript(() => {
		const counted = { reads: 0 };
		Object.assign(window, { counted });
		for (const target of [IDBObjectStore.prototype, IDBIndex.prototype]) {
			for (const method of ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const) {
				const original = Object.getOwnPropertyDescriptor(target, method)?.value as (...args: unknown[]) => IDBRequest;
				Object.defineProperty(target, method, {
					value(this: unknown, ...args: unknown[]) {
						counted.reads++;
						return original.apply(this, args);
					}
				});
			}
		}
	});
	await page.goto('/');
	await expect(page.getByTestId('exam-track')).toBeVisible();
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	const reads = () => page.evaluate(() => (window as unknown as { counted: { reads: number } }).counted.reads);
	const afterLoading = await reads();
	expect(afterLoading).toBeGreaterThan(0);
	// A loop shows within a few hundred milliseconds; two seconds of rest is ample proof on a busy machine too.
	await page.waitForTimeout(2000);
	expect(await reads()).toBe(afterLoading);
});
