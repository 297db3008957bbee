/**
 * Sync between devices through a WebDAV server in memory (webdav-server.ts), faults included: devices that studied
 * apart end with the same log, cards, projections and attempts; nothing is lost or taken twice whatever fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '../../src/lib/domain/scheduling/review-log';
import { checkAddress } from '../../src/lib/domain/sync/problems';
import { SYNC_VERSION, encodeSegment } from '../../src/lib/domain/sync/segment';
import { syncContent } from '../../src/lib/storage/content';
import type { ReportCardDb } from '../../src/lib/storage/db';
import { homeOverview } from '../../src/lib/storage/overview';
import { recordAnswer, startAttempt } from '../../src/lib/storage/quiz';
import { gradeCard, setSuspended, undoGrade } from '../../src/lib/storage/reviews';
import { deviceId, readStudySettings, saveLearnerSettings } from '../../src/lib/storage/settings';
import { connectSync, disconnectSync } from '../../src/lib/storage/sync';
import { ROOT, syncOnce } from '../../src/lib/network/sync';
import { WebDavClient, parseListing } from '../../src/lib/network/webdav';
import { dumpDatabase } from './db-dump';
import {
	DAY,
	HOUR,
	MINUTE,
	NOW,
	compiled,
	exactScheduler,
	makeCard,
	makeDeck,
	makeQuestion,
	openTestDb,
	schedulerFor
} from './factories';
import { MemoryDav } from './webdav-server';

const scheduler = exactScheduler();
const opened: ReportCardDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const ACCOUNT = { url: 'https://dav.example.org/dav/', username: 'learner', password: 'secret' };
const CARDS = ['a', 'b', 'c', 'd'].map((id, order) => makeCard({ id, order }));
const QUESTION = { ...makeQuestion('q1'), cards: ['a'] };

interface Device {
	db: ReportCardDb;
	now: number;
	sync(server: MemoryDav): ReturnType<typeof syncOnce>;
	grade(cardId: string, rating?: Rating.Again | Rating.Good | Rating.Easy): Promise<string>;
}

/** A device with the shipped deck, connected to the server; its clock runs `skew` off the others'. */
async function device(skew = 0): Promise<Device> {
	const db = openTestDb();
	opened.push(db);
	await syncContent(db, scheduler, compiled(makeDeck(CARDS, [QUESTION])), NOW);
	await connectSync(db, ACCOUNT);
	const self: Device = {
		db,
		now: NOW + skew,
		sync: (server) =>
			syncOnce({ db, scheduler, client: new WebDavClient(ACCOUNT, server.fetch, () => true), clock: () => self.now }),
		async grade(cardId, rating = Rating.Good) {
			self.now += MINUTE;
			const card = await db.cards.get(cardId);
			const { event } = await gradeCard(db, scheduler, {
				cardId,
				rating,
				now: self.now,
				durationMs: 3000,
				shownReps: card?.memory.reps ?? 0
			});
			return event.id;
		}
	};
	return self;
}

/** What must be the same on every device: the log, the cards, the projections, the attempts. */
async function shared(db: ReportCardDb) {
	const dump = await dumpDatabase(db);
	const byId = (rows: unknown[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
	return {
		reviews: byId(dump.reviews),
		cards: dump.cards,
		cardDigests: dump.cardDigests,
		tallies: dump.tallies,
		attempts: dump.attempts
	};
}

async function expectConverged(...devices: Device[]): Promise<void> {
	const [first, ...rest] = await Promise.all(devices.map((d) => shared(d.db)));
	for (const other of rest) expect(other).toEqual(first);
}

describe('two devices', () => {
	it('study apart, the same card included, sync, and hold the same log with no duplicate', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		await phone.grade('a');
		await phone.grade('b', Rating.Again);
		await laptop.grade('a', Rating.Easy);
		await laptop.grade('c');

		expect((await phone.sync(server)).sent.reviews).toBe(2);
		const laptopReport = await laptop.sync(server);
		expect(laptopReport).toMatchObject({ sent: { reviews: 2 }, received: { reviews: 2 }, problem: null });
		expect((await phone.sync(server)).received.reviews).toBe(2);

		await expectConverged(phone, laptop);
		expect(await phone.db.reviews.count()).toBe(4);
		const home = async (d: Device) => homeOverview(d.db, NOW + DAY, schedulerFor());
		expect(await home(phone)).toEqual(await home(laptop));
		// Nothing left to send or take.
		expect(await phone.sync(server)).toMatchObject({ sent: { reviews: 0 }, received: { reviews: 0 } });
	});

	it('sends only what is new, and takes undos, suspensions and quiz attempts too', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		const graded = await phone.grade('a', Rating.Easy);
		await phone.sync(server);
		await laptop.sync(server);
		await undoGrade(phone.db, scheduler, graded, (phone.now += MINUTE));
		await setSuspended(phone.db, scheduler, 'd', true, phone.now);
		const attempt = await startAttempt(phone.db, {
			scope: 'ch1',
			mode: 'practice',
			questionIds: ['q1'],
			seed: 1,
			retryOf: null,
			now: phone.now
		});
		await recordAnswer(phone.db, scheduler, {
			attemptId: attempt.id,
			question: QUESTION,
			response: { kind: 'choice', chosen: [0] },
			now: phone.now
		});

		expect((await phone.sync(server)).sent).toEqual({ reviews: 2, attempts: 1 });
		expect((await laptop.sync(server)).received).toEqual({ reviews: 2, attempts: 1 });
		await expectConverged(phone, laptop);
		expect((await laptop.db.cards.get('a'))?.memory.reps).toBe(0);
		expect((await laptop.db.cards.get('d'))?.suspended).toBe(1);
		expect((await laptop.db.attempts.get(attempt.id))?.correct).toBe(1);
	});

	it('merge the learner’s settings one by one, the last change winning, whatever their clocks', async () => {
		const server = new MemoryDav();
		// The laptop's clock is three hours behind.
		const [phone, laptop] = [await device(), await device(-3 * HOUR)];
		const study = await readStudySettings(phone.db);
		await saveLearnerSettings(phone.db, { study: { ...study, newPerDay: 5 }, locale: 'zh-CN' }, phone.now);
		await saveLearnerSettings(
			laptop.db,
			{ study: { ...study, newPerDay: 9, desiredRetention: 0.85 } },
			laptop.now + HOUR
		);
		await phone.sync(server);
		await laptop.sync(server);
		await phone.sync(server);
		for (const d of [phone, laptop]) {
			const settings = await readStudySettings(d.db);
			// newPerDay: the phone's change is later by the clocks they had; retention only the laptop changed.
			expect([settings.newPerDay, settings.desiredRetention]).toEqual([5, 0.85]);
			expect((await d.db.settings.get('locale'))?.value).toBe('zh-CN');
		}
	});

	it('converge whatever order they sync in, three devices and two tabs at once', async () => {
		const server = new MemoryDav();
		const devices = [await device(), await device(HOUR), await device(-HOUR)];
		for (const [i, d] of devices.entries()) {
			for (const card of ['a', 'b', 'c']) await d.grade(card, i === 1 ? Rating.Again : Rating.Good);
		}
		const [one, two, three] = devices as [Device, Device, Device];
		// Two tabs of one device syncing at the same moment.
		const reports = await Promise.all([one.sync(server), one.sync(server), two.sync(server)]);
		expect(reports.map((r) => r.problem)).toEqual([null, null, null]);
		for (const d of [three, two, one, three]) await d.sync(server);
		await expectConverged(one, two, three);
		expect(await one.db.reviews.count()).toBe(9);
	});
});

describe('faults', () => {
	it('a dropped line the client recovers from: the cut-off file is checked, deleted and written anew', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		await phone.grade('a');
		server.faults.push({ method: 'PUT', answer: 'drop', keep: 10 });
		expect(await phone.sync(server)).toMatchObject({ sent: { reviews: 1 }, problem: null });
		// The retry found the name taken (412), the size wrong, deleted it, and wrote a new segment.
		expect(server.requests.filter((r) => r.startsWith('PUT') || r.startsWith('DELETE'))).toHaveLength(4);
		expect((await laptop.sync(server)).skipped).toEqual([]);
		await expectConverged(phone, laptop);
	});

	it('a server gone mid-upload: the half-written file is deleted next time, then everything goes, once', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		await phone.grade('a');
		server.faults.push({ method: 'PUT', answer: 'drop', keep: 10, goDown: true });
		expect((await phone.sync(server)).problem).toEqual({ kind: 'unreachable' });
		server.reachable = true;
		// Meanwhile the laptop finds the cut-off file: named, skipped, never taken half.
		const seen = await laptop.sync(server);
		expect(seen.skipped).toEqual([expect.objectContaining({ reason: 'damaged' })]);
		expect(await laptop.db.reviews.count()).toBe(0);

		expect((await phone.sync(server)).sent.reviews).toBe(1);
		expect([...server.files.keys()].filter((path) => path.includes((seen.skipped[0] ?? { name: '?' }).name))).toEqual(
			[]
		);
		await laptop.sync(server);
		await expectConverged(phone, laptop);
	});

	it('a server error, a full store and a changed password stop the sync, lose nothing, and say which', async () => {
		const server = new MemoryDav();
		const phone = await device();
		await phone.grade('a');
		server.faults.push({ method: 'PUT', answer: 503 });
		expect((await phone.sync(server)).problem).toEqual({ kind: 'server', status: 503 });
		server.faults.push({ method: 'PUT', answer: 507 });
		expect((await phone.sync(server)).problem).toEqual({ kind: 'full' });
		server.password = 'changed';
		expect((await phone.sync(server)).problem).toEqual({ kind: 'auth' });
		server.password = 'secret';
		expect(await phone.sync(server)).toMatchObject({ sent: { reviews: 1 }, problem: null });
	});

	it('names a damaged segment and takes the rest; keeps one from a newer app for later', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		await phone.grade('a');
		await phone.sync(server);
		const me = await deviceId(phone.db);
		const [path] = [...server.files.keys()];
		const bytes = server.files.get(path ?? '');
		if (!path || !bytes) throw new Error('no segment written');
		const damaged = bytes.slice();
		damaged[damaged.length - 5] = (damaged[damaged.length - 5] ?? 0) ^ 0xff;
		server.files.set(path, damaged);
		const newer = await encodeSegment({
			format: 'reportcard-sync',
			version: SYNC_VERSION + 1,
			device: me,
			seq: 99,
			createdAt: NOW,
			events: [],
			attempts: [],
			settings: {}
		});
		server.files.set(`/dav/${ROOT}/${me}/${newer.name}`, newer.bytes);
		await phone.grade('b');
		await phone.sync(server);

		const report = await laptop.sync(server);
		expect(report.problem).toBeNull();
		expect(report.skipped.map((s) => s.reason).sort()).toEqual(['damaged', 'newer']);
		expect(report.received.reviews).toBe(1);
		// The newer one is looked at again next time (after an update it would be read); the damaged one only named.
		const again = await laptop.sync(server);
		expect(again.skipped.map((s) => s.reason).sort()).toEqual(['damaged', 'newer']);
	});

	it('tells a refused origin from a server that does not answer, and both from being offline', async () => {
		const phone = await device();
		const server = new MemoryDav();
		server.cors = false;
		expect((await phone.sync(server)).problem).toEqual({ kind: 'cors' });
		server.reachable = false;
		expect((await phone.sync(server)).problem).toEqual({ kind: 'unreachable' });
		const offline = new WebDavClient(ACCOUNT, server.fetch, () => false);
		const report = await syncOnce({ db: phone.db, scheduler, client: offline, clock: () => NOW });
		expect(report.problem).toEqual({ kind: 'offline' });
	});

	it('a disconnected device owes nothing; reconnecting sends the whole log again, harmlessly', async () => {
		const server = new MemoryDav();
		const [phone, laptop] = [await device(), await device()];
		await phone.grade('a');
		await phone.sync(server);
		await disconnectSync(phone.db);
		await phone.grade('b');
		expect(await phone.db.outbox.count()).toBe(0);
		await connectSync(phone.db, ACCOUNT);
		expect((await phone.sync(server)).sent.reviews).toBe(2);
		await laptop.sync(server);
		expect(await laptop.db.reviews.count()).toBe(2);
	});
});

describe('addresses and listings', () => {
	it('take https anywhere and plain http only on this computer', () => {
		expect(checkAddress('https://cloud.example.org/remote.php/dav/files/me/')).toHaveProperty('url');
		expect(checkAddress('http://127.0.0.1:8080/dav')).toHaveProperty('url');
		expect(checkAddress('http://localhost/dav')).toHaveProperty('url');
		expect(checkAddress('http://nas.local/dav')).toEqual({ problem: { kind: 'insecure' } });
		expect(checkAddress('ftp://nas.local/dav')).toEqual({ problem: { kind: 'badAddress' } });
		expect(checkAddress('not a url')).toEqual({ problem: { kind: 'badAddress' } });
	});

	it('read a listing whatever prefixes the server gives the DAV namespace', () => {
		const xml = `<?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:lp1="DAV:"><response><href>/d/reportcard/</href>
			<propstat><prop><lp1:resourcetype><collection/></lp1:resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat>
			</response><response><href>http://host/d/reportcard/a%20b.json.gz</href><propstat><prop><resourcetype/>
			<getcontentlength>12</getcontentlength></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`;
		expect(parseListing(xml)).toEqual([
			{ path: '/d/reportcard', name: 'reportcard', folder: true, size: null },
			{ path: '/d/reportcard/a b.json.gz', name: 'a b.json.gz', folder: false, size: 12 }
		]);
	});
});
