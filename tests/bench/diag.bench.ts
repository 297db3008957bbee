import { test } from '@playwright/test';
import { rmSync } from 'node:fs';
import {
	findSnapshot,
	firstPage,
	firstVisit,
	launchProfile,
	newProfileDir,
	restoreSnapshot,
	snapshotKey
} from './profile';
import { resolveSpec } from './seed';
import { BENCH_PORT } from './playwright.config';

test('diag', async () => {
	const base = `http://localhost:${BENCH_PORT}`;
	const dir = newProfileDir();
	let context = await launchProfile(dir, base);
	await firstVisit(await firstPage(context));
	await context.close();
	const snap = findSnapshot(snapshotKey(resolveSpec({ cards: Number(process.env.N ?? 100000) }), base));
	if (!snap) throw new Error('no snapshot');
	restoreSnapshot(snap, dir);
	context = await launchProfile(dir, base);
	const page = await firstPage(context);
	await page.goto('/manifest.webmanifest');
	for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
		const r = await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((res, rej) => {
				const o = indexedDB.open('reportcard');
				o.onsuccess = () => res(o.result);
				o.onerror = () => rej(new Error('open'));
			});
			const req = <T>(r: IDBRequest<T>) =>
				new Promise<T>((res, rej) => {
					r.onsuccess = () => res(r.result);
					r.onerror = () => rej(new Error('req'));
				});
			const out: Record<string, number> = {};
			const time = async (name: string, f: () => Promise<unknown>) => {
				const t = performance.now();
				const v = await f();
				out[name] = Math.round(performance.now() - t);
				if (Array.isArray(v)) out[name + ' rows'] = v.length;
			};
			const idx = () => db.transaction('cards').objectStore('cards').index('[retired+due]');
			const dayEnd = Date.now() + 86400000;
			await time('count', () => req(idx().count()));
			await time('getAll [retired+due] all', () => req(idx().getAll(IDBKeyRange.bound([0, -Infinity], [0, Infinity]))));
			await time('getAll [retired+due] due < tomorrow', () =>
				req(idx().getAll(IDBKeyRange.bound([0, -Infinity], [0, dayEnd])))
			);
			await time('getAll [retired+due] limit 250', () =>
				req(idx().getAll(IDBKeyRange.bound([0, -Infinity], [0, dayEnd]), 250))
			);
			await time('getAllKeys primary', () => req(db.transaction('cards').objectStore('cards').getAllKeys()));
			await time('reviews at >= today', () =>
				req(
					db
						.transaction('reviews')
						.objectStore('reviews')
						.index('at')
						.getAll(IDBKeyRange.lowerBound(Date.now() - 86400000))
				)
			);
			db.close();
			return out;
		});
		console.log(JSON.stringify(r));
	}
	await context.close();
	rmSync(dir, { recursive: true, force: true });
});
