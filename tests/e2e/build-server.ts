/**
 * A static server for ./build on a free port of its own, for journeys that need to change what the server sends
 * (a new version of the app) without disturbing the shared preview server the other tests use.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const BUILD_DIR = join(import.meta.dirname, '../../build');
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml'
};

export interface BuildServer {
	url: string;
	close: () => Promise<void>;
}

/** `rewrite` may change a file's text on its way out (its path relative to the build, e.g. "service-worker.js"). */
export async function serveBuild(
	rewrite: (file: string, text: string) => string = (_, text) => text
): Promise<BuildServer> {
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		// Prerendered pages are /review.html served as /review, as adapter-static lays them out.
		const file = normalize(path === '/' ? 'index.html' : extname(path) ? path.slice(1) : `${path.slice(1)}.html`);
		if (file.startsWith('..')) {
			response.writeHead(400).end();
			return;
		}
		readFile(join(BUILD_DIR, file)).then(
			(body) => {
				const type = TYPES[extname(file)] ?? 'application/octet-stream';
				const text = type.startsWith('image/') ? body : rewrite(file, body.toString('utf8'));
				response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(text);
			},
			() => response.writeHead(404).end()
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
	};
}
