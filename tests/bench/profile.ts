/**
 * The browser the benchmark drives: Chromium with a profile on disk (an incognito context keeps IndexedDB in memory,
 * which is not what a learner's phone does), the e2e launch options, a phone's screen.
 *
 * Seeded databases are kept as snapshots: writing 1,100,000 rows through IndexedDB costs Chromium about 0.1-0.25 ms
 * per row, minutes at 100,000 cards, so a second run on the same study day copies the seeded IndexedDB folder into
 * a fresh profile instead. Only IndexedDB is copied: the service worker and its caches always come from the build
 * under test. A snapshot is keyed by everything that shapes the rows (the spec, seed.ts, the schema in db.ts, the
 * origin) and by the study day, since due dates are placed relative to the day it was seeded.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices, type BrowserContext, type Page } from '@playwright/test';
import e2eConfig from '../../playwright.config';
import { studyDayStart } from '../../src/lib/domain/time';
import type { ResolvedSpec, SeedResult } from './seed';

export const ROOT = join(import.meta.dirname, '../..');
const SNAPSHOTS = join(ROOT, 'bench-results', 'snapshots');
const INDEXED_DB = join('Default', 'IndexedDB');

export async function launchProfile(profileDir: string, baseURL: string): Promise<BrowserContext> {
	const { defaultBrowserType, ...phone } = devices['Pixel 7'];
	return chromium.launchPersistentContext(profileDir, {
		...phone,
		...e2eConfig.use?.launchOptions,
		baseURL,
		serviceWorkers: 'allow'
	});
}

export function newProfileDir(): string {
	return mkdtempSync(join(tmpdir(), 'reportcard-bench-'));
}

export async function firstPage(context: BrowserContext): Promise<Page> {
	return context.pages()[0] ?? (await context.newPage());
}

/** The app's first visit: the service worker takes control and the shipped decks are synced into IndexedDB. */
export async function firstVisit(page: Page): Promise<void> {
	await page.goto('/');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
	await page.locator('[data-chapter]').first().waitFor();
}

export interface Snapshot {
	dir: string;
	spec: ResolvedSpec;
	result: SeedResult;
	/** How long seeding took when the snapshot was made (in the page / around page.evaluate), ms. */
	seededMs: { page: number; wall: number };
	createdAt: string;
}

export function snapshotKey(spec: ResolvedSpec, origin: string): string {
	const { now, ...shape } = spec;
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ shape, origin, day: studyDayStart(now, spec.rolloverHour) }));
	for (const file of ['tests/bench/seed.ts', 'src/lib/storage/db.ts']) hash.update(readFileSync(join(ROOT, file)));
	return `${spec.cards}-${hash.digest('hex').slice(0, 16)}`;
}

export function findSnapshot(key: string): Snapshot | null {
	const meta = join(SNAPSHOTS, key, 'snapshot.json');
	return existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as Snapshot) : null;
}

/** Keep the seeded IndexedDB of a closed profile; older snapshots of the same size go. */
export function saveSnapshot(profileDir: string, key: string, snapshot: Omit<Snapshot, 'dir'>): void {
	const size = `${snapshot.spec.cards}-`;
	if (existsSync(SNAPSHOTS)) {
		for (const old of readdirSync(SNAPSHOTS).filter((name) => name.startsWith(size))) {
			rmSync(join(SNAPSHOTS, old), { recursive: true, force: true });
		}
	}
	const dir = join(SNAPSHOTS, key);
	mkdirSync(dir, { recursive: true });
	cpSync(join(profileDir, INDEXED_DB), join(dir, 'IndexedDB'), { recursive: true });
	writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ ...snapshot, dir }, null, '\t'));
}

/** Put a snapshot's IndexedDB into a closed profile, in place of the one its first visit made. */
export function restoreSnapshot(snapshot: Snapshot, profileDir: string): void {
	const target = join(profileDir, INDEXED_DB);
	rmSync(target, { recursive: true, force: true });
	cpSync(join(snapshot.dir, 'IndexedDB'), target, { recursive: true });
}
