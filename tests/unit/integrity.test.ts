/**
 * "Check data": damaged log rows set aside, rows of cards the device lacks kept, impossible and stale card states
 * replayed, all in one transaction, and nothing deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { storageProblem } from '../../src/lib/storage/errors';
import { repairsMade } from '../../src/lib/domain/scheduling/integrity';
import { checkData, setAsideRows } from '../../src/lib/storage/integrity';
import { packDigests, type DigestRow } from '../../src/lib/storage/projections/digests';
import { gradeCard } from '../../src/lib/storage/reviews';
import { DataState } from '../../src/lib/state/data.svelte';
import { dumpDatabase } from './db-dump';
import {
	DAY,
	MINUTE,
	NOW,
	compiled,
	damageCard,
	makeCard,
	makeDeck,
	learnerScheduler,
	openTestDb,
	studyContext,
	writeRaw
} from './factories';

const scheduler = new Scheduler();
let db: ReportCardDb;

beforeEach(async () => {
	db = openTestDb();
	await syncContent(
		db,
		scheduler,
		compiled(makeDeck(['a', 'b', 'c'].map((id, order) => makeCard({ id, order })))),
		NOW
	);
	for (const [cardId, at] of [
		['a', NOW + MINUTE],
		['a', NOW + DAY],
		['b', NOW + MINUTE]
	] as const) {
		const card = await db.cards.get(cardId);
		await gradeCard(db, scheduler, {
			cardId,
			rating: Rating.Good,
			now: at,
			durationMs: 1,
			shownReps: card?.memory.reps ?? 0
		});
	}
});
afterEach(() => db.close());

describe('check data', () => {
	it('finds nothing to repair in data the app wrote', async () => {
		const before = await dumpDatabase(db);
		const report = await checkData(db, scheduler, NOW + 2 * DAY);
		expect(report).toEqual({
			cardsChecked: 3,
			reviewsChecked: 3,
			waitingReviews: 0,
			setAsideReviews: 0,
			impossibleCards: 0,
			staleCards: 0
		});
		expect(repairsMade(report)).toBe(0);
		expect(await dumpDatabase(db)).toEqual(before);
	});

	it('sets damaged rows aside, keeps rows of absent cards, replays impossible and stale states, and deletes nothing', async () => {
		const expected = await dumpDatabase(db);
		const orphan: ReviewEvent = { id: 'orphan', cardId: 'gone', kind: 'reset', at: NOW };
		const damaged = [
			{ ...orphan, id: 'nan-time', cardId: 'a', at: NaN },
			{ id: 'bad-rating', cardId: 'b', kind: 'grade', rating: 7, at: NOW, durationMs: 1, stateBefore: 0 },
			{ id: 'no-kind', cardId: 'c', at: NOW }
		];
		const a = await db.cards.get('a');
		const b = await db.cards.get('b');
		const c = await db.cards.get('c');
		if (!a || !b || !c) throw new Error('fixture cards missing');
		await writeRaw(db, {
			reviews: [orphan, ...damaged],
			cards: [
				{ ...a, memory: { ...a.memory, stability: NaN }, due: NaN },
				{ ...b, memory: { ...b.memory, state: State.Review, reps: 5 } },
				{ ...c, introducedAt: NaN, suspended: 7 as 0 }
			]
		});

		const report = await checkData(db, scheduler, NOW + 2 * DAY);

		expect(report).toEqual({
			cardsChecked: 3,
			reviewsChecked: 7,
			waitingReviews: 1,
			setAsideReviews: 3,
			impossibleCards: 2,
			staleCards: 1
		});
		const repaired = await dumpDatabase(db);
		// The row of a card this device lacks stays for when the card arrives; the damaged ones are kept apart, as they were.
		expect(repaired.reviews).toEqual(
			[...expected.reviews, orphan].sort((x, y) => (x as ReviewEvent).id.localeCompare((y as ReviewEvent).id))
		);
		// In the order the log held them (by id).
		const [badRating, nanTime, noKind] = [damaged[1], damaged[0], damaged[2]];
		expect((await setAsideRows(db)).map((row) => row.row)).toEqual([badRating, nanTime, noKind]);
		expect(repaired.cards.slice(0, 2)).toEqual(expected.cards.slice(0, 2));
		// The projections were counted again from what the replay gives.
		expect(repaired.tallies).toEqual(expected.tallies);
		const byShard = (rows: DigestRow[]) => [...rows].sort((x, y) => x.shard - y.shard);
		expect(byShard(repaired.cardDigests as DigestRow[])).toEqual(byShard(packDigests(await db.cards.toArray())));
		// No history and no usable start: it starts now, as a new card.
		expect(await db.cards.get('c')).toMatchObject({
			introducedAt: NOW + 2 * DAY,
			suspended: 0,
			memory: { state: State.New }
		});
		expect(repairsMade(await checkData(db, scheduler, NOW + 3 * DAY))).toBe(0);
	});

	it('takes a memory FSRS refuses for impossible, and rebuilds it so the card can be graded again', async () => {
		await damageCard(db, 'a');
		const report = await checkData(db, scheduler, NOW + DAY);
		expect([report.impossibleCards, report.staleCards]).toEqual([1, 0]);
		const card = await db.cards.get('a');
		if (!card) throw new Error('fixture card missing');
		expect(() => scheduler.preview(card.memory, NOW + DAY, card.id)).not.toThrow();
	});

	it('replays with the learner’s own weights, so cards graded with them are not taken for stale', async () => {
		const own = learnerScheduler();
		const device = openTestDb();
		await syncContent(device, scheduler, compiled(makeDeck([makeCard({ id: 'x' })])), NOW);
		await gradeCard(device, own, { cardId: 'x', rating: Rating.Easy, now: NOW + MINUTE, durationMs: 1, shownReps: 0 });
		const graded = await device.cards.get('x');
		if (!graded) throw new Error('fixture card missing');
		// The default weights give another state for the same log: a check with them would rebuild the card.
		expect(scheduler.replay(graded.introducedAt, await device.reviews.toArray())).not.toEqual(graded.memory);
		const before = await dumpDatabase(device);

		const data = new DataState({ db: device }, studyContext({ clock: () => NOW + DAY, scheduler: own }), () =>
			Promise.resolve()
		);
		await data.check.check();
		expect(data.check.report).toMatchObject({ cardsChecked: 1, staleCards: 0 });
		expect(await dumpDatabase(device)).toEqual(before);
		device.close();
	});

	it('changes nothing when a write fails part-way, and the learner is told why', async () => {
		const a = await db.cards.get('a');
		if (!a) throw new Error('fixture card missing');
		await writeRaw(db, { reviews: [{ id: 'broken', cardId: 'a', at: NOW }], cards: [{ ...a, due: NaN }] });
		const before = await dumpDatabase(db);
		db.cards.hook('updating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});

		const error: unknown = await checkData(db, scheduler, NOW).catch((e: unknown) => e);
		expect(storageProblem(error)).toBe('quota');
		expect(await dumpDatabase(db)).toEqual(before);

		const data = new DataState(
			{ db },
			studyContext({ clock: () => NOW, scheduler }),
			() => Promise.resolve(),
			() => undefined
		);
		await data.check.check();
		expect(data.check.problem).toEqual({ kind: 'storage', problem: 'quota' });
		expect(data.check.report).toBeNull();
	});
});
