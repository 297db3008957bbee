/**
 * The app-wide state on fake-indexeddb: opening the device's database (content synced on the first start), the
 * language and study settings the learner chose, and the problems that stop the app or ask for a reload.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileAllDecks } from '../../src/build/vite-plugin-decks';

const compiledDecks = JSON.stringify(compileAllDecks('decks'));

type AppModule = typeof import('../../src/lib/state/app.svelte');

/** The device's localStorage, where the app mirrors the language for app.html's script. */
const mirror = new Map<string, string>();

/**
 * A fresh app, as a new tab loads it, on `factory` as the browser's IndexedDB (Dexie reads the browser's once, when
 * it loads: it is told here instead), in a page that app.html's script put into `pageLang` before the first paint.
 */
async function freshApp(factory: IDBFactory | null = new IDBFactory(), pageLang = 'en'): Promise<AppModule['app']> {
	vi.stubGlobal('document', { documentElement: { lang: pageLang } });
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => mirror.get(key) ?? null,
		setItem: (key: string, value: string) => mirror.set(key, value)
	});
	// null: a browser without IndexedDB (some private windows).
	Dexie.dependencies.indexedDB = factory as IDBFactory;
	Dexie.dependencies.IDBKeyRange = IDBKeyRange;
	vi.resetModules();
	return (await import('../../src/lib/state/app.svelte')).app;
}

const browserDependencies = { ...Dexie.dependencies };
/** What the app downloads: the compiled decks at the address the build gives them, and nothing else. */
const requested: string[] = [];
beforeEach(() => {
	vi.useFakeTimers({ toFake: ['setTimeout'] });
	requested.length = 0;
	mirror.clear();
	vi.stubGlobal('fetch', (url: string) => {
		requested.push(url);
		return Promise.resolve(new Response(compiledDecks, { headers: { 'Content-Type': 'application/json' } }));
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
	Object.assign(Dexie.dependencies, browserDependencies);
});

describe('the app', () => {
	it('opens the database, syncs the shipped decks, and keeps the page’s language until one is chosen', async () => {
		const factory = new IDBFactory();
		const app = await freshApp(factory, 'zh-CN');
		expect(app.locale).toBe('zh-CN');
		await app.start();
		expect([app.ready, app.fatal]).toEqual([true, null]);
		expect(app.locale).toBe('zh-CN');
		expect(app.contentLanguage).toBe('zh');
		expect(await app.db.cards.count()).toBeGreaterThan(50);
		expect(await app.db.chapters.count()).toBeGreaterThan(3);
		expect(requested).toEqual([expect.stringMatching(/^\/_app\/immutable\/decks\/[0-9a-f]{16}\.json$/)]);

		expect(mirror.size).toBe(0);
		await app.setLocale('en');
		expect(mirror.get('reportcard.locale')).toBe('en');
		await app.saveStudy({ newPerDay: 7, desiredRetention: 2 });
		expect(app.study.newPerDay).toBe(7);
		expect(app.study.desiredRetention).toBeLessThanOrEqual(0.99);
		app.db.close();

		// The next tab takes the learner's choices from the database, whatever the page was painted in (the mirror
		// lost, say), and mirrors the choice again for the next paint.
		mirror.clear();
		const next = await freshApp(factory, 'zh-CN');
		await next.start();
		expect([next.locale, next.study.newPerDay, next.problem]).toEqual(['en', 7, null]);
		expect(mirror.get('reportcard.locale')).toBe('en');
		next.db.close();
	});

	it('switches language at once and says so when the choice cannot be saved', async () => {
		const app = await freshApp();
		await app.start();
		app.db.close();
		await app.setLocale('zh-CN');
		expect(app.locale).toBe('zh-CN');
		expect(app.problem).toBe('outdated');
	});

	it('stops with a problem the learner can act on when the decks cannot be downloaded on a first visit', async () => {
		vi.stubGlobal('fetch', () => Promise.resolve(new Response('Bad gateway', { status: 502 })));
		const app = await freshApp();
		await app.start();
		expect([app.ready, app.fatal]).toEqual([false, 'download']);
	});

	it('stops with a problem the learner can act on when the browser has no usable storage', async () => {
		const app = await freshApp(null);
		await app.start();
		expect(app.ready).toBe(false);
		expect(app.fatal).toBe('unavailable');
		expect(() => app.db).toThrow('Storage is not open yet');
	});

	it('asks this tab to reload when a newer version in another tab upgrades the database', async () => {
		const factory = new IDBFactory();
		const app = await freshApp(factory);
		await app.start();
		const { ReportCardDb, SCHEMA_VERSION } = await import('../../src/lib/storage/db');
		const newer = new ReportCardDb(undefined, { indexedDB: factory, IDBKeyRange });
		newer.version(SCHEMA_VERSION + 1).stores({ drafts: 'id' });
		await newer.open();
		expect(app.fatal).toBe('outdated');
		newer.close();
	});

	it('loads a page’s own messages before it renders', async () => {
		const app = await freshApp();
		await app.loadMessages('settings');
		expect(app.t.settings.title).toBeTruthy();
	});
});
