/**
 * Whole-database snapshots for tests: a dump of every row (to prove an operation changed nothing, or exactly what it
 * should), and the raw IndexedDB picture of a database (object stores, indexes, rows) that migration fixtures hold.
 */
import type { ReportCardDb } from '../../src/lib/storage/db';

const TABLES = [
	'chapters',
	'cards',
	'questions',
	'reviews',
	'attempts',
	'settings',
	'cardDigests',
	'tallies',
	'gradeSlots',
	'setAside',
	'outbox'
] as const;
export type Dump = Record<(typeof TABLES)[number], unknown[]>;

/** Every row of every table, in primary-key order. */
export async function dumpDatabase(db: ReportCardDb): Promise<Dump> {
	const names = db.tables.map((table) => table.name).sort();
	if (names.join() !== [...TABLES].sort().join()) throw new Error(`Teach db-dump.ts the tables ${names.join(', ')}`);
	const rows = await Promise.all(TABLES.map((name) => db.table(name).toArray()));
	return Object.fromEntries(TABLES.map((name, i) => [name, rows[i]])) as Dump;
}

export interface IndexShape {
	name: string;
	keyPath: string | string[];
	unique: boolean;
	multiEntry: boolean;
}

export interface StoreShape {
	name: string;
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: IndexShape[];
}

/** A database as IndexedDB itself holds it, independent of any Dexie schema: what a fixture file contains. */
export interface DbFixture {
	/** The app's schema version (Dexie's `version(n)`) that wrote the database. */
	schemaVersion: number;
	/** IndexedDB's own version number for it (Dexie stores n × 10). */
	idbVersion: number;
	stores: (StoreShape & { rows: unknown[] })[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

function keyPathOf(keyPath: string | string[] | null): string | string[] | null {
	return Array.isArray(keyPath) ? [...keyPath] : keyPath;
}

/** Read a closed database straight from IndexedDB: its shape and every row. */
export async function readRawDatabase(factory: IDBFactory, name: string, schemaVersion: number): Promise<DbFixture> {
	const idb = await request(factory.open(name));
	const names = [...idb.objectStoreNames].sort();
	const tx = idb.transaction(names, 'readonly');
	const stores = await Promise.all(
		names.map(async (storeName) => {
			const store = tx.objectStore(storeName);
			const indexes = [...store.indexNames].sort().map((indexName) => {
				const index = store.index(indexName);
				return {
					name: index.name,
					keyPath: keyPathOf(index.keyPath) as string | string[],
					unique: index.unique,
					multiEntry: index.multiEntry
				};
			});
			return {
				name: storeName,
				keyPath: keyPathOf(store.keyPath),
				autoIncrement: store.autoIncrement,
				indexes,
				rows: await request(store.getAll())
			};
		})
	);
	const fixture = { schemaVersion, idbVersion: idb.version, stores };
	idb.close();
	return fixture;
}

/** Recreate a database exactly as a fixture describes it, as an older version of the app left it on a device. */
export async function writeRawDatabase(factory: IDBFactory, name: string, fixture: DbFixture): Promise<void> {
	const open = factory.open(name, fixture.idbVersion);
	open.onupgradeneeded = () => {
		for (const shape of fixture.stores) {
			const store = open.result.createObjectStore(shape.name, {
				keyPath: shape.keyPath,
				autoIncrement: shape.autoIncrement
			});
			for (const index of shape.indexes) {
				store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
			}
			for (const row of shape.rows) store.add(row);
		}
	};
	const idb = await request(open);
	idb.close();
}
