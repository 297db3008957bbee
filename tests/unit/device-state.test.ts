/**
 * What the device and the browser say (online, installable, storage kept), with the browser's APIs stood in for:
 * the journeys in Chromium cover the real ones.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDb } from './factories';

type DeviceModule = typeof import('../../src/lib/state/device.svelte');

/** A page's window: events the test can fire, and the browser facts the state reads. */
function fakeBrowser(storage: Partial<StorageManager> | undefined) {
	const listeners = new Map<string, ((event: Event) => void)[]>();
	const fire = (type: string, event: Event = new Event(type)) =>
		listeners.get(type)?.forEach((listen) => listen(event));
	vi.stubGlobal('window', globalThis);
	vi.stubGlobal('addEventListener', (type: string, listen: (event: Event) => void) =>
		listeners.set(type, [...(listeners.get(type) ?? []), listen])
	);
	vi.stubGlobal('matchMedia', () => ({ matches: false }));
	vi.stubGlobal('navigator', {
		onLine: false,
		userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 7) Chrome/156.0 Mobile',
		maxTouchPoints: 5,
		storage
	});
	return fire;
}

async function device(
	storage?: Partial<StorageManager>
): Promise<[DeviceModule, (type: string, event?: Event) => void]> {
	const fire = fakeBrowser(storage);
	vi.resetModules();
	return [await import('../../src/lib/state/device.svelte'), fire];
}

afterEach(() => vi.unstubAllGlobals());

describe('the device', () => {
	it('follows the connection', async () => {
		const [{ connection, watchDevice }, fire] = await device();
		watchDevice();
		expect(connection.online).toBe(false);
		fire('online');
		expect(connection.online).toBe(true);
		fire('offline');
		expect(connection.online).toBe(false);
	});

	it('keeps Chromium’s install offer for its own button, and knows once the app is installed', async () => {
		const [{ installation, watchDevice }, fire] = await device();
		watchDevice();
		expect(installation.route).not.toBe('prompt');
		const prompt = vi.fn(() => Promise.resolve());
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt,
			userChoice: Promise.resolve({ outcome: 'accepted' as const })
		});
		fire('beforeinstallprompt', offer);
		expect(offer.defaultPrevented).toBe(true);
		expect(installation.route).toBe('prompt');
		await installation.install();
		expect(prompt).toHaveBeenCalledOnce();
		expect(installation.route).toBe('installed');
	});

	it('remembers that the install hint was closed, and still closes it when that cannot be saved', async () => {
		const [{ installation }] = await device();
		const db = openTestDb();
		await installation.loadHint(db);
		expect(installation.hintDismissed).toBe(false);
		await installation.dismissHint(db);
		installation.hintDismissed = false;
		await installation.loadHint(db);
		expect(installation.hintDismissed).toBe(true);
		db.close();
		await installation.dismissHint(db);
		expect(installation.hintDismissed).toBe(true);
	});

	it('asks the browser to keep the storage when it was not, and measures it', async () => {
		const persist = vi.fn(() => Promise.resolve(true));
		const [{ persistence }] = await device({
			persisted: () => Promise.resolve(false),
			persist,
			estimate: () => Promise.resolve({ usage: 2e6, quota: 1e9 })
		});
		await persistence.start();
		expect(persist).toHaveBeenCalledOnce();
		expect(persistence.persisted).toBe(true);
		expect(persistence.usage).toEqual({ used: 2e6, quota: 1e9 });
	});

	it('says nothing where the browser cannot tell', async () => {
		const [{ persistence }] = await device(undefined);
		await persistence.start();
		await persistence.request();
		expect([persistence.persisted, persistence.usage]).toEqual([null, null]);
	});
});
