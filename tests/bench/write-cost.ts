/**
 * What one IndexedDB write costs in this browser, measured on a scratch database of its own: the floor under seeding
 * (and under restoring a large backup), whatever the app does. Three layouts of the same log rows, written like the
 * seeder writes them (large transactions, relaxed durability, keys in sorted order):
 * - `asStored`: one row per review with the app's review indexes (id, cardId, at, [cardId+at]);
 * - `bare`: one row per review, no index at all;
 * - `packed`: ten reviews per row, no index (how many rows, not how many bytes, sets the cost).
 */
import type { Page } from '@playwright/test';

export interface WriteCost {
	rows: number;
	/** Microseconds per review written, per layout. */
	perReviewUs: { asStored: number; bare: number; packed: number };
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
	const layouts = {
		asStored: { indexes: true, pack: 1 },
		bare: { indexes: false, pack: 1 },
		packed: { indexes: false, pack: PACK }
	};
	const done = (tx: IDBTransaction) =>
		new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('write failed'));
			tx.onabort = () => reject(tx.error ?? new Error('write aborted'));
		});
	const perReviewUs = { asStored: 0, bare: 0, packed: 0 };
	for (const [layout, { indexes, pack }] of Object.entries(layouts)) {
		await new Promise((resolve) => {
			const request = indexedDB.deleteDatabase(name);
			request.onsuccess = request.onerror = request.onblocked = resolve;
		});
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open(name, 1);
			open.onupgradeneeded = () => {
				const store = open.result.createObjectStore('reviews', { keyPath: 'id' });
				if (indexes) {
					store.createIndex('cardId', 'cardId');
					store.createIndex('at', 'at');
					store.createIndex('[cardId+at]', ['cardId', 'at']);
				}
			};
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error ?? new Error('cannot open the scratch database'));
		});
		const started = performance.now();
		for (let from = 0; from < rows; from += PER_TRANSACTION) {
			const tx = db.transaction('reviews', 'readwrite', { durability: 'relaxed' });
			const store = tx.objectStore('reviews');
			for (let i = from; i < Math.min(rows, from + PER_TRANSACTION); i += pack) {
				if (pack === 1) store.add(review(i));
				else store.add({ id: ids[i], events: Array.from({ length: pack }, (_, k) => review(i + k)) });
			}
			await done(tx);
		}
		perReviewUs[layout as keyof typeof layouts] = ((performance.now() - started) * 1000) / rows;
		db.close();
	}
	indexedDB.deleteDatabase(name);
	return { rows, perReviewUs };
}
