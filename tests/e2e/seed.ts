/**
 * Seeding a learner's history straight into IndexedDB, as the app itself stores it: card states and review log rows.
 * The statistics must match a history we wrote down, and a week of real reviews cannot be clicked through in a test.
 */
import type { Page } from '@playwright/test';
import type { MemoryState } from '../../src/lib/domain/scheduling/memory';
import type { ReviewEvent } from '../../src/lib/domain/scheduling/review-log';

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

/** The ids and citations of a chapter's active cards, in report order. */
export async function chapterCards(
	page: Page,
	chapterId: string
): Promise<{ id: string; source: { section: number; paragraph: number } }[]> {
	return page.evaluate(
		(chapter) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const request = open.result.transaction('cards').objectStore('cards').getAll();
					request.onerror = () => reject(new Error(String(request.error)));
					request.onsuccess = () => {
						open.result.close();
						const cards = request.result as {
							id: string;
							chapterId: string;
							retired: number;
							order: number;
							source: { section: number; paragraph: number };
						}[];
						resolve(
							cards
								.filter((card) => card.chapterId === chapter && card.retired === 0)
								.sort((a, b) => a.order - b.order)
								.map((card) => ({ id: card.id, source: card.source }))
						);
					};
				};
			}),
		chapterId
	);
}

/** Write card states and log rows in one transaction, as grading does. */
export async function seedHistory(page: Page, seed: Seed): Promise<void> {
	await page.evaluate(
		({ cards, events }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('reportcard');
				open.onerror = () => reject(new Error(String(open.error)));
				open.onsuccess = () => {
					const tx = open.result.transaction(['cards', 'reviews'], 'readwrite');
					const store = tx.objectStore('cards');
					for (const card of cards) {
						const read = store.get(card.id);
						read.onsuccess = () => store.put({ ...read.result, ...card, due: card.memory.due });
					}
					for (const event of events) tx.objectStore('reviews').add(event);
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(new Error(String(tx.error)));
				};
			}),
		seed
	);
}
