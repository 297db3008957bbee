/**
 * The projections against the truth they are derived from: after any sequence of the app's writes, each card's cached
 * progress is the replay of its log, and every projection equals what a rebuild from the cards and the log gives.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card, Deck } from '../../src/lib/domain/deck/model';
import type { QuizResponse } from '../../src/lib/domain/quiz/quiz';
import { seededRandom } from '../../src/lib/domain/random';
import { SlotSums, type GradeSlot } from '../../src/lib/domain/scheduling/grade-slots';
import { replay } from '../../src/lib/domain/scheduling/progress';
import { Rating, type Grade, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { groupBy } from '../../src/lib/domain/stats/group';
import { TallySums, type DayTally } from '../../src/lib/domain/stats/tallies';
import { StatsState } from '../../src/lib/state/stats.svelte';
import { importBackup } from '../../src/lib/storage/backup';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { checkData } from '../../src/lib/storage/integrity';
import { packDigests, type DigestRow } from '../../src/lib/storage/projections/digests';
import { UnguardedWriteError } from '../../src/lib/storage/projections/guard';
import { PROJECTIONS_MARKER, projectionsStale } from '../../src/lib/storage/projections/marker';
import { rebuildProjections } from '../../src/lib/storage/projections/rebuild';
import { appendEvents, writeTransaction } from '../../src/lib/storage/projections/write';
import { recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import { buryCard, gradeCard, resetCard, setSuspended, undoGrade } from '../../src/lib/storage/reviews';
import { readStudySettings, saveLearnerSettings } from '../../src/lib/storage/settings';
import { deleteUserDeck, importUserDeck } from '../../src/lib/storage/user-decks';
import { checkedBackup } from './backup-files';
import { dumpDatabase } from './db-dump';
import {
	HOUR,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	makeQuestion,
	openTestDb,
	studyContext
} from './factories';
import { inTimeZone, local } from './time-zone';

const scheduler = exactScheduler();
let db: ReportCardDb;

inTimeZone('Europe/London');

function twoChapterDeck(cards: Card[]): Deck {
	const deck = makeDeck(cards);
	const [first] = deck.chapters;
	if (!first) throw new Error('the factory deck has a chapter');
	return { ...deck, chapters: [first, { ...first, id: 'ch2', order: 2, title: { zh: '第二章', en: 'Chapter two' } }] };
}

const CARDS = Array.from({ length: 12 }, (_, i) =>
	makeCard({ id: `c${i}`, order: i, chapterId: i % 2 === 0 ? 'ch1' : 'ch2' })
);

function sortedDigests(rows: readonly DigestRow[]): DigestRow[] {
	return [...rows].sort((a, b) => a.chapterId.localeCompare(b.chapterId) || a.shard - b.shard);
}

function sortedTallies(tallies: readonly DayTally[]): DayTally[] {
	return [...tallies].sort((a, b) => a.day - b.day || a.chapterId.localeCompare(b.chapterId));
}

/** Every card's progress and every projection as an independent rebuild from the cards and the log gives them. */
async function expectProjectionsTrue(step: string): Promise<void> {
	const [cards, events, digests, tallies, slots] = await Promise.all([
		db.cards.toArray(),
		db.reviews.toArray(),
		db.cardDigests.toArray(),
		db.tallies.toArray(),
		db.gradeSlots.toArray()
	]);
	const logs = groupBy(events, (event) => event.cardId);
	const sums = new TallySums();
	const slotSums = new SlotSums();
	for (const card of cards) {
		const replayed = replay(scheduler, card.introducedAt, logs.get(card.id) ?? []);
		const { memory, suspended, buriedUntil } = replayed.progress;
		expect({ memory, due: memory.due, suspended, buriedUntil }, `${step}: card ${card.id}`).toEqual({
			memory: card.memory,
			due: card.due,
			suspended: card.suspended,
			buriedUntil: card.buriedUntil
		});
		sums.addSteps(card.chapterId, replayed.steps);
		slotSums.addSteps(card.id, card.noteId, replayed.steps);
	}
	expect(await projectionsStale(db), step).toBe(false);
	expect(sortedDigests(digests), `${step}: digests`).toEqual(
		sortedDigests(packDigests(cards.filter((card) => card.retired === 0)))
	);
	expect(sortedTallies(tallies), `${step}: tallies`).toEqual(sortedTallies(sums.tallies));
	const bySlot = (a: GradeSlot, b: GradeSlot) => a.slot - b.slot;
	expect(slots.sort(bySlot), `${step}: grade slots`).toEqual(slotSums.slots.sort(bySlot));
}

/** A card's first grade, as the review page gives it. */
function firstGrade(cardId: string, now: number, rating: Grade = Rating.Good, durationMs = 1) {
	return gradeCard(db, scheduler, { cardId, rating, now, durationMs, shownReps: 0 });
}

beforeEach(async () => {
	db = openTestDb();
	await syncContent(db, scheduler, compiled(twoChapterDeck(CARDS)), local(2026, 1, 1));
});
afterEach(() => db.close());

describe('projections', () => {
	it('equal their rebuild after every step of a random walk through every writer of cards and the log', async () => {
		await expectProjectionsTrue('after the first content sync');
		const random = seededRandom(7);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		let now = local(2026, 1, 2, 9);
		let version = 1;
		const graded: string[] = [];
		const question = { ...makeQuestion('q1'), cards: ['c0', 'c3', 'c6'] };
		for (let step = 0; step < 200; step++) {
			now += Math.floor(random() * 30 * HOUR);
			const cardId = pick(CARDS).id;
			const action = random();
			if (action < 0.45) {
				const card = await db.cards.get(cardId);
				const { event } = await gradeCard(db, scheduler, {
					cardId,
					rating: pick<Grade>([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]),
					now,
					durationMs: 1000 + Math.floor(random() * 9000),
					shownReps: card?.memory.reps ?? -1
				});
				graded.push(event.id);
			} else if (action < 0.55 && graded.length > 0) {
				// Any earlier grade, not only the last: later grades of its card then count differently.
				const [undone] = graded.splice(Math.floor(random() * graded.length), 1);
				await undoGrade(db, scheduler, undone as string, now);
			} else if (action < 0.6) {
				await resetCard(db, scheduler, cardId, now);
			} else if (action < 0.67) {
				await setSuspended(db, scheduler, cardId, random() < 0.5, now);
			} else if (action < 0.72) {
				await buryCard(db, scheduler, cardId, now, 4);
			} else if (action < 0.78) {
				const attempt = await startAttempt(db, {
					scope: 'ch1',
					mode: 'practice',
					questionIds: ['q1'],
					seed: step,
					retryOf: null,
					now
				});
				const wrong: QuizResponse = { kind: 'choice', chosen: [1] };
				await recordAnswer(db, scheduler, { attemptId: attempt.id, question, response: wrong, now });
			} else if (action < 0.84) {
				// Another device's events arrive late: dated before events already here, so the card is replayed.
				const arriving: ReviewEvent[] = [
					{
						id: `remote-${step}`,
						cardId,
						kind: 'grade',
						rating: pick<Grade>([Rating.Again, Rating.Good]),
						at: now - Math.floor(random() * 20 * 24 * HOUR),
						durationMs: 3000,
						stateBefore: 0
					}
				];
				await appendEvents(db, scheduler, arriving);
				// The same events again change nothing: the log is a union.
				await appendEvents(db, scheduler, arriving);
			} else if (action < 0.9) {
				// A content update: a card moves chapter, one moves to another note (or back), one leaves its deck, one
				// comes back.
				const moving = pick(CARDS).id;
				const renoted = pick(CARDS).id;
				const deckCards = CARDS.filter((card) => card.id !== cardId || random() < 0.5).map((card) =>
					card.id === moving
						? { ...card, chapterId: card.chapterId === 'ch1' ? 'ch2' : 'ch1' }
						: card.id === renoted && random() < 0.5
							? { ...card, noteId: 'shared-note' }
							: card
				);
				await syncContent(db, scheduler, compiled(twoChapterDeck(deckCards), `v${++version}`), now);
			} else if (action < 0.95) {
				const name = pick(['Words', 'Terms']);
				await importUserDeck(db, scheduler, { name, notes: [{ line: 1, key: 'k', front: '芯片', back: 'chip' }] }, now);
				const imported = await db.cards
					.where('deckId')
					.startsWith('user-')
					.filter((c) => c.retired === 0)
					.first();
				if (imported && random() < 0.5) {
					await firstGrade(imported.id, now).catch(() => undefined);
				} else if (imported) {
					await deleteUserDeck(db, scheduler, imported.deckId);
				}
			} else {
				await checkData(db, scheduler, now);
			}
			await expectProjectionsTrue(`step ${step}`);
		}
		// Nothing that happened was removed: the log holds every grade, undone ones included.
		const grades = (await db.reviews.toArray()).filter((event) => event.kind === 'grade').length;
		expect(grades).toBeGreaterThanOrEqual(graded.length);

		// And a rebuild from scratch writes exactly what the writers kept.
		const kept = await dumpDatabase(db);
		await writeTransaction(db, [db.settings], () => db.settings.delete(PROJECTIONS_MARKER));
		await rebuildProjections(db, scheduler);
		expect(await dumpDatabase(db)).toEqual(kept);
	});

	it('refuse a write of cards or the log outside the write path, changing nothing', async () => {
		const { event: row } = await firstGrade('c0', local(2026, 1, 3));
		const before = await dumpDatabase(db);
		await expect(db.reviews.add({ ...row, id: 'copied' })).rejects.toBeInstanceOf(UnguardedWriteError);
		await expect(db.cards.update('c0', { due: 0 })).rejects.toBeInstanceOf(UnguardedWriteError);
		await expect(db.tallies.clear()).rejects.toBeInstanceOf(UnguardedWriteError);
		expect(await dumpDatabase(db)).toEqual(before);
	});

	it('follow a card that moves chapter: its history moves with it, counted in its new chapter', async () => {
		await firstGrade('c2', local(2026, 1, 5));
		const moved = CARDS.map((card) => (card.id === 'c2' ? { ...card, chapterId: 'ch2' } : card));
		await syncContent(db, scheduler, compiled(twoChapterDeck(moved), 'v2'), local(2026, 1, 6));
		await expectProjectionsTrue('after a card moved chapter');
		expect((await db.tallies.toArray()).map((tally) => [tally.chapterId, tally.reviews])).toEqual([['ch2', 1]]);
	});

	it('keep a retired card’s history in the tallies and take it out of the digests', async () => {
		await firstGrade('c0', local(2026, 1, 3));
		const [, ...kept] = CARDS;
		await syncContent(
			db,
			scheduler,
			compiled(twoChapterDeck([...kept, makeCard({ id: 'new', chapterId: 'ch2' })]), 'v2'),
			local(2026, 1, 4)
		);
		await expectProjectionsTrue('one card retired, one added');
		expect((await db.cardDigests.toArray()).flatMap((row) => row.ids)).not.toContain('c0');
		expect((await db.tallies.toArray()).map((tally) => tally.reviews)).toEqual([1]);
	});

	it('are rebuilt within a restore, and by the statistics page with the same figures when rows came in raw', async () => {
		for (const [i, cardId] of ['c0', 'c1', 'c2'].entries()) {
			await firstGrade(cardId, local(2026, 1, 3 + i), Rating.Easy, 5);
		}
		const context = studyContext({ clock: () => local(2026, 1, 10), scheduler });
		const before = new StatsState({ db }, context, null);
		await before.load();

		const backup = await checkedBackup(db, local(2026, 1, 10));
		for (const mode of ['replace', 'merge'] as const) {
			await importBackup(db, scheduler, backup, mode, local(2026, 1, 10));
			await expectProjectionsTrue(`after a restore by ${mode}`);
		}

		// Rows written straight into IndexedDB (a test seeder) come without the marker: the page counts again.
		await writeTransaction(db, [db.settings], async () => {
			await db.tallies.clear();
			await db.settings.delete(PROJECTIONS_MARKER);
		});
		const after = new StatsState({ db }, context, null);
		await after.load();
		expect(after.rebuilding).toBe(false);
		await expectProjectionsTrue('after the page rebuilt them');
		expect([after.cards, after.year, after.retention]).toEqual([before.cards, before.year, before.retention]);
		expect(after.year?.reduce((sum, day) => sum + day.reviews, 0)).toBe(3);
	});

	it('leave everything as it was, and the page says why, when their rebuild cannot be written', async () => {
		await firstGrade('c0', local(2026, 1, 3));
		await writeTransaction(db, [db.settings], () => db.settings.delete(PROJECTIONS_MARKER));
		const before = await dumpDatabase(db);
		db.tallies.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		const view = new StatsState({ db }, studyContext({ clock: () => local(2026, 1, 10), scheduler }), null);
		await view.load();
		expect([view.problem, view.rebuilding, view.cards]).toEqual(['quota', false, null]);
		expect(await dumpDatabase(db)).toEqual(before);
	});

	it('are counted again after a change of scheduling settings, not after a change of limits', async () => {
		await firstGrade('c0', local(2026, 1, 3));
		const study = await readStudySettings(db);
		await saveLearnerSettings(db, { study: { ...study, newPerDay: 5, typeAnswers: true } }, local(2026, 1, 4));
		expect(await projectionsStale(db)).toBe(false);
		await saveLearnerSettings(db, { study: { ...study, desiredRetention: 0.85 } }, local(2026, 1, 4));
		expect(await projectionsStale(db)).toBe(true);
	});

	it('count a grade on the study day of the default 4 am rollover', async () => {
		await firstGrade('c0', local(2026, 3, 2, 3, 59));
		await firstGrade('c2', local(2026, 3, 2, 4));
		const days = (await db.tallies.toArray()).map((tally) => tally.day).sort();
		expect((days[1] ?? 0) - (days[0] ?? 0)).toBe(1);
	});
});
