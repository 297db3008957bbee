/**
 * A new version of the app never interrupts a review: its service worker waits, the open page keeps its state,
 * the home screen offers the update, and taking it reloads into the new version with the learner's data intact.
 */
import { expect, test } from '@playwright/test';
import { serveBuild, type BuildServer } from './build-server';
import { countRows } from './fixtures';

test.use({ locale: 'en-US' });

let server: BuildServer;
/** Flipped mid-test: the server then sends the next version (a changed home page, and a worker that precaches it). */
let nextVersion = false;

test.beforeEach(async () => {
	nextVersion = false;
	server = await serveBuild((file, text) => {
		if (!nextVersion) return text;
		if (file === 'sw.js') return text.replace(/\{url:"\/",revision:"[0-9a-f]+"\}/, '{url:"/",revision:"next"}');
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
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	// The next card is up once the answer is hidden again.
	await expect(page.getByTestId('card-back')).toBeHidden();
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

	// Back home, between sessions: the update is offered; this is still the old version.
	await page.getByRole('navigation').getByRole('link', { name: 'Chapters' }).click();
	const prompt = page.getByRole('status').filter({ hasText: 'A new version of ReportCard is ready.' });
	await expect(prompt).toBeVisible();
	await expect(page.locator('meta[name="app-version"]')).toHaveCount(0);

	// Taking it reloads into the new version, data intact.
	await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
	await expect(page.locator('meta[name="app-version"]')).toHaveAttribute('content', 'next');
	expect(await page.evaluate(() => 'sameDocument' in window)).toBe(false);
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	expect(await countRows(page, 'reviews')).toBe(2);
	expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();
	await expect(page.getByText('A new version of ReportCard is ready.')).toHaveCount(0);
});
