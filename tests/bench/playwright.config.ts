/**
 * The benchmark (`npm run bench`): one worker, one test per collection size, against the built app on a port of its
 * own. Not part of `npm test` (playwright.config.ts only runs tests/e2e).
 */
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4504);

export default defineConfig({
	testDir: '.',
	// Only this file: other benchmark scripts in tests/bench (run with node) are not Playwright tests.
	testMatch: 'scale.bench.ts',
	workers: 1,
	retries: 0,
	reporter: 'list',
	// Seeding and measuring 100,000 cards takes minutes on 2 cores; the whole run stays under about 10.
	timeout: 45 * 60_000,
	globalTimeout: 60 * 60_000,
	webServer: {
		command: `./node_modules/.bin/vite preview --port ${BENCH_PORT} --strictPort`,
		cwd: join(import.meta.dirname, '../..'),
		url: `http://localhost:${BENCH_PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
