/**
 * A static server for the built app (adapter-static's layout: /review is review.html), on Node's own modules only, so
 * it keeps serving while `npm ci` replaces node_modules. Used by `npm start` and by the journeys that change what the
 * server sends (tests/e2e/build-server.ts).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipped = promisify(gzip);

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
	return (request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		const file = fileOf(path);
		if (!file) {
			response.writeHead(400).end();
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const binary = !type.startsWith('text/') && !type.startsWith('application/j') && !type.includes('manifest');
		const immutable = options.cache && file.startsWith('_app/immutable/');
		readFile(join(dir, file))
			.then(async (body) => {
				const text = binary || !options.rewrite ? body : Buffer.from(options.rewrite(file, body.toString('utf8')));
				const headers = {
					'Content-Type': type,
					'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
				};
				const compress = !binary && /\bgzip\b/.test(String(request.headers['accept-encoding']));
				if (!compress) return response.writeHead(200, headers).end(text);
				response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
				response.end(await gzipped(text));
			})
			.catch(() => response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found'));
	};
}
