/**
 * Backups: a large round trip in the streamed format and in the plain one older versions wrote, merge and replace,
 * every kind of bad file, and failed reads and writes changing nothing.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, MAX_PLAIN_BACKUP_BYTES, type PlainBackup } from '../../src/lib/domain/backup/format';
import { planImport } from '../../src/lib/domain/backup/merge';
import {
	BackupFileError,
	looksTruncated,
	readPlainBackup,
	readStreamedBackup,
	type BackupProblem,
	type CheckedBackup
} from '../../src/lib/domain/backup/read';
import { backupIsDue } from '../../src/lib/domain/backup/reminder';
import type { Card } from '../../src/lib/domain/deck/model';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, effectiveEvents, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { seededRandom } from '../../src/lib/domain/random';
import { exportBackup, importBackup, previewImport, recordBackup } from '../../src/lib/storage/backup';
import { appendEvents, writeTransaction } from '../../src/lib/storage/projections/write';
import { replay } from '../../src/lib/domain/scheduling/progress';
import { groupBy } from '../../src/lib/domain/stats/group';
import { syncContent } from '../../src/lib/storage/content';
import type { QuizAttempt } from '../../src/lib/domain/quiz/attempt';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { storageProblem } from '../../src/lib/storage/errors';
import { checkData } from '../../src/lib/storage/integrity';
import { gradeCard, setSuspended } from '../../src/lib/storage/reviews';
import { getSetting, setSetting } from '../../src/lib/storage/settings';
import { importUserDeck } from '../../src/lib/storage/user-decks';
import { DataState } from '../../src/lib/state/data.svelte';
import type { SavedFile } from '../../src/lib/state/save-file';
import { dumpDatabase } from './db-dump';
import { backupStatus } from '../../src/lib/storage/backup-status';
import { DAY, MINUTE, NOW, compiled, makeCard, makeDeck, openTestDb, studyContext } from './factories';
import { checkedBackup, exportedLines, gzipFile, linesOf, plainBackup } from './backup-files';

const scheduler = new Scheduler();
const open: ReportCardDb[] = [];
afterAll(() => open.splice(0).forEach((db) => db.close()));

function freshDb(): ReportCardDb {
	const db = openTestDb();
	open.push(db);
	return db;
}

function deckOf(count: number): Card[] {
	return Array.from({ length: count }, (_, i) => makeCard({ id: `card-${i}`, order: i }));
}

/**
 * A learner's database with `cards` cards and about `reviews` log rows of every kind, spread over 60 days by a seeded
 * random walk, with every card's cache rebuilt from its log as the app keeps it, plus quiz attempts and settings.
 */
async function learnerDatabase(cards: number, reviews: number, seed = 1): Promise<ReportCardDb> {
	const db = freshDb();
	await syncContent(db, scheduler, compiled(makeDeck(deckOf(cards))), NOW);
	const random = seededRandom(seed);
	const events: ReviewEvent[] = [];
	for (let i = 0; i < reviews; i++) {
		const cardId = `card-${Math.floor(random() * cards)}`;
		const at = NOW + Math.floor(random() * 60 * DAY);
		const id = `r${seed}-${i}`;
		const roll = random();
		const earlier = events.find((event) => event.cardId === cardId && event.kind === 'grade' && event.at < at);
		if (roll < 0.02) events.push({ id, cardId, kind: 'reset', at });
		else if (roll < 0.04) events.push({ id, cardId, kind: 'due-now', at, questionId: 'q1' });
		else if (roll < 0.05) events.push({ id, cardId, kind: 'suspend', at, suspended: random() < 0.5 });
		else if (roll < 0.06) events.push({ id, cardId, kind: 'bury', at, until: at + DAY });
		else if (roll < 0.08 && earlier) events.push({ id, cardId, kind: 'undo', at, cancels: earlier.id });
		else {
			const rating = (1 + Math.floor(random() * 4)) as Rating.Again | Rating.Hard | Rating.Good | Rating.Easy;
			const stateBefore = Math.floor(random() * 4) as State;
			events.push({ id, cardId, kind: 'grade', rating, at, durationMs: Math.floor(random() * 20_000), stateBefore });
		}
	}
	await appendEvents(db, scheduler, events);
	await db.attempts.bulkAdd(
		Array.from({ length: 20 }, (_, i): QuizAttempt => attempt(`a${seed}-${i}`, i % 5 === 0 ? null : NOW + i * DAY))
	);
	await setSetting(db, 'locale', 'zh-CN');
	return db;
}

function attempt(id: string, finishedAt: number | null, answers = 1): QuizAttempt {
	return {
		id,
		chapterId: 'ch1',
		mode: 'practice',
		questionIds: ['q0', 'q1', 'q2'],
		seed: 3,
		retryOf: null,
		startedAt: NOW,
		finishedAt,
		answers: Array.from({ length: answers }, (_, i) => ({
			questionId: `q${i}`,
			response: { kind: 'choice' as const, chosen: [0] },
			credit: 1,
			cardsMadeDue: 0
		})),
		correct: answers,
		total: 3
	};
}

/** A second device: same shipped content, nothing studied. */
async function emptyDevice(cards = 3): Promise<ReportCardDb> {
	const db = freshDb();
	await syncContent(db, scheduler, compiled(makeDeck(deckOf(cards))), NOW);
	return db;
}

/** Choosing `file` on the Data page shows `problem`, offers no restore, and leaves the database as it was. */
async function expectRefused(db: ReportCardDb, file: File, problem: BackupProblem): Promise<void> {
	const before = await dumpDatabase(db);
	const data = new DataState(
		{ db },
		studyContext({ clock: () => NOW, scheduler }),
		() => Promise.resolve(),
		() => undefined
	);
	await data.restore.choose(file);
	expect(data.restore.problem).toEqual({ kind: 'backup', problem });
	expect(data.restore.backup).toBeNull();
	expect(data.restore.progress).toBeNull();
	expect(await dumpDatabase(db)).toEqual(before);
}

/** A file as the learner picks it. */
async function backupFile(db: ReportCardDb, now = NOW): Promise<File> {
	return new File([await exportBackup(db, now)], 'reportcard-backup.jsonl.gz');
}

describe('round trip', () => {
	let source: ReportCardDb;
	let file: Blob;
	let plain: string;

	beforeAll(async () => {
		source = await learnerDatabase(2000, 20_000);
		file = await exportBackup(source, NOW + 61 * DAY);
		plain = JSON.stringify(await plainBackup(source, NOW + 61 * DAY));
	}, 60_000);

	it('writes a gzip file of JSON lines: the header with the counts, then every row tagged with its table', async () => {
		const lines = await linesOf(file);
		expect(JSON.parse(lines[0]!)).toMatchObject({
			format: 'reportcard-backup',
			version: BACKUP_VERSION,
			settings: { locale: 'zh-CN' },
			counts: { chapters: 0, cards: 2000, reviews: 20_000, attempts: 20 }
		});
		expect(lines).toHaveLength(1 + 2000 + 20_000 + 20);
		expect(lines.slice(1).map((line) => (JSON.parse(line) as [string])[0])).toEqual([
			...Array<string>(2000).fill('cards'),
			...Array<string>(20_000).fill('reviews'),
			...Array<string>(20).fill('attempts')
		]);
		expect(file.size).toBeLessThan(plain.length / 4);
	}, 60_000);

	it('restores 2,000 cards and 20,000 reviews on another device exactly, by replace, counting progress', async () => {
		const target = await emptyDevice(2000);
		const checking: number[][] = [];
		const backup = await readStreamedBackup(
			() => file.stream(),
			(done, total) => checking.push([done, total])
		);
		expect(checking.at(-1)).toEqual([22_020, 22_020]);
		const restoring: number[][] = [];
		const summary = await importBackup(target, scheduler, backup, 'replace', NOW + 62 * DAY, (done, total) =>
			restoring.push([done, total])
		);
		expect(summary).toMatchObject({ reviewsAdded: 20_000, attemptsAdded: 20, settingsChanged: 1 });
		expect(await dumpDatabase(target)).toEqual(await dumpDatabase(source));
		expect(restoring.length).toBeGreaterThan(2);
		expect(restoring.at(-1)).toEqual([22_000, 22_000]);
	}, 60_000);

	it('restores a plain file from an older version to the same result', async () => {
		const target = await emptyDevice(2000);
		const data = new DataState(
			{ db: target },
			studyContext({ clock: () => NOW + 62 * DAY, scheduler }),
			() => Promise.resolve(),
			() => undefined
		);
		await data.restore.choose(new File([plain], 'reportcard-backup-2026-01-01.json'));
		data.restore.mode = 'replace';
		await data.restore.start();
		await data.restore.confirm();
		// The old format had no undo, suspend or bury events: undone grades were gone, the flags were on the cards, and
		// they come back as events of their own.
		const [restored, original] = [await dumpDatabase(target), await dumpDatabase(source)];
		expect(restored.cards).toEqual(original.cards);
		expect(restored.attempts).toEqual(original.attempts);
		const oldKinds = new Set(['grade', 'due-now', 'reset']);
		const kept = effectiveEvents(original.reviews as ReviewEvent[]).filter((event) => oldKinds.has(event.kind));
		const byId = (a: ReviewEvent, b: ReviewEvent) => a.id.localeCompare(b.id);
		const log = restored.reviews as ReviewEvent[];
		expect(log.filter((event) => oldKinds.has(event.kind)).sort(byId)).toEqual(kept.sort(byId));
		expect(log.filter((event) => !oldKinds.has(event.kind)).every((event) => event.id.startsWith('legacy-'))).toBe(
			true
		);
		expect(data.restore.result).toMatchObject({ reviewsAdded: log.length, attemptsAdded: 20 });
	}, 60_000);

	it('merges into an empty device to the same result, and merging the same file again changes nothing', async () => {
		const target = await emptyDevice(2000);
		const backup = await readStreamedBackup(() => file.stream());
		await importBackup(target, scheduler, backup, 'merge', NOW + 62 * DAY);
		const once = await dumpDatabase(target);
		expect(once).toEqual(await dumpDatabase(source));

		const again = await importBackup(target, scheduler, backup, 'merge', NOW + 63 * DAY);
		expect(again).toEqual({
			reviewsAdded: 0,
			reviewsRemoved: 0,
			attemptsAdded: 0,
			attemptsRemoved: 0,
			cardsAdded: 0,
			settingsChanged: 0
		});
		expect(await dumpDatabase(target)).toEqual(once);
	}, 60_000);
});

describe('merge', () => {
	it('unites two devices’ logs by id and rebuilds each touched card from the union', async () => {
		const phone = await learnerDatabase(30, 300, 1);
		const laptop = await learnerDatabase(30, 200, 2);
		const laptopBefore = await dumpDatabase(laptop);
		const summary = await importBackup(laptop, scheduler, await checkedBackup(phone, NOW), 'merge', NOW);

		expect(summary.reviewsAdded).toBe(300);
		expect(await laptop.reviews.count()).toBe(500);
		expect(await laptop.attempts.count()).toBe(40);
		const union = groupBy(await laptop.reviews.toArray(), (event) => event.cardId);
		for (const card of await laptop.cards.toArray()) {
			const { progress } = replay(scheduler, card.introducedAt, union.get(card.id) ?? []);
			expect([card.memory, card.suspended, card.buriedUntil]).toEqual([
				progress.memory,
				progress.suspended,
				progress.buriedUntil
			]);
			expect(card.due).toBe(card.memory.due);
		}
		expect(await checkData(laptop, scheduler, NOW)).toMatchObject({ staleCards: 0, impossibleCards: 0 });
		// Nothing the laptop had is lost.
		for (const review of laptopBefore.reviews)
			expect(await laptop.reviews.get((review as ReviewEvent).id)).toEqual(review);
	});

	it('keeps the further-along copy of a quiz attempt, the device’s own settings, and a suspension from either side', async () => {
		const device = await emptyDevice();
		await device.attempts.bulkAdd([attempt('finished-here', NOW, 3), attempt('started-here', null, 1)]);
		await setSuspended(device, scheduler, 'card-1', true, NOW);
		await setSetting(device, 'locale', 'en');
		const backup = await plainBackup(device, NOW);
		backup.attempts = [attempt('finished-here', null, 1), attempt('started-here', NOW + DAY, 3)];
		backup.settings = { locale: 'zh-CN' };
		backup.cards = backup.cards.map((card) => ({ ...card, suspended: card.id === 'card-2' ? 1 : 0 }));

		await importBackup(device, scheduler, readPlainBackup(JSON.stringify(backup)), 'merge', NOW);

		expect((await device.attempts.get('finished-here'))?.finishedAt).toBe(NOW);
		expect((await device.attempts.get('started-here'))?.finishedAt).toBe(NOW + DAY);
		expect(await getSetting(device, 'locale')).toBe('en');
		expect((await device.cards.toArray()).map((card) => card.suspended)).toEqual([0, 1, 1]);
	});

	it('fills in a setting the device never set', () => {
		const plan = planImport(
			{ cards: [], chapters: [], reviewIds: [], attempts: [], settings: {} },
			{ cards: [], chapters: [], reviewCards: new Map(), attempts: [], settings: { locale: 'zh-CN' } },
			'merge',
			NOW
		);
		expect(plan.settings).toEqual({ locale: 'zh-CN' });
		expect(plan.summary.settingsChanged).toBe(1);
	});

	it('keeps a card this device no longer ships, retired, with its history; a later content update brings it back', async () => {
		const old = await emptyDevice(4);
		const card = await old.cards.get('card-3');
		await gradeCard(old, scheduler, {
			cardId: 'card-3',
			rating: Rating.Good,
			now: NOW + MINUTE,
			durationMs: 1,
			shownReps: card?.memory.reps ?? 0
		});
		const device = await emptyDevice(3);

		const summary = await importBackup(device, scheduler, await checkedBackup(old, NOW), 'merge', NOW + DAY);

		expect(summary.cardsAdded).toBe(1);
		const kept = await device.cards.get('card-3');
		expect(kept).toMatchObject({ retired: 1, memory: { reps: 1 } });
		await syncContent(device, scheduler, compiled(makeDeck(deckOf(4)), 'v2'), NOW + 2 * DAY);
		expect(await device.cards.get('card-3')).toMatchObject({ retired: 0, memory: { reps: 1 } });
	});
});

describe('replace', () => {
	it('makes the device exactly the backup, after a preview that counts what is lost', async () => {
		const source = await learnerDatabase(10, 50, 1);
		const backup = await checkedBackup(source, NOW);
		const device = await learnerDatabase(10, 30, 2);
		await importUserDeck(
			device,
			scheduler,
			{ name: 'Only here', notes: [{ line: 1, key: 'a', front: 'a', back: 'b' }] },
			NOW
		);

		const preview = await previewImport(device, backup, 'replace', NOW);
		expect(preview).toMatchObject({ reviewsRemoved: 30, attemptsRemoved: 20, reviewsAdded: 50, attemptsAdded: 20 });
		const unchanged = await dumpDatabase(device);
		expect(await dumpDatabase(device)).toEqual(unchanged);

		await importBackup(device, scheduler, backup, 'replace', NOW);
		const [mine, theirs] = [await dumpDatabase(device), await dumpDatabase(source)];
		expect(mine.reviews).toEqual(theirs.reviews);
		expect(mine.attempts).toEqual(theirs.attempts);
		expect(mine.cards).toEqual(theirs.cards);
		expect(await device.chapters.where('deckId').equals('user-only-here').count()).toBe(0);
	});

	it('keeps the content of a shipped card even when an edited backup claims it is an imported one', async () => {
		const device = await emptyDevice();
		const backup = await plainBackup(device, NOW);
		backup.chapters = [
			{
				id: 'user-x',
				deckId: 'user-x',
				order: 1000,
				title: { zh: 'x', en: 'x' },
				sections: [],
				sectionTitles: [],
				summary: [],
				retired: 0
			}
		];
		backup.cards[0] = { ...backup.cards[0]!, deckId: 'user-x', chapterId: 'user-x', front: { zh: 'evil', en: 'evil' } };
		await importBackup(device, scheduler, readPlainBackup(JSON.stringify(backup)), 'replace', NOW);
		expect(await device.cards.get('card-0')).toMatchObject({ deckId: 'test-deck', front: { en: 'Q card-0' } });
	});

	it('brings back an imported deck exactly as it was backed up', async () => {
		const source = await emptyDevice();
		await importUserDeck(
			source,
			scheduler,
			{ name: 'Words', notes: [{ line: 1, key: 'x', front: '<b>x</b>', back: 'y' }] },
			NOW
		);
		const device = await emptyDevice();
		await importBackup(device, scheduler, await checkedBackup(source, NOW), 'replace', NOW);
		expect(await dumpDatabase(device)).toEqual(await dumpDatabase(source));
	});
});

describe('bad plain files', () => {
	let db: ReportCardDb;
	let valid: PlainBackup;

	beforeAll(async () => {
		db = await learnerDatabase(5, 20);
		valid = await plainBackup(db, NOW);
	});

	const edited = (edit: (backup: PlainBackup) => void) => {
		const copy = structuredClone(valid);
		edit(copy);
		return JSON.stringify(copy);
	};
	const hostile = '<img src=x onerror="window.__xss=1">';

	const cases: [string, () => string, BackupProblem | (() => BackupProblem)][] = [
		['an empty file', () => '  \n', { kind: 'empty' }],
		['a truncated file', () => JSON.stringify(valid).slice(0, 300), { kind: 'truncated' }],
		['a file cut inside a string', () => JSON.stringify(valid).slice(0, 13), { kind: 'truncated' }],
		['wrong JSON', () => '{"format": "reportcard-backup", version: 1}', { kind: 'notJson' }],
		['a picture', () => '\u0089PNG\r\n\u001a\n\u0000\u0000', { kind: 'notJson' }],
		['an Anki deck', () => '#separator:tab\nfront\tback\n', { kind: 'notJson' }],
		['a foreign JSON file', () => JSON.stringify({ name: 'package', version: '1.0.0' }), { kind: 'foreign' }],
		['a JSON list', () => '[1, 2, 3]', { kind: 'foreign' }],
		[
			'a newer version',
			() => edited((b) => Object.assign(b, { version: BACKUP_VERSION + 1 })),
			{ kind: 'newerVersion', version: BACKUP_VERSION + 1 }
		],
		[
			'an impossible version',
			() => edited((b) => Object.assign(b, { version: 0 })),
			{ kind: 'invalid', path: 'version', reason: 'wrongValue', value: '0' }
		],
		[
			'a missing table',
			() => edited((b) => Object.assign(b, { reviews: undefined })),
			{ kind: 'invalid', path: 'reviews', reason: 'missing', value: '' }
		],
		[
			'an impossible rating',
			() => edited((b) => Object.assign(b.reviews.find((r) => r.kind === 'grade') ?? {}, { rating: 7 })),
			() => ({
				kind: 'invalid',
				path: `reviews.${valid.reviews.findIndex((r) => r.kind === 'grade')}.rating`,
				reason: 'wrongValue',
				value: '7'
			})
		],
		[
			'an unknown field',
			() => edited((b) => Object.assign(b.cards[2]!, { extra: 1 })),
			{ kind: 'invalid', path: 'cards.2.extra', reason: 'unknownKey', value: 'extra' }
		],
		[
			'a huge string',
			() => edited((b) => (b.cards[0]!.front.en = 'x'.repeat(100_000))),
			{ kind: 'invalid', path: 'cards.0.front.en', reason: 'tooLong', value: '100000' }
		],
		[
			'a hostile setting, quoted as text',
			() => edited((b) => Object.assign(b.settings, { locale: hostile })),
			{ kind: 'invalid', path: 'settings.locale', reason: 'wrongValue', value: `"${hostile}"` }
		],
		[
			'a duplicated review id',
			() => edited((b) => b.reviews.push({ ...b.reviews[0]! })),
			() => ({ kind: 'duplicateId', table: 'reviews', id: valid.reviews[0]!.id })
		],
		[
			'a duplicated card id',
			() => edited((b) => b.cards.push({ ...b.cards[1]! })),
			{ kind: 'duplicateId', table: 'cards', id: 'card-1' }
		],
		[
			'a review of a card not in the file',
			() => edited((b) => (b.reviews[0]!.cardId = 'ghost')),
			() => ({ kind: 'unknownCard', reviewId: valid.reviews[0]!.id, cardId: 'ghost' })
		],
		[
			'an imported card without its deck',
			() => edited((b) => b.cards.push({ ...b.cards[0]!, id: 'user-x--1', deckId: 'user-x', chapterId: 'user-x' })),
			{ kind: 'unknownChapter', cardId: 'user-x--1', chapterId: 'user-x' }
		],
		[
			'a file over the size limit',
			() => ' '.repeat(MAX_PLAIN_BACKUP_BYTES + 1),
			{ kind: 'tooLarge', limit: MAX_PLAIN_BACKUP_BYTES }
		]
	];

	it.each(cases)('rejects %s with its own problem and changes nothing', async (_name, make, expected) => {
		const text = make();
		const problem = typeof expected === 'function' ? expected() : expected;
		expect(() => readPlainBackup(text)).toThrow(BackupFileError);
		try {
			readPlainBackup(text);
		} catch (error) {
			expect((error as BackupFileError).problem).toEqual(problem);
		}
		await expectRefused(db, new File([text], 'backup.json'), problem);
	});

	it('tells a cut-off file from a damaged one', () => {
		expect(looksTruncated('{"a": [1, 2')).toBe(true);
		expect(looksTruncated('{"a": "text with \\" and {')).toBe(true);
		expect(looksTruncated('{"a": 1}}')).toBe(false);
		expect(looksTruncated('{"a": [1}')).toBe(false);
		expect(looksTruncated('hello')).toBe(false);
	});
});

describe('bad streamed files', () => {
	let db: ReportCardDb;
	let lines: string[];

	beforeAll(async () => {
		db = await learnerDatabase(5, 20);
		lines = await exportedLines(db, NOW);
	});

	/** The file's lines with line `number` (counted from 1, as the message counts) replaced. */
	const withLine = (number: number, line: string) => lines.map((old, i) => (i === number - 1 ? line : old));
	const header = () => JSON.parse(lines[0]!) as { version: number; counts: Record<string, number> };
	const firstReview = () => lines.findIndex((line) => line.startsWith('["reviews"')) + 1;
	const gzipped = (text: string) => new File([gzipSync(text)], 'backup.jsonl.gz');

	const cases: [string, () => File, BackupProblem | (() => BackupProblem)][] = [
		[
			'damaged compressed data',
			() => {
				const bytes = gzipSync(lines.map((line) => `${line}\n`).join(''));
				bytes.fill(0xff, 20, 40);
				return new File([bytes], 'backup.jsonl.gz');
			},
			{ kind: 'corrupt', line: 0 }
		],
		['an empty compressed file', () => gzipped(''), { kind: 'empty' }],
		['a compressed file that is not a backup', () => gzipped('{"name":"package"}\n'), { kind: 'foreign' }],
		['compressed text that is not JSON', () => gzipped('hello\nworld\n'), { kind: 'notJson' }],
		[
			'a newer version',
			() => gzipFile(withLine(1, JSON.stringify({ ...header(), version: BACKUP_VERSION + 1 }))),
			{ kind: 'newerVersion', version: BACKUP_VERSION + 1 }
		],
		[
			'a bad row in the middle',
			() => {
				const row = JSON.parse(lines[firstReview() + 4]!) as [string, Record<string, unknown>];
				return gzipFile(withLine(firstReview() + 5, JSON.stringify(['reviews', { ...row[1], at: -1 }])));
			},
			() => ({ kind: 'invalid', path: 'reviews.at', reason: 'wrongValue', value: '-1', line: firstReview() + 5 })
		],
		[
			'a line that is not a row',
			() => gzipFile(withLine(firstReview() + 2, '{"reviews": []}')),
			() => ({ kind: 'badLine', line: firstReview() + 2 })
		],
		['a line cut in the middle', () => gzipFile(withLine(4, lines[3]!.slice(0, 30))), { kind: 'badLine', line: 4 }],
		[
			'a review of a card not in the file',
			() =>
				gzipFile(withLine(firstReview(), lines[firstReview() - 1]!.replace(/"cardId":"[^"]+"/, '"cardId":"ghost"'))),
			() => ({
				kind: 'unknownCard',
				reviewId: (JSON.parse(lines[firstReview() - 1]!) as [string, { id: string }])[1].id,
				cardId: 'ghost',
				line: firstReview()
			})
		],
		[
			'a card after the reviews',
			() => gzipFile([...lines, lines[1]!.replace('"card-', '"late-card-')]),
			() => ({ kind: 'badLine', line: lines.length + 1 })
		],
		[
			'fewer reviews than the header announces',
			() => gzipFile(lines.filter((_, i) => i !== firstReview())),
			{ kind: 'countMismatch', table: 'reviews', expected: 20, found: 19 }
		],
		[
			'more attempts than the header announces',
			() => gzipFile(withLine(1, JSON.stringify({ ...header(), counts: { ...header().counts, attempts: 19 } }))),
			{ kind: 'countMismatch', table: 'attempts', expected: 19, found: 20 }
		]
	];

	it.each(cases)('refuses %s with its own problem and changes nothing', async (_name, make, expected) => {
		const problem = typeof expected === 'function' ? expected() : expected;
		const file = make();
		await expect(readStreamedBackup(() => file.stream())).rejects.toEqual(new BackupFileError(problem));
		await expectRefused(db, file, problem);
	});

	it('refuses a cut-off file (an interrupted download), saying after which line, and changes nothing', async () => {
		const bytes = gzipSync(lines.map((line) => `${line}\n`).join(''));
		const file = new File([bytes.subarray(0, Math.floor(bytes.length * 0.9))], 'backup.jsonl.gz');
		const before = await dumpDatabase(db);
		const error: unknown = await readStreamedBackup(() => file.stream()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupFileError);
		const problem = (error as BackupFileError).problem;
		expect(problem.kind).toBe('corrupt');
		expect(problem.kind === 'corrupt' && problem.line > 0 && problem.line < lines.length).toBe(true);
		expect(await dumpDatabase(db)).toEqual(before);
	});

	it('rolls the whole restore back when the file reads differently during the write', async () => {
		const device = await learnerDatabase(5, 30, 2);
		const before = await dumpDatabase(device);
		const good = await checkedBackup(db, NOW);
		// The second read of the file fails after one batch of reviews was written (the file changed on disk).
		const changing: CheckedBackup = {
			...good,
			async *reviews() {
				const rows = good.reviews();
				for (let batch = await rows.next(); !batch.done; batch = await rows.next()) yield batch.value;
				throw new BackupFileError({ kind: 'changed' });
			}
		};
		for (const mode of ['merge', 'replace'] as const) {
			const error: unknown = await importBackup(device, scheduler, changing, mode, NOW).catch((e: unknown) => e);
			expect(error).toEqual(new BackupFileError({ kind: 'changed' }));
			expect(await dumpDatabase(device)).toEqual(before);
		}
	});
});

describe('failed writes', () => {
	it('leaves the database exactly as it was when the disk fills up during an import, and says so', async () => {
		const device = await learnerDatabase(20, 100, 2);
		const source = await learnerDatabase(20, 100, 1);
		const backup = await checkedBackup(source, NOW);
		const before = await dumpDatabase(device);
		// Rewriting the cards fails, after the log was emptied and refilled: all of it must roll back.
		device.cards.hook('updating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});

		const error: unknown = await importBackup(device, scheduler, backup, 'replace', NOW).catch((e: unknown) => e);
		expect(storageProblem(error)).toBe('quota');
		expect(await dumpDatabase(device)).toEqual(before);

		const data = new DataState(
			{ db: device },
			studyContext({ clock: () => NOW, scheduler }),
			() => Promise.resolve(),
			() => undefined
		);
		await data.restore.choose(await backupFile(source));
		data.restore.mode = 'merge';
		await data.restore.start();
		expect(data.restore.problem).toEqual({ kind: 'storage', problem: 'quota' });
		expect(data.restore.result).toBeNull();
		expect(await dumpDatabase(device)).toEqual(before);
	});

	it('writes no backup file when stored data is damaged, and points to the integrity check', async () => {
		const device = await emptyDevice();
		const impossible = {
			id: 'bad',
			cardId: 'card-0',
			kind: 'grade',
			rating: 9,
			at: NOW,
			durationMs: 1,
			stateBefore: 0
		};
		// Damage that only a bug or a hand-edited database could bring: written as it is, past the replay.
		await writeTransaction(device, [], () => device.reviews.add(impossible as ReviewEvent));
		const saved: string[] = [];
		const data = new DataState(
			{ db: device },
			studyContext({ clock: () => NOW, scheduler }),
			() => Promise.resolve(),
			(file) => saved.push(file.name)
		);
		await data.backup.download();
		expect(data.backup.problem).toEqual({ kind: 'damaged' });
		expect(saved).toEqual([]);
		expect(await getSetting(device, 'lastBackupAt')).toBeUndefined();
	});
});

describe('the restore flow', () => {
	it('asks before replacing and changes nothing when cancelled', async () => {
		const device = await learnerDatabase(5, 20, 2);
		const backup = await backupFile(await learnerDatabase(5, 10, 1));
		const before = await dumpDatabase(device);
		let settingsApplied = 0;
		const data = new DataState(
			{ db: device },
			studyContext({ clock: () => NOW, scheduler }),
			() => Promise.resolve(void settingsApplied++),
			() => undefined
		);

		await data.restore.choose(backup);
		data.restore.mode = 'replace';
		await data.restore.start();
		expect(data.restore.confirming).toMatchObject({ reviewsRemoved: 20, attemptsRemoved: 20 });
		data.restore.cancel();
		expect(await dumpDatabase(device)).toEqual(before);

		await data.restore.start();
		await data.restore.confirm();
		expect(data.restore.result).toMatchObject({ reviewsAdded: 10, reviewsRemoved: 20 });
		expect(await device.reviews.count()).toBe(10);
		expect(settingsApplied).toBe(1);
	});

	it('downloads a backup, records when, and shows the reminder only for unsaved work older than a week', async () => {
		const device = await emptyDevice();
		const saved: SavedFile[] = [];
		let now = NOW;
		const data = new DataState(
			{ db: device },
			studyContext({ clock: () => now, scheduler }),
			() => Promise.resolve(),
			(file) => saved.push(file)
		);
		await data.load();
		expect(data.backup.status).toEqual({ lastBackupAt: null, oldestUnsavedAt: null });
		expect(data.backup.due).toBe(false);

		await gradeCard(device, scheduler, { cardId: 'card-0', rating: Rating.Good, now, durationMs: 1, shownReps: 0 });
		now += 8 * DAY;
		await data.backup.load();
		expect(data.backup.due).toBe(true);

		await data.backup.download();
		expect(saved.map((file) => file.name)).toEqual([
			`reportcard-backup-${new Date(now).toISOString().slice(0, 10)}.jsonl.gz`
		]);
		const file = saved[0]!.data as Blob;
		expect((await readStreamedBackup(() => file.stream())).reviewCards.size).toBe(1);
		expect(data.backup.status).toEqual({ lastBackupAt: now, oldestUnsavedAt: null });
		expect(data.backup.due).toBe(false);
	});

	it('backup status counts reviews and finished quizzes after the last backup', async () => {
		const device = await emptyDevice();
		await recordBackup(device, NOW);
		await device.attempts.add(attempt('done', NOW + 2 * DAY));
		await appendEvents(device, scheduler, [{ id: 'old', cardId: 'card-0', kind: 'reset', at: NOW - DAY }]);
		expect(await backupStatus(device)).toEqual({ lastBackupAt: NOW, oldestUnsavedAt: NOW + 2 * DAY });
		expect(backupIsDue({ lastBackupAt: NOW, oldestUnsavedAt: NOW + 2 * DAY }, NOW + 9 * DAY + 1)).toBe(true);
		expect(backupIsDue({ lastBackupAt: NOW, oldestUnsavedAt: NOW + 2 * DAY }, NOW + 9 * DAY)).toBe(false);
	});
});
