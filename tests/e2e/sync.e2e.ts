/**
 * One learner, two devices (two browser contexts), a real WebDAV server (Apache with mod_dav on 127.0.0.1): both study
 * offline, the same first card included, then sync, and end with the same log, no duplicate, and the same home
 * figures. Also: the app's policy reaches the server only once it is connected, and a wrong password is said so.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { DAV_PASSWORD, DAV_USER, apacheAvailable, startApache, type DavServer } from './apache';
import { chapter, firstVisit } from './fixtures';
import { readStore } from './seed';

test.use({ locale: 'en-US' });
// One server per file; the journeys share it, one after the other.
test.describe.configure({ mode: 'serial' });
test.skip(!apacheAvailable(), 'Apache with mod_dav is not installed (apt-get install apache2; .ci/run does)');
// Each journey opens devices of its own (a phone and a laptop): the project's viewport adds nothing, so once.
test.skip(({ isMobile }) => isMobile, 'devices of its own: once, from the desktop project');

let dav: DavServer;
test.beforeAll(async ({ baseURL }) => {
	dav = await startApache(new URL(baseURL ?? '').origin);
});
test.afterAll(() => dav.stop());

async function newDevice(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'allow' });
	const page = await context.newPage();
	await firstVisit(page, '/');
	return page;
}

async function connect(page: Page, password = DAV_PASSWORD): Promise<void> {
	await page.goto('/settings');
	const panel = page.getByTestId('sync');
	await panel.getByLabel('Server URL').fill(dav.url);
	await panel.getByLabel('User name').fill(DAV_USER);
	await panel.getByLabel('Password').fill(password);
	await panel.getByRole('button', { name: 'Connect' }).click();
}

/** Grade the first card of a chapter Good, as a learner on the train would. */
async function gradeFirst(page: Page, chapterId: string): Promise<string> {
	await page.goto(`/review?chapter=${chapterId}`);
	const front = page.locator('#card-front');
	const text = (await front.textContent()) ?? '';
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(front).not.toHaveText(text);
	return text;
}

async function syncNow(page: Page): Promise<string> {
	await page.goto('/settings');
	const panel = page.getByTestId('sync');
	await panel.getByRole('button', { name: 'Sync now' }).click();
	await expect(panel.getByTestId('sync-last')).toBeVisible();
	return (await panel.getByTestId('sync-last').textContent()) ?? '';
}

async function homeFigures(page: Page) {
	await page.goto('/');
	await expect(chapter(page, 'opening')).toBeVisible();
	return page.locator('[data-chapter]').allTextContents();
}

test('two devices study offline, sync through Apache, and agree on every review', async ({ browser }) => {
	test.slow();
	const phone = await newDevice(browser);
	const laptop = await newDevice(browser);

	// Connecting lets the app's pages reach this server, and only it: the page reloads once to take the new policy.
	await connect(phone);
	await expect(phone.getByTestId('sync-account')).toContainText(`Connected to ${dav.url} as ${DAV_USER}`);
	const policy = await phone.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain(`connect-src 'self' ${new URL(dav.url).origin}`);
	await connect(laptop);
	await expect(laptop.getByTestId('sync-account')).toBeVisible();

	// Both study offline: the same first card of the opening, and one other card each.
	for (const page of [phone, laptop]) await page.context().setOffline(true);
	const samePhone = await gradeFirst(phone, 'opening');
	const sameLaptop = await gradeFirst(laptop, 'opening');
	expect(sameLaptop).toBe(samePhone);
	await gradeFirst(phone, 'strategy');
	await gradeFirst(laptop, 'bottlenecks');
	for (const page of [phone, laptop]) await page.context().setOffline(false);

	// Back online, each syncs by itself too; whatever ran first, three syncs leave nothing unshared.
	await syncNow(phone);
	expect(await syncNow(laptop)).toMatch(/^Last synced .*\d reviews? sent, \d received\.$/s);
	await syncNow(phone);
	expect(await syncNow(laptop)).toMatch(/0 reviews sent, 0 received\.$/);

	const logs = await Promise.all([phone, laptop].map((page) => readStore<ReviewEvent>(page, 'reviews')));
	const ids = logs.map((log) => log.map((event) => event.id).sort());
	expect(ids[0]).toHaveLength(4);
	expect(ids[1]).toEqual(ids[0]);
	expect(await homeFigures(phone)).toEqual(await homeFigures(laptop));
	// Each device wrote only its own folder.
	const folders = new Set(dav.files().map((file) => file.split('/')[1]));
	expect(folders.size).toBe(2);

	// Disconnecting forgets the account; the next page is back to reaching its own origin only.
	await phone.goto('/settings');
	await phone.getByTestId('sync').getByRole('button', { name: 'Disconnect' }).click();
	await expect(phone.getByTestId('sync').getByLabel('Server URL')).toBeVisible();
	await phone.reload();
	expect(await phone.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain(
		"connect-src 'self';"
	);
	await phone.context().close();
	await laptop.context().close();
});

test('a wrong password is refused with its own message, in both languages', async ({ browser }) => {
	const page = await newDevice(browser);
	await connect(page, 'not the password');
	const problem = page.getByTestId('sync-problem');
	await expect(problem).toHaveAttribute('data-kind', 'auth');
	await expect(problem).toContainText('refused the user name or password');
	await page.locator('header').getByRole('button', { name: /^中文/ }).click();
	await expect(problem).toContainText('拒绝了用户名或密码');
	await page.context().close();
});
