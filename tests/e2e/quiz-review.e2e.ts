/** Quizzes feed the review schedule: a mistake makes the flashcards of the same fact due now, visibly. */
import { expect, test } from '@playwright/test';
import { answerBlindly, chapter, firstVisit, reviewAll, seedRandom, startQuiz, storedSetting } from './fixtures';

test.use({ locale: 'en-US' });
// The mechanics of quizzes feeding reviews do not depend on the screen; the phone's quiz flow is phone-flow.e2e.ts.
test.skip(({ isMobile }) => isMobile, 'the same journey on every screen: once, on the desktop');

test("an exam-mode quiz with mistakes puts their cards into today's review, and retries only the misses", async ({
	page
}) => {
	// A long journey (thirty cards, a quiz, the review again): room for a busy 2-core machine, not a speed test.
	test.setTimeout(120_000);
	await seedRandom(page, 7);
	await firstVisit(page);
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('500');
	await page.getByLabel('New cards per day').press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	// The journey reviews every card of the chapter in one day, new siblings too.
	await page.getByRole('switch', { name: 'Start one new card of a note a day' }).uncheck();
	await expect
		.poll(async () => ((await storedSetting(page, 'study')) as { burySiblings?: boolean }).burySiblings)
		.toBe(false);

	await page.goto('/review?chapter=outlook');
	expect(await reviewAll(page, '4')).toBeGreaterThan(20);
	await page.goto('/');
	await expect(chapter(page, 'outlook').getByTestId('due')).toHaveText('0 cards due');

	await page.goto('/quiz?chapter=outlook&mode=exam');
	// The address chose exam mode on the start screen.
	await expect(page.getByRole('radio', { name: /^Exam/ })).toBeChecked();
	await startQuiz(page);
	const progress = page.getByTestId('progress');
	const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
	for (let i = 1; i <= total; i++) {
		await expect(progress).toHaveText(`Question ${i} of ${total}`);
		await answerBlindly(page);
		// Exam mode says what its button does: on to the next question, and at the last, hand the exam in.
		await page.getByRole('button', { name: i < total ? 'Next' : 'Submit', exact: true }).click();
		// Exam mode: no feedback until the end.
		await expect(page.getByTestId('feedback')).toHaveCount(0);
	}
	const added = page.getByTestId('cards-made-due-total');
	await expect(added).toHaveText(/^\d+ flashcards? added to today's review from your mistakes/);
	const madeDue = Number((await added.textContent())?.match(/^\d+/)?.[0]);
	expect(madeDue).toBeGreaterThan(0);

	const missed = Number((await page.getByRole('button', { name: /^Retry the/ }).textContent())?.match(/\d+/)?.[0]);
	await page.getByRole('button', { name: /^Retry the/ }).click();
	await expect(progress).toHaveText(`Question 1 of ${missed}`);

	await page.goto('/');
	await expect(chapter(page, 'outlook').getByTestId('due')).toHaveText(
		`${madeDue} card${madeDue === 1 ? '' : 's'} due`
	);
	await page.goto('/review?chapter=outlook');
	expect(await reviewAll(page, '3')).toBeGreaterThanOrEqual(madeDue);
});

test('the final exam draws from every chapter and shows every answer at the end', async ({ page }) => {
	await seedRandom(page, 3);
	await firstVisit(page);
	await page.goto('/exam');
	await startQuiz(page);
	const progress = page.getByTestId('progress');
	await expect(progress).toHaveText('Question 1 of 20');
	for (let i = 1; i <= 20; i++) {
		await expect(progress).toHaveText(`Question ${i} of 20`);
		await answerBlindly(page);
		await page.getByRole('button', { name: i < 20 ? 'Next' : 'Submit', exact: true }).click();
	}
	await expect(page.getByTestId('score')).toHaveText(/ of 20 correct/);
	await expect(page.getByTestId('result-row')).toHaveCount(20);
	await expect(page.getByText('Right answer').first()).toBeVisible();
});
