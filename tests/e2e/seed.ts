/**
 * Seeding a learner's history straight into IndexedDB, as the app itself stores it: card states and review log rows.
 * The statistics must match a history we wrote down, and a week of real reviews cannot be clicked through in a test.
 * The benchmark uses the same reads and writes for its 100,000 rows.
 */
import type { Page } from '@playwright/test';
import type { MemoryState } from '../../src/lib/domain/scheduling/memory';
import type { ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import type { StoredCard } from '../../src/lib/domain/collection';
import { withIndexKeys } from '../../src/lib/storage/index-keys';

/** Rows per write: one page.evaluate each, so a large seed never builds one huge message. */
const WRITE_BATCH = 5_000;

export async function readStore<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result as T[]);
					};
					request.onerror = () => reject(new Error(String(request.error)));
				};
			}),
		store
	);
}

/**
 * Put rows into a store, a batch per transaction. Raw IndexedDB bypasses the app's Dexie middleware, so card rows get
 * their derived index keys here (withIndexKeys, computed in Node): seeded cards sit in the indexes as the app's do.
 * It bypasses the statistics caches too: a write of cards or log rows drops their marker, so the app rebuilds them
 * from the seeded rows (storage/stats-caches.ts).
 */
export async function writeStore(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
	if (store === 'cards') rows = (rows as StoredCard[]).map((card) => withIndexKeys(card));
	const dropsStatsCaches = store === 'cards' || store === 'reviews';
	for (let start = 0; start < rows.length; start += WRITE_BATCH) {
		await page.evaluate(
			({ name, batch, dropsStatsCaches }) =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('reportcard');
					open.onerror = () => reject(new Error(String(open.error)));
					open.onsuccess = () => {
						const tx = open.result.transaction(dropsStatsCaches ? [name, 'settings'] : name, 'readwrite');
						if (dropsStatsCaches) tx.objectStore('settings').delete('statsCaches');
						for (const row of batch) tx.objectStore(name).put(row);
						tx.oncomplete = () => {
							open.result.close();
							resolve();
						};
						tx.onerror = () => reject(new Error(String(tx.error)));
					};
				}),
			{ name: store, batch: rows.slice(start, start + WRITE_BATCH), dropsStatsCaches }
		);
	}
}

/** A chapter's active cards, in report order. */
export async function chapterCards(page: Page, chapterId: string): Promise<StoredCard[]> {
	return (await readStore<StoredCard>(page, 'cards'))
		.filter((card) => card.chapterId === chapterId && card.retired === 0)
		.sort((a, b) => a.order - b.order);
}

export interface SeedCard {
	id: string;
	introducedAt: number;
	memory: MemoryState;
	suspended: 0 | 1;
}

export interface Seed {
	cards: SeedCard[];
	events: ReviewEvent[];
}

/** Give existing cards the seeded states (their `due` index with them) and add the log rows. */
export async function seedHistory(page: Page, seed: Seed): Promise<void> {
	const stored = new Map((await readStore<StoredCard>(page, 'cards')).map((card) => [card.id, card]));
	const cards = seed.cards.map((card) => ({ ...stored.get(card.id), ...card, due: card.memory.due }));
	await writeStore(page, 'cards', cards);
	await writeStore(page, 'reviews', seed.events);
}
