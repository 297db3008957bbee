/** Reviewing: the queue, grading (one transaction: card cache + log row), and rebuilding a card from its log. */
import type { SourceRef } from '../domain/deck/model';
import { buildQueue, type Queue, type QueueLimits } from '../domain/scheduling/queue';
import { State } from '../domain/scheduling/memory';
import type { Grade, ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { StoredCard } from '../domain/sync/content-sync';
import { studyDayEnd, studyDayStart } from '../domain/time';
import type { ReportCardDb } from './db';
import { StaleGradeError } from './errors';

/** Cards that can be studied now: not retired, in one chapter or all. */
export async function activeCards(db: ReportCardDb, chapterId?: string): Promise<StoredCard[]> {
	const cards = chapterId
		? db.cards.where('[chapterId+retired+due]').between([chapterId, 0, -Infinity], [chapterId, 0, Infinity])
		: db.cards.where('[retired+due]').between([0, -Infinity], [0, Infinity]);
	return cards.toArray();
}

/** How many new cards the learner started since the study day began. */
export async function newStartedToday(db: ReportCardDb, now: number): Promise<number> {
	return db.reviews
		.where('at')
		.aboveOrEqual(studyDayStart(now))
		.filter((event) => event.kind === 'grade' && event.stateBefore === State.New)
		.count();
}

/** `passage` narrows the queue to the cards citing one paragraph of the report (from the report map). */
export async function loadQueue(
	db: ReportCardDb,
	now: number,
	chapterId?: string,
	limits?: QueueLimits,
	passage?: SourceRef
): Promise<{ queue: Queue; cards: Map<string, StoredCard> }> {
	const [active, started] = await db.transaction('r', [db.cards, db.reviews], () =>
		Promise.all([activeCards(db, chapterId), newStartedToday(db, now)])
	);
	const cards = passage ? active.filter((card) => citesPassage(card, passage)) : active;
	const queue = buildQueue(cards, now, studyDayEnd(now), started, limits);
	return { queue, cards: new Map(cards.map((card) => [card.id, card])) };
}

function citesPassage(card: StoredCard, passage: SourceRef): boolean {
	return card.source.section === passage.section && card.source.paragraph === passage.paragraph;
}

export interface GradeRequest {
	cardId: string;
	rating: Grade;
	now: number;
	durationMs: number;
	/** The card's review count when it was shown; if it moved on since, the grade is refused, never applied twice. */
	shownReps: number;
}

/** Grade a card: append one log row and update the card's cached state, in one transaction. */
export async function gradeCard(db: ReportCardDb, scheduler: Scheduler, request: GradeRequest): Promise<StoredCard> {
	return db.transaction('rw', [db.cards, db.reviews], async () => {
		const card = await db.cards.get(request.cardId);
		if (!card || card.memory.reps !== request.shownReps) throw new StaleGradeError(request.cardId);
		const event: ReviewEvent = {
			id: crypto.randomUUID(),
			cardId: card.id,
			kind: 'grade',
			rating: request.rating,
			at: request.now,
			durationMs: request.durationMs,
			stateBefore: card.memory.state
		};
		const memory = scheduler.grade(card.memory, request.rating, request.now);
		const updated: StoredCard = { ...card, memory, due: memory.due };
		await db.reviews.add(event);
		await db.cards.put(updated);
		return updated;
	});
}

/** Rebuild a card's cached state from its review log; the log is the truth, the card row only a cache of it. */
export async function rebuildCard(db: ReportCardDb, scheduler: Scheduler, cardId: string): Promise<StoredCard> {
	return db.transaction('rw', [db.cards, db.reviews], async () => {
		const card = await db.cards.get(cardId);
		if (!card) throw new Error(`No card ${cardId}`);
		const events = await db.reviews.where('cardId').equals(cardId).toArray();
		const memory = scheduler.replay(card.introducedAt, events);
		const rebuilt = { ...card, memory, due: memory.due };
		await db.cards.put(rebuilt);
		return rebuilt;
	});
}
