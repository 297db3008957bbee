/**
 * What one IndexedDB write costs in this browser, measured on a scratch database of its own: the floor under seeding
 * (and under restoring a large backup), whatever the app does. Three layouts of the same log rows, written like the
 * seeder writes them (large transactions, relaxed durability, keys in sorted order):
 * - `asStored`: one row per review with the app's review indexes (id, cardId, at, [cardId+at]);
 * - `bare`: one row per review, no index at all;
 * - `packed`: ten reviews per row, no index (how many rows, not how many bytes, sets the cost);
 * - `cards`: card rows as the app stores them (bilingual texts, memory, the nine keys of the cards indexes).
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
	const card = (i: number) => ({
		id: `bench-c${String(i).padStart(6, '0')}`,
		noteId: `bench-n${String(i).padStart(6, '0')}`,
		deckId: 'bench',
		chapterId: `bench-ch${String(i % 20).padStart(2, '0')}`,
		order: i,
		kind: 'basic',
		source: { section: 1 + (i % 20), paragraph: 1 + (i % 4) },
		front: {
			zh: `第${i}张卡：美国出口管制之后，中国在先进芯片上选择了哪条路线？`,
			en: `Card ${i}: after the US export controls, which route did China take on advanced chips?`
		},
		back: {
			zh: `第${i}张卡的答案：一边加紧国产替代，一边用成熟制程和算法效率弥补差距。`,
			en: `Answer ${i}: it pushed domestic substitution while making up the gap with mature nodes and more efficient algorithms.`
		},
		introducedAt: 1_690_000_000_000,
		retired: 0,
		memory: {
			due: 1_700_000_000_000 + i * 60_000,
			stability: 12.5,
			difficulty: 5.1,
			elapsedDays: 9,
			scheduledDays: 12,
			learningSteps: 0,
			reps: 9,
			lapses: 1,
			state: 2,
			lastReview: 1_699_000_000_000
		},
		due: 1_700_000_000_000 + i * 60_000,
		suspended: 0,
		buriedUntil: 0,
		queueDue: 1_700_000_000_000 + i * 60_000,
		masteredUntil: 1_700_100_000_000
	});
	// The cards store's indexes as src/lib/storage/db.ts declares them.
	const cardIndexes: [string, string | string[]][] = [
		['chapterId', 'chapterId'],
		['deckId', 'deckId'],
		['queueDue', 'queueDue'],
		['queueNew', 'queueNew'],
		['buriedUntil', 'buriedUntil'],
		['[chapterId+queueDue]', ['chapterId', 'queueDue']],
		['[chapterId+queueNew]', ['chapterId', 'queueNew']],
		['[chapterId+masteredUntil]', ['chapterId', 'masteredUntil']]
	];
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
				if (layout === 'cards') for (const [index, keyPath] of cardIndexes) store.createIndex(index, keyPath);
				else if (indexes) {
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
