/**
 * A new version of the app never interrupts a review: its service worker waits, the open page keeps its state,
 * the home screen offers the update, and taking it reloads into the new version with the learner's data intact.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveBuild, type BuildServer } from './build-server';
import { expectNoAxeViolations } from './a11y';
import { countRows, navTo } from './fixtures';

test.use({ locale: 'en-US' });

let server: BuildServer;
/** Flipped mid-test: the server then sends the next version (a changed home page, and a worker that precaches it). */
let nextVersion = false;

test.beforeEach(async () => {
	nextVersion = false;
	server = await serveBuild((file, text) => {
		if (!nextVersion) return text;
		if (file === 'service-worker.js') {
			return text.replace(/\{"revision":"[0-9a-f]+","url":"\/"\}/, '{"revision":"next","url":"/"}');
		}
		if (file === 'index.html') return text.replace('</head>', '<meta name="app-version" content="next"></head>');
		return text;
	});
});

test.afterEach(async () => {
	await server.close();
});

test('a new worker waits while a review is open', async ({ page }) => {
	await page.goto(`${server.url}/`);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.goto(`${server.url}/review?chapter=opening`);

	// Mid-review: one card graded, the next one's answer showing; a mark on this very document.
	const first = await page.locator('#card-front').textContent();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.locator('#card-front')).not.toHaveText(first ?? '');
	const front = await page.locator('#card-front').textContent();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));

	nextVersion = true;
	// What the app does every hour (and the browser on each navigation): look for a new worker.
	await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
	await page.waitForFunction(async () => (await navigator.serviceWorker.ready).waiting?.state === 'installed');

	// It waits: same document, same card with its answer showing, no prompt here; the review goes on.
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	await expect(page.locator('#card-front')).toHaveText(front ?? '');
	await expect(page.getByTestId('card-back')).toBeVisible();
	await expect(page.getByText('A new version of ReportCard is ready.')).toHaveCount(0);
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.locator('#card-front')).not.toHaveText(front ?? '');
	expect(await countRows(page, 'reviews')).toBe(2);
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
	expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting))).toBe(true);

	// A second tab, on its home screen: the update is offered there; taking it reloads that tab into the new version.
	const other = await page.context().newPage();
	await other.goto(`${server.url}/`);
	const offer = (tab: Page) => tab.getByRole('status').filter({ hasText: 'A new version of ReportCard is ready.' });
	await expect(other.locator('meta[name="app-version"]')).toHaveCount(0);
	await Promise.all([other.waitForEvent('load'), offer(other).getByRole('button', { name: 'Update now' }).click()]);
	await expect(other.locator('meta[name="app-version"]')).toHaveAttribute('content', 'next');
	expect(await other.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();

	// The review tab, now controlled by the new worker, still is not reloaded under the learner.
	await expect(page.locator('#card-front')).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByTestId('card-back')).toBeVisible();
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

	// Back on its home screen, between sessions, it offers the reload; this is still the old version.
	await navTo(page, 'Chapters');
	await expect(offer(page)).toBeVisible();
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page, `home with the update offer, ${colorScheme}`);
	}
	await expect(page.locator('meta[name="app-version"]')).toHaveCount(0);
	await Promise.all([page.waitForEvent('load'), offer(page).getByRole('button', { name: 'Update now' }).click()]);
	await expect(page.locator('meta[name="app-version"]')).toHaveAttribute('content', 'next');
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	expect(await countRows(page, 'reviews')).toBe(2);
	await expect(offer(page)).toHaveCount(0);
});
