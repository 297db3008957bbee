/**
 * The benchmark's tools. Its synthetic collection (tests/bench/seed.ts) is read back through the app's own storage
 * code: the rows must be what the app writes, or the benchmark measures something else (the seeding function runs
 * here on fake-indexeddb instead of in a page). Its report must say which budgets are missed.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlotSums, type GradeSlot } from '../../src/lib/domain/scheduling/grade-slots';
import { State } from '../../src/lib/domain/scheduling/memory';
import type { ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/domain/settings';
import { syncContent } from '../../src/lib/storage/content';
import { ReportCardDb, SCHEMA_VERSION } from '../../src/lib/storage/db';
import { withIndexKeys } from '../../src/lib/storage/index-keys';
import { homeOverview } from '../../src/lib/storage/overview';
import { gradeCard, loadQueue, todaysCounts } from '../../src/lib/storage/reviews';
import { groupBy } from '../../src/lib/domain/stats/group';
import { replay } from '../../src/lib/domain/scheduling/progress';
import { logTallies, type DayTally } from '../../src/lib/domain/stats/tallies';
import { shardOf } from '../../src/lib/storage/projections/digests';
import { projectionsStale } from '../../src/lib/storage/projections/marker';
import { markdown, median, type SizeResult } from '../bench/report';
import { resolveSpec, seedInPage, type ResolvedSpec } from '../bench/seed';
import { NOW, compiled, exactScheduler, makeCard, makeDeck, withScheduler, schedulerFor } from './factories';

const CARDS = 400;
let factory: IDBFactory;
let db: ReportCardDb;
let spec: ResolvedSpec;

beforeEach(async () => {
	factory = new IDBFactory();
	vi.stubGlobal('indexedDB', factory);
	db = new ReportCardDb(undefined, { indexedDB: factory, IDBKeyRange });
	// The app's first visit: the shipped deck synced and its version recorded.
	await syncContent(db, exactScheduler(), compiled(makeDeck([makeCard({ id: 'shipped', order: 1 })])), NOW);
	spec = resolveSpec({ cards: CARDS, now: NOW });
});

afterEach(() => {
	db.close();
	vi.unstubAllGlobals();
});

describe('the synthetic collection', () => {
	it('writes every row with the fields the app writes, next to the shipped deck', async () => {
		const result = await seedInPage(spec);
		// Ten rows per card, and a suspend event for each suspended card.
		const reviews = CARDS * 10 + result.roles.suspended;
		expect(result).toMatchObject({ cards: CARDS, reviews, chapters: 20, activeChapters: 21 });
		expect(result.roles.suspended).toBeGreaterThan(0);
		expect(await db.cards.count()).toBe(CARDS + 1);
		expect(await db.reviews.count()).toBe(reviews);
		const synced = await db.cards.get('shipped');
		const seeded = await db.cards.get('bench-c000001');
		expect(Object.keys(seeded ?? {}).sort()).toEqual(Object.keys(synced ?? {}).sort());
		// Every derived index key as the app itself would derive it.
		for (const card of await db.cards.where('deckId').equals('bench').toArray()) {
			expect(card, card.id).toEqual(withIndexKeys(card));
		}
		expect(Object.keys((await db.chapters.get('bench-ch01')) ?? {}).sort()).toEqual(
			Object.keys((await db.chapters.get('ch1')) ?? {}).sort()
		);
	});

	it('gives each card a log whose replay reaches the state the card holds', async () => {
		await seedInPage(spec);
		const logs = new Map<string, ReviewEvent[]>();
		for (const event of await db.reviews.toArray()) logs.set(event.cardId, [...(logs.get(event.cardId) ?? []), event]);
		const scheduler = exactScheduler();
		for (const card of await db.cards.where('deckId').equals('bench').toArray()) {
			const log = logs.get(card.id) ?? [];
			expect(log).toHaveLength(card.suspended === 1 ? 11 : 10);
			const { progress } = replay(scheduler, card.introducedAt, log);
			const replayed = progress.memory;
			expect(progress.suspended, card.id).toBe(card.suspended);
			expect(replayed.state, card.id).toBe(card.memory.state);
			expect(replayed.reps, card.id).toBe(card.memory.reps);
			expect(replayed.lapses, card.id).toBe(card.memory.lapses);
			expect(card.due).toBe(card.memory.due);
			const last = log.filter((event) => event.kind !== 'suspend').reduce((a, b) => (b.at > a.at ? b : a));
			if (card.memory.state === State.New) expect(last.kind).toBe('reset');
			else expect(card.memory.lastReview).toBe(last.at);
		}
	});

	it('counts its rows in the statistics caches as the app would, so their marker stays true', async () => {
		await seedInPage(spec);
		expect(await projectionsStale(db)).toBe(false);
		const cards = await db.cards.where('deckId').equals('bench').toArray();
		const digests = (await db.cardDigests.toArray()).filter((row) => row.chapterId.startsWith('bench'));
		const entries = digests.flatMap((row) => {
			expect([...row.ids].sort(), 'ids sorted in each row').toEqual(row.ids);
			return row.ids.map((id, i) => [row.chapterId, row.shard, id, row.numbers.slice(i * 5, i * 5 + 5)]);
		});
		const expected = cards.map(({ id, chapterId, suspended, memory: m }) => [
			chapterId,
			shardOf(id),
			id,
			[suspended, m.state, m.stability, m.lastReview ?? -1, m.due]
		]);
		const byId = (a: unknown[], b: unknown[]) => String(a[2]).localeCompare(String(b[2]));
		expect(entries.sort(byId)).toEqual(expected.sort(byId));

		// The app's own count of the same log: reviews and time per chapter and day exactly; pass and fail of review-state
		// cards exactly in all (which grades count depends on the state, the same in both); young against mature only
		// roughly, as the seed's intervals are not FSRS's.
		const logs = groupBy(await db.reviews.toArray(), (event) => event.cardId);
		const replayed = logTallies(
			cards.map((card) => ({ ...card, events: logs.get(card.id) ?? [] })),
			exactScheduler()
		);
		const seeded = await db.tallies.toArray();
		const shape = (tallies: DayTally[]) =>
			tallies.map(({ chapterId, day, reviews, durationMs }) => `${chapterId} ${day} ${reviews} ${durationMs}`).sort();
		expect(shape(seeded)).toEqual(shape(replayed));
		const outcomes = (tallies: DayTally[]) =>
			tallies.reduce(
				(sum, t) => ({
					passed: sum.passed + t.young.passed + t.mature.passed,
					failed: sum.failed + t.young.failed + t.mature.failed
				}),
				{ passed: 0, failed: 0 }
			);
		expect(outcomes(seeded)).toEqual(outcomes(replayed));

		// Grade slots exactly: they count each grade by the state its event records, not by the seed's intervals.
		const slots = new SlotSums();
		for (const card of cards) {
			slots.addSteps(card.id, card.noteId, replay(exactScheduler(), card.introducedAt, logs.get(card.id) ?? []).steps);
		}
		const bySlot = (a: GradeSlot, b: GradeSlot) => a.slot - b.slot;
		expect((await db.gradeSlots.toArray()).sort(bySlot)).toEqual(slots.slots.sort(bySlot));
	});

	it('makes a day of study: due and new cards in the queue, every bench chapter on the home screen', async () => {
		const result = await seedInPage(spec);
		expect(await todaysCounts(db, NOW, DEFAULT_STUDY_SETTINGS.rolloverHour)).toEqual({
			newStarted: 0,
			reviewsDone: 0,
			graded: [],
			gradesGiven: 0
		});
		const { queue, read } = await loadQueue(db, withScheduler({ now: NOW, settings: DEFAULT_STUDY_SETTINGS }));
		const { dueToday, learning, relearning, suspended } = result.roles;
		expect(queue.dueCount).toBeGreaterThanOrEqual(dueToday + learning + relearning - suspended);
		expect(queue.dueCount).toBeLessThanOrEqual(dueToday + learning + relearning);
		expect(queue.newCount).toBe(DEFAULT_STUDY_SETTINGS.newPerDay);
		const overviews = (await homeOverview(db, NOW, schedulerFor())).chapters;
		expect(overviews).toHaveLength(21);
		const bench = overviews.filter((o) => o.chapter.deckId === 'bench');
		// Every card of a chapter counts toward its total; suspended ones are only out of its queue.
		expect(bench.reduce((sum, o) => sum + o.total, 0)).toBe(CARDS);
		expect(bench.reduce((sum, o) => sum + o.due, 0)).toBe(queue.dueCount);

		const first = read.cards.get(queue.cards[0]!);
		if (!first) throw new Error('empty queue');
		await gradeCard(db, exactScheduler(), {
			cardId: first.id,
			rating: 3,
			now: NOW,
			durationMs: 5000,
			shownReps: first.memory.reps
		});
		expect(await db.reviews.where('cardId').equals(first.id).count()).toBe(11);
	});
});

describe('seeding refuses', () => {
	it('a database that already holds the bench deck, and changes nothing', async () => {
		await seedInPage(spec);
		const reviews = await db.reviews.count();
		await expect(seedInPage(spec)).rejects.toThrow(`already holds ${CARDS} cards of the "bench" deck`);
		expect(await db.reviews.count()).toBe(reviews);
	});

	it('before the app ever opened: no database is created', async () => {
		const empty = new IDBFactory();
		vi.stubGlobal('indexedDB', empty);
		await expect(seedInPage(spec)).rejects.toThrow('open the app once before seeding');
		expect(await empty.databases()).toEqual([]);
	});

	it('before content sync finished', async () => {
		await db.settings.delete('contentVersion');
		await expect(seedInPage(spec)).rejects.toThrow('let its first visit finish');
		expect(await db.cards.count()).toBe(1);
	});

	it('a schema that indexes a field the rows lack', async () => {
		db.close();
		const other = new ReportCardDb('reportcard-other', { indexedDB: factory, IDBKeyRange });
		other.version(SCHEMA_VERSION + 1).stores({ reviews: 'id, cardId, at, [cardId+at], deviceId' });
		await syncContent(other, exactScheduler(), compiled(makeDeck([makeCard({ id: 'shipped' })])), NOW);
		await expect(seedInPage({ ...spec, database: 'reportcard-other' })).rejects.toThrow(
			'The reviews store indexes deviceId'
		);
		expect(await other.reviews.count()).toBe(0);
		other.close();
	});
});

describe('the report', () => {
	const size = (cards: number, firstCard: number[]): SizeResult => ({
		cards,
		reviews: cards * 10,
		roles: { dueToday: 1, later: 0, learning: 0, relearning: 0, fresh: 0, suspended: 0 },
		seeding: { source: 'fresh', ms: 1, fresh: { page: 1, wall: 1 }, seededAt: '' },
		firstCard,
		gradeToNext: [10, 20, 30],
		queue: [],
		home: [100],
		stats: null,
		backup: null,
		indexedDbBytes: null,
		storageBytes: 2e6,
		heapBytes: { asLeft: 3e6, afterGc: 1e6 }
	});
	const table = (sizes: SizeResult[]) =>
		markdown({
			startedAt: 'now',
			environment: { cpu: 'test' },
			sizes,
			firstLoad: [{ page: 'index.html', gzipTotal: 80_000 }]
		});
	const row = (text: string, label: string) => text.split('\n').find((line) => line.startsWith(`| ${label} |`));

	it('takes the middle sample, or the mean of the middle two', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('checks each budget against the largest collection only', () => {
		const text = table([size(1000, [100, 200, 900]), size(100_000, [250, 400, 350])]);
		expect(row(text, 'first due card after navigation')).toBe(
			'| first due card after navigation | 200 ms (100 ms-900 ms) | 350 ms (250 ms-400 ms) | ≤ 300 ms: **missed** |'
		);
		expect(row(text, 'grade to next card')).toContain('≤ 50 ms: met');
	});

	it('shows n/a for what was not measured, and no budget verdict for it', () => {
		const text = table([size(1000, [100])]);
		expect(row(text, 'statistics page, complete')).toBe('| statistics page, complete | n/a | ≤ 1000 ms: n/a |');
		expect(row(text, 'queue build (reportcard:queue)')).toBe('| queue build (reportcard:queue) | - | ≤ 100 ms: n/a |');
		expect(row(text, 'backup import')).toBe('| backup import | n/a |  |');
		expect(row(text, 'IndexedDB after 20 grades')).toBe('| IndexedDB after 20 grades | 2.0 MB (all storage) |  |');
	});
});
