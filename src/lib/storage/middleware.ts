/** What the storage middlewares (digests.ts, stats-caches.ts) share. */
import type { DBCore } from 'dexie';

/**
 * DBCore's `transaction`, taking `extra` into every read-write transaction over `written` that lacks it, so a
 * middleware can write `extra` in the same transaction whenever `written` is written.
 */
export function takingAlong(down: DBCore, written: string, extra: string): DBCore['transaction'] {
	return (stores, mode, options) =>
		down.transaction(
			mode === 'readwrite' && stores.includes(written) && !stores.includes(extra) ? [...stores, extra] : stores,
			mode,
			options
		);
}
