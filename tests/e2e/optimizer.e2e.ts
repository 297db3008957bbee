/** Fitting FSRS parameters in the browser: a worker runs fsrs-browser's WebAssembly, offline, without isolation. */
import { expect, test } from '@playwright/test';
import { firstVisit, reloadOffline } from './fixtures';

test.use({ locale: 'en-US' });

test('fits parameters to 500 cards of history offline, shows both losses, and applies them', async ({ page }) => {
	// Fitting is real work (a second or two alone, much more on a busy 2-core machine): a generous limit, not a speed test.
	test.setTimeout(120_000);
	await firstVisit(page);
	// 500 cards, each answered on days 0, 1, 3, 7, 15: remembered mostly, forgotten every fifth time.
	await page.evaluate(async () => {
		const day = 24 * 60 * 60 * 1000;
		const start = Date.now() - 60 * day;
		const rows: object[] = [];
		for (let card = 0; card < 500; card++) {
			[0, 1, 3, 7, 15].forEach((offset, i) => {
				const rating = i === 0 ? 3 : (card + i) % 5 === 0 ? 1 : 3;
				rows.push({
					id: `seed-${card}-${i}`,
					cardId: `seed-${card}`,
					kind: 'grade',
					rating,
					at: start + offset * day,
					durationMs: 3000,
					stateBefore: i === 0 ? 0 : 2
				});
			});
		}
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('reportcard');
			open.onsuccess = () => {
				const tx = open.result.transaction('reviews', 'readwrite');
				for (const row of rows) tx.objectStore('reviews').put(row);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(new Error(String(tx.error)));
			};
		});
	});
	await page.goto('/settings');
	await reloadOffline(page);
	await expect(page.getByText('You have 400 reviews or more')).toBeVisible();
	await page.getByRole('button', { name: 'Optimise parameters from my reviews' }).click();
	const status = page.getByTestId('optimizer-status');
	await expect(status).toContainText(/current \d\.\d+, optimised \d\.\d+/, { timeout: 90_000 });
	const [current = NaN, fitted = NaN] = [...((await status.textContent()) ?? '').matchAll(/\d\.\d+/g)].map((m) =>
		Number(m[0])
	);
	// Fitted to these very reviews, the new weights must predict them better.
	expect(fitted).toBeLessThan(current);
	await status.getByRole('button', { name: 'Use the optimised parameters' }).click();
	await expect(page.getByText(/Custom FSRS parameters are in use \(21 weights\)/)).toBeVisible();
	await page.reload();
	await expect(page.getByText(/Custom FSRS parameters are in use \(21 weights\)/)).toBeVisible();
});
