/**
 * The server `npm start` and `npm run audit` use: each file in the best encoding the browser accepts, from the copy the
 * build compressed ahead when there is one (Brotli at its best quality takes 0.25 s for the decks, too long per request).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from '../../src/build/serve.js';

const SCRIPT = 'export const answer = 42;\n'.repeat(40);
/** What the build's stored Brotli copy holds: different from the file, so a test sees which one was sent. */
const STORED_BROTLI = 'the build compressed this copy ahead';

interface Reply {
	status: number;
	encoding: string | undefined;
	vary: string | undefined;
	body: string;
}

function get(server: Server, path: string, acceptEncoding: string): Promise<Reply> {
	const { port } = server.address() as AddressInfo;
	return new Promise((resolve, reject) => {
		const sent = request({ port, path, headers: { 'accept-encoding': acceptEncoding } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const raw = Buffer.concat(chunks);
				const encoding = response.headers['content-encoding'];
				const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
				resolve({ status: response.statusCode ?? 0, encoding, vary: response.headers.vary, body: body.toString() });
			});
		});
		sent.on('error', reject);
		sent.end();
	});
}

async function serve(dir: string, options?: Parameters<typeof staticHandler>[1]): Promise<Server> {
	const server = createServer(staticHandler(dir, options));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

describe('the static server', () => {
	let dir: string;
	let plain: Server;
	let rewriting: Server;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'reportcard-serve-'));
		writeFileSync(join(dir, 'app.js'), SCRIPT);
		writeFileSync(join(dir, 'app.js.br'), brotliCompressSync(STORED_BROTLI));
		writeFileSync(join(dir, 'app.js.gz'), gzipSync(SCRIPT));
		writeFileSync(join(dir, 'review.html'), '<h1>Review</h1>');
		writeFileSync(join(dir, 'icon.png'), 'PNG bytes');
		writeFileSync(join(dir, '404.html'), '<h1>Page not found</h1>');
		plain = await serve(dir);
		rewriting = await serve(dir, { rewrite: (_, text) => text.replaceAll('42', '43') });
	});
	afterAll(() => {
		plain.close();
		rewriting.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('sends the stored Brotli copy to a browser that accepts Brotli', async () => {
		const reply = await get(plain, '/app.js', 'gzip, deflate, br, zstd');
		expect(reply).toEqual({ status: 200, encoding: 'br', vary: 'Accept-Encoding', body: STORED_BROTLI });
	});

	it('sends gzip to a browser that accepts only gzip, and the file itself to one that accepts neither', async () => {
		expect(await get(plain, '/app.js', 'gzip')).toMatchObject({ encoding: 'gzip', body: SCRIPT });
		expect(await get(plain, '/app.js', 'identity')).toMatchObject({ encoding: undefined, body: SCRIPT });
	});

	it('compresses a file the build left uncompressed, and never the stored copy of a rewritten one', async () => {
		expect(await get(plain, '/review', 'br')).toMatchObject({ status: 200, encoding: 'br', body: '<h1>Review</h1>' });
		const rewritten = await get(rewriting, '/app.js', 'br');
		expect(rewritten).toMatchObject({ encoding: 'br', body: SCRIPT.replaceAll('42', '43') });
	});

	it('sends images as they are', async () => {
		expect(await get(plain, '/icon.png', 'br, gzip')).toMatchObject({ encoding: undefined, body: 'PNG bytes' });
	});

	it("answers an unknown address with the build's 404 page, and a missing file with a plain 404", async () => {
		expect(await get(plain, '/no-such-page', 'br')).toMatchObject({
			status: 404,
			encoding: 'br',
			body: '<h1>Page not found</h1>'
		});
		expect(await get(plain, '/missing.js', 'br')).toEqual({
			status: 404,
			encoding: undefined,
			vary: undefined,
			body: 'Not found'
		});
	});
});
