/**
 * The one module that knows the IndexedDB schema. Every other storage module goes through `ReportCardDb`.
 *
 * Schema versions are never edited once shipped (tests/unit/migrations.test.ts fails if the current version's shape
 * differs from its fixture). To change the schema, release version n+1:
 *
 * 1. Keep every `version(...)` call as it is and add `this.version(n + 1).stores({ ...only the changed tables })`
 *    with `.upgrade(async (tx) => { ... })` that rewrites old rows (e.g. `tx.table('cards').toCollection()
 *    .modify((card) => { card.newField = ... })`). Set SCHEMA_VERSION to n + 1. Rows are the learner's only copy:
 *    an upgrade transforms them and never drops one.
 * 2. tests/fixtures/db-v1.json ... db-v<n>.json stay as they are: they are databases as released versions left them.
 *    Extend the builder in migrations.test.ts if the new version stores something new, then record the new fixture:
 *    `WRITE_DB_FIXTURE=<n + 1> npx vitest run tests/unit/migrations.test.ts && npx prettier --write tests/fixtures`.
 * 3. In migrations.test.ts `UPGRADED`, add the entry for n + 1 (identity) and make every older entry return the rows
 *    its database holds after all upgrades up to n + 1. The test opens each fixture with the new ReportCardDb and
 *    compares every row.
 * 4. If the backup file's shape changes too, bump BACKUP_VERSION (domain/backup/format.ts) and migrate older files in
 *    read.ts before validation, so every backup ever written can still be restored.
 *
 * Tabs still running the old version close their connection when the upgrade starts and ask to be reloaded
 * (storage/open.ts), so they never block it.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { StoredChapter, StoredQuestion } from '../domain/collection';
import type { QuizAttempt } from '../domain/quiz/attempt';
import type { BuryEvent, ReviewEvent, SuspendEvent } from '../domain/scheduling/review-log';
import type { DayTally } from '../domain/stats/tallies';
import type { GradeSlot } from '../domain/scheduling/grade-slots';
import type { DigestRow } from './projections/digests';
import { PROJECTIONS_VERSION, PROJECTIONS_MARKER } from './projections/marker';
import { writeGuard } from './projections/guard';
import { indexKeys, withIndexKeys, type CardRow } from './index-keys';
import { replay } from '../domain/scheduling/progress';
import { learnerScheduler } from '../domain/scheduling/scheduler';
import { normalizeSettings, type StudySettings } from '../domain/settings';
import { groupBy } from '../domain/stats/group';

/** Cards the version 6 upgrade replays at a time: memory stays bounded however large the collection. */
const UPGRADE_BATCH = 1000;

export const DATABASE_NAME = 'reportcard';
export const SCHEMA_VERSION = 7;

/** An event or a quiz attempt this device has not uploaded to its sync server yet. */
export interface OutboxRow {
	kind: 'event' | 'attempt';
	id: string;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

/** A log row Check data could not use (a NaN time, an unknown rating), moved here where the Data page shows it. */
export interface SetAsideRow {
	/** Assigned by the database: a damaged row may have no usable id of its own. */
	seq?: number;
	row: unknown;
	/** When it was set aside. */
	at: number;
}

export class ReportCardDb extends Dexie {
	chapters!: EntityTable<StoredChapter, 'id'>;
	cards!: EntityTable<CardRow, 'id'>;
	questions!: EntityTable<StoredQuestion, 'id'>;
	reviews!: EntityTable<ReviewEvent, 'id'>;
	attempts!: EntityTable<QuizAttempt, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	/** Projections of cards and the log for the statistics page and home (storage/projections/). */
	cardDigests!: Table<DigestRow, [string, number]>;
	tallies!: Table<DayTally, [string, number]>;
	/** A projection for the queue: the day's grades per quarter hour (storage/projections/grade-slots.ts). */
	gradeSlots!: Table<GradeSlot, number>;
	setAside!: Table<SetAsideRow, number>;
	/** What this device still owes its sync server: events and quiz attempts made here since the last upload. */
	outbox!: Table<OutboxRow, [string, string]>;

	constructor(name = DATABASE_NAME, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
		// Relaxed durability: a commit does not wait for the disk flush. A crash can lose the last moments, never
		// consistency (transactions stay atomic), and writes get several times faster on phones.
		super(name, { chromeTransactionDurability: 'relaxed', ...options });
		this.version(1).stores({
			chapters: 'id, deckId, order',
			// Queue indexes hold only the cards a queue can take (see indexKeys), so building the day's queue reads a few
			// hundred rows by index instead of every card.
			cards: 'id, chapterId, deckId, queueDue, queueNew, [chapterId+queueDue], [chapterId+queueNew]',
			questions: 'id, chapterId, deckId',
			reviews: 'id, cardId, at, [cardId+at]',
			attempts: 'id, chapterId, [chapterId+finishedAt], finishedAt',
			settings: 'key'
		});
		this.version(2)
			.stores({
				// Mastery by index: a chapter's active cards are its rows in [chapterId+masteredUntil], the mastered ones those
				// with masteredUntil after now (see indexKeys). buriedUntil finds the few buried cards the queue must leave out.
				cards:
					'id, chapterId, deckId, queueDue, queueNew, buriedUntil, [chapterId+queueDue], [chapterId+queueNew], [chapterId+masteredUntil]'
			})
			// Written in the upgrade's own transaction, so the upgrade derives the keys itself.
			.upgrade((tx) =>
				tx
					.table('cards')
					.toCollection()
					.modify((card: CardRow) => {
						Object.assign(card, indexKeys(card));
					})
			);
		// Statistics read a few hundred rows at any size: card digests per chapter and review tallies per chapter and day
		// (storage/projections/). An upgraded database has no marker yet, so the statistics page builds them on its first
		// visit.
		this.version(3).stores({ cardDigests: '[chapterId+shard]', tallies: '[chapterId+day]' });
		// The log becomes append-only: an undo is an event (found by what it `cancels`), suspending and burying are events,
		// and Check data sets a damaged row aside instead of deleting it. Each card's flags become the events that give it
		// them, so replaying the log gives every card as it was.
		this.version(4)
			.stores({ reviews: 'id, cardId, at, [cardId+at], cancels', setAside: '++seq' })
			.upgrade(async (tx) => {
				const at = Date.now();
				const flagged = await tx
					.table<CardRow>('cards')
					.filter((card) => card.suspended === 1 || card.buriedUntil > 0)
					.toArray();
				await tx.table<ReviewEvent>('reviews').bulkAdd(flagged.flatMap((card) => flagEvents(card, at)));
			});
		// Sync (storage/sync.ts): while connected, every event and attempt made here waits in the outbox until uploaded.
		this.version(5).stores({ outbox: '[kind+id]' });
		// Mastery becomes memory that lasts (domain/stats/mastery.ts): a 0/1 key per active card replaces the time a card
		// stopped being mastered. And the fuzz of intervals is seeded by the card and its review count instead of the time
		// (scheduling/scheduler.ts), so every card's cached state must be its replay with the new seed: each card is
		// replayed from its log with the learner's settings, and the projections rebuilt once (the marker dropped).
		this.version(6)
			.stores({
				cards:
					'id, chapterId, deckId, queueDue, queueNew, buriedUntil, [chapterId+queueDue], [chapterId+queueNew], [chapterId+mastered]'
			})
			.upgrade(async (tx) => {
				const study = (await tx.table<SettingRow, string>('settings').get('study'))?.value;
				const scheduler = learnerScheduler(normalizeSettings(study as Partial<StudySettings> | undefined));
				const cards = tx.table<CardRow & { masteredUntil?: number }, string>('cards');
				const reviews = tx.table<ReviewEvent, string>('reviews');
				for (let last = ''; ;) {
					const batch = await cards.where('id').above(last).limit(UPGRADE_BATCH).toArray();
					if (batch.length === 0) break;
					last = (batch.at(-1) as CardRow).id;
					const logs = groupBy(
						await reviews
							.where('cardId')
							.anyOf(batch.map((card) => card.id))
							.toArray(),
						(event) => event.cardId
					);
					const rows = batch.map(({ masteredUntil: _old, ...card }) => {
						const { progress } = replay(scheduler, card.introducedAt, logs.get(card.id) ?? []);
						return withIndexKeys({ ...card, ...progress, due: progress.memory.due });
					});
					await cards.bulkPut(rows);
				}
				await tx.table('settings').delete(PROJECTIONS_MARKER);
			});
		// What the learner did today (daily limits, siblings graded today) becomes a projection: grades per quarter hour,
		// so each queue build reads a few rows instead of the day's log and every card graded in it. An upgraded database
		// builds it with the other projections (the marker goes); until then the queue counts the day from the log.
		this.version(7)
			.stores({ gradeSlots: 'slot' })
			.upgrade(async (tx) => {
				await tx.table('settings').delete(PROJECTIONS_MARKER);
			});
		// A new database has no history: its projections are right from the start, kept as its first cards are written.
		this.on('populate', (tx) => {
			void tx.table('settings').add({ key: PROJECTIONS_MARKER, value: PROJECTIONS_VERSION });
		});
		// Cards, the log and their projections are written by the one write path (storage/projections/write.ts) only.
		this.use(writeGuard());
	}

	/**
	 * Keep the current transaction open until `work` settles, though it is not IndexedDB work (reading a file, a
	 * compressor): for a backup written or restored in one transaction. Here so storage code needs no Dexie of its own.
	 */
	waitFor<T>(work: PromiseLike<T> | T): Promise<T> {
		return Dexie.waitFor(work);
	}
}

/** The events that give a card of version 3 or before the suspension and burial it held. */
function flagEvents(card: CardRow, at: number): (SuspendEvent | BuryEvent)[] {
	const events: (SuspendEvent | BuryEvent)[] = [];
	if (card.suspended === 1) {
		events.push({ id: crypto.randomUUID(), cardId: card.id, kind: 'suspend', at, suspended: true });
	}
	// Every burial, a past one too: the replay then gives the very `buriedUntil` the row holds.
	if (card.buriedUntil > 0) {
		events.push({ id: crypto.randomUUID(), cardId: card.id, kind: 'bury', at, until: card.buriedUntil });
	}
	return events;
}
