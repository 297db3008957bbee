/**
 * Two tabs, double taps, reloads and upgrades: a grade is applied exactly once, never lost, never doubled. These
 * exercise storage, not layout, so they run once, on the phone, where double taps happen.
 */
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './seed';

test.use({ locale: 'en-US' });
test.skip(({ isMobile }) => !isMobile, 'storage behaviour: once, on the phone');

const REVIEW = '/review?chapter=opening';

async function front(page: Page): Promise<string> {
	return (await page.locator('#card-front').textContent()) ?? '';
}

test('two tabs grading the same card apply one grade, and the second tab is told', async ({ page, context }) => {
	const other = await context.newPage();
	await page.goto(REVIEW);
	await other.goto(REVIEW);
	const shown = await front(page);
	await expect(other.locator('#card-front')).toHaveText(shown);

	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.locator('#card-front')).not.toHaveText(shown);

	await other.getByRole('button', { name: 'Show answer' }).click();
	await other.getByRole('button', { name: /^Easy/ }).click();
	await expect(other.getByRole('alert')).toHaveText(/already graded, perhaps in another tab/);
	await expect(other.locator('#card-front')).not.toHaveText(shown);

	const reviews = await readStore<{ rating: number }>(page, 'reviews');
	expect(reviews.map((review) => review.rating)).toEqual([3]);
});

test('a double tap grades once, and a reload right after a grade keeps exactly that grade', async ({ page }) => {
	await page.goto(REVIEW);
	const first = await front(page);
	await page.getByRole('button', { name: 'Show answer' }).click();
	// Two taps in the same moment, before the first grade's write has finished.
	await page.getByRole('button', { name: /^Good/ }).evaluate((button: HTMLElement) => {
		button.click();
		button.click();
	});
	await expect(page.locator('#card-front')).not.toHaveText(first);
	expect(await readStore(page, 'reviews')).toHaveLength(1);

	const second = await front(page);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Again/ }).click();
	await expect.poll(async () => (await readStore(page, 'reviews')).length).toBe(2);
	await page.reload();
	await expect(page.locator('#card-front')).toBeVisible();
	const rows = await readStore<{ cardId: string; rating: number }>(page, 'reviews');
	expect(rows.map((row) => row.rating).sort()).toEqual([1, 3]);
	const cards = await readStore<{ id: string; front: { en: string }; memory: { reps: number } }>(page, 'cards');
	// Each graded card's cache moved exactly once, with its log row.
	for (const text of [first, second]) {
		const card = cards.find((c) => c.front.en === text);
		expect(card?.memory.reps).toBe(1);
		expect(rows.filter((row) => row.cardId === card?.id)).toHaveLength(1);
	}
});

test('a tab left on an old version is told to reload when a newer version upgrades the data', async ({
	page,
	context
}) => {
	await page.goto('/');
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	const newer = await context.newPage();
	await newer.goto('/manifest.webmanifest');
	// What a newer release does on its first start: open the database at a higher version. It must not be blocked.
	const upgraded = await newer.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('reportcard', 1000);
				open.onblocked = () => reject(new Error('the old tab blocked the upgrade'));
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const version = open.result.version;
					open.result.close();
					resolve(version);
				};
			})
	);
	expect(upgraded).toBe(1000);
	await expect(page.getByRole('alert')).toContainText('A newer version of ReportCard was opened in another tab');
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
