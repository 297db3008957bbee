/**
 * One sync with the learner's WebDAV storage: settle a file left half written, send what this device owes in new
 * segments of its own folder, then read the segments of the other devices it has not read yet and take them in.
 *
 * The server holds `reportcard/<device id>/<seq>-<hash>.json.gz` (domain/sync/segment.ts): each device writes only
 * its own folder, never the same name twice, never over a file. Merging is a union, so the order devices sync in, a
 * segment read twice, or two tabs syncing at once change nothing in the result.
 */
import {
	SEGMENT_EVENTS,
	SYNC_FORMAT,
	SYNC_VERSION,
	decodeSegment,
	encodeSegment,
	parseSegmentName,
	type Segment
} from '../domain/sync/segment';
import { SyncError, type SyncProblem } from '../domain/sync/problems';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { ReportCardDb } from '../storage/db';
import { storageProblem } from '../storage/errors';
import { deviceId } from '../storage/settings';
import {
	claimSeq,
	markRead,
	markSent,
	outgoing,
	outgoingSettings,
	readState,
	setPending,
	syncDevice,
	takeSegment,
	type SkippedSegment,
	type SyncReport
} from '../storage/sync';
import type { WebDavClient } from './webdav';

/** The app's folder under the learner's: everything sync writes lives in it. */
export const ROOT = 'reportcard';

export interface SyncRun {
	db: ReportCardDb;
	scheduler: Scheduler;
	client: WebDavClient;
	clock: () => number;
}

/** Sync once. Never throws: the report says what was done, and why it stopped if it did (nothing is lost either way). */
export async function syncOnce(run: SyncRun): Promise<SyncReport> {
	const report: SyncReport = {
		at: run.clock(),
		sent: { reviews: 0, attempts: 0 },
		received: { reviews: 0, attempts: 0 },
		settingsChanged: 0,
		skipped: [],
		problem: null
	};
	try {
		const me = await deviceId(run.db);
		await run.client.ensureFolder(ROOT);
		await run.client.ensureFolder(`${ROOT}/${me}`);
		await settleHalfWritten(run, me);
		await send(run, me, report);
		await receive(run, me, report);
	} catch (error) {
		report.problem = problemOf(error);
	}
	return report;
}

/** A file this device began writing when the last sync broke off may be cut short: delete it (it is ours). */
async function settleHalfWritten(run: SyncRun, me: string): Promise<void> {
	const pending = (await syncDevice(run.db))?.pending;
	if (!pending) return;
	await run.client.remove(`${ROOT}/${me}/${pending}`);
	await setPending(run.db, null);
}

async function send(run: SyncRun, me: string, report: SyncReport): Promise<void> {
	let settingsSent = false;
	for (;;) {
		const batch = await outgoing(run.db, SEGMENT_EVENTS);
		// The learner's settings travel with every segment, and once with none if nothing else is owed.
		if (!batch && settingsSent) return;
		const settings = await outgoingSettings(run.db);
		if (!batch && Object.keys(settings).length === 0) return;
		const events = batch?.events ?? [];
		const attempts = batch?.attempts ?? [];
		const segment: Segment = {
			format: SYNC_FORMAT,
			version: SYNC_VERSION,
			device: me,
			seq: await claimSeq(run.db),
			createdAt: run.clock(),
			events,
			attempts,
			settings
		};
		await write(run, me, segment);
		if (batch) await markSent(run.db, batch);
		settingsSent = true;
		report.sent.reviews += events.length;
		report.sent.attempts += attempts.length;
		if (!batch) return;
	}
}

/**
 * Create a segment's file. An answer lost on the way may mean the file landed whole, landed cut short, or did not
 * land: a 412 (the name is there) is checked against the size written, and a short file deleted and the segment
 * written again under a new number. Names are never reused, and no file is ever written over.
 */
async function write(run: SyncRun, me: string, segment: Segment, again = true): Promise<void> {
	const file = await encodeSegment(segment);
	const path = `${ROOT}/${me}/${file.name}`;
	await setPending(run.db, file.name);
	const created = await run.client.create(path, file.bytes);
	if (!created && (await run.client.size(path)) !== file.bytes.length) {
		await run.client.remove(path);
		await setPending(run.db, null);
		if (!again) throw new SyncError({ kind: 'unreachable' });
		await write(run, me, { ...segment, seq: await claimSeq(run.db) }, false);
		return;
	}
	await setPending(run.db, null);
}

async function receive(run: SyncRun, me: string, report: SyncReport): Promise<void> {
	const devices = (await run.client.list(ROOT)).filter((entry) => entry.folder && entry.name !== me);
	for (const device of devices) {
		const read = new Set((await readState(run.db)).read[device.name] ?? []);
		const files = (await run.client.list(`${ROOT}/${device.name}`))
			.flatMap((entry) => {
				const named = entry.folder ? null : parseSegmentName(entry.name);
				return named && !read.has(entry.name) ? [{ ...named, name: entry.name }] : [];
			})
			.sort((a, b) => a.seq - b.seq);
		for (const file of files) {
			const decoded = await decodeSegment(file.name, await run.client.read(`${ROOT}/${device.name}/${file.name}`));
			const skipped = (reason: SkippedSegment['reason']) =>
				report.skipped.push({ device: device.name, name: file.name, reason });
			if (decoded.kind === 'newer') {
				// Kept on the server and read again after this app is updated.
				skipped('newer');
			} else if (decoded.kind === 'damaged' || decoded.segment.device !== device.name) {
				await markRead(run.db, device.name, file.name, true);
			} else {
				const taken = await takeSegment(run.db, run.scheduler, decoded.segment, file.name);
				report.received.reviews += taken.reviews;
				report.received.attempts += taken.attempts;
				report.settingsChanged += taken.settings.length;
			}
		}
	}
	const damaged = (await readState(run.db)).damaged ?? [];
	report.skipped.push(...damaged.map((file) => ({ ...file, reason: 'damaged' as const })));
}

function problemOf(error: unknown): SyncProblem {
	return error instanceof SyncError ? error.problem : { kind: 'storage', problem: storageProblem(error) };
}
