/**
 * `npm run bench:sync`: sync through a real WebDAV server (Apache with mod_dav on 127.0.0.1, tests/e2e/apache.ts) in
 * real Chromium, as two devices of one learner:
 * - the first sync of a device holding 100,000 events (10,000 cards, 10 each): it uploads them all;
 * - the first sync of a second device with the same cards and no history: it takes the 100,000 events in;
 * - an incremental sync of 100 new events, on the device that made them and on the one that takes them.
 * Goals on this machine: 30 s for a first sync, 2 s for an incremental one. Prints a Markdown table and writes it to
 * bench-results/sync.md (with JSON). Environment: BENCH_SYNC_CARDS (10,000), BENCH_PORT (4504).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DAV_PASSWORD, DAV_USER, startApache, type DavServer } from '../e2e/apache';
import { firstPage, firstVisit, launchProfile, newProfileDir, ROOT } from './profile';
import { BENCH_PORT } from './playwright.config';
import { seedCollection } from './seed';

const BASE_URL = `http://localhost:${BENCH_PORT}`;
const CARDS = Number(process.env.BENCH_SYNC_CARDS ?? 10_000);
const NEW_EVENTS = 100;
const GOALS = { first: 30_000, incremental: 2_000 };

test.setTimeout(30 * 60_000);

let dav: DavServer;
test.beforeAll(async () => {
	dav = await startApache(BASE_URL);
});
test.afterAll(() => dav.stop());

/** Connect sync on the settings page and time until the first sync reports. */
async function connectAndSync(page: Page): Promise<{ ms: number; said: string }> {
	await page.goto('/settings');
	const panel = page.getByTestId('sync');
	await panel.getByLabel('Server URL').fill(dav.url);
	await panel.getByLabel('User name').fill(DAV_USER);
	await panel.getByLabel('Password').fill(DAV_PASSWORD);
	const started = Date.now();
	await panel.getByRole('button', { name: 'Connect' }).click();
	const last = page.getByTestId('sync').getByTestId('sync-last');
	await last.waitFor({ timeout: 20 * 60_000 });
	return { ms: Date.now() - started, said: (await last.textContent()) ?? '' };
}

async function syncNow(page: Page): Promise<{ ms: number; said: string }> {
	await page.goto('/settings');
	const panel = page.getByTestId('sync');
	const before = await panel.getByTestId('sync-last').textContent();
	const started = Date.now();
	await panel.getByRole('button', { name: 'Sync now' }).click();
	await expect(panel.getByTestId('sync-last')).not.toHaveText(before ?? '', { timeout: 5 * 60_000 });
	return { ms: Date.now() - started, said: (await panel.getByTestId('sync-last').textContent()) ?? '' };
}

/** Raw IndexedDB: forget the history, keep the cards (a second device that has the deck but has not studied). */
async function clearHistory(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onsuccess = () => {
					const tx = open.result.transaction(['reviews', 'tallies', 'settings'], 'readwrite');
					tx.objectStore('reviews').clear();
					tx.objectStore('tallies').clear();
					tx.objectStore('settings').delete('statsCaches');
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
				open.onerror = () => reject(new Error(String(open.error)));
			})
	);
}

/** Grade `count` cards Good on the review page. */
async function grade(page: Page, count: number): Promise<void> {
	await page.goto('/review');
	for (let i = 0; i < count; i++) {
		const front = await page.locator('#card-front').textContent();
		await page.keyboard.press('Space');
		await page.getByTestId('card-back').waitFor();
		await page.keyboard.press('3');
		await expect(page.locator('#card-front')).not.toHaveText(front ?? '');
	}
}

test('sync at scale', async () => {
	const spec = { cards: CARDS, seed: 7 };
	const [maker, taker] = [newProfileDir(), newProfileDir()];
	const makerContext = await launchProfile(maker, BASE_URL);
	const takerContext = await launchProfile(taker, BASE_URL);
	try {
		const phone = await firstPage(makerContext);
		const laptop = await firstPage(takerContext);
		await Promise.all([firstVisit(phone), firstVisit(laptop)]);
		const seeded = await seedCollection(phone, spec);
		await seedCollection(laptop, spec);
		await clearHistory(laptop);

		const upload = await connectAndSync(phone);
		const download = await connectAndSync(laptop);
		await grade(phone, NEW_EVENTS);
		const incrementalUp = await syncNow(phone);
		const incrementalDown = await syncNow(laptop);

		const rows: [string, { ms: number; said: string }, number][] = [
			[`first sync, sending ${seeded.reviews.toLocaleString('en')} events`, upload, GOALS.first],
			[`first sync, taking ${seeded.reviews.toLocaleString('en')} events in`, download, GOALS.first],
			[`incremental sync, sending ${NEW_EVENTS} new events`, incrementalUp, GOALS.incremental],
			[`incremental sync, taking ${NEW_EVENTS} new events in`, incrementalDown, GOALS.incremental]
		];
		const table = [
			`## ReportCard sync benchmark, ${new Date().toISOString()}`,
			'',
			`${CARDS.toLocaleString('en')} cards; Apache mod_dav on 127.0.0.1; cpu: ${cpus().length} x ${cpus()[0]?.model ?? '?'}; load average ${loadavg()[0]?.toFixed(1)}`,
			'',
			'| measure | time | goal | the app said |',
			'| --- | --- | --- | --- |',
			...rows.map(
				([name, { ms, said }, goal]) =>
					`| ${name} | ${(ms / 1000).toFixed(1)} s | ${goal / 1000} s: ${ms <= goal ? 'met' : '**missed**'} | ${said.trim()} |`
			),
			`| files on the server | ${dav.files().length} | | |`
		].join('\n');
		console.log(table);
		const results = join(ROOT, 'bench-results');
		mkdirSync(results, { recursive: true });
		writeFileSync(join(results, 'sync.md'), `${table}\n`);
		writeFileSync(join(results, 'sync.json'), JSON.stringify({ cards: CARDS, rows }, null, '\t'));
	} finally {
		await makerContext.close();
		await takerContext.close();
	}
});
