/**
 * The day's work (daily limits, siblings graded today, grades given) and the streak read from the grade slots: the
 * same figures as counting the log, in a time zone whose day starts a quarter hour off UTC's hours, at the edges of
 * the study day, after undos and after a card moves to another note.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLOT_MS, slotOf } from '../../src/lib/domain/scheduling/grade-slots';
import { State } from '../../src/lib/domain/scheduling/memory';
import { Rating, type Grade, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { studyDayStart } from '../../src/lib/domain/time';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { PROJECTIONS_MARKER, PROJECTIONS_VERSION } from '../../src/lib/storage/projections/marker';
import { appendEvents, writeTransaction } from '../../src/lib/storage/projections/write';
import { reviewStreak } from '../../src/lib/storage/overview';
import { gradeCard, todaysCounts, undoGrade } from '../../src/lib/storage/reviews';
import { MINUTE, compiled, exactScheduler, makeCard, makeDeck, openTestDb } from './factories';
import { inTimeZone, local } from './time-zone';

const scheduler = exactScheduler();
const ROLLOVER = 4;
let db: ReportCardDb;

/** Nepal: UTC+5:45, so its 4 am is a quarter past some UTC hour. */
inTimeZone('Asia/Kathmandu');

const deck = (renoted = false) =>
	makeDeck([
		makeCard({ id: 'a', order: 1 }),
		{ ...makeCard({ id: 'b', order: 2 }), noteId: renoted ? 'a' : 'b' },
		makeCard({ id: 'c', order: 3 })
	]);

beforeEach(async () => {
	db = openTestDb();
	await syncContent(db, scheduler, compiled(deck()), local(2026, 3, 1));
});
afterEach(() => db.close());

async function grade(cardId: string, at: number, rating: Grade = Rating.Good) {
	const card = await db.cards.get(cardId);
	const graded = await gradeCard(db, scheduler, {
		cardId,
		rating,
		now: at,
		durationMs: 1000,
		shownReps: card?.memory.reps ?? -1
	});
	return graded.event;
}

/** A figure both ways: from the slots, and from the log as an upgraded database reads it before its rebuild. */
async function fromSlotsAndLog<T>(read: () => Promise<T>) {
	const fromSlots = await read();
	await writeTransaction(db, [], () => db.settings.delete(PROJECTIONS_MARKER));
	const fromLog = await read();
	await writeTransaction(db, [], () => db.settings.put({ key: PROJECTIONS_MARKER, value: PROJECTIONS_VERSION }));
	return { fromSlots, fromLog };
}

/** The day's work both ways. */
function bothWays(now: number) {
	return fromSlotsAndLog(() => todaysCounts(db, now, ROLLOVER));
}

/** The streak both ways, checked to agree. */
async function streak(now: number) {
	const { fromSlots, fromLog } = await fromSlotsAndLog(() => reviewStreak(db, now, ROLLOVER));
	expect(fromLog).toEqual(fromSlots);
	return fromSlots;
}

describe('the day’s work and the streak from grade slots', () => {
	it('starts a study day on a slot boundary where the zone is a quarter hour off UTC', () => {
		const start = studyDayStart(local(2026, 3, 2, 12), ROLLOVER);
		expect(start % SLOT_MS).toBe(0);
		expect(slotOf(start - 1)).toBe(slotOf(start) - 1);
	});

	it('counts grades from the rollover on, not the minute before, as the log does', async () => {
		await grade('a', local(2026, 3, 2, 3, 59));
		await grade('b', local(2026, 3, 2, 4, 0));
		await grade('b', local(2026, 3, 2, 4, 20), Rating.Again);
		await grade('c', local(2026, 3, 2, 23, 50));
		const { fromSlots, fromLog } = await bothWays(local(2026, 3, 2, 23, 55));
		expect(fromSlots).toEqual({
			newStarted: 2,
			reviewsDone: 0,
			graded: [
				{ cardId: 'b', noteId: 'b' },
				{ cardId: 'c', noteId: 'c' }
			],
			gradesGiven: 3
		});
		expect(fromLog).toEqual(fromSlots);
		// After the next rollover nothing of it counts.
		expect(await todaysCounts(db, local(2026, 3, 3, 4, 0), ROLLOVER)).toMatchObject({ gradesGiven: 0, graded: [] });
	});

	it('takes out an undone grade, and keeps a card graded twice until both are undone', async () => {
		const at = local(2026, 3, 2, 9);
		const first = await grade('a', at);
		const second = await grade('a', at + MINUTE);
		await undoGrade(db, scheduler, second.id, at + 2 * MINUTE);
		const once = await bothWays(at + 3 * MINUTE);
		expect(once.fromSlots).toEqual({
			newStarted: 1,
			reviewsDone: 0,
			graded: [{ cardId: 'a', noteId: 'a' }],
			gradesGiven: 1
		});
		expect(once.fromLog).toEqual(once.fromSlots);
		await undoGrade(db, scheduler, first.id, at + 4 * MINUTE);
		const none = await bothWays(at + 5 * MINUTE);
		expect(none.fromSlots).toEqual({ newStarted: 0, reviewsDone: 0, graded: [], gradesGiven: 0 });
		expect(none.fromLog).toEqual(none.fromSlots);
		expect(await db.gradeSlots.count()).toBe(0);
	});

	it('names a graded card’s new note once a content update moves it, so its new siblings wait', async () => {
		const at = local(2026, 3, 2, 9);
		await grade('b', at);
		await syncContent(db, scheduler, compiled(deck(true), 'v2'), at + MINUTE);
		const { fromSlots, fromLog } = await bothWays(at + 2 * MINUTE);
		expect(fromSlots.graded).toEqual([{ cardId: 'b', noteId: 'a' }]);
		expect(fromLog).toEqual(fromSlots);
	});

	it('counts another device’s grade once its card is here, both ways', async () => {
		const at = local(2026, 3, 2, 9);
		const remote: ReviewEvent = {
			id: 'remote-1',
			cardId: 'd',
			kind: 'grade',
			rating: Rating.Good,
			at,
			durationMs: 1000,
			stateBefore: State.New
		};
		await appendEvents(db, scheduler, [remote], 'remote');
		const before = await bothWays(at + MINUTE);
		expect(before.fromSlots).toMatchObject({ newStarted: 0, gradesGiven: 0, graded: [] });
		expect(before.fromLog).toEqual(before.fromSlots);
		const withD = makeDeck([...deck().cards, makeCard({ id: 'd', order: 4 })]);
		await syncContent(db, scheduler, compiled(withD, 'v2'), at + 2 * MINUTE);
		const after = await bothWays(at + 3 * MINUTE);
		expect(after.fromSlots).toMatchObject({ newStarted: 1, gradesGiven: 1, graded: [{ cardId: 'd', noteId: 'd' }] });
		expect(after.fromLog).toEqual(after.fromSlots);
	});

	it('counts the streak in study days from the slots, as the log does: rollover edges, a gap, an undo', async () => {
		await grade('a', local(2026, 2, 27, 9)); // before a day without grades: not part of the streak
		await grade('a', local(2026, 3, 2, 4, 0));
		const middle = await grade('b', local(2026, 3, 3, 4, 0));
		await grade('c', local(2026, 3, 5, 3, 59)); // before the rollover: it counts for the 4th
		const now = local(2026, 3, 5, 12);
		// Nothing yet today: the streak still stands, ending yesterday.
		expect(await streak(now)).toEqual({ days: 3, reviewedToday: false });
		await undoGrade(db, scheduler, middle.id, now);
		expect(await streak(now)).toEqual({ days: 1, reviewedToday: false });
		await grade('b', now + MINUTE);
		expect(await streak(now + 2 * MINUTE)).toEqual({ days: 2, reviewedToday: true });
		// A day later without a grade the streak is over.
		expect(await streak(local(2026, 3, 7, 12))).toEqual({ days: 0, reviewedToday: false });
	});

	it('counts a streak longer than one read of slots', async () => {
		for (let day = 0; day < 70; day++) await grade('a', local(2026, 3, 1 + day, 9));
		expect(await streak(local(2026, 3, 70, 10))).toEqual({ days: 70, reviewedToday: true });
	});
});
