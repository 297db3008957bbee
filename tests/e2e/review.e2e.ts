/** Reviewing like Anki, on a phone or a keyboard: intervals on the buttons, undo, the source passage, suspend. */
import { expect, test } from '@playwright/test';
import type { ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { chapter, countRows, firstVisit } from './fixtures';
import { readStore } from './seed';

test.use({ locale: 'en-US' });

test('grades with the keyboard, shows intervals, undoes, and opens the cited passage', async ({ page }) => {
	await firstVisit(page, '/');
	await page.goto('/review?chapter=strategy');
	const front = page.locator('#card-front');
	const first = await front.textContent();

	await page.keyboard.press('Space');
	const grades = page.getByRole('group', { name: 'How well did you remember?' });
	await expect(grades.getByRole('button')).toHaveCount(4);
	// Each grade's name is what it shows: the grade and when it brings the card back.
	await expect(grades.getByRole('button', { name: /^Good in \d+ min$/ })).toBeVisible();
	await expect(grades.getByRole('button', { name: /^Easy in \d+ days?$/ })).toBeVisible();
	await page.keyboard.press('3');
	await expect(front).not.toHaveText(first ?? '');
	expect(await countRows(page, 'reviews')).toBe(1);

	await page.keyboard.press('u');
	await expect(front).toHaveText(first ?? '');
	await expect(page.getByTestId('card-back')).toBeHidden();
	// The log only grows: the grade stays, and an undo names it.
	await expect.poll(() => countRows(page, 'reviews')).toBe(2);
	const log = await readStore<ReviewEvent>(page, 'reviews');
	const grade = log.find((event) => event.kind === 'grade');
	expect(log.find((event) => event.kind === 'undo')).toMatchObject({ cancels: grade?.id, cardId: grade?.cardId });

	await page.keyboard.press('Space');
	await page.keyboard.press('e');
	await expect(page).toHaveURL(/\/chapter\?id=strategy#p-1-\d+$/);
	await expect(page.locator('[aria-current="location"]')).toBeVisible();
});

test('suspends and buries cards so they leave the study counts', async ({ page }) => {
	await firstVisit(page, '/');
	const fresh = chapter(page, 'outlook').getByTestId('new');
	const before = Number((await fresh.textContent())?.match(/\d+/)?.[0]);
	await page.goto('/review?chapter=outlook');
	const front = page.locator('#card-front');
	const suspended = await front.textContent();
	await page.getByRole('button', { name: 'Suspend' }).click();
	await expect(front).not.toHaveText(suspended ?? '');
	const buried = await front.textContent();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	// Leave only once the write is done: the next card shows after it.
	await expect(front).not.toHaveText(buried ?? '');
	await page.goto('/');
	await expect(fresh).toHaveText(`${before - 2} new cards`);
});

test('types the hidden words of a cloze; a wholly wrong answer gets the right one plainly', async ({ page }) => {
	await firstVisit(page, '/');
	await page.goto('/settings');
	await page.getByRole('switch', { name: 'Type the answers of cloze cards' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await page.goto('/review?chapter=strategy');
	// Skip to the first cloze card (one with a typing field).
	for (let i = 0; i < 10 && !(await page.getByLabel('Type the hidden words').isVisible()); i++) {
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(page.getByTestId('card-back')).toBeHidden();
	}
	await page.getByLabel('Type the hidden words').fill('definitely not it');
	await page.getByLabel('Type the hidden words').press('Enter');
	// A different answer, not a slip: no letter soup of differences, the answer said plainly beside what was typed.
	await expect(page.getByTestId('typed-result')).toContainText('Not this time.');
	await expect(page.getByTestId('typed-result').locator('.diff')).toHaveCount(0);
	await expect(page.getByTestId('typed-yours')).toHaveText('You typed: definitely not it');
	await expect(page.getByTestId('typed-expected')).toHaveText(/^The answer: \S/);
	await expect(page.getByTestId('card-back')).toBeVisible();
});

test("finds cards in both languages, shows a card's memory and history, and suspends or resets it", async ({
	page
}) => {
	await firstVisit(page, '/');
	await page.goto('/review?chapter=bottlenecks');
	const front = (await page.locator('#card-front').textContent()) ?? '';
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.locator('#card-front')).not.toHaveText(front);

	await page.goto('/cards');
	await page.getByRole('searchbox').fill('DeepSeek');
	await expect(page.getByTestId('card-count')).toHaveText(/^\d+ cards?$/);
	await page.getByRole('searchbox').fill(front);
	await expect(page.getByTestId('card-count')).toHaveText('1 card');
	const row = page.getByRole('button', { name: front });
	await row.click();
	const detail = page.getByTestId('card-detail');
	await expect(detail.getByText('Chance of recall now')).toBeVisible();
	await expect(detail.getByText('Graded Easy')).toBeVisible();

	page.once('dialog', (dialog) => void dialog.accept());
	await detail.getByRole('button', { name: 'Reset to new' }).click();
	await expect(detail.getByText('Reset to new', { exact: true }).last()).toBeVisible();
	await expect(row).toContainText('New');
	await detail.getByRole('button', { name: 'Suspend' }).click();
	await expect(row).toContainText('Suspended');
	await page.getByLabel('Status').selectOption('suspended');
	await expect(page.getByTestId('card-count')).toHaveText('1 card');
});
