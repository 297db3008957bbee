/**
 * The first paint comes from the prerendered HTML, before any of the app's script has run: home shows the report and
 * its chapters by title, each figure a dash until the database answers (never a number that is not yet true). The
 * pages are prerendered in English: a learner reading in Chinese never sees English first, because the page stays
 * hidden until the app has put it into Chinese.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

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

/** Whether the control can be focused, and so used (an inert one cannot). */
const takesFocus = (control: Locator) =>
	control.evaluate((element: HTMLElement) => {
		element.focus();
		return document.activeElement === element;
	});

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

	test('the quizzes, the cards and the statistics paint their largest text from HTML; the figures fill in around it', async ({
		page
	}) => {
		const release = await holdScripts(page);
		await page.goto('/exam', { waitUntil: 'domcontentloaded' });
		const predicted = page.getByTestId('predicted');
		const meaning = predicted.getByText(/^What you would score now/);
		await expect(predicted.locator('strong')).toHaveText('Predicted score: –');
		await expect(meaning).toBeVisible();
		const before = await meaning.boundingBox();
		release();
		await expect(page.getByTestId('quiz-start')).toBeVisible();
		await expect(predicted.locator('strong')).toHaveText(/^Predicted score: \d+%$/);
		// The figure took the place kept for it: the text the page painted first did not move.
		expect(await meaning.boundingBox()).toEqual(before);

		for (const [path, intro] of [
			['/cards', /^Every card of the report\. Open one/],
			['/stats', /^How your learning is going/]
		] as const) {
			const held = await holdScripts(page);
			await page.goto(path, { waitUntil: 'domcontentloaded' });
			await expect(page.getByText(intro)).toBeVisible();
			await expect(page.getByText('Loading…')).toBeVisible();
			held();
			await expect(page.getByText('Loading…')).toHaveCount(0);
			await expect(page.getByText(intro)).toBeVisible();
		}
	});

	test('every page paints its own text before the database is open, and nothing can be changed until it is', async ({
		page,
		isMobile
	}) => {
		test.skip(isMobile, 'no layout in it: once is enough');
		// A first visit opens the database only once the decks are in it: holding them holds the app just short of ready.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/decks/*.json', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/settings');
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
		await expect(page.getByText('Desired retention', { exact: true })).toBeVisible();
		// Each control's place is there but not its value, which is not yet known to be the learner's (nor the figures
		// of their reviews), and no control can be used.
		const retention = page.locator('#desired-retention');
		await expect(retention).toBeAttached();
		await expect(retention).toBeHidden();
		await expect(page.locator('#new-per-day')).toBeHidden();
		await expect(page.locator('#content-language')).toBeHidden();
		await expect(page.getByText(/You have \d+ reviews/)).toBeHidden();
		expect(await takesFocus(retention)).toBe(false);

		await page.goto('/data');
		await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
		await expect(page.getByTestId('last-backup')).toHaveText('Loading…');
		const download = page.getByRole('button', { name: 'Download backup' });
		await expect(download).toBeVisible();
		expect(await takesFocus(download)).toBe(false);

		await page.goto('/map');
		await expect(page.getByRole('heading', { level: 1, name: 'Report map' })).toBeVisible();
		await expect(page.locator('[data-chapter]')).toHaveCount(0);

		release();
		await expect(page.locator('[data-chapter]')).toHaveCount(CHAPTER_TITLES.length);
		await page.goto('/data');
		await expect(page.getByTestId('last-backup')).toHaveText('No backup yet from this device.');
		await expect(page.getByRole('button', { name: 'Download backup' })).toBeEnabled();
		await page.goto('/settings');
		await expect.poll(() => takesFocus(retention)).toBe(true);
		await expect(retention).toBeVisible();
		await expect(retention).toHaveValue('0.9');
		await expect(page.getByText('You have 0 reviews', { exact: false })).toBeVisible();
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
