/** The foundation journey: install, lose the network, review and quiz, and find everything after a reload. */
import { expect, test } from '@playwright/test';
import { answerBlindly, chapter, countRows, firstVisit, reloadOffline, seedRandom, startQuiz } from './fixtures';

test.use({ locale: 'en-US' });

test('reviews a card offline and keeps the review across a reload', async ({ page }) => {
	await firstVisit(page);
	await reloadOffline(page);
	const opening = chapter(page, 'opening');
	const newBefore = Number((await opening.getByTestId('new').textContent())?.match(/\d+/)?.[0]);
	expect(newBefore).toBeGreaterThan(0);

	await opening.getByRole('link', { name: 'Review' }).click();
	const front = await page.locator('#card-front').textContent();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByTestId('card-back')).toBeVisible();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.locator('#card-front')).not.toHaveText(front ?? '');

	await page.reload();
	await expect(page.locator('#card-front')).toBeVisible();
	await expect(page.locator('#card-front')).not.toHaveText(front ?? '');
	expect(await countRows(page, 'reviews')).toBe(1);

	await page.goto('/');
	await expect(chapter(page, 'opening').getByTestId('new')).toHaveText(`${newBefore - 1} new cards`);
});

test('takes a chapter quiz offline, resumes after a reload, and shows the score at home', async ({ page }) => {
	await seedRandom(page);
	await firstVisit(page);
	await reloadOffline(page);
	await chapter(page, 'opening').getByRole('link', { name: 'Quiz' }).click();
	await startQuiz(page);

	const progress = page.getByTestId('progress');
	await expect(progress).toHaveText(/^Question 1 of (\d+)$/);
	const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
	for (let i = 1; i <= total; i++) {
		await expect(progress).toHaveText(`Question ${i} of ${total}`);
		if (i === 4) {
			// Leave in the middle: the answers so far are kept and the quiz resumes at this question.
			await page.reload();
			await expect(page.getByText('Welcome back')).toBeVisible();
			await expect(progress).toHaveText(`Question 4 of ${total}`);
		}
		await answerBlindly(page);
		await page.getByRole('button', { name: 'Check' }).click();
		await expect(page.getByTestId('feedback')).toBeVisible();
		await page.getByRole('button', { name: i < total ? 'Next question' : 'See results' }).click();
	}
	const score = page.getByTestId('score');
	// Partial credit, if any, is said in words after the score.
	await expect(score).toHaveText(
		new RegExp(`^[\\d.]+ of ${total} correct \\((\\d+)%\\)(: \\d+ right, \\d+ partly right \\(partial credit\\))?$`)
	);
	const percent = (await score.textContent())?.match(/\((\d+%)\)/)?.[1];
	await expect(page.getByTestId('result-row')).toHaveCount(total);

	await page.goto('/');
	await page.reload();
	await expect(chapter(page, 'opening').getByTestId('best')).toHaveText(`Best quiz: ${percent}`);
});
