/**
 * Benchmark (not a test): how long the statistics page takes to show, with 10,000 cards and 100,000 review rows, in
 * real Chromium against the built app. Also the home screen and the report map, which read the same tables.
 *
 *   npm run bench:stats            (builds first)   BENCH_RUNS=7 BENCH_PORT=4599 to change the defaults
 *
 * The history is made with the app's own scheduler, so card states are the replay of their logs, as in real use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, devices, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { seededRandom } from '../../src/lib/domain/random';
import { State, newMemoryState } from '../../src/lib/domain/scheduling/memory';
import { Rating, type Grade, type ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { Scheduler } from '../../src/lib/domain/scheduling/scheduler';
import type { StoredCard } from '../../src/lib/domain/collection';
import { readStore, writeStore } from '../e2e/seed';

const CARDS = 10_000;
const REVIEWS_PER_CARD = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4599);
const DAY = 24 * 60 * 60 * 1000;

const origin = `http://localhost:${PORT}`;
const now = Date.now();

/** 10,000 cards copied from the shipped ones, each with 10 reviews over the past year, replayed into its state. */
function makeHistory(shipped: StoredCard[]): { cards: StoredCard[]; events: ReviewEvent[] } {
	const random = seededRandom(20260610);
	const scheduler = new Scheduler();
	const ratings: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Good, Rating.Easy];
	const events: ReviewEvent[] = [];
	const cards = Array.from({ length: CARDS }, (_, i): StoredCard => {
		const id = `bench-${i}`;
		const times = Array.from({ length: REVIEWS_PER_CARD }, () => now - Math.floor(random() * 365 * DAY)).sort();
		let memory = newMemoryState(times[0]!);
		times.forEach((at, n) => {
			const rating = n === 0 ? Rating.Good : ratings[Math.floor(random() * ratings.length)]!;
			events.push({
				id: `${id}-${n}`,
				cardId: id,
				kind: 'grade',
				rating,
				at,
				durationMs: 3000 + Math.floor(random() * 20000),
				stateBefore: n === 0 ? State.New : memory.state
			});
			memory = scheduler.grade(memory, rating, at);
		});
		const model = shipped[i % shipped.length]!;
		return { ...model, id, noteId: id, introducedAt: times[0]!, memory, due: memory.due, suspended: 0, buriedUntil: 0 };
	});
	return { cards, events };
}

/** Milliseconds from starting the navigation to `ready` being visible. */
async function timeLoad(page: Page, path: string, ready: string): Promise<number> {
	const started = performance.now();
	await page.goto(origin + path);
	await page.locator(ready).first().waitFor({ state: 'visible', timeout: 120_000 });
	return performance.now() - started;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Resolves once the preview server says it is listening; fails if it exits first (with --strictPort, a taken port). */
function waitForServer(server: ChildProcess): Promise<void> {
	return new Promise((resolve, reject) => {
		server.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes(`:${PORT}`)) resolve();
		});
		server.once('exit', () =>
			reject(new Error(`The preview server stopped: is port ${PORT} taken (set BENCH_PORT), is the app built?`))
		);
	});
}

async function main(): Promise<void> {
	const server = spawn('./node_modules/.bin/vite', ['preview', '--port', String(PORT), '--strictPort'], {
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const browser = await chromium.launch(config.use?.launchOptions);
	try {
		await waitForServer(server);
		// A phone, as learners use; service workers off so every run measures the app, not a cache warming up.
		const context = await browser.newContext({ ...devices['Pixel 7'], serviceWorkers: 'block', locale: 'en-US' });
		const page = await context.newPage();
		await page.goto(origin + '/');
		await page.locator('[data-chapter]').first().waitFor({ timeout: 120_000 });

		let started = performance.now();
		const { cards, events } = makeHistory(await readStore<StoredCard>(page, 'cards'));
		console.log(`Made ${cards.length} cards and ${events.length} reviews in ${(performance.now() - started) / 1000} s`);
		started = performance.now();
		await writeStore(page, 'cards', cards);
		await writeStore(page, 'reviews', events);
		console.log(`Seeded IndexedDB in ${((performance.now() - started) / 1000).toFixed(1)} s`);

		const pages = [
			{ name: 'statistics, first figures', path: '/stats', ready: '[data-testid="cards"]' },
			{ name: 'statistics, complete', path: '/stats', ready: '[data-testid="retention"] table' },
			{ name: 'home', path: '/', ready: '[data-testid="due-today"]' },
			{ name: 'report map', path: '/map', ready: '[data-passage]' }
		];
		for (const { name, path, ready } of pages) {
			await timeLoad(page, path, ready); // warm-up: compiles the page's code once
			const times: number[] = [];
			for (let run = 0; run < RUNS; run++) times.push(await timeLoad(page, path, ready));
			const shown = times.map((t) => Math.round(t)).join(', ');
			console.log(`${name}: median ${Math.round(median(times))} ms over ${RUNS} runs (${shown})`);
		}
		await context.close();
	} finally {
		await browser.close();
		server.kill();
	}
}

await main();
