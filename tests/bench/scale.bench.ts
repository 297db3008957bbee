/**
 * `npm run bench`: ReportCard at 1,000, 10,000 and 100,000 cards (10 log rows each) in real Chromium, offline and
 * controlled by the service worker, as a learner's phone runs it. Prints a Markdown table and writes it, with every
 * sample as JSON, to bench-results/. Fails only when the run itself fails, never for a missed budget.
 *
 * Environment: BENCH_SIZES=1000,10000 (which collections), BENCH_RUNS=5 (navigations per measure; 3 at 100,000 by
 * default), BENCH_FRESH=1 (seed again even when a snapshot of today's collection exists), BENCH_PORT (4504).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { firstLoad } from '../budget/first-load';
import { timeBackup } from './backup';
import {
	heapUsed,
	installRecorder,
	measures,
	QUEUE_MEASURE,
	storageUsed,
	timeGrade,
	timeNavigation,
	WATCHED
} from './measure';
import {
	findSnapshot,
	firstPage,
	firstVisit,
	launchProfile,
	newProfileDir,
	restoreSnapshot,
	ROOT,
	saveSnapshot,
	snapshotKey,
	type Snapshot
} from './profile';
import { markdown, type BenchReport, type SizeResult } from './report';
import { resolveSpec, seedCollection } from './seed';
import { measureWriteCost } from './write-cost';
import { BENCH_PORT } from './playwright.config';

const BASE_URL = `http://localhost:${BENCH_PORT}`;
const BUILD = join(ROOT, 'build');
const RESULTS = join(ROOT, 'bench-results');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const GRADES = 20;

function runsFor(cards: number): number {
	return Number(process.env.BENCH_RUNS ?? (cards >= 100_000 ? 3 : 5));
}

/** Pages of the build that later branches add; measured only when the build has them. */
const hasPage = (name: string) => existsSync(join(BUILD, `${name}.html`));

const report: BenchReport = {
	startedAt: new Date().toISOString(),
	environment: {},
	sizes: [],
	firstLoad: []
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
	if (!existsSync(join(BUILD, 'index.html')))
		throw new Error('No build: run `npx vite build` first (npm run bench does)');
	report.firstLoad = readdirSync(BUILD)
		.filter((file) => file.endsWith('.html'))
		.sort()
		.map((page) => ({ page, gzipTotal: firstLoad(BUILD, page).gzipTotal }));
	report.environment = {
		commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? ' (with uncommitted changes)' : ''),
		cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
		'load average at start': loadavg()[0]!.toFixed(1)
	};
});

test.afterAll(() => {
	report.environment['load average at end'] = loadavg()[0]!.toFixed(1);
	const table = markdown(report);
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(join(RESULTS, 'bench.md'), table);
	writeFileSync(join(RESULTS, 'bench.json'), JSON.stringify(report, null, '\t'));
	console.log(`\n${table}\nWritten to bench-results/bench.md and bench-results/bench.json`);
});

for (const cards of SIZES) {
	test(`${cards.toLocaleString('en')} cards`, async () => {
		report.sizes.push(await benchCollection(cards));
	});
}

// The floor under seeding: what one IndexedDB write costs in this browser, in a scratch database.
test('IndexedDB write cost', async () => {
	const profileDir = newProfileDir();
	try {
		const context = await launchProfile(profileDir, BASE_URL);
		try {
			const page = await firstPage(context);
			await firstVisit(page);
			report.writeCost = await measureWriteCost(page);
		} finally {
			await context.close();
		}
	} finally {
		rmSync(profileDir, { recursive: true, force: true });
	}
});

async function benchCollection(cards: number): Promise<SizeResult> {
	const profileDir = newProfileDir();
	try {
		const spec = resolveSpec({ cards });
		const key = snapshotKey(spec, BASE_URL);
		let context = await launchProfile(profileDir, BASE_URL);
		await firstVisit(await firstPage(context));
		let snapshot = process.env.BENCH_FRESH ? null : findSnapshot(key);
		let restoreMs: number | null = null;
		if (snapshot) {
			await context.close();
			const started = Date.now();
			restoreSnapshot(snapshot, profileDir);
			restoreMs = Date.now() - started;
		} else {
			console.log(`${cards} cards: seeding (minutes at 100,000; later runs today restore a snapshot)`);
			const started = Date.now();
			const result = await seedCollection(await firstPage(context), spec);
			const seededMs = { page: result.ms, wall: Date.now() - started };
			await context.close();
			snapshot = { dir: '', spec, result, seededMs, createdAt: new Date().toISOString() } satisfies Snapshot;
			saveSnapshot(profileDir, key, snapshot);
		}
		console.log(`${cards} cards: ${restoreMs === null ? 'seeded' : `restored a snapshot in ${restoreMs} ms`}`);

		// A new browser on the seeded profile: measurements start from a fresh process with the app installed.
		context = await launchProfile(profileDir, BASE_URL);
		try {
			await installRecorder(context);
			await context.setOffline(true);
			const page = await firstPage(context);
			return await measure(page, snapshot, restoreMs, profileDir);
		} finally {
			await context.close();
		}
	} finally {
		rmSync(profileDir, { recursive: true, force: true });
	}
}

async function measure(page: Page, snapshot: Snapshot, restoreMs: number | null, workDir: string): Promise<SizeResult> {
	const runs = runsFor(snapshot.spec.cards);
	const repeat = async (path: string, selector: string, count = 1) => {
		await timeNavigation(page, path, selector, count); // warm-up: code caches, the database opened once
		const samples: number[] = [];
		for (let run = 0; run < runs; run++) samples.push(await timeNavigation(page, path, selector, count));
		return samples;
	};

	const firstCard: number[] = [];
	const queue: number[] = [];
	await timeNavigation(page, '/review', WATCHED.card);
	for (let run = 0; run < runs; run++) {
		firstCard.push(await timeNavigation(page, '/review', WATCHED.card));
		queue.push(...(await measures(page, QUEUE_MEASURE)));
	}
	const home = await repeat('/', WATCHED.chapterRow, snapshot.result.activeChapters);
	const stats = hasPage('stats')
		? {
				first: await repeat('/stats', WATCHED.statsFirst),
				complete: await repeat('/stats', WATCHED.statsComplete),
				rebuild: await timeStatsRebuild(page)
			}
		: null;

	// A session of 20 grades; the queue is rebuilt after each, so those builds count too.
	await timeNavigation(page, '/review', WATCHED.card);
	const gradeToNext: number[] = [];
	while (gradeToNext.length < GRADES && (await page.locator(WATCHED.card).isVisible())) {
		gradeToNext.push(await timeGrade(page));
	}
	queue.push(...(await measures(page, QUEUE_MEASURE)));
	const heapBytes = await heapUsed(page);
	const storage = await storageUsed(page);
	const backup = hasPage('data') ? await timeBackup(page, workDir) : null;

	return {
		cards: snapshot.spec.cards,
		reviews: snapshot.result.reviews,
		roles: snapshot.result.roles,
		seeding: {
			source: restoreMs === null ? 'fresh' : 'snapshot',
			ms: restoreMs ?? snapshot.seededMs.page,
			fresh: snapshot.seededMs,
			seededAt: snapshot.createdAt
		},
		firstCard,
		gradeToNext,
		queue,
		home,
		stats,
		backup,
		indexedDbBytes: storage.indexedDB,
		storageBytes: storage.total,
		heapBytes
	};
}

/**
 * The statistics page once its caches are gone, as after a schema upgrade or a repair: it counts the whole history
 * again (src/lib/storage/projections/rebuild.ts) before it shows anything.
 */
async function timeStatsRebuild(page: Page): Promise<number> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readwrite');
					tx.objectStore('settings').delete('statsCaches');
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
			})
	);
	return timeNavigation(page, '/stats', WATCHED.statsComplete);
}

/** Git's answer, or "unknown" outside a repository (a source archive). */
function git(...args: string[]): string {
	try {
		return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
	} catch {
		return 'unknown';
	}
}
