/**
 * Progress at a glance, from a scripted week of reviews seeded into IndexedDB: the home screen, the statistics page
 * and the report map show the figures counted by hand in stats-fixture.ts, in English (New York) and Chinese
 * (Shanghai). A review at 2 am local time checks that days end at the 4 am rollover of the learner's own time zone.
 */
import { expect, test, type Page } from '@playwright/test';
import { isMastered } from '../../src/lib/domain/stats/mastery';
import { HEATMAP_DAYS } from '../../src/lib/domain/stats/report';
import { chapter, countRows, firstVisit, navTo, reloadOffline } from './fixtures';
import { chapterCards, seedHistory, type Seed } from './seed';
import { EXPECTED, EXPECTED_RETENTION, SEEDED_CARDS, buildSeed } from './stats-fixture';

interface Language {
	locale: string;
	timezoneId: string;
	/** Noon local time on 10 June 2026. */
	now: number;
	text: {
		tiles: [string, string, string, string];
		mastery: (percent: string, mastered: number, total: number) => string;
		due: string;
		fresh: (n: number) => string;
		navStats: string;
		navMap: string;
		states: { learning: string; review: string; relearning: string; suspended: string };
		rate: (passed: number, all: number) => string;
		noReviews: string;
		retentionEmpty: string;
		recent: string;
		year: string;
		forecast: string;
		unstarted: string;
		started: (started: number, cards: number) => string;
		passage: (section: number, paragraph: number) => string;
		showAnswer: string;
		badLink: string;
		noSuchPassage: string;
	};
}

const LANGUAGES: Language[] = [
	{
		locale: 'en-US',
		timezoneId: 'America/New_York',
		now: Date.UTC(2026, 5, 10, 16),
		text: {
			tiles: ['due today', 'new today', 'grades today (undone ones not counted)', 'days in a row'],
			mastery: (percent, mastered, total) => `Mastery ${percent}: ${mastered} of ${total} cards`,
			due: '4 cards due',
			fresh: (n) => `${n} new cards`,
			navStats: 'Stats',
			navMap: 'Map',
			states: { learning: 'Learning', review: 'Review', relearning: 'Relearning', suspended: 'Suspended' },
			rate: (passed, all) => `${passed} of ${all}`,
			noReviews: 'no reviews',
			retentionEmpty: 'No reviews of cards past their learning steps in the past year yet.',
			recent: '10 reviews on 7 days, 5 min in all. On days you studied: 43 sec a day on average.',
			year: '16 reviews on 10 days in the past year.',
			forecast: 'Today 4 (overdue cards included)',
			unstarted: 'Not started',
			started: (started, cards) => `${started} of ${cards} cards started`,
			passage: (section, paragraph) => `Only the cards from section ${section}, paragraph ${paragraph}.`,
			showAnswer: 'Show answer',
			badLink: 'This link does not name a paragraph of the report',
			noSuchPassage: 'No card cites that paragraph.'
		}
	},
	{
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		now: Date.UTC(2026, 5, 10, 4),
		text: {
			tiles: ['今日到期', '今日新卡', '今日评分次数（不含已撤销）', '连续天数'],
			mastery: (percent, mastered, total) => `掌握度 ${percent}：${total} 张中 ${mastered} 张`,
			due: '4 张待复习',
			fresh: (n) => `${n} 张新卡`,
			navStats: '统计',
			navMap: '地图',
			states: { learning: '学习中', review: '复习', relearning: '重新学习', suspended: '已暂停' },
			rate: (passed, all) => `${all} 次中 ${passed} 次`,
			noReviews: '无复习',
			retentionEmpty: '过去一年里还没有已过学习阶段的卡片的复习。',
			recent: '7 天里共复习 10 次，用时 5分钟。学习的日子里平均每天 43秒。',
			year: '过去一年里有 10 天复习，共 16 次。',
			forecast: '今天 4 张（含已逾期的卡片）',
			unstarted: '未开始',
			started: (started, cards) => `${cards} 张卡片中已学 ${started} 张`,
			passage: (section, paragraph) => `只复习第${section}节第${paragraph}段的卡片。`,
			showAnswer: '显示答案',
			badLink: '这个链接没有指向报告中的某一段',
			noSuchPassage: '没有卡片引用这一段。'
		}
	}
];

/** Cards mastered (in review, stability of 21 days or more): the seeded ones only, the rest are new. */
function masteredCount(seed: Seed): number {
	return seed.cards.filter((card) => isMastered(card.memory)).length;
}

async function tile(page: Page, id: string) {
	return page.getByTestId(id).locator('dd').textContent();
}

for (const language of LANGUAGES) {
	test.describe(language.locale, () => {
		test.use({ locale: language.locale, timezoneId: language.timezoneId });

		test('shows a scripted week of reviews at home, in the statistics and on the report map', async ({ page }) => {
			const { now, text } = language;
			await page.clock.setFixedTime(now);
			await firstVisit(page);
			const opening = await chapterCards(page, 'opening');
			const seed = buildSeed(
				now,
				opening.map((card) => card.id)
			);
			await seedHistory(page, seed);
			const allCards = await countRows(page, 'cards');
			await page.reload();

			// Home: today's tiles, and the chapter's mastery with its plain meaning.
			await expect(page.getByTestId('due-today')).toContainText(text.tiles[0]);
			await expect.poll(() => tile(page, 'due-today')).toBe(String(EXPECTED.dueToday));
			await expect.poll(() => tile(page, 'new-today')).toBe(String(20 - EXPECTED.newStartedToday));
			await expect.poll(() => tile(page, 'reviewed-today')).toBe(String(EXPECTED.reviewedToday));
			await expect.poll(() => tile(page, 'streak')).toBe(String(EXPECTED.streak));
			await expect(page.getByTestId('streak')).toContainText(text.tiles[3]);
			const row = chapter(page, 'opening');
			const mastered = masteredCount(seed);
			const percent = `${Math.round((mastered / opening.length) * 100)}%`;
			await expect(row.getByTestId('mastery')).toHaveText(text.mastery(percent, mastered, opening.length));
			await expect(row.getByTestId('due')).toHaveText(text.due);
			await expect(row.getByTestId('new')).toHaveText(text.fresh(opening.length - SEEDED_CARDS));
			await expect(row.getByTestId('pass-mark')).toContainText('80%');

			// Statistics for the whole report.
			await navTo(page, text.navStats);
			const cards = page.getByTestId('cards');
			const count = (key: string) => cards.locator(`li[data-key="${key}"]`);
			await expect(count('new').getByTestId('value')).toHaveText(String(allCards - SEEDED_CARDS));
			for (const [key, label] of Object.entries(text.states)) {
				await expect(count(key)).toContainText(label);
				await expect(count(key).getByTestId('value')).toHaveText(
					String(EXPECTED.states[key as keyof typeof EXPECTED.states])
				);
			}
			await expect(page.getByTestId('forecast').getByTestId('summary')).toContainText(text.forecast);
			await expect(page.getByTestId('recent').getByTestId('summary')).toHaveText(text.recent);
			// A chart's table is built when it is opened: one row per day studied (days -6 to 0, the streak).
			const recentTable = page.getByTestId('recent').locator('table');
			await expect(recentTable).toHaveCount(0);
			await page.getByTestId('recent').locator('summary').click();
			await expect(recentTable.locator('tbody tr')).toHaveCount(EXPECTED.streak);
			await expect(page.getByTestId('year').getByTestId('summary')).toContainText(text.year);
			// The year's cells are built when the chart comes near the screen: one per day, today's last.
			const cells = page.getByTestId('year').locator('[role="img"] rect');
			await page.getByTestId('year').scrollIntoViewIfNeeded();
			await expect(cells).toHaveCount(HEATMAP_DAYS);
			await expect(cells.last().locator('title')).toContainText(/1\b/);
			const retention = page.getByTestId('retention');
			for (const [period, groups] of Object.entries(EXPECTED_RETENTION)) {
				for (const [group, tally] of Object.entries(groups)) {
					const cell = retention.locator(`tr[data-period="${period}"] td[data-group="${group}"]`);
					if (tally === null) {
						await expect(cell).toHaveText(text.noReviews);
					} else {
						const [passed, all] = tally;
						await expect(cell.locator('.rate')).toHaveText(`${Math.round((passed / all) * 100)}%`);
						await expect(cell.locator('.count')).toHaveText(text.rate(passed, all));
					}
				}
			}

			// One chapter with no reviews: its own cards, an empty history; the choice survives a reload.
			await page.getByTestId('scope').selectOption('strategy');
			await expect(page).toHaveURL(/[?&]chapter=strategy/);
			await expect(count('review').getByTestId('value')).toHaveText('0');
			// Nothing to show in any period: one line says so instead of twelve empty cells.
			await expect(retention.getByTestId('retention-empty')).toHaveText(text.retentionEmpty);
			await expect(retention.locator('table')).toHaveCount(0);
			const strategyNew = Number(await count('new').getByTestId('value').textContent());
			expect(strategyNew).toBeGreaterThan(0);
			await reloadOffline(page);
			await expect(page.getByTestId('scope')).toHaveValue('strategy');
			await expect(count('new').getByTestId('value')).toHaveText(String(strategyNew));

			// The report map: a paragraph never reviewed is "not started"; one with seeded cards shows how many.
			await navTo(page, text.navMap);
			const map = page.locator('section[data-chapter="opening"]');
			const { section, paragraph } = opening[0]!.source;
			const citing = opening.filter((c) => c.source.section === section && c.source.paragraph === paragraph);
			const started = citing.filter((c) => opening.indexOf(c) < SEEDED_CARDS - 1).length;
			const first = map.locator(`[data-passage="${section}.${paragraph}"]`);
			await expect(first.getByTestId('facts')).toContainText(text.started(started, citing.length));
			await expect(first).not.toHaveAttribute('data-band', 'unstarted');
			const seededPassages = new Set(
				opening.slice(0, SEEDED_CARDS).map((c) => `${c.source.section}.${c.source.paragraph}`)
			);
			const untouched = map.locator('[data-band="unstarted"]').first();
			expect(seededPassages.has((await untouched.getAttribute('data-passage')) ?? '')).toBe(false);
			await expect(untouched.getByTestId('facts')).toContainText(text.unstarted);

			// Tapping a paragraph reviews its cards only.
			await first.getByRole('link').click();
			await expect(page.getByTestId('passage')).toContainText(text.passage(section, paragraph));
			await page.getByRole('button', { name: text.showAnswer }).click();
			// The card shown cites the paragraph tapped: its passage link points there.
			await expect(page.getByTestId('source-link')).toHaveAttribute('href', new RegExp(`#p-${section}-${paragraph}$`));

			// A mistyped link says so and reviews the whole chapter; a paragraph no card cites says so too.
			await page.goto('/review?chapter=opening&section=one&paragraph=2');
			await expect(page.getByRole('alert')).toContainText(text.badLink);
			await expect(page.locator('#card-front')).toBeVisible();
			await page.goto('/review?chapter=opening&section=9&paragraph=9');
			await expect(page.getByRole('alert')).toContainText(text.noSuchPassage);
			await expect(page.locator('#card-front')).toHaveCount(0);
		});
	});
}
