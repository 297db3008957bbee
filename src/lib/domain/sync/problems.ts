/** What can go wrong with sync, each with its own message in both languages (i18n/messages/sync.ts). */
import type { StorageProblem } from '../problems';

export type SyncProblem =
	/** Not an http(s) address. */
	| { kind: 'badAddress' }
	/** Plain http to a server other than this computer: the password would cross the network readable. */
	| { kind: 'insecure' }
	/** The device is offline: sync waits for the network. */
	| { kind: 'offline' }
	/** No answer from the server (wrong address, server down). */
	| { kind: 'unreachable' }
	/** The server answered but its headers do not allow the app's requests from another origin (CORS). */
	| { kind: 'cors' }
	/** The app's own policy does not let it reach the server yet: a reload after connecting fixes it. */
	| { kind: 'reload' }
	/** The user name or password was refused. */
	| { kind: 'auth' }
	/** The address answers, but not as a WebDAV folder (status of the answer). */
	| { kind: 'notWebdav'; status: number }
	/** The storage on the server is full (507). */
	| { kind: 'full' }
	/** The server failed (a 5xx other than 507). */
	| { kind: 'server'; status: number }
	/** Writing what arrived to this device failed. */
	| { kind: 'storage'; problem: StorageProblem };

/** An answer of a WebDAV request the sync could not use, with the problem it means. */
export class SyncError extends Error {
	constructor(readonly problem: SyncProblem) {
		super(`Sync failed: ${JSON.stringify(problem)}`);
		this.name = 'SyncError';
	}
}

/** The problem an HTTP status means, or null for a success. */
export function statusProblem(status: number): SyncProblem | null {
	if (status < 300) return null;
	if (status === 401 || status === 403) return { kind: 'auth' };
	if (status === 507) return { kind: 'full' };
	if (status >= 500) return { kind: 'server', status };
	return { kind: 'notWebdav', status };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A server address the app may use: https anywhere, http only on this computer. */
export function checkAddress(address: string): { url: URL } | { problem: SyncProblem } {
	let url: URL;
	try {
		url = new URL(address.trim());
	} catch {
		return { problem: { kind: 'badAddress' } };
	}
	if (url.protocol === 'https:') return { url };
	if (url.protocol === 'http:') return LOCAL_HOSTS.has(url.hostname) ? { url } : { problem: { kind: 'insecure' } };
	return { problem: { kind: 'badAddress' } };
}
