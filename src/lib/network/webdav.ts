/**
 * The few WebDAV requests sync makes, over fetch: list a folder (PROPFIND), make one (MKCOL), create a file that must
 * not exist yet (PUT with If-None-Match: *), read one (GET), delete one of ours (DELETE). Every failure becomes a
 * SyncProblem the learner can act on: a refused password, a full store, a server that is not WebDAV, one that does
 * not answer, one that answers but refuses the app's origin (CORS).
 *
 * Why not the `webdav` package: its browser build is 49 kB gzip (its own fetch, Buffer and path polyfills) for these
 * five requests, and its errors do not tell a refused origin from a server that is down.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyncError, statusProblem, type SyncProblem } from '../domain/sync/problems';

export type Fetch = typeof fetch;

export interface WebDavAccount {
	/** The folder the app may use, as the learner typed it (https, or http on this computer). */
	url: string;
	username: string;
	password: string;
}

export interface DavEntry {
	name: string;
	folder: boolean;
	/** Bytes, as the server reports them (files only). */
	size: number | null;
}

/** A request that takes longer than this has found no server. */
const TIMEOUT_MS = 30_000;

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });

export class WebDavClient {
	readonly #base: URL;
	readonly #authorization: string;

	constructor(
		account: WebDavAccount,
		private readonly fetcher: Fetch = (...args) => fetch(...args),
		private readonly online: () => boolean = () => typeof navigator === 'undefined' || navigator.onLine
	) {
		this.#base = new URL(account.url.endsWith('/') ? account.url : `${account.url}/`);
		const credentials = new TextEncoder().encode(`${account.username}:${account.password}`);
		this.#authorization = `Basic ${btoa(String.fromCharCode(...credentials))}`;
	}

	/** The address of `path` (folders end in "/") under the learner's folder. */
	url(path: string): URL {
		return new URL(path.split('/').map(encodeURIComponent).join('/'), this.#base);
	}

	/** Whether the folder answers as WebDAV to these credentials: the check behind "Connect". */
	async probe(): Promise<void> {
		const response = await this.#request('PROPFIND', '', { headers: { Depth: '0' } });
		if (response.status !== 207) throw new SyncError({ kind: 'notWebdav', status: response.status });
	}

	/** Make a folder; one that already exists is fine. */
	async ensureFolder(path: string): Promise<void> {
		const response = await this.#request('MKCOL', `${path}/`, {}, [405]);
		// 405: the folder is there already (some servers say 409 or 301 for the same, and a PROPFIND tells).
		if (response.status === 405 || response.ok) return;
	}

	/** The entries of a folder, itself left out; a folder that does not exist is empty. */
	async list(path: string): Promise<DavEntry[]> {
		const folder = path === '' ? '' : `${path}/`;
		const response = await this.#request('PROPFIND', folder, { headers: { Depth: '1' } }, [404]);
		if (response.status === 404) return [];
		if (response.status !== 207) throw new SyncError({ kind: 'notWebdav', status: response.status });
		const self = decodeURIComponent(this.url(folder).pathname).replace(/\/$/, '');
		return parseListing(await response.text())
			.filter((entry) => entry.path !== self)
			.map(({ path: _, ...entry }) => entry);
	}

	async read(path: string): Promise<Uint8Array<ArrayBuffer>> {
		const response = await this.#request('GET', path);
		return new Uint8Array(await response.arrayBuffer());
	}

	/**
	 * Create a file that must not exist yet. False when it does (412): a name is never reused, so that can only be the
	 * same file written before by this device, whose answer was lost.
	 */
	async create(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
		const response = await this.#request(
			'PUT',
			path,
			{ headers: { 'If-None-Match': '*', 'Content-Type': 'application/gzip' }, body: bytes },
			[412]
		);
		return response.status !== 412;
	}

	/** A file's size as the server reports it, or null when there is no such file. */
	async size(path: string): Promise<number | null> {
		const response = await this.#request('PROPFIND', path, { headers: { Depth: '0' } }, [404]);
		if (response.status === 404) return null;
		return parseListing(await response.text())[0]?.size ?? null;
	}

	async remove(path: string): Promise<void> {
		await this.#request('DELETE', path, {}, [404]);
	}

	/**
	 * One request; `allowed` statuses come back for the caller, every other failure throws its SyncError. A request
	 * without an answer is tried once more (every request here may be repeated: a create that landed the first time
	 * answers 412) before the failure is explained.
	 */
	async #request(method: string, path: string, init: RequestInit = {}, allowed: number[] = []): Promise<Response> {
		const send = () =>
			this.fetcher(this.url(path), {
				...init,
				method,
				headers: { ...(init.headers as Record<string, string>), Authorization: this.#authorization },
				credentials: 'omit',
				cache: 'no-store',
				signal: AbortSignal.timeout(TIMEOUT_MS)
			});
		let response: Response;
		try {
			response = await send().catch(async (error: unknown) => {
				if (!this.online()) throw error;
				return send();
			});
		} catch {
			throw new SyncError(await this.#whyNoAnswer());
		}
		if (allowed.includes(response.status)) return response;
		const problem = statusProblem(response.status);
		if (problem) throw new SyncError(problem);
		return response;
	}

	/**
	 * A request that got no answer twice: offline, no server, or a server the browser will not let the app read (no
	 * CORS headers, or not the ones the app's requests need).
	 */
	async #whyNoAnswer(): Promise<SyncProblem> {
		if (!this.online()) return { kind: 'offline' };
		// An opaque answer to a request without CORS shows the server is there and refused the app's origin.
		try {
			await this.fetcher(this.#base, { mode: 'no-cors', credentials: 'omit', signal: AbortSignal.timeout(TIMEOUT_MS) });
			return { kind: 'cors' };
		} catch {
			return { kind: 'unreachable' };
		}
	}
}

interface ListedEntry extends DavEntry {
	path: string;
}

/** The entries of a PROPFIND multistatus answer, whatever namespace prefixes the server uses. */
export function parseListing(xml: string): ListedEntry[] {
	const document = parser.parse(xml) as { multistatus?: { response?: unknown } };
	const responses = list(document.multistatus?.response);
	return responses.flatMap((response) => {
		const { href, propstat } = response as { href?: unknown; propstat?: unknown };
		if (typeof href !== 'string') return [];
		const props = list(propstat).flatMap((stat) => {
			const { status, prop } = stat as { status?: unknown; prop?: Record<string, unknown> };
			return typeof status === 'string' && !/\s2\d\d\s/.test(status) ? [] : [prop ?? {}];
		});
		const folder = props.some((prop) => {
			const type = prop.resourcetype;
			return typeof type === 'object' && type !== null && 'collection' in type;
		});
		const length = props.map((prop) => Number(prop.getcontentlength)).find((n) => Number.isFinite(n));
		const path = decodeURIComponent(new URL(href, 'http://server').pathname).replace(/\/$/, '');
		return [{ path, name: path.slice(path.lastIndexOf('/') + 1), folder, size: folder ? null : (length ?? null) }];
	});
}

function list(value: unknown): unknown[] {
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
