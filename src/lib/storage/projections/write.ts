/**
 * The one write path of cards and the review log. Every change to a card's progress is an event appended to the log
 * (never a deletion); every card row caches the replay of its log; every projection (index.ts) is brought in line in
 * the same transaction. Nothing else may write these tables (guard.ts).
 *
 * A write names events to append (a union: those the log already holds are skipped, so the same events arriving twice,
 * or in any order, give the same cards) and card rows whose content to store (content sync, imported decks). Each
 * card it touches is replayed from its whole log, the stored events and the new ones in log order, and each projection
 * hears what changed: the rows before and after, and the replay steps that no longer hold and those that now do.
 */
import type { Table } from 'dexie';
import type { CardContent, StoredCard } from '../../domain/collection';
import { replay, type ReplayStep } from '../../domain/scheduling/progress';
import type { ReviewEvent } from '../../domain/scheduling/review-log';
import type { Scheduler } from '../../domain/scheduling/scheduler';
import { sameMemory } from '../../domain/scheduling/memory';
import { groupBy } from '../../domain/stats/group';
import type { OutboxRow, ReportCardDb } from '../db';
import { withIndexKeys } from '../index-keys';
import { grantWrites } from './guard';
import { PROJECTIONS } from './index';
import type { CardChange } from './projection';

export interface WriteRequest {
	/** Events to add to the log; those it already holds (by id) are skipped. */
	events?: readonly ReviewEvent[];
	/** Where the events come from (default: made here). */
	origin?: EventOrigin;
	/** Card rows to store: their content and `introducedAt`; their progress comes from their log. */
	cards?: readonly CardContent[];
	/** Cards to replay from their log though nothing else changed (a repair). */
	replay?: readonly string[];
}

export interface WriteResult {
	/** Every card the write touched, as stored now. */
	cards: Map<string, StoredCard>;
	/** The events that were new to the log. */
	added: ReviewEvent[];
}

/**
 * The tables every write of cards or the log takes: cards, the log, every projection's own, and the sync outbox (with
 * the settings that say whether sync is connected).
 */
export function writeTables(db: ReportCardDb): Table[] {
	return [
		db.cards,
		db.reviews,
		db.outbox,
		db.settings,
		...PROJECTIONS.flatMap((projection) => projection.tables.map((name) => db.table(name)))
	];
}

/**
 * Where events come from: made on this device (grading, a quiz, a restored backup), which a connected device owes its
 * sync server, or taken from the server, which it does not.
 */
export type EventOrigin = 'here' | 'remote';

/** Put events or attempts made here in the outbox, if this device syncs. Inside a transaction with both tables. */
export async function owe(db: ReportCardDb, kind: OutboxRow['kind'], ids: readonly string[]): Promise<void> {
	if (ids.length === 0 || !(await db.settings.get('syncAccount'))) return;
	await db.outbox.bulkPut(ids.map((id) => ({ kind, id })));
}

/**
 * Run `work` in a read-write transaction over the write tables and `extra`, allowed to write them. Inside another
 * write transaction, it joins it.
 */
export async function writeTransaction<T>(
	db: ReportCardDb,
	extra: readonly Table[],
	work: () => Promise<T>
): Promise<T> {
	const tables = [...new Set([...writeTables(db), ...extra])];
	// An async scope: Dexie follows its awaits (native ones included) only in an async function.
	return db.transaction('rw', tables, async (transaction) => {
		grantWrites(transaction);
		return await work();
	});
}

/** Append events and store card content in one transaction, replaying every card touched and updating projections. */
export async function write(db: ReportCardDb, scheduler: Scheduler, request: WriteRequest): Promise<WriteResult> {
	return writeTransaction(db, [], async () => {
		const added = await unknownEvents(db, request.events ?? []);
		const addedOf = groupBy(added, (event) => event.cardId);
		const contentOf = new Map((request.cards ?? []).map((card) => [card.id, card]));
		const forced = new Set(request.replay ?? []);
		const ids = [...new Set([...addedOf.keys(), ...contentOf.keys(), ...forced])];
		const stored = await db.cards.bulkGet(ids);
		const beforeOf = new Map(ids.map((id, i) => [id, stored[i]]));
		const needsReplay = (id: string) => {
			const before = beforeOf.get(id);
			const content = contentOf.get(id);
			return (
				!before ||
				addedOf.has(id) ||
				forced.has(id) ||
				(content !== undefined && (content.introducedAt !== before.introducedAt || moved(before, content)))
			);
		};
		const replayed = ids.filter(needsReplay);
		const histories = await historiesOf(db, replayed);
		const changes: CardChange[] = [];
		for (const id of ids) {
			const before = beforeOf.get(id);
			const content = contentOf.get(id) ?? before;
			// Events of a card this device does not hold (yet) stay in the log; they count once the card arrives.
			if (!content) continue;
			if (!needsReplay(id) && before) {
				changes.push({ before, after: withIndexKeys({ ...content, ...progressOf(before) }), removed: [], added: [] });
				continue;
			}
			const history = histories.get(id) ?? [];
			const old = before ? replay(scheduler, before.introducedAt, history).steps : [];
			const now = replay(scheduler, content.introducedAt, [...history, ...(addedOf.get(id) ?? [])]);
			const after = withIndexKeys({ ...content, ...now.progress, due: now.progress.memory.due });
			// A card that moved chapter or note takes its whole history out of the old one and into the new.
			const [removed, addedSteps] =
				before !== undefined && moved(before, after) ? [old, now.steps] : divergence(old, now.steps);
			changes.push({ before, after, removed, added: addedSteps });
		}
		if (added.length > 0) await db.reviews.bulkAdd(added);
		if (request.origin !== 'remote') {
			await owe(
				db,
				'event',
				added.map((event) => event.id)
			);
		}
		await putInSlices(
			db.cards,
			changes.map((change) => change.after)
		);
		for (const projection of PROJECTIONS) await projection.update(db, changes);
		return { cards: new Map(changes.map((change) => [change.after.id, change.after])), added };
	});
}

/** Append events to the log and bring the cards they concern in line: grading, undoing, suspending, merging. */
export async function appendEvents(
	db: ReportCardDb,
	scheduler: Scheduler,
	events: readonly ReviewEvent[],
	origin: EventOrigin = 'here'
): Promise<WriteResult> {
	return write(db, scheduler, { events, origin });
}

/** Store card content (content sync, imported decks, retiring a deck): progress stays the replay of each log. */
export async function writeCards(
	db: ReportCardDb,
	scheduler: Scheduler,
	cards: readonly CardContent[]
): Promise<WriteResult> {
	return write(db, scheduler, { cards });
}

/** A card row for `content` with the progress of replaying `events`: for writers that rebuild many cards at once. */
export function replayedRow(scheduler: Scheduler, content: CardContent, events: readonly ReviewEvent[]): StoredCard {
	const { progress } = replay(scheduler, content.introducedAt, events);
	return withIndexKeys({ ...content, ...progress, due: progress.memory.due });
}

/** Whether a card's content puts it in another chapter or note than its row: projections count it there. */
function moved(before: CardContent, content: CardContent): boolean {
	return content.chapterId !== before.chapterId || content.noteId !== before.noteId;
}

function progressOf(card: StoredCard): Pick<StoredCard, 'memory' | 'due' | 'suspended' | 'buriedUntil'> {
	return { memory: card.memory, due: card.due, suspended: card.suspended, buriedUntil: card.buriedUntil };
}

/** The events the log does not hold yet, each once. */
async function unknownEvents(db: ReportCardDb, events: readonly ReviewEvent[]): Promise<ReviewEvent[]> {
	const unique = [...new Map(events.map((event) => [event.id, event])).values()];
	if (unique.length === 0) return [];
	const stored = await db.reviews.bulkGet(unique.map((event) => event.id));
	return unique.filter((_, i) => stored[i] === undefined);
}

/** Each card's stored log. */
async function historiesOf(db: ReportCardDb, cardIds: readonly string[]): Promise<Map<string, ReviewEvent[]>> {
	if (cardIds.length === 0) return new Map();
	const events =
		cardIds.length === 1
			? await db.reviews
					.where('cardId')
					.equals(cardIds[0] as string)
					.toArray()
			: await db.reviews.where('cardId').anyOf(cardIds).toArray();
	return groupBy(events, (event) => event.cardId);
}

/**
 * Where two replays of a card part: the steps of `old` from the first that differs (another event, or the same event
 * after another memory) and those of `now` from there. Every step after a difference differs too, as each memory comes
 * from the one before; appending events after the whole log removes nothing.
 */
function divergence(old: readonly ReplayStep[], now: readonly ReplayStep[]): [ReplayStep[], ReplayStep[]] {
	let same = 0;
	while (same < old.length && same < now.length && sameStep(old[same] as ReplayStep, now[same] as ReplayStep)) same++;
	return [old.slice(same), now.slice(same)];
}

function sameStep(a: ReplayStep, b: ReplayStep): boolean {
	return a.event.id === b.event.id && sameMemory(a.before, b.before);
}

/**
 * Rows written a slice at a time: each slice's puts run in a task of their own (the next slice starts from the last
 * one's success event), so a large write never holds the main thread for long. One put of a first visit's cards took
 * 200 ms at Lighthouse's CPU throttling, all of it blocking; in slices of 50 no task passes 50 ms. Inside a transaction
 * the slices still commit together or not at all.
 */
export async function putInSlices<T>(table: Table<T>, rows: readonly T[], size = 50): Promise<void> {
	for (let start = 0; start < rows.length; start += size) await table.bulkPut(rows.slice(start, start + size));
}
