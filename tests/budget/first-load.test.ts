/**
 * The first-load budget: fails when a change pushes a page's first-load JavaScript over it, and when there is no build
 * to measure (a check that measures nothing passes nothing). Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoad } from './first-load';

/** Home must paint from as little script as possible (issue 19); every other page gets a little more. */
const HOME_BUDGET_BYTES = 85 * 1000;
const PAGE_BUDGET_BYTES = 90 * 1000;
/** The compiled decks, fetched as JSON on a first visit and after a content update: counted apart from the code. */
const DECK_DATA_BUDGET_BYTES = 60 * 1000;
const buildDir = join(import.meta.dirname, '../../build');
const PAGES = [
	'review.html',
	'quiz.html',
	'exam.html',
	'chapter.html',
	'cards.html',
	'settings.html',
	'stats.html',
	'map.html',
	'data.html'
];

describe('first-load JavaScript (gzip)', () => {
	it('has a build to measure', () => {
		expect(existsSync(join(buildDir, 'index.html')), `no build in ${buildDir}: run "npm run build" first`).toBe(true);
	});

	const budgets: [string, number][] = [
		['index.html', HOME_BUDGET_BYTES],
		...PAGES.map((page): [string, number] => [page, PAGE_BUDGET_BYTES])
	];
	it.each(budgets)('%s stays within %i bytes', (page, budget) => {
		const result = firstLoad(buildDir, page);
		console.log(`${page}: ${(result.gzipTotal / 1000).toFixed(1)} kB gzip in ${result.files.length} files`);
		expect(result.files.length).toBeGreaterThan(0);
		expect(result.gzipTotal).toBeLessThanOrEqual(budget);
	});

	it('ships the compiled decks as one JSON file (not code), within its own budget', () => {
		const dir = join(buildDir, '_app/immutable/decks');
		const files = existsSync(dir) ? readdirSync(dir).sort() : [];
		// Beside it, the copies the build compressed ahead for servers to send (svelte.config.js: precompress).
		const json = files[0] ?? '';
		expect(json).toMatch(/^[0-9a-f]{16}\.json$/);
		expect(files).toEqual([json, `${json}.br`, `${json}.gz`]);
		const gzip = gzipSync(readFileSync(join(dir, json)), { level: 9 }).length;
		const brotli = statSync(join(dir, `${json}.br`)).size;
		console.log(`deck data: ${(gzip / 1000).toFixed(1)} kB gzip, ${(brotli / 1000).toFixed(1)} kB brotli`);
		expect(gzip).toBeLessThanOrEqual(DECK_DATA_BUDGET_BYTES);
	});
});
