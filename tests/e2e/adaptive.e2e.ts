/**
 * Learning that adapts, as a learner meets it: a predicted score before a quiz and beside its result, the calibration
 * on the statistics page, a Weak spots quiz, the Leeches filter, and an exam date that changes home.
 */
import { expect, test } from '@playwright/test';
import type { StoredCard } from '../../src/lib/domain/collection';
import { State } from '../../src/lib/domain/scheduling/memory';
import { answerBlindly, chapter, firstVisit, reviewAll, seedRandom, setExamDate } from './fixtures';
import { readStore, writeStore } from './seed';

// English on the desktop, Chinese on the phone: both languages and both screens, each journey once.
test.describe('in English', () => {
	test.use({ locale: 'en-US' });
	test.skip(({ isMobile }) => isMobile, 'in Chinese on the phone');

	test('predicts a quiz score, shows it beside the result and on the statistics page, and quizzes the weak spots', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await seedRandom(page, 5);
		await firstVisit(page);
		// Nothing studied yet: every question is a guess, on the chapter's row and on its quiz's start screen.
		const guessed = (await chapter(page, 'outlook').getByTestId('predicted').textContent()) ?? '';
		expect(guessed).toMatch(/^Predicted score: \d+%$/);
		await page.goto('/quiz?chapter=outlook');
		await expect(page.getByTestId('quiz-start').getByTestId('predicted')).toContainText(guessed);
		await page.goto('/review?chapter=outlook');
		expect(await reviewAll(page, '3')).toBeGreaterThan(5);

		await page.goto('/chapter?id=outlook');
		await page.getByRole('link', { name: 'Weak spots' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Weak spots: /);
		await page.getByRole('button', { name: /^Start practice: / }).click();
		const predicted = page.getByTestId('predicted');
		await expect(predicted).toContainText(/Predicted score: \d+%/);
		const progress = page.getByTestId('progress');
		const total = Number((await progress.textContent())?.match(/of (\d+)/)?.[1]);
		for (let i = 1; i <= total; i++) {
			await expect(progress).toHaveText(`Question ${i} of ${total}`);
			await answerBlindly(page);
			await page.getByRole('button', { name: 'Check' }).click();
			await page.getByRole('button', { name: i < total ? 'Next' : 'See results' }).click();
		}
		await expect(page.getByTestId('predicted-beside')).toHaveText(/^Predicted \d+%, scored \d+%\.$/);

		await page.goto('/stats');
		const calibration = page.getByTestId('calibration');
		await expect(calibration.getByTestId('calibration-dot')).toHaveCount(1);
		await expect(calibration.getByTestId('summary')).toHaveText(
			/^Over 1 quiz, predictions were off by [\d.]+ percentage points on average/
		);
	});

	test('a card that draws on several passages links each of them', async ({ page }) => {
		await firstVisit(page);
		await page.goto('/cards');
		await page.getByRole('searchbox').fill('policy tools the report lists');
		await page.locator('.row').first().click();
		const also = page.getByTestId('also-cites');
		await expect(also.getByRole('link')).toHaveCount(3);
		await also.getByRole('link').last().click();
		await expect(page.locator('#p-1-4')).toHaveAttribute('aria-current', 'location');
	});
});

test.describe('in Chinese', () => {
	test.use({ locale: 'zh-CN' });
	test.skip(({ isMobile }) => !isMobile, 'in English on the desktop');

	test('an exam date shows the days left and the plan on home; a leech is found and marked', async ({ page }) => {
		// 09:00 local on a fixed day: the exam is ten study days later.
		await page.clock.setFixedTime(new Date(2026, 11, 4, 9));
		await firstVisit(page);
		await setExamDate(page, '2026-12-14');

		await page.goto('/');
		const exam = page.getByTestId('exam-plan');
		await expect(exam.getByTestId('exam-days')).toHaveText(/^距离 .+ 的考试还有 10 天。$/);
		await expect(exam.getByTestId('exam-track')).toHaveText(
			/(按计划进行|尚未达到计划)：照现在的节奏，考试当天你能回忆起 \d+%/
		);
		await expect(exam.getByTestId('exam-cram')).toHaveCount(0);

		// A card forgotten nine times: a leech at the default threshold of eight.
		const cards = await readStore<StoredCard>(page, 'cards');
		const card = cards.find((c) => c.chapterId === 'outlook');
		if (!card) throw new Error('no card in outlook');
		// A memory FSRS accepts (a difficulty of 1-10, a last review), as a real leech has: the review previews its grades.
		const lastReview = new Date(2026, 11, 3, 9).getTime();
		const memory = {
			...card.memory,
			state: State.Review,
			lapses: 9,
			reps: 12,
			stability: 1,
			difficulty: 9,
			lastReview
		};
		const lapsed = { ...card, memory };
		await writeStore(page, 'cards', [lapsed]);
		await page.goto('/cards');
		await page.getByLabel('状态').selectOption({ label: '难记卡（屡次遗忘）' });
		await expect(page.getByTestId('card-count')).toHaveText('1 张卡片');
		await page.locator('.row').first().click();
		await expect(page.getByTestId('leech')).toContainText('难记卡：已遗忘 9 次');
		await expect(page.getByTestId('leech').getByRole('link', { name: '阅读原文段落' })).toBeVisible();

		// Due now, it comes first in the chapter's review, marked once the answer shows.
		await page.goto('/review?chapter=outlook');
		await expect(page.getByTestId('remaining')).toHaveText(/^还剩 [1-9]\d* 张$/);
		await page.getByRole('button', { name: '显示答案' }).click();
		await expect(page.getByTestId('leech')).toContainText('难记卡：已遗忘 9 次');
	});
});
