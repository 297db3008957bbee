/**
 * A static server for the built app (adapter-static's layout: /review is review.html), on Node's own modules only, so
 * it keeps serving while `npm ci` replaces node_modules. Used by `npm start` and by the journeys that change what the
 * server sends (tests/e2e/build-server.ts).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/**
 * The encodings the server sends, best first. Brotli is what static hosts send browsers that accept it; it makes the
 * decks a third smaller than gzip does (Chinese text compresses well with it): 26.8 kB instead of 40.5 kB.
 * @type {{ name: string, suffix: string, compress: (body: Buffer) => Promise<Buffer> }[]}
 */
const ENCODINGS = [
	// On the fly (a rewritten file) at a middle quality: the build's stored copies have the best, which takes 0.25 s.
	{ name: 'br', suffix: 'br', compress: (body) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) },
	{ name: 'gzip', suffix: 'gz', compress: (body) => gzipped(body) }
];

/**
 * Text, and the optimiser's WebAssembly (1.7 MB; 0.3 MB with Brotli). PNG images are compressed already.
 * @param {string} type
 */
const compressible = (type) => !['image/png', 'image/x-icon', 'application/octet-stream'].includes(type);

/**
 * The best encoding the request accepts, if any.
 * @param {import('node:http').IncomingMessage} request
 */
function acceptedEncoding(request) {
	const accepted = String(request.headers['accept-encoding'] ?? '');
	return ENCODINGS.find(({ name }) => new RegExp(`\\b${name}\\b`).test(accepted));
}

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/**
 * The file a request path names, relative to the build, or undefined for a path that leaves it.
 * @param {string} path
 */
function fileOf(path) {
	const file = normalize(path === '/' ? 'index.html' : extname(path) ? path.slice(1) : `${path.slice(1)}.html`);
	return file.startsWith('..') ? undefined : file;
}

/**
 * @param {string} dir the build directory
 * @param {{ rewrite?: (file: string, text: string) => string, cache?: boolean }} [options] `rewrite` may change a text
 *   file on its way out (its path relative to the build); `cache` lets browsers keep hashed files for a year.
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function staticHandler(dir, options = {}) {
	/**
	 * Send one file of the build, compressed as the request accepts.
	 * @param {import('node:http').IncomingMessage} request
	 * @param {import('node:http').ServerResponse} response
	 * @param {string} file
	 * @param {number} status
	 */
	async function send(request, response, file, status) {
		const body = await readFile(join(dir, file));
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const binary = !type.startsWith('text/') && !type.startsWith('application/j') && !type.includes('manifest');
		const immutable = options.cache && file.startsWith('_app/immutable/');
		const headers = {
			'Content-Type': type,
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
		};
		const text = binary || !options.rewrite ? body : Buffer.from(options.rewrite(file, body.toString('utf8')));
		const encoding = compressible(type) ? acceptedEncoding(request) : undefined;
		if (!encoding) return void response.writeHead(status, headers).end(text);
		// The build's own compressed copy (svelte.config.js: precompress), unless the text was rewritten on its way.
		const stored = options.rewrite
			? undefined
			: await readFile(join(dir, `${file}.${encoding.suffix}`)).catch(() => undefined);
		const encoded = stored ?? (await encoding.compress(text));
		response.writeHead(status, { ...headers, 'Content-Encoding': encoding.name, Vary: 'Accept-Encoding' }).end(encoded);
	}

	return (request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		const file = fileOf(path);
		if (!file) {
			response.writeHead(400).end();
			return;
		}
		// An address the app does not know gets the build's 404.html (the app's own "Page not found"), as static hosts
		// send it; a missing file gets a plain 404.
		send(request, response, file, 200)
			.catch((error) => (extname(path) ? Promise.reject(error) : send(request, response, '404.html', 404)))
			.catch(() => response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'));
	};
}
