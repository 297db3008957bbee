/**
 * Sync as the Settings page drives it, on fake-indexeddb against the in-memory WebDAV server: connect, sync by
 * itself, say what it did and why it stopped, take settings another device changed, disconnect.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { gradeCard } from '../../src/lib/storage/reviews';
import { readStudySettings, saveLearnerSettings } from '../../src/lib/storage/settings';
import { holdPendingConnection, syncAccount } from '../../src/lib/storage/sync';
import { NOW, compiled, exactScheduler, makeCard, makeDeck, openTestDb } from './factories';
import { MemoryDav } from './webdav-server';

const scheduler = exactScheduler();
const opened: ReportCardDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A device's database and a fresh sync state (as a new tab has), started on it. */
async function tab(server: MemoryDav, db?: ReportCardDb) {
	if (!db) {
		db = openTestDb();
		opened.push(db);
		await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'a' }), makeCard({ id: 'b', order: 1 })])), NOW);
	}
	vi.resetModules();
	const { sync } = await import('../../src/lib/state/sync.svelte');
	const context = { db, scheduler, clock: () => NOW, applyStoredSettings: vi.fn(() => Promise.resolve()) };
	// Until the account is read, the page shows neither it nor the form to connect one.
	expect(sync.known).toBe(false);
	await sync.start(context, { fetch: server.fetch, online: () => true });
	expect(sync.known).toBe(true);
	return { db, sync, context };
}

describe('sync as the learner drives it', () => {
	it('connects after checking the folder, syncs at once, and says what it did', async () => {
		const server = new MemoryDav();
		const phone = await tab(server);
		await gradeCard(phone.db, scheduler, { cardId: 'a', rating: Rating.Good, now: NOW, durationMs: 1, shownReps: 0 });
		await phone.sync.connect(server.base, ' learner ', 'secret');
		expect(phone.sync.task.problem).toBeNull();
		expect(phone.sync.account).toEqual({ url: server.base, username: 'learner' });
		expect(phone.sync.last).toMatchObject({ sent: { reviews: 1 }, problem: null });
		expect(await syncAccount(phone.db)).toMatchObject({ password: 'secret' });

		// Another device: it syncs by itself when it starts, takes the review and the settings changed later.
		const laptop = await tab(server);
		await laptop.sync.connect(server.base, 'learner', 'secret');
		expect(laptop.sync.last?.received.reviews).toBe(1);
		const study = await readStudySettings(phone.db);
		await saveLearnerSettings(phone.db, { study: { ...study, newPerDay: 3 } }, NOW + 1);
		await phone.sync.syncNow();
		const reopened = await tab(server, laptop.db);
		expect(reopened.sync.connected).toBe(true);
		expect((await readStudySettings(laptop.db)).newPerDay).toBe(3);
		expect(reopened.context.applyStoredSettings).toHaveBeenCalled();
		expect(reopened.sync.revision).toBe(1);
	});

	it('refuses an address it may not use, and a password the server refuses, keeping nothing', async () => {
		const server = new MemoryDav();
		const { sync, db } = await tab(server);
		await sync.connect('http://nas.local/dav', 'learner', 'secret');
		expect(sync.task.problem).toEqual({ kind: 'insecure' });
		await sync.connect(server.base, 'learner', 'wrong');
		expect(sync.task.problem).toEqual({ kind: 'auth' });
		expect([sync.connected, await syncAccount(db)]).toEqual([false, undefined]);
	});

	it('keeps quiet about a failed sync nobody asked for, and tells it in the last report', async () => {
		const server = new MemoryDav();
		const { sync } = await tab(server);
		await sync.connect(server.base, 'learner', 'secret');
		server.faults.push({ answer: 507 });
		await sync.auto();
		expect(sync.task.problem).toBeNull();
		expect(sync.last?.problem).toEqual({ kind: 'full' });
		server.faults.push({ answer: 503 });
		await sync.syncNow();
		expect(sync.task.problem).toEqual({ kind: 'server', status: 503 });
	});

	it('finishes a connection begun before the reload once, then forgets it', async () => {
		const server = new MemoryDav();
		const db = openTestDb();
		opened.push(db);
		await syncContent(db, scheduler, compiled(makeDeck([makeCard({ id: 'a' })])), NOW);
		await holdPendingConnection(db, { url: server.base, username: 'learner', password: 'secret' });
		const { sync } = await tab(server, db);
		expect([sync.connected, sync.task.problem, sync.last?.problem]).toEqual([true, null, null]);
		expect(await db.settings.get('syncPending')).toBeUndefined();
	});

	it('says so when the account cannot be read, shows the form, and never rejects', async () => {
		const server = new MemoryDav();
		const db = openTestDb();
		opened.push(db);
		await db.open();
		db.close();
		const { sync } = await tab(server, db);
		expect(sync.connected).toBe(false);
		expect(sync.task.problem).toMatchObject({ kind: 'storage' });
		expect(server.requests).toHaveLength(0);
	});

	it('forgets the account on disconnect, and a later start does not sync', async () => {
		const server = new MemoryDav();
		const { sync, db } = await tab(server);
		await sync.connect(server.base, 'learner', 'secret');
		await sync.disconnect();
		expect([sync.connected, sync.last, await syncAccount(db)]).toEqual([false, null, undefined]);
		const requests = server.requests.length;
		await tab(server, db);
		expect(server.requests).toHaveLength(requests);
	});
});
