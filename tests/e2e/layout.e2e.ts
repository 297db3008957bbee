/**
 * No page jumps while it loads: the static header gives way to the real one in place, and content that arrives late
 * (the home screen's counts, the install offer) has its room kept or comes below what is already shown.
 */
import { expect, test } from '@playwright/test';
import { offerInstall } from './fixtures';

test.use({ locale: 'en-US' });

for (const [path, ready] of [
	['/', '[data-testid="review-all"]'],
	['/review', '#card-front'],
	['/quiz?chapter=opening', '[data-testid="quiz-start"]'],
	// Its sections come a task at a time, each below those already shown.
	['/stats', '[data-testid="recall"]']
] as const) {
	test(`${path} loads without layout shifts`, async ({ page }, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'a phone-sized page is the one that matters; one viewport is enough');
		await page.addInitScript(() => {
			const shifts: string[] = [];
			Object.assign(window, { shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[]) {
					shifts.push(`${entry.value.toFixed(4)} ${entry.sources.map((s) => s.node?.nodeName).join(' ')}`);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(path);
		await expect(page.locator(ready)).toBeVisible();
		await expect(page.locator('#splash')).toHaveCount(0);
		if (path === '/') {
			// The browser's install offer arrives whenever it likes: the hint must not move the chapters.
			await offerInstall(page);
			await expect(page.getByTestId('install-hint')).toBeVisible();
		}
		// Let the last frame be laid out and reported.
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
	});
}
