/**
 * The app in Chinese for a browser set to Chinese, the switch to English (remembered), dates per locale, and cards
 * shown in both languages when the learner asks for it.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './a11y';
import { answerBlindly, chapter, openUsable, seedRandom, startQuiz } from './fixtures';

const CJK = /[\u4e00-\u9fff]/;

test.describe('a browser in Chinese', () => {
	test.use({ locale: 'zh-CN' });

	test('studies in Chinese, then switches to English and keeps it', async ({ page }) => {
		await seedRandom(page);
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '复习' })).toBeVisible();
		const opening = chapter(page, 'opening');
		await expect(opening.getByText('第1章')).toBeVisible();
		await expect(opening.getByTestId('new')).toHaveText(/^\d+ 张新卡$/);
		await expect(opening.locator('h3')).toHaveText(CJK);

		// A review: the card in Chinese, the intervals in Chinese units, and the spoken "next card".
		await opening.getByRole('link', { name: '复习' }).click();
		await expect(page.locator('#card-front')).toHaveText(CJK);
		await page.getByRole('button', { name: '显示答案' }).click();
		await expect(page.locator('#card-front')).not.toBeFocused();
		await expect(page.getByTestId('card-back')).toBeFocused();
		const good = page.getByRole('button', { name: /^良好 ?\d+分钟后$/ });
		await good.click();
		await expect(page.getByTestId('announcement')).toHaveText(/^良好。下一张卡片，还剩 \d+ 张。$/);
		await expect(page.locator('#card-front')).toBeFocused();

		// A quiz: progress and feedback in Chinese, the feedback also said aloud.
		await page.goto('/quiz?chapter=opening');
		await startQuiz(page);
		await expect(page.getByTestId('progress')).toHaveText(/^第 1 题，共 \d+ 题$/);
		await answerBlindly(page);
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByTestId('feedback')).toBeVisible();
		await expect(page.getByTestId('quiz-announcement')).toHaveText(/^(回答正确|回答错误|部分正确.*)$/);
		await expect(page.getByRole('button', { name: '下一题' })).toBeFocused();

		// Dates per locale: the graded card's due date in the card browser.
		await page.goto('/cards');
		await page.getByLabel('状态').selectOption('learning');
		await page.locator('.row').first().click();
		const due = page.getByTestId('card-detail').locator('dd').first();
		await expect(due).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日/);

		// The switch: everything in English at once, and still after a reload.
		await page.getByRole('button', { name: '切换到英文' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cards');
		await expect(due).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}/);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cards');
		await page.goto('/');
		await expect(chapter(page, 'opening').locator('h3')).not.toHaveText(CJK);
	});
});

test.describe('a browser in English', () => {
	test.use({ locale: 'en-US' });

	test('shows cards in Chinese, or in both languages, as the learner chooses', async ({ page }) => {
		await openUsable(page, '/settings');
		const choice = page.getByLabel('Cards and questions in');
		await expect(choice).toHaveValue('interface');
		await choice.selectOption({ label: 'Chinese' });
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

		await page.goto('/review?chapter=strategy');
		await expect(page.locator('#card-front')).toHaveText(CJK);
		await expect(page.locator('#card-front')).toHaveAttribute('lang', 'zh-CN');
		// The interface stays English.
		await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();

		await openUsable(page, '/settings');
		await choice.selectOption({ label: 'Both languages' });
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		await page.reload();
		await expect(choice).toHaveValue('both');
		await page.goto('/review?chapter=strategy');
		await expect(page.locator('#card-front')).not.toHaveText(CJK);
		await expect(page.getByTestId('card-back-second')).toHaveCount(0);
		await page.getByRole('button', { name: 'Show answer' }).click();
		const second = page.getByTestId('card-back-second');
		await expect(second).toHaveText(CJK);
		await expect(second).toHaveAttribute('lang', 'zh-CN');
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			await expectNoAxeViolations(page, `both languages on a card, ${colorScheme}`);
		}
	});
});
