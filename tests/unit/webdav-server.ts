/**
 * A WebDAV server in memory, as a `fetch`: the requests sync makes (PROPFIND depth 0 and 1, MKCOL, PUT with
 * If-None-Match, GET, DELETE) answered as Apache's mod_dav answers them, with basic auth, and faults a test can
 * arrange (a dropped connection, a status, a full store, a refused origin). The journey in Chromium runs against the
 * real Apache; this is for the many faults a real server cannot be made to show on demand.
 */
import type { Fetch } from '../../src/lib/network/webdav';

export interface Fault {
	/** Which requests it hits. */
	method?: string;
	path?: RegExp;
	/** What happens: no answer at all, or this status. */
	answer: 'drop' | number;
	/** For a PUT: the part of the body the server keeps before the line drops (a half-written file). */
	keep?: number;
	/** How many requests it hits (default 1). */
	times?: number;
	/** The server stops answering after it (until the test brings it back). */
	goDown?: boolean;
}

export class MemoryDav {
	readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
	readonly folders = new Set<string>(['/dav']);
	readonly faults: Fault[] = [];
	readonly requests: string[] = [];
	/** Requests answered by a browser without CORS: a server that does not send the headers refuses them all. */
	cors = true;
	reachable = true;
	password = 'secret';

	constructor(readonly base = 'https://dav.example.org/dav/') {}

	/** The `fetch` to hand the client. */
	readonly fetch: Fetch = async (input, init) =>
		this.answer(new URL(input instanceof Request ? input.url : input), init ?? {});

	private async answer(url: URL, init: RequestInit): Promise<Response> {
		const method = init.method ?? 'GET';
		const path = decodeURIComponent(url.pathname).replace(/\/$/, '');
		this.requests.push(`${method} ${path}`);
		if (!this.reachable) throw new TypeError('Failed to fetch');
		if (init.mode === 'no-cors') return new Response(null, { status: 200 });
		if (!this.cors) throw new TypeError('Failed to fetch');
		const fault = this.faults.find((f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)));
		if (fault) {
			fault.times = (fault.times ?? 1) - 1;
			if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
			if (fault.answer === 'drop') {
				if (method === 'PUT' && fault.keep !== undefined) {
					const body = new Uint8Array(await new Response(init.body).arrayBuffer());
					this.files.set(path, body.slice(0, fault.keep));
				}
				if (fault.goDown) this.reachable = false;
				throw new TypeError('network connection was lost');
			}
			return new Response(null, { status: fault.answer });
		}
		const headers = new Headers(init.headers);
		if (headers.get('Authorization') !== `Basic ${btoa(`learner:${this.password}`)}`) {
			return new Response(null, { status: 401 });
		}
		const parent = path.slice(0, path.lastIndexOf('/'));
		switch (method) {
			case 'PROPFIND':
				return this.propfind(path, headers.get('Depth') ?? '1');
			case 'MKCOL':
				if (this.folders.has(path) || this.files.has(path)) return new Response(null, { status: 405 });
				if (!this.folders.has(parent)) return new Response(null, { status: 409 });
				this.folders.add(path);
				return new Response(null, { status: 201 });
			case 'PUT': {
				if (!this.folders.has(parent)) return new Response(null, { status: 409 });
				if (headers.get('If-None-Match') === '*' && this.files.has(path)) return new Response(null, { status: 412 });
				this.files.set(path, new Uint8Array(await new Response(init.body).arrayBuffer()));
				return new Response(null, { status: 201 });
			}
			case 'GET': {
				const file = this.files.get(path);
				return file ? new Response(file, { status: 200 }) : new Response(null, { status: 404 });
			}
			case 'DELETE':
				return this.files.delete(path) ? new Response(null, { status: 204 }) : new Response(null, { status: 404 });
			default:
				return new Response(null, { status: 405 });
		}
	}

	private propfind(path: string, depth: string): Response {
		if (!this.folders.has(path)) return new Response(null, { status: 404 });
		const entry = (href: string, folder: boolean, size?: number) =>
			`<D:response><D:href>${encodeURI(href)}</D:href><D:propstat><D:prop>` +
			(folder
				? '<D:resourcetype><D:collection/></D:resourcetype>'
				: `<D:resourcetype/><D:getcontentlength>${size}</D:getcontentlength>`) +
			'</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>';
		const inside = (child: string) => child.startsWith(`${path}/`) && !child.slice(path.length + 1).includes('/');
		const entries = [entry(`${path}/`, true)];
		if (depth !== '0') {
			for (const folder of this.folders) if (inside(folder)) entries.push(entry(`${folder}/`, true));
			for (const [file, bytes] of this.files) if (inside(file)) entries.push(entry(file, false, bytes.length));
		}
		const body = `<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">${entries.join('')}</D:multistatus>`;
		return new Response(body, { status: 207, headers: { 'Content-Type': 'application/xml' } });
	}
}
