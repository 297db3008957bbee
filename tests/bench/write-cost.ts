/**
 * What one IndexedDB write costs in this browser, measured on a scratch database of its own: the floor under seeding
 * (and under restoring a large backup), whatever the app does. Three layouts of log rows and one of card rows, written
 * like the seeder writes them (large transactions, relaxed durability, keys in sorted order):
 * - `asStored`: one row per review with the app's review indexes;
 * - `bare`: one row per review, no index at all;
 * - `packed`: ten reviews per row, no index (how many rows, not how many bytes, sets the cost);
 * - `cards`: card rows as the app stores them, copies of one of its shipped cards with the cards store's indexes.
 *
 * The shapes and indexes come from the app's own database, so run it after the app's first visit.
 */
import type { Page } from '@playwright/test';

export interface WriteCost {
	rows: number;
	/** Microseconds per review written, per layout. */
	perReviewUs: { asStored: number; bare: number; packed: number };
	/** Microseconds per card row written with the cards store's indexes. */
	perCardUs: number;
}

export async function measureWriteCost(page: Page, rows = 50_000): Promise<WriteCost> {
	return page.evaluate(writeCostInPage, rows);
}

/** Runs in the page; self-contained, as Playwright sends its source. */
async function writeCostInPage(rows: number): Promise<WriteCost> {
	const PER_TRANSACTION = 10_000;
	const PACK = 10;
	const name = 'reportcard-write-cost';
	const ids = Array.from({ length: rows }, () => crypto.randomUUID()).sort();
	const review = (i: number) => ({
		id: ids[i],
		cardId: `bench-c${String(Math.floor(i / PACK)).padStart(6, '0')}`,
		kind: 'grade',
		rating: 3,
		at: 1_700_000_000_000 + i * 1000,
		durationMs: 5000,
		stateBefore: 2
	});
	// The app's own database gives the cards' shape and both stores' indexes, so the probe writes what the app writes.
	const app = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open('reportcard');
		open.onupgradeneeded = () => {
			open.transaction?.abort();
			reject(new Error('No "reportcard" database yet: let the app\'s first visit finish before measuring'));
		};
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error ?? new Error("Cannot open the app's database"));
	});
	const read = app.transaction(['cards', 'reviews'], 'readonly');
	const indexesOf = (storeName: string) => {
		const store = read.objectStore(storeName);
		return Array.from(store.indexNames, (index) => [index, store.index(index).keyPath] as const);
	};
	const cardIndexes = indexesOf('cards');
	const reviewIndexes = indexesOf('reviews');
	const sample = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
		const request = read.objectStore('cards').openCursor();
		request.onsuccess = () => resolve(request.result?.value as Record<string, unknown> | undefined);
		request.onerror = () => reject(request.error ?? new Error('Cannot read a card'));
	});
	app.close();
	if (!sample) throw new Error('The app has no cards yet: let its first visit finish before measuring');
	// Copies of one shipped card: the same texts and index keys, a key and report order of their own.
	const card = (i: number) => ({
		...sample,
		id: `write-cost-${String(i).padStart(6, '0')}`,
		order: i,
		...(sample.queueNew === undefined ? {} : { queueNew: i })
	});
	const layouts = {
		asStored: { indexes: true, pack: 1 },
		bare: { indexes: false, pack: 1 },
		packed: { indexes: false, pack: PACK },
		cards: { indexes: true, pack: 1 }
	};
	const done = (tx: IDBTransaction) =>
		new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('write failed'));
			tx.onabort = () => reject(tx.error ?? new Error('write aborted'));
		});
	const perRowUs = { asStored: 0, bare: 0, packed: 0, cards: 0 };
	for (const [layout, { indexes, pack }] of Object.entries(layouts)) {
		await new Promise((resolve) => {
			const request = indexedDB.deleteDatabase(name);
			request.onsuccess = request.onerror = request.onblocked = resolve;
		});
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(name, 1);
			open.onupgradeneeded = () => {
				const store = open.result.createObjectStore('reviews', { keyPath: 'id' });
				const indexed = layout === 'cards' ? cardIndexes : indexes ? reviewIndexes : [];
				for (const [index, keyPath] of indexed) store.createIndex(index, keyPath);
			};
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error ?? new Error('cannot open the scratch database'));
		});
		const started = performance.now();
		for (let from = 0; from < rows; from += PER_TRANSACTION) {
			const tx = db.transaction('reviews', 'readwrite', { durability: 'relaxed' });
			const store = tx.objectStore('reviews');
			for (let i = from; i < Math.min(rows, from + PER_TRANSACTION); i += pack) {
				if (layout === 'cards') store.add(card(i));
				else if (pack === 1) store.add(review(i));
				else store.add({ id: ids[i], events: Array.from({ length: pack }, (_, k) => review(i + k)) });
			}
			await done(tx);
		}
		perRowUs[layout as keyof typeof layouts] = ((performance.now() - started) * 1000) / rows;
		db.close();
	}
	indexedDB.deleteDatabase(name);
	const { cards: perCardUs, ...perReviewUs } = perRowUs;
	return { rows, perReviewUs, perCardUs };
}
