/** "Your data": a backup carried to another device, bad and hostile files, imported decks shown as plain text. */
import { expect, test } from '@playwright/test';
import type { StoredCard } from '../../src/lib/domain/collection';
import { State } from '../../src/lib/domain/scheduling/memory';
import { chapter, firstVisit, navTo, setExamDate } from './fixtures';
import { HOSTILE, backupLines, chooseFile, download, expectNoScriptRan, gzipLines, openDataPage } from './data-helpers';
import { readStore, writeStore } from './seed';

test.use({ locale: 'en-US' });

test.beforeEach(({ page }) => {
	page.on('dialog', (dialog) => {
		throw new Error(`A script opened a dialog: ${dialog.message()}`);
	});
});

/** The rows of one table in a streamed backup's lines. */
function rowsOf(lines: unknown[], table: string): unknown[] {
	return (lines.slice(1) as [string, unknown][]).filter(([name]) => name === table).map(([, row]) => row);
}

test('backs up on one device and restores on another; merging the same file twice changes nothing', async ({
	page,
	browser
}) => {
	// Two devices and five files: more steps than one page visit.
	test.slow();
	await page.goto('/');
	const newBefore = Number((await chapter(page, 'opening').getByTestId('new').textContent())?.match(/\d+/)?.[0]);
	await chapter(page, 'opening').getByRole('link', { name: 'Review' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.getByText(/^\d+ cards? left$/)).toBeVisible();

	await navTo(page, 'Data');
	await expect(page.getByTestId('last-backup')).toHaveText('No backup yet from this device.');
	const backup = await download(page, page.getByRole('button', { name: 'Download backup' }));
	expect(backup.name).toMatch(/^reportcard-backup-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/);
	const lines = backupLines(backup.bytes);
	expect(lines[0]).toMatchObject({ format: 'reportcard-backup', version: 3, counts: { reviews: 1, attempts: 0 } });
	const reviews = rowsOf(lines, 'reviews');
	expect(reviews).toHaveLength(1);
	await expect(page.getByTestId('last-backup')).toHaveText(/^Last backup: .*\d{4}/);
	const csv = await download(page, page.getByRole('button', { name: /FSRS optimiser/ }));
	expect(csv.text.trim().split('\n')).toEqual([
		'card_id,review_time,review_rating,review_state,review_duration',
		expect.stringMatching(/^[a-z0-9-]+,\d{13},4,0,\d+$/)
	]);
	const anki = await download(page, page.getByRole('button', { name: /Cards for Anki/ }));
	expect(anki.text.startsWith('#separator:tab\n#html:false\n')).toBe(true);

	const other = await browser.newContext({ locale: 'en-US' });
	const device = await other.newPage();
	await openDataPage(device);
	await chooseFile(device, 0, backup.name, backup.bytes);
	await expect(device.getByTestId('backup-file')).toHaveText(
		/^Backup from .*: 1 review log entry \(every grade and undo, all time\), 0 quizzes\.$/
	);
	await device.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(device.getByTestId('restore-result')).toHaveText('Restored: 1 review and 0 quiz results added.');
	expect(await readStore(device, 'reviews')).toEqual(reviews);

	await chooseFile(device, 0, backup.name, backup.bytes);
	await device.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(device.getByTestId('restore-result')).toHaveText(/^Nothing new/);
	expect(await readStore(device, 'reviews')).toHaveLength(1);

	// The same backup as the plain JSON file versions before the streamed format wrote still restores (its cards then
	// carried their suspension and burial).
	const [header] = lines as [{ exportedAt: number; settings: unknown }];
	const plain = {
		format: 'reportcard-backup',
		version: 1,
		exportedAt: header.exportedAt,
		cards: rowsOf(lines, 'cards').map((card) => ({ ...(card as object), suspended: 0, buriedUntil: 0 })),
		chapters: rowsOf(lines, 'chapters'),
		reviews,
		attempts: [],
		settings: header.settings
	};
	await chooseFile(device, 0, 'reportcard-backup-old.json', JSON.stringify(plain));
	await expect(device.getByTestId('backup-file')).toHaveText(
		/^Backup from .*: 1 review log entry \(every grade and undo, all time\), 0 quizzes\.$/
	);
	await device.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(device.getByTestId('restore-result')).toHaveText(/^Nothing new/);

	// Replace asks first, and says nothing here would be lost.
	await chooseFile(device, 0, backup.name, backup.bytes);
	await device.getByRole('radio', { name: /^Replace/ }).check();
	await device.getByRole('button', { name: 'Restore', exact: true }).click();
	const confirm = device.getByRole('alertdialog');
	await expect(confirm).toContainText('nothing is lost');
	await expect(confirm).toBeFocused();
	await confirm.getByRole('button', { name: 'Replace' }).click();
	await expect(device.getByTestId('restore-result')).toBeVisible();

	await navTo(device, 'Chapters');
	await expect(chapter(device, 'opening').getByTestId('new')).toHaveText(`${newBefore - 1} new cards`);
	await other.close();
});

test('refuses a cut-off, damaged or hostile backup with a clear message, shows it as text, and changes nothing', async ({
	page
}) => {
	await openDataPage(page);
	const backup = await download(page, page.getByRole('button', { name: 'Download backup' }));
	const [settingsBefore, cardsBefore] = [await readStore(page, 'settings'), await readStore(page, 'cards')];

	await chooseFile(page, 0, backup.name, backup.bytes.subarray(0, Math.floor(backup.bytes.length / 2)));
	await expect(page.getByTestId('problem')).toContainText('This backup is incomplete or damaged');
	await expect(page.getByTestId('problem')).toContainText('Nothing was changed.');

	const lines = backupLines(backup.bytes);
	const [table, card] = lines[3] as [string, Record<string, unknown>];
	lines[3] = [table, { ...card, kind: HOSTILE }];
	await chooseFile(page, 0, backup.name, gzipLines(lines));
	await expect(page.getByTestId('problem')).toContainText(
		`Line 4: This backup is damaged or was edited: cards.kind has a value this app cannot read ("${HOSTILE}")`
	);
	await expect(page.getByTestId('problem')).toContainText('Nothing was changed.');
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);
	expect(await readStore(page, 'cards')).toEqual(cardsBefore);

	await chooseFile(page, 0, 'cut.json', '{"format":"reportcard-backup","version":1,"cards":[{"id":"a"');
	await expect(page.getByTestId('problem')).toContainText('This backup is incomplete');
	await expect(page.getByTestId('problem')).toContainText('Nothing was changed.');

	const hostile = {
		format: 'reportcard-backup',
		version: 1,
		exportedAt: 0,
		cards: [],
		chapters: [],
		reviews: [],
		attempts: [],
		settings: { locale: HOSTILE }
	};
	await chooseFile(page, 0, 'hostile.json', JSON.stringify(hostile));
	await expect(page.getByTestId('problem')).toContainText(
		`settings.locale has a value this app cannot read ("${HOSTILE}")`
	);
	await expect(page.getByTestId('problem').locator('img')).toHaveCount(0);
	await expectNoScriptRan(page);
	expect(await readStore(page, 'settings')).toEqual(settingsBefore);
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(0);
});

test('an imported deck is its own chapter and shows hostile text literally, never as markup', async ({ page }) => {
	await openDataPage(page);
	const deck = `#separator:tab\n#html:false\n#deck:${HOSTILE}\n${HOSTILE}\t<script>window.__xss=2</script>\n`;
	await chooseFile(page, 1, 'deck.txt', deck);
	await expect(page.getByTestId('deck-result')).toHaveText(`Imported “${HOSTILE}”: 1 card.`);
	const row = page.locator('[data-deck]');
	await expect(row).toContainText(HOSTILE);

	await row.getByRole('link', { name: 'Review' }).click();
	await expect(page.locator('#card-front')).toHaveText(HOSTILE);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByTestId('card-back')).toHaveText('<script>window.__xss=2</script>');
	await expect(page.locator('main img, main script')).toHaveCount(0);
	await expectNoScriptRan(page);

	await page.goto('/');
	const imported = page.locator('[data-chapter^="user-"]');
	await expect(imported.getByRole('heading')).toHaveText(HOSTILE);
	await expect(imported.getByRole('link', { name: 'Quiz' })).toHaveCount(0);
	await expectNoScriptRan(page);
});

test('damaged progress sends the learner to Check data, which mends it, and the card can be reviewed again', async ({
	page
}) => {
	await firstVisit(page);
	const card = (await readStore<StoredCard>(page, 'cards')).find((stored) => stored.chapterId === 'opening');
	if (!card) throw new Error('no card in the first chapter');
	// A review card with difficulty 0: no grade gives it, and FSRS refuses to schedule it.
	const memory = { ...card.memory, state: State.Review, difficulty: 0, stability: 1, reps: 3, lastReview: Date.now() };
	await writeStore(page, 'cards', [{ ...card, due: 0, memory }]);

	// Home's exam plan cannot be worked out either, and says where the mend is.
	await setExamDate(page, new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10));
	await page.goto('/');
	await expect(page.getByTestId('exam-problem')).toContainText('Some progress saved on this device is damaged');
	await expect(page.getByTestId('exam-plan').getByRole('link', { name: 'Open “Check data”' })).toHaveAttribute(
		'href',
		'/data#check'
	);

	await page.goto('/review?chapter=opening');
	await expect(page.getByRole('alert')).toContainText('Some progress saved on this device is damaged');
	await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Open “Check data”' }).click();
	await expect(page).toHaveURL(/\/data#check$/);
	await page.getByRole('button', { name: 'Check data' }).click();
	await expect(page.getByTestId('check-report')).toContainText(
		'1 card with an impossible schedule, rebuilt from their history'
	);

	await page.goto('/review?chapter=opening');
	await expect(page.locator('#card-front')).toBeVisible();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
