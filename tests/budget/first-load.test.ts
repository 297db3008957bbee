/** The first-load budget: fails when a change pushes a page's first-load JavaScript over it. Run after a build. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoad } from './first-load';

/** 100 kB gzip for the home page (DEVELOPERS.md / issue 8); the stack alone takes about 70. */
const BUDGET_BYTES = 100 * 1000;
const buildDir = join(import.meta.dirname, '../../build');
const PAGES = [
	'index.html',
	'review.html',
	'quiz.html',
	'exam.html',
	'chapter.html',
	'cards.html',
	'settings.html',
	'stats.html',
	'map.html'
];

describe.skipIf(!existsSync(buildDir))('first-load JavaScript (gzip)', () => {
	it.each(PAGES)('%s stays within the budget', (page) => {
		const result = firstLoad(buildDir, page);
		console.log(`${page}: ${(result.gzipTotal / 1000).toFixed(1)} kB gzip in ${result.files.length} files`);
		expect(result.files.length).toBeGreaterThan(0);
		expect(result.gzipTotal).toBeLessThanOrEqual(BUDGET_BYTES);
	});
});
