/**
 * Sync's side of the database: the learner's account, this device as a writer of segments (its next number, what
 * it still owes the server), what it has read of other devices, and taking a segment in. Everything a segment brings
 * goes through the write path (events, a union by id) or merges as a backup does (quiz attempts: the further along
 * wins; learner settings: the last change wins, per setting).
 */
import { attemptProgress, type QuizAttempt } from '../domain/quiz/attempt';
import type { ReviewEvent } from '../domain/scheduling/review-log';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { Segment } from '../domain/sync/segment';
import {
	mergeSettings,
	stampedSettings,
	type LearnerSettings,
	type StampedSettings,
	type SyncedSetting
} from '../domain/sync/settings-merge';
import type { SyncProblem } from '../domain/sync/problems';
import type { ReportCardDb } from './db';
import { appendEvents, writeTransaction } from './projections/write';
import { getSetting, readStudySettings, setSetting } from './settings';
import { changesScheduling } from '../domain/settings';
import { PROJECTIONS_MARKER } from './projections/marker';
import { isLocale } from '../domain/locale';

export interface SyncAccount {
	url: string;
	username: string;
	password: string;
}

export interface SyncDevice {
	/** The number of the next segment this device writes: never one used before. */
	nextSeq: number;
	/** The log is read in id order for the first upload; null once all of it went (then only the outbox goes). */
	scanAfter: string | null;
	/** The file being written when the last sync stopped: deleted before anything else (it may be half written). */
	pending: string | null;
}

export interface SyncReadState {
	/** Per device, the names of its segments read (or found damaged: those are not fetched again). */
	read: Record<string, string[]>;
	/** Segments found damaged: named in every report, so the learner can see which and where. */
	damaged?: { device: string; name: string }[];
}

export interface SkippedSegment {
	device: string;
	name: string;
	/** Why: written by a newer version of the app (kept, read after an update), or damaged (named, skipped). */
	reason: 'newer' | 'damaged';
}

export interface SyncReport {
	at: number;
	sent: { reviews: number; attempts: number };
	received: { reviews: number; attempts: number };
	settingsChanged: number;
	skipped: SkippedSegment[];
	problem: SyncProblem | null;
}

/** What one upload carries. */
export interface Outgoing {
	events: ReviewEvent[];
	attempts: QuizAttempt[];
	/** How to record it as sent: the outbox rows it settles, and for a page of the whole log where the next starts. */
	sent: { scanAfter: string | null; owed: [string, string][] } | { outbox: [string, string][] };
}

export type OutboxKind = 'event' | 'attempt';

export async function syncAccount(db: ReportCardDb): Promise<SyncAccount | undefined> {
	return getSetting(db, 'syncAccount');
}

/** A connection the learner began before the reload that lets the app reach its server: read once, then forgotten. */
export async function takePendingConnection(db: ReportCardDb): Promise<SyncAccount | undefined> {
	return db.transaction('rw', db.settings, async () => {
		const pending = await getSetting(db, 'syncPending');
		if (pending) await db.settings.delete('syncPending');
		return pending;
	});
}

/** Keep a connection to finish after the reload (see takePendingConnection). */
export async function holdPendingConnection(db: ReportCardDb, account: SyncAccount): Promise<void> {
	await setSetting(db, 'syncPending', account);
}

/**
 * Remember the learner's account and start this device as a writer: the whole log and every attempt are owed to the
 * server (a first upload reads the log in pages), and from now on every new event and attempt joins the outbox.
 */
export async function connectSync(db: ReportCardDb, account: SyncAccount): Promise<void> {
	await db.transaction('rw', [db.settings, db.outbox], async () => {
		const device = await getSetting(db, 'syncDevice');
		await setSetting(db, 'syncAccount', account);
		// Segments already written keep their numbers: a reconnect never reuses one.
		await setSetting(db, 'syncDevice', {
			nextSeq: device?.nextSeq ?? 0,
			scanAfter: '',
			pending: device?.pending ?? null
		});
		await db.outbox.clear();
	});
}

/** Forget the account (and what was read, so another server starts afresh); this device keeps its segment numbers. */
export async function disconnectSync(db: ReportCardDb): Promise<void> {
	await db.transaction('rw', [db.settings, db.outbox], async () => {
		const device = await getSetting(db, 'syncDevice');
		await db.settings.bulkDelete(['syncAccount', 'syncRead', 'syncLast']);
		if (device) await setSetting(db, 'syncDevice', { ...device, scanAfter: null });
		await db.outbox.clear();
	});
}

export async function syncDevice(db: ReportCardDb): Promise<SyncDevice | undefined> {
	return getSetting(db, 'syncDevice');
}

/** Take the next segment number: each is handed out once, whatever fails after (two tabs never get the same). */
export async function claimSeq(db: ReportCardDb): Promise<number> {
	return db.transaction('rw', db.settings, async () => {
		const device = await getSetting(db, 'syncDevice');
		if (!device) throw new Error('Sync is not connected');
		await setSetting(db, 'syncDevice', { ...device, nextSeq: device.nextSeq + 1 });
		return device.nextSeq;
	});
}

/**
 * The file about to be written (`name`), or none once it is settled (written, or deleted after a failed write): a
 * sync that finds one still pending deletes it before anything else, as it may be half written.
 */
export async function setPending(db: ReportCardDb, name: string | null): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const device = await getSetting(db, 'syncDevice');
		if (device) await setSetting(db, 'syncDevice', { ...device, pending: name });
	});
}

/**
 * The next batch this device owes the server, at most `limit` events: pages of the whole log until it has all gone,
 * then the outbox. Null when nothing is owed.
 */
export async function outgoing(db: ReportCardDb, limit: number): Promise<Outgoing | null> {
	return db.transaction('r', [db.settings, db.reviews, db.attempts, db.outbox], async () => {
		const device = await getSetting(db, 'syncDevice');
		if (!device) return null;
		if (device.scanAfter !== null) {
			const page =
				device.scanAfter === '' ? db.reviews.orderBy(':id') : db.reviews.where(':id').above(device.scanAfter);
			const events = await page.limit(limit).toArray();
			// Every attempt goes with the first page.
			const attempts = device.scanAfter === '' ? await db.attempts.toArray() : [];
			const last = events.at(-1);
			const owed = [
				...events.map((event): [string, string] => ['event', event.id]),
				...attempts.map((attempt): [string, string] => ['attempt', attempt.id])
			];
			return { events, attempts, sent: { scanAfter: events.length < limit || !last ? null : last.id, owed } };
		}
		const owed = await db.outbox.limit(limit).toArray();
		if (owed.length === 0) return null;
		const ids = (kind: OutboxKind) => owed.filter((row) => row.kind === kind).map((row) => row.id);
		const [events, attempts] = await Promise.all([
			db.reviews.bulkGet(ids('event')),
			db.attempts.bulkGet(ids('attempt'))
		]);
		return {
			events: events.filter((event) => event !== undefined),
			attempts: attempts.filter((attempt) => attempt !== undefined),
			sent: { outbox: owed.map((row): [string, string] => [row.kind, row.id]) }
		};
	});
}

/** Record a batch as on the server. */
export async function markSent(db: ReportCardDb, batch: Outgoing): Promise<void> {
	await db.transaction('rw', [db.settings, db.outbox], async () => {
		if ('outbox' in batch.sent) {
			await db.outbox.bulkDelete(batch.sent.outbox);
			return;
		}
		// Made during the first upload, some are both in the page and in the outbox: they went.
		await db.outbox.bulkDelete(batch.sent.owed);
		const device = await getSetting(db, 'syncDevice');
		if (device) await setSetting(db, 'syncDevice', { ...device, scanAfter: batch.sent.scanAfter });
	});
}

/** The learner's settings as this device holds them, with their stamps. */
export async function learnerSettings(db: ReportCardDb): Promise<LearnerSettings> {
	const [locale, study, stamps] = await Promise.all([
		getSetting(db, 'locale'),
		readStudySettings(db),
		getSetting(db, 'settingStamps')
	]);
	return { locale: isLocale(locale) ? locale : undefined, study, stamps: stamps ?? {} };
}

/** The settings a segment carries. */
export async function outgoingSettings(db: ReportCardDb): Promise<StampedSettings> {
	return stampedSettings(await learnerSettings(db));
}

export async function readState(db: ReportCardDb): Promise<SyncReadState> {
	return (await getSetting(db, 'syncRead')) ?? { read: {} };
}

/** Remember a segment as read: taken in, or found damaged (then it is not fetched again, but always named). */
export async function markRead(db: ReportCardDb, device: string, name: string, damaged = false): Promise<void> {
	await db.transaction('rw', db.settings, async () => {
		const state = await readState(db);
		const read = [...(state.read[device] ?? []), name];
		await setSetting(db, 'syncRead', {
			read: { ...state.read, [device]: read },
			damaged: [...(state.damaged ?? []), ...(damaged ? [{ device, name }] : [])]
		});
	});
}

export interface Taken {
	reviews: number;
	attempts: number;
	settings: SyncedSetting[];
}

/**
 * Take in another device's segment in one transaction: its events through the write path (a union: those already
 * here are skipped), its attempts where they are further along than ours, its settings where they changed later,
 * and the segment marked read, so an interrupted sync never takes a segment half.
 */
export async function takeSegment(
	db: ReportCardDb,
	scheduler: Scheduler,
	segment: Segment,
	name: string
): Promise<Taken> {
	return writeTransaction(db, [db.attempts, db.settings, db.outbox], async () => {
		const { added } = await appendEvents(db, scheduler, segment.events, 'remote');
		const mine = await db.attempts.bulkGet(segment.attempts.map((attempt) => attempt.id));
		const further = segment.attempts.filter((attempt, i) => {
			const local = mine[i];
			return !local || attemptProgress(attempt) > attemptProgress(local);
		});
		await db.attempts.bulkPut(further);
		const before = await learnerSettings(db);
		const { settings, changed } = mergeSettings(before, segment.settings);
		if (changed.length > 0) {
			await setSetting(db, 'study', settings.study);
			if (settings.locale) await setSetting(db, 'locale', settings.locale);
			await setSetting(db, 'settingStamps', settings.stamps);
			if (changesScheduling(before.study, settings.study)) await db.settings.delete(PROJECTIONS_MARKER);
		}
		await markRead(db, segment.device, name);
		return { reviews: added.length, attempts: further.length, settings: changed };
	});
}

export async function recordReport(db: ReportCardDb, report: SyncReport): Promise<void> {
	await setSetting(db, 'syncLast', report);
}

export async function lastReport(db: ReportCardDb): Promise<SyncReport | undefined> {
	return getSetting(db, 'syncLast');
}
