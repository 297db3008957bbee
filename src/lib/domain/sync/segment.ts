/**
 * A sync segment: one immutable file a device writes to the learner's WebDAV storage, holding some of its log events,
 * quiz attempts and learner settings. A device only ever creates files in its own folder, never under a name it used
 * before (its sequence number grows), and names each by the SHA-256 of its bytes, so a reader can tell a whole file
 * from a half-written or damaged one without trusting the server.
 *
 * The file is gzip-compressed JSON: `{"format":"reportcard-sync","version":1,"device":"…","seq":n,"createdAt":…,
 * "events":[…],"attempts":[…],"settings":{…}}`. Events and attempts have the backup file's row shapes
 * (domain/backup/format.ts); settings are the learner's, each with when and where it was last changed.
 */
import * as v from 'valibot';
import { backupAttemptSchema, reviewEventSchema } from '../backup/format';
import type { QuizAttempt } from '../quiz/attempt';
import type { ReviewEvent } from '../scheduling/review-log';
import type { StampedSettings } from './settings-merge';

export const SYNC_FORMAT = 'reportcard-sync';
/** Raise when the shape changes; a device reading a newer segment keeps it on the server and skips it, saying so. */
export const SYNC_VERSION = 1;
/** Events per segment: a first sync of 100,000 events is 20 files, each small enough to resend after a dropped line. */
export const SEGMENT_EVENTS = 5000;

export interface Segment {
	format: typeof SYNC_FORMAT;
	version: number;
	/** The device that wrote it (its folder's name). */
	device: string;
	seq: number;
	createdAt: number;
	events: ReviewEvent[];
	attempts: QuizAttempt[];
	settings: StampedSettings;
}

const stampedSettingsSchema = v.record(
	v.pipe(v.string(), v.maxLength(60)),
	v.object({
		value: v.unknown(),
		at: v.pipe(v.number(), v.integer(), v.minValue(0)),
		device: v.pipe(v.string(), v.maxLength(100))
	})
);

const segmentSchema = v.object({
	format: v.literal(SYNC_FORMAT),
	version: v.literal(SYNC_VERSION),
	device: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
	seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
	createdAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
	events: v.array(reviewEventSchema),
	attempts: v.array(backupAttemptSchema),
	settings: stampedSettingsSchema
});

const NAME = /^(\d{8})-([0-9a-f]{16})\.json\.gz$/;

/** A segment's file name: its sequence number and the start of the SHA-256 of its bytes. */
export function segmentName(seq: number, hash: string): string {
	return `${String(seq).padStart(8, '0')}-${hash.slice(0, 16)}.json.gz`;
}

/** The sequence number and hash a file name promises, or null for a file that is no segment. */
export function parseSegmentName(name: string): { seq: number; hash: string } | null {
	const match = NAME.exec(name);
	return match ? { seq: Number(match[1]), hash: match[2] ?? '' } : null;
}

/** The segment as the bytes of its file, and the name those bytes give it. */
export async function encodeSegment(segment: Segment): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
	const bytes = await gzip(new TextEncoder().encode(JSON.stringify(segment)));
	return { name: segmentName(segment.seq, await sha256(bytes)), bytes };
}

export type DecodedSegment =
	| { kind: 'segment'; segment: Segment }
	/** Written by a newer version of the app: kept on the server and skipped until this app is updated. */
	| { kind: 'newer'; version: number }
	/** Not what its name promises (cut off, changed, damaged), or not a segment at all. */
	| { kind: 'damaged' };

/** Read a segment's bytes, checking them against the hash in its name before anything else. */
export async function decodeSegment(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<DecodedSegment> {
	const promised = parseSegmentName(name);
	if (!promised || (await sha256(bytes)).slice(0, 16) !== promised.hash) return { kind: 'damaged' };
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await gunzip(bytes)));
	} catch {
		return { kind: 'damaged' };
	}
	const version = (data as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version > SYNC_VERSION) return { kind: 'newer', version };
	const result = v.safeParse(segmentSchema, data);
	if (!result.success || result.output.seq !== promised.seq) return { kind: 'damaged' };
	return { kind: 'segment', segment: result.output };
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	return through(bytes, new CompressionStream('gzip'));
}

async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	return through(bytes, new DecompressionStream('gzip'));
}

async function through(
	bytes: Uint8Array<ArrayBuffer>,
	stream: CompressionStream | DecompressionStream
): Promise<Uint8Array<ArrayBuffer>> {
	const piped = new Blob([bytes]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(piped).arrayBuffer());
}
