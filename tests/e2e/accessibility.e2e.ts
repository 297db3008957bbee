/**
 * Every page passes axe-core in light and dark; every control is a 44 px touch target and shows its focus. Pages are
 * checked in a state that shows their controls (an answer revealed, feedback shown): in English on the desktop
 * project and in Chinese on the phone project, so both languages and both viewports are covered once.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, focusStopsWithoutOutline, smallTouchTargets } from './a11y';
import { answerBlindly, offerInstall, seedRandom, startQuiz } from './fixtures';

test.use({ locale: 'en-US' });

interface PageCase {
	name: string;
	path: string;
	/** Bring the page into the state to check, once it is loaded. */
	prepare: (page: Page) => Promise<void>;
}

const PAGES: PageCase[] = [
	{
		name: 'home, offline, with the install offer',
		path: '/',
		prepare: async (page) => {
			await expect(page.locator('[data-chapter]').first()).toBeVisible();
			await offerInstall(page);
			await expect(page.getByTestId('install-hint')).toBeVisible();
			await page.context().setOffline(true);
			await expect(page.getByTestId('offline')).toBeVisible();
		}
	},
	{
		name: 'review, answer shown',
		path: '/review?chapter=strategy',
		prepare: async (page) => {
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByTestId('card-back')).toBeVisible();
		}
	},
	{
		name: 'quiz start screen',
		path: '/quiz?chapter=opening',
		prepare: async (page) => {
			await expect(page.getByTestId('quiz-start')).toBeVisible();
		}
	},
	{
		name: 'quiz, feedback shown',
		path: '/quiz?chapter=opening',
		prepare: async (page) => {
			await startQuiz(page);
			await answerBlindly(page);
			await page.getByRole('button', { name: 'Check' }).click();
			await expect(page.getByTestId('feedback')).toBeVisible();
		}
	},
	{
		name: 'final exam',
		path: '/exam',
		prepare: async (page) => {
			await startQuiz(page);
			await answerBlindly(page);
			await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled();
		}
	},
	{
		name: 'chapter text at a passage',
		path: '/chapter?id=strategy#p-1-1',
		prepare: async (page) => {
			await expect(page.locator('[aria-current="location"]')).toBeVisible();
		}
	},
	{
		name: 'cards, one open',
		path: '/cards',
		prepare: async (page) => {
			await page.locator('.row').first().click();
			await expect(page.getByTestId('card-detail')).toBeVisible();
		}
	},
	{
		name: 'statistics after three reviews, a table open',
		path: '/stats',
		prepare: async (page) => {
			await page.goto('/review?chapter=opening');
			for (let review = 0; review < 3; review++) {
				const shown = (await page.locator('#card-front').textContent()) ?? '';
				await page.getByRole('button', { name: 'Show answer' }).click();
				await page.getByRole('button', { name: /^Good/ }).click();
				// The next card shows once the grade is stored: leaving sooner could abort its write.
				await expect(page.locator('#card-front')).not.toHaveText(shown);
			}
			await page.goto('/stats');
			await expect(page.getByTestId('recall').getByTestId('summary')).toBeVisible();
			await page.getByTestId('year').locator('summary').click();
			await expect(page.getByTestId('year').locator('table')).toBeVisible();
		}
	},
	{
		name: 'report map',
		path: '/map',
		prepare: async (page) => {
			await expect(page.getByTestId('chapter-summary').first()).toBeVisible();
		}
	},
	{
		name: 'data and backup',
		path: '/data',
		prepare: async (page) => {
			await expect(page.getByTestId('last-backup')).toBeVisible();
		}
	},
	{
		name: 'settings',
		path: '/settings',
		prepare: async (page) => {
			await expect(page.getByTestId('persistence')).not.toBeEmpty();
		}
	}
];

for (const { name, path, prepare } of PAGES) {
	test(`${name}: no axe violations in light and dark; 44 px targets; visible focus`, async ({ page }, testInfo) => {
		await seedRandom(page);
		await page.goto(path);
		await expect(page.locator('main h1, main h2').first()).toBeVisible();
		await prepare(page);
		// Axe skips inert controls: check the page once it can be used.
		await expect(page.locator('[inert]')).toHaveCount(0);
		const locale = testInfo.project.name === 'phone' ? 'zh-CN' : 'en';
		if (locale === 'zh-CN') {
			await page.getByRole('button', { name: 'Switch to Chinese' }).click();
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		}

		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectNoAxeViolations(page, `${name}, ${locale}, ${colorScheme}`);
		}
		expect(await smallTouchTargets(page), 'controls under 44 x 44 px').toEqual([]);
		expect(await focusStopsWithoutOutline(page), 'focus stops without a visible outline').toEqual([]);
	});
}

test('home with the backup reminder: shown after a week of work kept only here, moving nothing, no axe violations', async ({
	page
}) => {
	const DAY = 24 * 60 * 60 * 1000;
	const reviewedAt = new Date('2026-06-01T10:00:00').getTime();
	await page.clock.setFixedTime(reviewedAt);
	await page.goto('/review?chapter=opening');
	const shown = (await page.locator('#card-front').textContent()) ?? '';
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	// The next card shows once the grade is stored: leaving sooner could abort its write.
	await expect(page.locator('#card-front')).not.toHaveText(shown);
	await page.goto('/');
	await expect(page.locator('[data-chapter]').first()).toBeVisible();
	await expect(page.getByTestId('backup-reminder')).toHaveCount(0);

	await page.clock.setFixedTime(reviewedAt + 8 * DAY);
	// Where the HTML painted the heading and the day's button, before any script ran.
	await page.addInitScript(() =>
		addEventListener('DOMContentLoaded', () => {
			const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top;
			sessionStorage.setItem('painted', JSON.stringify([top('main h1'), top('[data-testid="review-all"]')]));
		})
	);
	await page.reload();
	const reminder = page.getByTestId('backup-reminder');
	await expect(reminder).toBeVisible();
	// It comes once the database answers, below the day's action: what was painted before does not move.
	const tops = await page.evaluate(() =>
		['main h1', '[data-testid="review-all"]'].map(
			(selector) => document.querySelector(selector)?.getBoundingClientRect().top
		)
	);
	expect(tops).toEqual(JSON.parse((await page.evaluate(() => sessionStorage.getItem('painted'))) ?? 'null'));
	await expect(reminder.getByRole('link')).toHaveAttribute('href', '/data#backup');
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await expectNoAxeViolations(page, `home with the backup reminder, ${colorScheme}`);
	}
	expect(await smallTouchTargets(page), 'controls under 44 x 44 px').toEqual([]);
});

test('honours reduced motion: nothing animates', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/review?chapter=strategy');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	const moving = await page.evaluate(
		() =>
			[...document.querySelectorAll('*')].filter((element) => {
				const style = getComputedStyle(element);
				return parseFloat(style.transitionDuration) > 0 || parseFloat(style.animationDuration) > 0;
			}).length
	);
	expect(moving).toBe(0);
	expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});

test('a quiz question with the keyboard alone: answer, check, hear the verdict, go on to the next', async ({
	page
}) => {
	await seedRandom(page);
	await page.goto('/quiz?chapter=opening');
	await startQuiz(page);
	await expect(page.getByTestId('progress')).toHaveText(/^Question 1 of \d+$/);
	const question = page.locator('fieldset[data-kind]');
	const kind = await question.getAttribute('data-kind');
	const inQuestion = () => page.evaluate(() => Boolean(document.activeElement?.closest('fieldset')));
	for (let i = 0; i < 30 && !(await inQuestion()); i++) await page.keyboard.press('Tab');
	expect(await inQuestion(), 'Tab reaches the answer').toBe(true);
	if (kind === 'numeric') await page.keyboard.type('0');
	else if (kind === 'match') {
		const pairs = await question.locator('select').count();
		for (let i = 0; i < pairs; i++) {
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('Tab');
		}
	} else if (kind !== 'order') await page.keyboard.press('Space');

	const button = page.locator('.controls button');
	for (let i = 0; i < 30 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(button).toHaveText('Check');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('feedback')).toBeVisible();
	await expect(page.getByTestId('quiz-announcement')).toHaveText(/^(Correct|Not quite|Partly right.*)$/);
	await expect(button).toBeFocused();
	await expect(button).toHaveText('Next question');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('progress')).toHaveText(/^Question 2 of \d+$/);
	await expect(page.locator('#question-prompt')).toBeFocused();
});
