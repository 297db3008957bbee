/**
 * The rule that keeps projections true: cards, the log and the projections' tables are written only in a transaction
 * of the write path (write.ts), which keeps every projection in the same commit. A write anywhere else fails loudly
 * instead of leaving a projection silently wrong.
 */
import type { DBCore, Middleware, Transaction } from 'dexie';

/** The tables only the write path writes. */
const GUARDED = new Set(['cards', 'reviews', 'cardDigests', 'tallies', 'gradeSlots']);
/**
 * Marks an IndexedDB transaction the write path opened (Dexie's sub-transactions share their parent's). A registered
 * symbol: the mark holds whichever copy of this module opened the transaction (tests load modules afresh).
 */
const GRANTED = Symbol.for('reportcard.write-path');

type Marked = IDBTransaction & { [GRANTED]?: true };

export class UnguardedWriteError extends Error {
	constructor(table: string) {
		super(`${table} is written only through storage/projections/write.ts, which keeps the projections in step`);
		this.name = 'UnguardedWriteError';
	}
}

/** Let a transaction write the guarded tables: for the write path, and for nothing else. */
export function grantWrites(transaction: Transaction): void {
	(transaction.idbtrans as Marked)[GRANTED] = true;
}

export function writeGuard(): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'writeGuard',
		create: (down) => ({
			...down,
			table: (name) => {
				const table = down.table(name);
				if (!GUARDED.has(name)) return table;
				return {
					...table,
					mutate: (request) => {
						const trans = request.trans as Marked;
						// A schema upgrade converts rows in its own transaction.
						if (trans.mode !== 'versionchange' && !trans[GRANTED]) {
							return Promise.reject(new UnguardedWriteError(name));
						}
						return table.mutate(request);
					}
				};
			}
		})
	};
}
