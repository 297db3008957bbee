/**
 * Grading through the review session as a page uses it: two tabs on one database, a double tap, a full disk. A grade
 * is applied exactly once or not at all, and the learner is told which.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { ReviewSession } from '../../src/lib/state/review-session.svelte';
import { dumpDatabase } from './db-dump';
import { MINUTE, NOW, compiled, exactScheduler, makeCard, makeDeck, openTestDb } from './factories';
import { DEFAULT_STUDY_SETTINGS } from '../../src/lib/domain/settings';

let db: ReportCardDb;
const context = {
	clock: () => NOW + MINUTE,
	study: DEFAULT_STUDY_SETTINGS,
	scheduler: exactScheduler(),
	contentLanguage: 'en' as const
};

beforeEach(async () => {
	db = openTestDb();
	await syncContent(
		db,
		exactScheduler(),
		compiled(makeDeck([makeCard({ id: 'a', order: 1 }), makeCard({ id: 'b', order: 2 })])),
		NOW
	);
});
afterEach(() => db.close());

async function shown(): Promise<ReviewSession> {
	const session = new ReviewSession(db, context);
	await session.start();
	session.reveal();
	return session;
}

describe('review session', () => {
	it('two tabs showing the same card: the first grade counts, the second is refused and explained', async () => {
		const [tab1, tab2] = [await shown(), await shown()];
		expect(tab1.current?.id).toBe('a');
		expect(tab2.current?.id).toBe('a');

		await tab1.grade(Rating.Good);
		await tab2.grade(Rating.Easy);

		expect(await db.reviews.toArray()).toEqual([expect.objectContaining({ cardId: 'a', rating: Rating.Good })]);
		expect(tab1.problem).toBeNull();
		expect(tab2.problem).toBe('stale');
		expect(tab2.current?.id).toBe('b');
		expect(tab2.answered).toHaveLength(0);
	});

	it('a double tap grades once', async () => {
		const session = await shown();
		await Promise.all([session.grade(Rating.Good), session.grade(Rating.Good)]);
		expect(await db.reviews.count()).toBe(1);
		expect(session.answered).toHaveLength(1);
		expect(session.problem).toBeNull();
	});

	it('a full disk leaves the card as it was, still shown, and says so', async () => {
		const session = await shown();
		const before = await dumpDatabase(db);
		db.reviews.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await session.grade(Rating.Good);
		expect(session.problem).toBe('quota');
		expect(session.current?.id).toBe('a');
		expect(session.revealed).toBe(true);
		expect(await dumpDatabase(db)).toEqual(before);
	});
});
