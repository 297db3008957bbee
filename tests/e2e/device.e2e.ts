/**
 * The app on a real device: the install offer (Chromium's prompt, Safari's Share steps), the offline badge, asking
 * the browser to keep the data, and a full disk, which every write explains without losing anything.
 */
import { devices, expect, test, type Page } from '@playwright/test';
import { answerBlindly, countRows, navTo, offerInstall, seedRandom, startQuiz, storedSetting } from './fixtures';

test.use({ locale: 'en-US' });

test('offers the browser install prompt on the home screen, and Not now is remembered', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	await expect(page.getByTestId('install-hint')).toHaveCount(0);

	await offerInstall(page, 'accepted');
	const hint = page.getByTestId('install-hint');
	await hint.getByRole('button', { name: 'Install' }).click();
	expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
	// Accepted: the app is installed, nothing more to offer; the settings page says so.
	await expect(hint).toHaveCount(0);
	await navTo(page, 'Settings');
	await expect(page.getByTestId('install-status')).toHaveText(/Installed/);

	await page.goto('/');
	// The app listens for the offer once it is up (a dispatch before that would go unheard).
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	await offerInstall(page, 'dismissed');
	await page.getByTestId('install-hint').getByRole('button', { name: 'Not now' }).click();
	await expect(page.getByTestId('install-hint')).toHaveCount(0);
	await expect.poll(() => storedSetting(page, 'installHintDismissed')).toBe(true);
	await page.reload();
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	await offerInstall(page, 'dismissed');
	await expect(page.getByRole('heading', { name: 'Chapters' })).toBeVisible();
	await expect(page.getByTestId('install-hint')).toHaveCount(0);
	// Still reachable from the settings page.
	await navTo(page, 'Settings');
	await offerInstall(page, 'dismissed');
	await expect(page.getByTestId('install-status').getByRole('button', { name: 'Install' })).toBeVisible();
});

test.describe('on an iPhone', () => {
	const { userAgent, viewport, hasTouch, isMobile } = devices['iPhone 13'];
	test.use({ userAgent, viewport, hasTouch, isMobile });
	// These set their own device, so the desktop project would only repeat them.
	// eslint-disable-next-line no-empty-pattern -- Playwright wants a fixtures object first, even when none is used.
	test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== 'phone'));

	test('Safari gets the Share, Add to Home Screen steps', async ({ page }) => {
		await page.goto('/');
		const hint = page.getByTestId('install-hint');
		await expect(hint).toContainText('tap Share');
		await expect(hint).toContainText('Add to Home Screen');
		await page.goto('/settings');
		await expect(page.getByTestId('install-status')).toContainText('Add to Home Screen');
	});

	test('the installed app shows no install steps', async ({ page }) => {
		await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
		await page.goto('/');
		await expect(page.locator('[data-chapter]').first()).toBeVisible();
		await expect(page.getByTestId('install-hint')).toHaveCount(0);
		await page.goto('/settings');
		await expect(page.getByTestId('install-status')).toHaveText(/Installed/);
	});
});

test('the header says when the device is offline, and when it is back', async ({ page }) => {
	await page.goto('/review');
	await expect(page.locator('#card-front')).toBeVisible();
	const badge = page.getByTestId('offline');
	await expect(badge).toHaveCount(0);
	await page.context().setOffline(true);
	await expect(badge).toBeVisible();
	await expect(page.getByRole('status').filter({ has: badge })).toContainText('everything is saved on this device');
	await page.context().setOffline(false);
	await expect(badge).toHaveCount(0);
});

test('asks the browser to keep the data, shows the answer, and lets the learner ask again', async ({ page }) => {
	await page.addInitScript(() => {
		let granted = false;
		let asked = 0;
		Object.assign(navigator.storage, {
			persisted: () => Promise.resolve(granted),
			// The first request (on start) is refused, as Chromium does for a site it barely knows; the next succeeds.
			persist: () => Promise.resolve((granted = ++asked > 1)),
			estimate: () => Promise.resolve({ usage: 2_400_000, quota: 1_200_000_000 })
		});
	});
	await page.goto('/settings');
	const status = page.getByTestId('persistence');
	await expect(status).toHaveText(/^Not protected yet/);
	await expect(page.getByTestId('usage')).toHaveText('Using 2.4 MB of the 1.2 GB this browser allows.');
	await page.getByRole('button', { name: 'Protect my progress' }).click();
	await expect(status).toHaveText(/^Protected/);
	await expect(page.getByRole('button', { name: 'Protect my progress' })).toHaveCount(0);
});

/** From now on every IndexedDB write fails as on a full disk (reads still work). */
async function fillDisk(page: Page): Promise<void> {
	await page.evaluate(() => {
		const full = () => {
			throw new DOMException('The disk is full', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = full;
		IDBObjectStore.prototype.add = full;
	});
}

test('a full disk: every write says so, keeps what was on screen, and saves nothing half-way', async ({ page }) => {
	const quota = 'Your device is out of storage, so this was not saved.';
	await seedRandom(page);
	await page.goto('/review?chapter=opening');
	const front = page.locator('#card-front');
	await expect(front).toBeVisible();
	const shown = await front.textContent();
	await fillDisk(page);

	// Grading: the card stays, answer shown, no review logged.
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByRole('alert')).toContainText(quota);
	await expect(front).toHaveText(shown ?? '');
	await expect(page.getByTestId('card-back')).toBeVisible();
	expect(await countRows(page, 'reviews')).toBe(0);
	// Suspending and burying.
	await page.getByRole('button', { name: 'Suspend' }).click();
	await expect(page.getByRole('alert')).toContainText(quota);
	await expect(front).toHaveText(shown ?? '');

	// The language switch: it applies now, and says it was not saved.
	await page.getByRole('button', { name: 'Switch to Chinese' }).click();
	await expect(page.getByRole('alert').first()).toContainText('设备存储空间已满');
	await page.getByRole('button', { name: '切换到英文' }).click();
	await page.getByRole('alert').first().getByRole('button', { name: 'Dismiss' }).click();

	// Settings.
	await navTo(page, 'Settings');
	await page.getByLabel('New cards per day').fill('30');
	await page.getByLabel('New cards per day').press('Enter');
	await expect(page.getByRole('alert')).toContainText(quota);
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);

	// The card browser.
	await navTo(page, 'Cards');
	await page.locator('.row').first().click();
	await page.getByTestId('card-detail').getByRole('button', { name: 'Suspend' }).click();
	await expect(page.getByRole('alert')).toContainText(quota);

	// A quiz cannot even start: it says why instead of claiming there are no questions.
	await navTo(page, 'Final exam');
	await page.getByRole('button', { name: /^Start exam/ }).click();
	await expect(page.getByRole('alert')).toContainText(quota);
	await expect(page.getByText('no quiz questions')).toHaveCount(0);
});

test('a full disk mid-quiz keeps the chosen answer to try again', async ({ page }) => {
	await seedRandom(page);
	await page.goto('/quiz?chapter=opening');
	await startQuiz(page);
	await expect(page.getByTestId('progress')).toHaveText(/^Question 1 of/);
	await fillDisk(page);
	await answerBlindly(page);
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('alert')).toContainText('Your device is out of storage');
	await expect(page.getByTestId('feedback')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Check' })).toBeEnabled();
	await expect(page.getByTestId('progress')).toHaveText(/^Question 1 of/);
});
