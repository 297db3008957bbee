/**
 * A new learner's first session on a phone (issue 18), at 390 and 320 px, in English and Chinese: home names the
 * report and what its button starts, the review shows its progress and never counts up after an undo, a chapter quiz
 * starts from its own screen and its results stay reachable, an unfinished quiz is resumed from home, and an unknown
 * address gets the app's own page. No page scrolls sideways on the way.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerBlindly, chapter, firstVisit, openUsable, seedRandom } from './fixtures';

const TEXT = {
	'en-US': {
		credit: /Wengu Zhixin AIGC Lab.*36Kr.*RAND.*2024\/05\/29/,
		start: 'Start today’s 20 new cards',
		left: (n: number) => new RegExp(`^${n} cards? left$`),
		undone: /^Undid Good\./,
		quiz: 'Quiz',
		exam: /^Exam/,
		shortest: /^5 questions$/,
		startExam: /^Start exam/,
		next: 'Next',
		submit: 'Submit',
		score: /^[\d.]+ of 5 correct \(\d+%\)/,
		mark: /^(✓ Passed|↻ Not passed yet)/,
		lastResults: 'Last results',
		retry: /^Retry the/,
		unfinished: /^Quiz unfinished: .*1 of 5 questions answered\./,
		resume: 'Resume the quiz',
		progress2: 'Question 2 of 5',
		refused: 'Not saved: enter a number from 0 to 9,999, in steps of 1.',
		notFound: 'Page not found',
		home: 'Go to the chapters'
	},
	'zh-CN': {
		credit: /温故智新AIGC实验室.*36氪.*兰德.*2024\/05\/29/,
		start: '开始今天的 20 张新卡',
		left: (n: number) => new RegExp(`^还剩 ${n} 张$`),
		undone: /^已撤销“良好”/,
		quiz: '测验',
		exam: /^考试/,
		shortest: /^5 题$/,
		startExam: /^开始考试/,
		next: '下一题',
		submit: '交卷',
		score: /^5 题答对 [\d.]+ 题（\d+%）/,
		mark: /^(✓ 已通过|↻ 尚未通过)/,
		lastResults: '上次结果',
		retry: /^重做答错的/,
		unfinished: /^测验未完成：.*5 题中已答 1 题。/,
		resume: '继续测验',
		progress2: '第 2 题，共 5 题',
		refused: '未保存：请输入 0 到 9,999 之间的数，步长为 1。',
		notFound: '找不到这个页面',
		home: '回到章节列表'
	}
} as const;

/** How far the page scrolls sideways (0 when it fits), as the issue measures it. */
function sideways(page: Page): Promise<number> {
	return page.evaluate(() => {
		const root = document.scrollingElement ?? document.documentElement;
		return root.scrollWidth - root.clientWidth;
	});
}

for (const locale of ['en-US', 'zh-CN'] as const) {
	const t = TEXT[locale];
	test.describe(locale, () => {
		test.use({ locale });

		for (const width of [390, 320]) {
			test(`first session at ${width} px: the report, the button, the review's progress and undo`, async ({
				page
			}, testInfo) => {
				test.skip(testInfo.project.name !== 'phone', 'phone widths');
				await page.setViewportSize({ width, height: 740 });
				await firstVisit(page);
				await expect(page.getByTestId('report-credit')).toContainText(t.credit);
				const main = page.getByTestId('review-all');
				await expect(main).toHaveText(t.start);
				// The install offer never covers the first chapter: nothing floats over the page.
				await expect(page.getByTestId('install-hint')).toHaveCount(0);
				expect(await sideways(page)).toBeLessThanOrEqual(0);

				await main.click();
				const left = page.getByTestId('remaining');
				await expect(left).toHaveText(t.left(20));
				const progress = page.getByTestId('session-progress');
				await expect(progress).toHaveAttribute('value', '0');
				// The card's actions come before the card; the keyboard hint is not shown on a touch screen.
				const undo = page
					.getByRole('group', { name: /^(Card actions|卡片操作)$/ })
					.getByRole('button')
					.first();
				const undoBox = await undo.boundingBox();
				const cardBox = await page.locator('#card-front').boundingBox();
				expect(undoBox && cardBox && undoBox.y + undoBox.height <= cardBox.y).toBe(true);
				await expect(page.getByTestId('keyboard-hint')).toBeHidden();
				expect(await sideways(page)).toBeLessThanOrEqual(0);

				for (let i = 1; i <= 3; i++) {
					const shown = await page.locator('#card-front').textContent();
					await page.locator('.controls button').first().click();
					await page.locator('.controls button').nth(2).click();
					await expect(page.locator('#card-front')).not.toHaveText(shown ?? '');
					await expect(progress).toHaveAttribute('value', String(i));
				}
				for (let i = 0; i < 3; i++) {
					await undo.click();
					// Each undo done before the next tap: the announcement alone reads the same after every one.
					await expect(progress).toHaveAttribute('value', String(2 - i));
					await expect(page.getByTestId('announcement')).toHaveText(t.undone);
					// Never more than the day's twenty, however often the learner undoes.
					await expect(left).toHaveText(t.left(20));
				}
				await expect(progress).toHaveAttribute('value', '0');
			});

			test(`chapter quiz at ${width} px: start screen, exam buttons, results kept, resumed from home`, async ({
				page
			}, testInfo) => {
				test.skip(testInfo.project.name !== 'phone', 'phone widths');
				await seedRandom(page, 5);
				await page.setViewportSize({ width, height: 740 });
				await firstVisit(page);
				await chapter(page, 'opening').getByRole('link', { name: t.quiz, exact: true }).click();
				const start = page.getByTestId('quiz-start');
				await start.getByRole('radio', { name: t.exam }).check();
				await start.getByRole('radio', { name: t.shortest }).check();
				expect(await sideways(page)).toBeLessThanOrEqual(0);
				await start.getByRole('button', { name: t.startExam }).click();
				for (let i = 1; i <= 5; i++) {
					// The question shown is this one (answering sooner would answer the last one again).
					await expect(page.getByTestId('progress')).toHaveText(new RegExp(`${i}\\D+5`));
					await answerBlindly(page);
					expect(await sideways(page)).toBeLessThanOrEqual(0);
					await page.getByRole('button', { name: i < 5 ? t.next : t.submit, exact: true }).click();
				}
				await expect(page.getByTestId('score')).toHaveText(t.score);
				await expect(page.getByTestId('pass-mark')).toHaveText(t.mark);
				// Screen readers hear the score at the end of an exam, which said nothing before.
				await expect(page.getByTestId('quiz-announcement')).toHaveText(t.score);
				expect(await sideways(page)).toBeLessThanOrEqual(0);

				// Left and come back: the results and "Retry missed" are one tap from the chapter.
				await page.goto('/');
				await chapter(page, 'opening').getByRole('link', { name: t.lastResults }).click();
				await expect(page.getByTestId('score')).toHaveText(t.score);
				const retry = page.getByRole('button', { name: t.retry });
				if ((await retry.count()) > 0) await expect(retry).toBeVisible();

				// A quiz left half-way: home says so and resumes it where it was.
				await page.goto('/');
				await chapter(page, 'opening').getByRole('link', { name: t.quiz, exact: true }).click();
				await page.getByTestId('quiz-start').getByRole('radio', { name: t.shortest }).check();
				await page.getByTestId('quiz-start').getByRole('button').last().click();
				await answerBlindly(page);
				await page.locator('.controls .button.primary').click();
				await expect(page.getByTestId('feedback')).toBeVisible();
				await page.goto('/');
				await expect(page.getByTestId('unfinished-quiz')).toHaveText(new RegExp(t.unfinished.source));
				await page.getByTestId('unfinished-quiz').getByRole('link', { name: t.resume }).click();
				await expect(page.getByTestId('progress')).toHaveText(t.progress2);
			});
		}

		test('settings refuse an out-of-range value with a message instead of clamping it', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'phone widths');
			await page.setViewportSize({ width: 320, height: 640 });
			await firstVisit(page);
			await openUsable(page, '/settings');
			const field = page.locator('#new-per-day');
			await field.fill('10000');
			await field.press('Enter');
			await expect(page.getByRole('alert')).toHaveText(t.refused);
			await expect(field).toHaveAttribute('aria-invalid', 'true');
			expect(await sideways(page)).toBeLessThanOrEqual(0);
			// Nothing was saved: the page read afresh still has the daily twenty.
			await page.reload();
			await expect(page.locator('#new-per-day')).toHaveValue('20');
			await page.locator('#new-per-day').fill('25');
			await page.locator('#new-per-day').press('Enter');
			await expect(page.getByRole('alert')).toHaveCount(0);
		});

		test('an unknown address gets the app’s own page with a way home, offline too', async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'phone widths');
			await page.setViewportSize({ width: 320, height: 640 });
			await firstVisit(page);
			for (const offline of [false, true]) {
				await page.context().setOffline(offline);
				const response = await page.goto('/no-such-page');
				expect([response?.status(), response?.fromServiceWorker()]).toEqual([404, true]);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
				expect(await sideways(page)).toBeLessThanOrEqual(0);
				await page.getByRole('link', { name: t.home }).click();
				await expect(page.locator('[data-chapter]').first()).toBeVisible();
			}
		});
	});
}
