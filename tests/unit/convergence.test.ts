/**
 * Merging is a union by id: devices that end up holding the same set of events hold the same cards, the same
 * projections and the same log, whatever order and grouping the events arrived in. A property test over random
 * histories of three devices (grades, undos of any earlier grade, resets, quiz mistakes, suspensions, burials).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from '../../src/lib/domain/random';
import { replay } from '../../src/lib/domain/scheduling/progress';
import { Rating, type Grade, type GradeEvent, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { appendEvents } from '../../src/lib/storage/projections/write';
import { dumpDatabase } from './db-dump';
import { DAY, HOUR, NOW, compiled, exactScheduler, makeCard, makeDeck, openTestDb } from './factories';

const scheduler = exactScheduler();
const CARDS = ['a', 'b', 'c', 'd', 'e'];
const DEVICES = ['phone', 'laptop', 'tablet'];
const opened: ReportCardDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A random history: each device studies the same cards over a few weeks, with clocks that disagree by hours. */
function history(seed: number, length: number): ReviewEvent[] {
	const random = seededRandom(seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const events: ReviewEvent[] = [];
	const grades: GradeEvent[] = [];
	for (let i = 0; i < length; i++) {
		const device = pick(DEVICES);
		const skew = DEVICES.indexOf(device) * 3 * HOUR;
		const at = NOW + Math.floor(random() * 21 * DAY) + skew;
		const cardId = pick(CARDS);
		const id = `${device}-${seed}-${i}`;
		const roll = random();
		const earlier = grades.filter((grade) => grade.cardId === cardId);
		if (roll < 0.55) {
			const grade: GradeEvent = {
				id,
				cardId,
				kind: 'grade',
				rating: pick<Grade>([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]),
				at,
				durationMs: 1000 + Math.floor(random() * 9000),
				stateBefore: 0
			};
			events.push(grade);
			grades.push(grade);
		} else if (roll < 0.67 && earlier.length > 0) {
			events.push({ id, cardId, kind: 'undo', at, cancels: pick(earlier).id });
		} else if (roll < 0.74) events.push({ id, cardId, kind: 'reset', at });
		else if (roll < 0.82) events.push({ id, cardId, kind: 'due-now', at, questionId: 'q1' });
		else if (roll < 0.92) events.push({ id, cardId, kind: 'suspend', at, suspended: random() < 0.6 });
		else events.push({ id, cardId, kind: 'bury', at, until: at + DAY });
	}
	return events;
}

async function device(): Promise<ReportCardDb> {
	const db = openTestDb();
	opened.push(db);
	await syncContent(db, scheduler, compiled(makeDeck(CARDS.map((id, order) => makeCard({ id, order })))), NOW);
	return db;
}

/** `events` in random batches, in a random order, some of them twice. */
async function receive(db: ReportCardDb, events: readonly ReviewEvent[], random: () => number): Promise<void> {
	const order = shuffled([...events, ...events.filter(() => random() < 0.2)], random);
	while (order.length > 0) await appendEvents(db, scheduler, order.splice(0, 1 + Math.floor(random() * 12)));
}

describe('merging logs', () => {
	it.each([1, 2, 3, 4, 5])('converges whatever the order and grouping (history %i)', async (seed) => {
		const events = history(seed, 120);
		const random = seededRandom(seed * 7919);
		// Each device first holds the events it made itself, then the others arrive by gossip in random pairs.
		const devices = await Promise.all(DEVICES.map(() => device()));
		await Promise.all(
			devices.map((db, i) =>
				receive(
					db,
					events.filter((event) => event.id.startsWith(`${DEVICES[i]}-`)),
					random
				)
			)
		);
		for (let round = 0; round < 6; round++) {
			const [from, to] = shuffled(devices, random);
			await receive(to!, await from!.reviews.toArray(), random);
		}
		for (const db of devices) await receive(db, events, random);

		// One device that got everything at once, in log order.
		const reference = await device();
		await appendEvents(reference, scheduler, events);
		const expected = await dumpDatabase(reference);
		for (const db of devices) expect(await dumpDatabase(db)).toEqual(expected);

		// And that state is the replay of the whole set, each card on its own.
		for (const card of await reference.cards.toArray()) {
			const { progress } = replay(
				scheduler,
				card.introducedAt,
				events.filter((event) => event.cardId === card.id)
			);
			expect([card.memory, card.suspended, card.buriedUntil]).toEqual([
				progress.memory,
				progress.suspended,
				progress.buriedUntil
			]);
		}
		expect(await reference.reviews.count()).toBe(events.length);
	});

	it('replays the same set to the same card in any order (the domain alone)', () => {
		const events = history(11, 200).filter((event) => event.cardId === 'a');
		const random = seededRandom(5);
		const first = replay(scheduler, NOW, events);
		for (let i = 0; i < 20; i++) expect(replay(scheduler, NOW, shuffled(events, random))).toEqual(first);
	});
});
