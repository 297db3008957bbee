/**
 * Sync as the learner sees it: connecting their WebDAV storage, syncing now and by itself (when the app opens, when a
 * review or a quiz ends, when the network comes back), what the last sync did, and disconnecting. The sync code
 * itself (network/) loads only when a sync runs. Studying never waits for it: whatever it meets, the learner's data
 * stays on the device and the next sync carries on.
 */
import { untrack } from 'svelte';
import { connectAllowed, originOf } from '../domain/sync/csp';
import { SYNC_ORIGIN_CACHE, SYNC_ORIGIN_KEY } from '../domain/sync/origin-cache';
import { SyncError, checkAddress, type SyncProblem } from '../domain/sync/problems';
import type { Scheduler } from '../domain/scheduling/scheduler';
import type { ReportCardDb } from '../storage/db';
import { storageProblem } from '../storage/errors';
import {
	connectSync,
	disconnectSync,
	holdPendingConnection,
	lastReport,
	recordReport,
	syncAccount,
	takePendingConnection,
	type SyncAccount,
	type SyncReport
} from '../storage/sync';
import type { Fetch, WebDavClient } from '../network/webdav';
import { Task } from './task.svelte';

/** What sync needs of the app. */
export interface SyncContext {
	db: ReportCardDb;
	readonly scheduler: Scheduler;
	clock: () => number;
	/** Settings another device changed arrived: take them. */
	applyStoredSettings(): Promise<void>;
}

function syncProblem(error: unknown): SyncProblem {
	return error instanceof SyncError ? error.problem : { kind: 'storage', problem: storageProblem(error) };
}

/** The app's own content security policy, as its page carries it (none outside a page). */
function pagePolicy(): string {
	if (typeof document === 'undefined') return '';
	return document.querySelector('meta[http-equiv="content-security-policy" i]')?.getAttribute('content') ?? '';
}

/** How sync reaches the network: the browser's, or a stand-in server in tests. */
export interface Network {
	fetch?: Fetch;
	online?: () => boolean;
}

/** Tell the service worker which server the pages may reach (null: none). */
async function allowOrigin(origin: string | null): Promise<void> {
	if (typeof caches === 'undefined') return;
	const cache = await caches.open(SYNC_ORIGIN_CACHE);
	if (origin) await cache.put(SYNC_ORIGIN_KEY, new Response(origin));
	else await cache.delete(SYNC_ORIGIN_KEY);
}

class SyncState {
	/** The connected account, without its password; null when sync is off. */
	account = $state.raw<Omit<SyncAccount, 'password'> | null>(null);
	/** Whether `account` has been read: until then neither the account nor the form to connect one is shown. */
	known = $state(false);
	last = $state.raw<SyncReport | null>(null);
	/** Bumped when a sync brought something: pages that show progress read it again. */
	revision = $state(0);
	/** Connecting, syncing now and disconnecting: one at a time, each failure said. */
	readonly task = new Task<SyncProblem>(syncProblem);
	#context: SyncContext | null = null;
	#network: Network = {};

	get connected(): boolean {
		return this.account !== null;
	}

	/**
	 * Once the app's storage is open: read the account, finish a connection begun before a reload, sync. Should the
	 * device's storage refuse to be read, the panel says so (the task's problem) and shows the form to connect.
	 */
	async start(context: SyncContext, network: Network = {}): Promise<void> {
		this.#context = context;
		this.#network = network;
		const { db } = context;
		const pending = await this.task.run(async () => {
			try {
				const account = await syncAccount(db);
				this.account = account ? { url: account.url, username: account.username } : null;
			} finally {
				this.known = true;
			}
			this.last = (await lastReport(db)) ?? null;
			return takePendingConnection(db);
		});
		globalThis.addEventListener?.('online', () => void this.auto());
		if (pending) await this.connect(pending.url, pending.username, pending.password);
		else await this.auto();
	}

	/**
	 * Check the account against the server and, if it answers as it should, keep it and sync. An address the app's
	 * policy does not reach yet is allowed first, and the app reloads once (its service worker then serves pages that
	 * may reach it).
	 */
	async connect(url: string, username: string, password: string): Promise<void> {
		const context = this.#context;
		if (!context) return;
		const checked = checkAddress(url);
		if ('problem' in checked) {
			this.task.problem = checked.problem;
			return;
		}
		const account: SyncAccount = { url: checked.url.href, username: username.trim(), password };
		const origin = originOf(account.url) ?? '';
		const connected = await this.task.run(async () => {
			if (!connectAllowed(pagePolicy(), origin)) {
				await allowOrigin(origin);
				if (globalThis.navigator?.serviceWorker?.controller) {
					await holdPendingConnection(context.db, account);
					location.reload();
					return false;
				}
				throw new SyncError({ kind: 'reload' });
			}
			await (await this.#client(account)).probe();
			await connectSync(context.db, account);
			await allowOrigin(origin);
			return true;
		});
		if (!connected) return;
		this.account = { url: account.url, username: account.username };
		await this.syncNow();
	}

	async syncNow(): Promise<void> {
		await this.task.run(() => this.#sync());
	}

	/** A sync nobody asked for: only when connected and online, and quiet about failures (the report keeps them). */
	async auto(): Promise<void> {
		// Called from pages' effects, which must not come to depend on the sync's own state (each sync's end would
		// start the next).
		if (untrack(() => !this.connected || this.task.busy) || !(this.#network.online ?? onLine)()) return;
		await this.task.run(() => this.#sync()).then(() => this.task.dismiss());
	}

	async disconnect(): Promise<void> {
		const context = this.#context;
		if (!context) return;
		const done = await this.task.run(async () => {
			await disconnectSync(context.db);
			await allowOrigin(null);
			return true;
		});
		if (!done) return;
		this.account = null;
		this.last = null;
	}

	async #sync(): Promise<void> {
		const context = this.#context;
		if (!context) return;
		const account = await syncAccount(context.db);
		if (!account) return;
		// Two tabs: the second waits its turn, and then finds little to do.
		const run = async () => {
			const [{ syncOnce }, client] = await Promise.all([import('../network/sync'), this.#client(account)]);
			// The app's getters, read now (a spread would not copy them).
			const { db, scheduler, clock } = context;
			return syncOnce({ db, scheduler, clock, client });
		};
		const locks = globalThis.navigator?.locks;
		const report = locks ? await locks.request('reportcard-sync', run) : await run();
		await recordReport(context.db, report);
		this.last = report;
		if (report.received.reviews + report.received.attempts + report.settingsChanged > 0) this.revision++;
		if (report.settingsChanged > 0) await context.applyStoredSettings();
		if (report.problem) throw new SyncError(report.problem);
	}

	async #client(account: SyncAccount): Promise<WebDavClient> {
		const { WebDavClient } = await import('../network/webdav');
		return new WebDavClient(account, this.#network.fetch, this.#network.online);
	}
}

function onLine(): boolean {
	return globalThis.navigator?.onLine ?? true;
}

export const sync = new SyncState();
