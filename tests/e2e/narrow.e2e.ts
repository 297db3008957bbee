/**
 * A phone's width, the narrowest first: no page and no quiz question scrolls sideways at 320 px, in English (longer
 * words) and Chinese, and the tab bar reaches every page. scrollWidth is compared with the width set, not innerWidth:
 * with isMobile, Chromium widens the layout viewport to fit content that is too wide.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerBlindly, firstVisit } from './fixtures';

const LANGUAGES = ['en-US', 'zh-CN'] as const;
const PAGES = ['/', '/review', '/exam', '/stats', '/map', '/cards', '/data', '/settings', '/chapter?id=strategy'];

async function overflow(page: Page, width: number): Promise<number> {
	return (await page.evaluate(() => document.documentElement.scrollWidth)) - width;
}

/** The labels and buttons whose words spill out of their box (the page itself need not scroll for that). */
async function spilled(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('label, button, a.button')]
			.filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
			.map((element) => element.textContent?.trim() ?? '')
	);
}

/** Every current question of each chapter, read from the device's database. */
async function questionsByChapter(page: Page): Promise<[string, string[]][]> {
	return page.evaluate(
		() =>
			new Promise<[string, string[]][]>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction('questions').objectStore('questions').getAll();
					request.onsuccess = () => {
						const byChapter = new Map<string, string[]>();
						for (const q of request.result as { id: string; chapterId: string; retired: number }[]) {
							if (q.retired === 0) byChapter.set(q.chapterId, [...(byChapter.get(q.chapterId) ?? []), q.id]);
						}
						open.result.close();
						resolve([...byChapter]);
					};
					request.onerror = () => reject(new Error(String(request.error)));
				};
			})
	);
}

/** An open practice attempt holding every question of the chapter, as if the learner had drawn them all. */
async function attemptWithEvery(page: Page, chapterId: string, questionIds: string[]): Promise<void> {
	await page.evaluate(
		({ chapterId, questionIds }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onsuccess = () => {
					const tx = open.result.transaction('attempts', 'readwrite');
					tx.objectStore('attempts').put({
						id: `narrow-${chapterId}`,
						chapterId,
						mode: 'practice',
						questionIds,
						seed: 1,
						retryOf: null,
						startedAt: Date.now(),
						finishedAt: null,
						answers: [],
						correct: 0,
						total: questionIds.length
					});
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
			}),
		{ chapterId, questionIds }
	);
}

for (const locale of LANGUAGES) {
	test.describe(locale, () => {
		test.use({ locale });

		test('no page scrolls sideways at 320 or 390 px, and the tab bar reaches every page', async ({
			page
		}, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'phone widths');
			await page.setViewportSize({ width: 320, height: 640 });
			await firstVisit(page);
			for (const path of PAGES) {
				await page.setViewportSize({ width: 320, height: 700 });
				await page.goto(path);
				await expect(page.locator('main h1').first()).toBeVisible();
				await page.waitForLoadState('networkidle');
				// One load, both widths: a resize lays the page out again as a load at that width would.
				for (const width of [320, 390]) {
					await page.setViewportSize({ width, height: 700 });
					expect(await overflow(page, width), `${path} at ${width} px`).toBeLessThanOrEqual(0);
					expect(await spilled(page), `${path} at ${width} px`).toEqual([]);
				}
			}
			// The four main places are tabs; the rest are one tap away in "More", the current page marked.
			const tabbar = page.getByTestId('tabbar');
			await page.goto('/');
			await expect(tabbar.getByRole('link', { name: /Chapters|章节/ })).toHaveAttribute('aria-current', 'page');
			const more = tabbar.getByRole('button', { name: /More|更多/ });
			for (const name of [/Map|地图/, /Cards|卡片/, /Data|数据/, /Settings|设置/]) {
				await more.click();
				await expect(more).toHaveAttribute('aria-expanded', 'true');
				await tabbar.getByTestId('more-sheet').getByRole('link', { name }).click();
				await expect(page.getByTestId('more-sheet')).toHaveCount(0);
				await more.click();
				await expect(tabbar.getByTestId('more-sheet').getByRole('link', { name })).toHaveAttribute(
					'aria-current',
					'page'
				);
				await page.keyboard.press('Escape');
				await expect(more).toHaveAttribute('aria-expanded', 'false');
			}
		});

		test('every question of the decks fits 320 px, its Check button on screen', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'phone widths');
			test.setTimeout(300_000);
			await page.setViewportSize({ width: 320, height: 640 });
			await firstVisit(page);
			const chapters = await questionsByChapter(page);
			expect(chapters.length).toBeGreaterThan(0);
			let seen = 0;
			for (const [chapterId, ids] of chapters) {
				await attemptWithEvery(page, chapterId, ids);
				await page.goto(`/quiz?chapter=${chapterId}`);
				for (let i = 0; i < ids.length; i++) {
					const question = page.locator('fieldset[data-kind]');
					await expect(question).toBeVisible();
					const id = await question.getAttribute('data-question');
					await answerBlindly(page);
					expect(await overflow(page, 320), `${id} at 320 px`).toBeLessThanOrEqual(0);
					const button = page.locator('.controls .button.primary');
					const box = await button.boundingBox();
					expect(box && box.x + box.width, `${id}: Check within the screen`).toBeLessThanOrEqual(320);
					await button.click();
					await expect(page.getByTestId('feedback')).toBeVisible();
					expect(await overflow(page, 320), `${id} with its feedback`).toBeLessThanOrEqual(0);
					await button.click();
					seen++;
				}
				await expect(page.getByTestId('score')).toBeVisible();
				expect(await overflow(page, 320), `${chapterId} results`).toBeLessThanOrEqual(0);
			}
			expect(seen).toBe(chapters.reduce((sum, [, ids]) => sum + ids.length, 0));
		});
	});
}
