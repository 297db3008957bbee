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

/**
 * Open a page and wait until its controls can be used. Pages paint from HTML before the database is open; those whose
 * controls would save (Settings, Data) keep them inert until then, and a test's `fill` would not wait for that.
 */
export async function openUsable(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.locator('[inert]')).toHaveCount(0);
}

/** Set the exam date through Settings, as a learner does, in either language; waits until it is saved. */
export async function setExamDate(page: Page, date: string): Promise<void> {
	await openUsable(page, '/settings');
	const field = page.getByLabel(/Exam date|考试日期/);
	await field.fill(date);
	await field.blur();
	await expect(page.getByRole('status').filter({ hasText: /^(Saved|已保存)/ })).toBeVisible();
}

export function chapter(page: Page, id: string) {
	return page.locator(`[data-chapter="${id}"]`);
}

/** Make Math.random repeatable in the page, so quiz draws are the same on every run. */
export async function seedRandom(page: Page, seed = 1): Promise<void> {
	await page.addInitScript((start) => {
		let state = start >>> 0;
		Math.random = () => {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}, seed);
}

/**
 * Follow a link of the main navigation: the row of links on a wide screen, the tab bar on a phone (opening its "More"
 * sheet for the pages behind it).
 */
export async function navTo(page: Page, name: string): Promise<void> {
	const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
	if (!(await link.isVisible())) await page.getByRole('button', { name: /^(More|更多)$/ }).click();
	await link.click();
}

/** Start the quiz from its start screen as offered (the mode and length chosen there), in either language. */
export async function startQuiz(page: Page): Promise<void> {
	await page
		.getByTestId('quiz-start')
		.getByRole('button', { name: /^(Start (practice|exam)|开始(练习|考试))/ })
		.click();
	await expect(page.locator('fieldset[data-kind]')).toBeVisible();
}

/**
 * Answer the question on screen without knowing the answer: the first option of a choice, "0" for a figure, the
 * shuffled order as it stands (never the answer), and the first partner for every matching row.
 */
export async function answerBlindly(page: Page): Promise<void> {
	const question = page.locator('fieldset[data-kind]');
	const kind = await question.getAttribute('data-kind');
	if (kind === 'numeric') await question.getByRole('textbox').fill('0');
	else if (kind === 'match') {
		for (const select of await question.locator('select').all()) await select.selectOption({ index: 1 });
	} else if (kind !== 'order') await question.locator('.option').first().click();
}

/** Review every card on the review page with the keyboard (Space, then a grade key) until none is left. */
export async function reviewAll(page: Page, gradeKey = '4'): Promise<number> {
	let reviewed = 0;
	await expect(page.locator('#card-front, [data-testid="next-due"]').first()).toBeVisible();
	while (await page.locator('#card-front').isVisible()) {
		const front = await page.locator('#card-front').textContent();
		await page.keyboard.press('Space');
		await expect(page.getByTestId('card-back')).toBeVisible();
		await page.keyboard.press(gradeKey);
		reviewed++;
		await expect(page.locator('#card-front, [data-testid="next-due"]').first()).not.toHaveText(front ?? '');
	}
	return reviewed;
}

/** Stand in for Chromium's install offer (it needs engagement a test cannot give); records the prompt call. */
export async function offerInstall(page: Page, outcome: 'accepted' | 'dismissed' = 'dismissed'): Promise<void> {
	await page.evaluate((choice) => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: () => {
				(window as unknown as { prompted: number }).prompted = 1;
				return Promise.resolve();
			},
			userChoice: Promise.resolve({ outcome: choice })
		});
		dispatchEvent(offer);
	}, outcome);
}

/** A row of the settings table, read straight from IndexedDB. */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
	return page.evaluate(
		(name) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction('settings').objectStore('settings').get(name);
					request.onsuccess = () => resolve((request.result as { value?: unknown } | undefined)?.value);
					request.onerror = () => reject(new Error(String(request.error)));
				};
			}),
		key
	);
}
