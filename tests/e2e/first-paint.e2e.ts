/**
 * The first paint comes from the prerendered HTML, before any of the app's script has run: home shows the report and
 * its chapters by title, each figure a dash until the database answers (never a number that is not yet true). The
 * pages are prerendered in English: a learner reading in Chinese never sees English first, because the page stays
 * hidden until the app has put it into Chinese.
 */
import { expect, test, type Page } from '@playwright/test';

// Only a first visit can be held back here: a service worker would serve the scripts from its cache instead.
test.use({ serviceWorkers: 'block' });

const CHAPTER_TITLES = [
	'Opening and source',
	'Strategic levers and geopolitical headwinds',
	'Resilience and bottlenecks',
	'Beyond the controls'
];

/** Hold the app's scripts until `release` is called: what shows meanwhile is what the HTML alone paints. */
async function holdScripts(page: Page): Promise<() => void> {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

const hidden = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.querySelector('.app > *') ?? document.body).visibility === 'hidden');

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('home paints the report and its chapters from HTML, with no figure before it is known', async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto('/', { waitUntil: 'domcontentloaded' });
		await expect(page.getByRole('heading', { level: 1, name: 'ReportCard' })).toBeVisible();
		await expect(page.getByTestId('report-credit')).toContainText('36Kr');
		for (const title of CHAPTER_TITLES) await expect(page.getByRole('heading', { name: title })).toBeVisible();
		await expect(page.getByTestId('due-today').locator('dd')).toHaveText('–');
		await expect(page.getByTestId('review-all')).toHaveText('Study today');
		await expect(page.getByTestId('due').first()).toHaveText('–');
		await expect(page.getByRole('link', { name: 'Chapters', exact: true }).first()).toHaveAttribute(
			'aria-current',
			'page'
		);
		expect(await hidden(page)).toBe(false);

		release();
		await expect(page.getByTestId('new-today').locator('dd')).toHaveText(/^\d+$/);
		await expect(page.locator('[data-chapter]')).toHaveCount(CHAPTER_TITLES.length);
		await expect(page.getByTestId('review-all')).toHaveText(/^Start today’s \d+ new cards$/);
	});

	test('a learner who chose Chinese never sees the English page first, on the next start either', async ({
		page,
		isMobile
	}) => {
		test.skip(isMobile, 'no layout in it: once is enough');
		await page.goto('/');
		await expect(page.locator('[data-chapter]').first()).toBeVisible();
		await page.getByRole('button', { name: /^中文/ }).click();
		await expect(page.getByRole('heading', { name: '章节' })).toBeVisible();

		const release = await holdScripts(page);
		await page.reload({ waitUntil: 'domcontentloaded' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		expect(await hidden(page)).toBe(true);
		release();
		await expect(page.getByRole('heading', { name: '章节' })).toBeVisible();
		expect(await hidden(page)).toBe(false);
	});
});

test.describe('in a Chinese browser', () => {
	test.use({ locale: 'zh-CN' });

	test('the page stays hidden until it is in Chinese, then shows', async ({ page, isMobile }) => {
		test.skip(isMobile, 'no layout in it: once is enough');
		const release = await holdScripts(page);
		await page.goto('/', { waitUntil: 'domcontentloaded' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		expect(await hidden(page)).toBe(true);
		release();
		await expect(page.getByRole('heading', { name: '开篇与来源' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Opening and source' })).toHaveCount(0);
		expect(await hidden(page)).toBe(false);
	});

	test('should the app never start, the page shows after 3 s, with reduced motion too', async ({ page, isMobile }) => {
		test.skip(isMobile, 'no layout in it: once is enough');
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await holdScripts(page);
		await page.goto('/', { waitUntil: 'domcontentloaded' });
		expect(await hidden(page)).toBe(true);
		await expect.poll(() => hidden(page), { timeout: 6000 }).toBe(false);
		await expect(page.getByRole('heading', { name: 'Opening and source' })).toBeVisible();
	});
});
