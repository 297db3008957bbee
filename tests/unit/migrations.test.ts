/**
 * Schema migrations. tests/fixtures/db-v<n>.json is a database exactly as version n of the app left it on a device
 * (object stores, indexes, every row), written once by this file's builder when version n was current and never
 * regenerated after. Each is loaded into fake-indexeddb at its version and opened with today's ReportCardDb: every
 * row must come through, as the upgrades promise. See src/lib/storage/db.ts for adding a version.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler, learnerScheduler } from '../../src/lib/domain/scheduling/scheduler';
import { replay } from '../../src/lib/domain/scheduling/progress';
import { normalizeSettings, type StudySettings } from '../../src/lib/domain/settings';
import { groupBy } from '../../src/lib/domain/stats/group';
import { DEFAULT_ROLLOVER_HOUR } from '../../src/lib/domain/time';
import { checkedBackup } from './backup-files';
import { syncContent } from '../../src/lib/storage/content';
import { ReportCardDb, SCHEMA_VERSION } from '../../src/lib/storage/db';
import { withIndexKeys, type CardRow } from '../../src/lib/storage/index-keys';
import { OutdatedAppError, storageProblem } from '../../src/lib/storage/errors';
import { checkData } from '../../src/lib/storage/integrity';
import { openStorage } from '../../src/lib/storage/open';
import { finishAttempt, recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import { appendEvents, writeTransaction } from '../../src/lib/storage/projections/write';
import { buryCard, gradeCard, setSuspended, undoGrade } from '../../src/lib/storage/reviews';
import { setSetting } from '../../src/lib/storage/settings';
import { connectSync } from '../../src/lib/storage/sync';
import { importUserDeck } from '../../src/lib/storage/user-decks';
import { readRawDatabase, writeRawDatabase, type DbFixture } from './db-dump';
import { DAY, MINUTE, NOW, compiled, makeCard, makeDeck, makeQuestion } from './factories';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const NAME = 'reportcard';
const scheduler = new Scheduler();

function fixtureFile(version: number): URL {
	return new URL(`db-v${version}.json`, FIXTURES);
}

function readFixture(version: number): DbFixture {
	return JSON.parse(readFileSync(fixtureFile(version), 'utf8')) as DbFixture;
}

/**
 * What each old version's rows become once today's schema has opened them. Version n's entry turns a v<n> row set
 * into the current one (compose the upgrades in order); the current version changes nothing.
 */
const UPGRADED: Record<number, (stores: DbFixture['stores']) => DbFixture['stores']> = {
	// Version 2 indexes [chapterId+masteredUntil] (and buriedUntil): every card gains its masteredUntil key.
	1: (stores) =>
		UPGRADED[3]!(
			stores.map((store) =>
				store.name === 'cards'
					? { ...store, rows: (store.rows as CardRow[]).map((card) => withIndexKeys(card)) }
					: store
			)
		),
	// Version 3 adds the statistics caches, empty until the statistics page builds them (see below).
	2: (stores) => UPGRADED[3]!(stores),
	// Version 4 makes every suspension and burial a log event: the events that give each card the flags it holds.
	3: (stores) => {
		const cards = (stores.find((store) => store.name === 'cards')?.rows ?? []) as CardRow[];
		let next = 0;
		const events = cards.flatMap((card): ReviewEvent[] => [
			...(card.suspended === 1
				? [{ id: upgradeId(++next), cardId: card.id, kind: 'suspend' as const, at: UPGRADED_AT, suspended: true }]
				: []),
			...(card.buriedUntil > 0
				? [{ id: upgradeId(++next), cardId: card.id, kind: 'bury' as const, at: UPGRADED_AT, until: card.buriedUntil }]
				: [])
		]);
		return UPGRADED[4]!(
			stores.map((store) => (store.name === 'reviews' ? { ...store, rows: [...store.rows, ...events] } : store))
		);
	},
	// Version 5 adds the sync outbox, empty until a learner connects sync.
	4: (stores) => UPGRADED[5]!(stores),
	// Version 6: every card is its replay with the fuzz seeded by the card, keyed by mastery (0 or 1) instead of the
	// time it stopped being mastered; the projections are rebuilt once (the marker goes).
	5: (stores) => {
		const rows = <T>(name: string) => (stores.find((store) => store.name === name)?.rows ?? []) as T[];
		const study = rows<{ key: string; value: unknown }>('settings').find((row) => row.key === 'study')?.value;
		const learner = learnerScheduler(normalizeSettings(study as Partial<StudySettings> | undefined));
		const logs = groupBy(rows<ReviewEvent>('reviews'), (event) => event.cardId);
		const upgraded = stores.map((store) => {
			if (store.name === 'settings')
				return { ...store, rows: rows<{ key: string }>('settings').filter((row) => row.key !== 'statsCaches') };
			if (store.name !== 'cards') return store;
			return {
				...store,
				rows: rows<CardRow & { masteredUntil?: number }>('cards').map(({ masteredUntil: _old, ...card }) => {
					const { progress } = replay(learner, card.introducedAt, logs.get(card.id) ?? []);
					return withIndexKeys({ ...card, ...progress, due: progress.memory.due });
				})
			};
		});
		return UPGRADED[6]!(upgraded);
	},
	// Version 7 adds the grade slots, built with the other projections once (the marker goes again).
	6: (stores) =>
		stores.map((store) =>
			store.name === 'settings'
				? { ...store, rows: (store.rows as { key: string }[]).filter((row) => row.key !== 'statsCaches') }
				: store
		),
	7: (stores) => stores
};

/** When the fixtures are opened: the time the version 4 upgrade dates its events. */
const UPGRADED_AT = NOW + 30 * DAY;
/** The ids the upgrade gives its events, in order (they sort after the fixtures' own ids). */
function upgradeId(n: number): string {
	return `upgrade-${String(n).padStart(4, '0')}`;
}

const opened: Dexie[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function track<T extends Dexie>(db: T): T {
	opened.push(db);
	return db;
}

describe('migration fixtures', () => {
	it('exist for every released schema version, with a known upgrade', () => {
		const versions = readdirSync(FIXTURES)
			.map((file) => /^db-v(\d+)\.json$/.exec(file)?.[1])
			.filter((v): v is string => v !== undefined)
			.map(Number)
			.sort((a, b) => a - b);
		expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
		expect(Object.keys(UPGRADED).map(Number)).toEqual(versions);
	});

	it.each(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))(
		'opens a version %i database with the current schema, every row accounted for',
		async (version) => {
			const fixture = readFixture(version);
			expect(fixture.schemaVersion).toBe(version);
			const factory = new IDBFactory();
			await writeRawDatabase(factory, NAME, fixture);

			const db = track(new ReportCardDb(NAME, { indexedDB: factory, IDBKeyRange }));
			let next = 0;
			vi.spyOn(crypto, 'randomUUID').mockImplementation(
				() => upgradeId(++next) as `${string}-${string}-${string}-${string}-${string}`
			);
			vi.spyOn(Date, 'now').mockReturnValue(UPGRADED_AT);
			await db.open();
			vi.restoreAllMocks();
			const stores = UPGRADED[version]!(fixture.stores);
			for (const store of stores) {
				expect(await db.table(store.name).toArray(), store.name).toEqual(store.rows);
			}
			// Stores added since that version start empty.
			for (const table of db.tables.filter((table) => !stores.some((store) => store.name === table.name))) {
				expect(await table.toArray(), table.name).toEqual([]);
			}
			// The upgraded data works: caches agree with their logs, and it backs up.
			const report = await checkData(db, scheduler, NOW + 30 * DAY);
			expect(report).toMatchObject({ waitingReviews: 0, setAsideReviews: 0, impossibleCards: 0, staleCards: 0 });
			expect(report.reviewsChecked).toBeGreaterThan(0);
			await expect(checkedBackup(db, NOW + 30 * DAY)).resolves.toMatchObject({ exportedAt: NOW + 30 * DAY });
		}
	);

	it('matches what the current schema writes, so a shipped version is never edited in place', async () => {
		const factory = new IDBFactory();
		await buildFixtureDatabase(factory);
		const current = await readRawDatabase(factory, NAME, SCHEMA_VERSION);
		// Run with WRITE_DB_FIXTURE=<version> once, when a new schema version is added, to record its fixture.
		if (process.env.WRITE_DB_FIXTURE === String(SCHEMA_VERSION)) {
			writeFileSync(fixtureFile(SCHEMA_VERSION), JSON.stringify(current, null, '\t') + '\n');
		}
		const fixture = readFixture(SCHEMA_VERSION);
		const shape = (db: DbFixture) => ({ ...db, stores: db.stores.map(({ rows: _rows, ...store }) => store) });
		expect(shape(current)).toEqual(shape(fixture));
	});
});

/**
 * A database with everything a learner's device holds: two chapters of cards of every kind (one card retired by a
 * content update), reviews of every event kind, a finished and an unfinished quiz, an imported deck, settings.
 * Written with the app's own storage code, so it is a real database of the current version.
 */
async function buildFixtureDatabase(factory: IDBFactory): Promise<void> {
	let next = 0;
	vi.spyOn(crypto, 'randomUUID').mockImplementation(
		() => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`
	);
	const db = new ReportCardDb(NAME, { indexedDB: factory, IDBKeyRange });
	try {
		const cards = [
			makeCard({ id: 'fund', order: 0 }),
			makeCard({ id: 'chips--forward', noteId: 'chips', kind: 'reversed', order: 1 }),
			makeCard({ id: 'chips--reverse', noteId: 'chips', kind: 'reversed', order: 2 }),
			makeCard({ id: 'goal--c1', noteId: 'goal', kind: 'cloze', order: 3 }),
			makeCard({ id: 'goal--c2', noteId: 'goal', kind: 'cloze', order: 4 }),
			makeCard({ id: 'dropped', order: 5 })
		];
		const deck = makeDeck(cards, [makeQuestion('q1'), makeQuestion('q2')]);
		await syncContent(db, scheduler, compiled(deck, 'v1'), NOW);
		await syncContent(db, scheduler, compiled({ ...deck, cards: cards.slice(0, 5) }, 'v2'), NOW + DAY);

		const grade = async (cardId: string, rating: Rating.Again | Rating.Good | Rating.Easy, at: number) => {
			const card = await db.cards.get(cardId);
			await gradeCard(db, scheduler, { cardId, rating, now: at, durationMs: 5000, shownReps: card?.memory.reps ?? 0 });
		};
		await grade('fund', Rating.Good, NOW + MINUTE);
		await grade('fund', Rating.Good, NOW + 15 * MINUTE);
		await grade('fund', Rating.Again, NOW + 3 * DAY);
		await grade('chips--forward', Rating.Easy, NOW + 2 * MINUTE);
		await grade('goal--c1', Rating.Good, NOW + 3 * MINUTE);
		const logged = (event: ReviewEvent) => appendEvents(db, scheduler, [event]);
		await logged({
			id: crypto.randomUUID(),
			cardId: 'chips--forward',
			kind: 'due-now',
			at: NOW + DAY,
			questionId: 'q1'
		});
		await logged({ id: crypto.randomUUID(), cardId: 'goal--c1', kind: 'reset', at: NOW + 2 * DAY });
		// From here on this device syncs: what it does next waits in the outbox.
		await connectSync(db, { url: 'https://dav.example.org/dav/', username: 'learner', password: 'fixture' });
		await buryCard(db, scheduler, 'goal--c2', NOW + 2 * DAY, DEFAULT_ROLLOVER_HOUR);
		await setSuspended(db, scheduler, 'chips--reverse', true, NOW + 2 * DAY);
		const card = await db.cards.get('fund');
		const { event: undone } = await gradeCard(db, scheduler, {
			cardId: 'fund',
			rating: Rating.Easy,
			now: NOW + 4 * DAY,
			durationMs: 3000,
			shownReps: card?.memory.reps ?? 0
		});
		await undoGrade(db, scheduler, undone.id, NOW + 4 * DAY + MINUTE);
		// A damaged log row, set aside by Check data.
		await writeTransaction(db, [], () =>
			db.reviews.add({ id: 'damaged', cardId: 'fund', kind: 'grade', at: NOW } as unknown as ReviewEvent)
		);
		await checkData(db, scheduler, NOW + 4 * DAY + 2 * MINUTE);

		const attemptAt = (seed: number, now: number) => ({
			scope: 'ch1',
			mode: 'practice' as const,
			questionIds: ['q1', 'q2'],
			seed,
			retryOf: null,
			now
		});
		const choose = (attemptId: string, id: string, chosen: number, now: number) =>
			recordAnswer(db, scheduler, {
				attemptId,
				question: makeQuestion(id),
				response: { kind: 'choice', chosen: [chosen] },
				now
			});
		const finished = await startAttempt(db, attemptAt(7, NOW + DAY));
		await choose(finished.id, 'q1', 0, NOW + DAY);
		await choose(finished.id, 'q2', 1, NOW + DAY);
		await finishAttempt(db, finished.id, NOW + DAY + MINUTE);
		const open = await startAttempt(db, attemptAt(8, NOW + 2 * DAY));
		await choose(open.id, 'q2', 0, NOW + 2 * DAY);

		await importUserDeck(
			db,
			scheduler,
			{ name: 'Vocabulary', notes: [{ line: 1, key: 'chip', front: '芯片', back: 'chip' }] },
			NOW + 2 * DAY
		);
		const imported = await db.cards.where('deckId').equals('user-vocabulary').first();
		await grade(imported?.id ?? '', Rating.Good, NOW + 2 * DAY + MINUTE);
		await setSetting(db, 'locale', 'zh-CN');
		await setSetting(db, 'lastBackupAt', NOW + DAY);
	} finally {
		db.close();
		vi.restoreAllMocks();
	}
}

describe('another tab with a newer version', () => {
	const options = (onVersionChange: () => void) => ({
		contentVersion: 'v1',
		loadContent: () => Promise.resolve(compiled(makeDeck([makeCard({ id: 'a' })]))),
		now: NOW,
		onVersionChange
	});

	/** Today's schema plus one more store: what the next version of the app would open. */
	function nextVersion(factory: IDBFactory): Dexie {
		const db = new ReportCardDb(NAME, { indexedDB: factory, IDBKeyRange });
		db.version(SCHEMA_VERSION + 1).stores({ drafts: 'id' });
		return track(db);
	}

	it('closes this tab’s connection so the upgrade goes ahead, and asks this tab to reload', async () => {
		const factory = new IDBFactory();
		const onVersionChange = vi.fn();
		const old = track(
			await openStorage(options(onVersionChange), new ReportCardDb(NAME, { indexedDB: factory, IDBKeyRange }))
		);
		expect(await old.cards.count()).toBe(1);

		const newer = nextVersion(factory);
		await newer.open();

		expect(newer.verno).toBe(SCHEMA_VERSION + 1);
		expect(onVersionChange).toHaveBeenCalledOnce();
		expect(old.isOpen()).toBe(false);
		// Old code never touches the upgraded database again: every access fails as "reload to update".
		const error: unknown = await old.cards.count().catch((e: unknown) => e);
		expect(storageProblem(error)).toBe('outdated');
		expect(await newer.table('cards').count()).toBe(1);
	});

	it('refuses to open a database a newer version already upgraded, instead of writing old rows into it', async () => {
		const factory = new IDBFactory();
		const newer = nextVersion(factory);
		await newer.open();
		newer.close();

		const error: unknown = await openStorage(
			options(vi.fn()),
			new ReportCardDb(NAME, { indexedDB: factory, IDBKeyRange })
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OutdatedAppError);
		expect(storageProblem(error)).toBe('outdated');
	});
});
