/**
 * A static server for ./build on a free port of its own, for journeys that need to change what the server sends
 * (a new version of the app) without disturbing the shared server the other tests use (tests/e2e/web-server.js).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { staticHandler } from '../../src/build/serve.js';

const BUILD_DIR = join(import.meta.dirname, '../../build');

export interface BuildServer {
	url: string;
	close: () => Promise<void>;
}

/** `rewrite` may change a file's text on its way out (its path relative to the build, e.g. "service-worker.js"). */
export async function serveBuild(
	rewrite: (file: string, text: string) => string = (_, text) => text
): Promise<BuildServer> {
	const server = createServer(staticHandler(BUILD_DIR, { rewrite }));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
	};
}
