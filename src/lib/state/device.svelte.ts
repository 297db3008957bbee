/**
 * What the device and browser say about the app: online or not, installed or installable, and whether the browser
 * promised to keep the app's storage (an installed app is safe from Safari's and Chrome's clearing of site data).
 */
import { installRoute, type InstallRoute } from '../domain/platform';
import type { ReportCardDb } from '../storage/db';
import { getSetting, setSetting } from '../storage/settings';

/** Chromium's install offer; not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class Connection {
	online = $state(true);

	start(): void {
		this.online = navigator.onLine;
		addEventListener('online', () => (this.online = true));
		addEventListener('offline', () => (this.online = false));
	}
}

class Installation {
	#offer = $state.raw<BeforeInstallPromptEvent | null>(null);
	#installed = $state(false);
	/** The learner closed the install hint on the home screen (remembered on the device). */
	hintDismissed = $state(true);
	/** Known once the app mounts (`start`), after a page painted before it may have shown the route. */
	#facts = $state.raw({ userAgent: '', maxTouchPoints: 0 });

	readonly route: InstallRoute = $derived(
		installRoute({ ...this.#facts, standalone: this.#installed, canPrompt: this.#offer !== null })
	);

	constructor() {
		// Listen from the moment the app's code runs: Chromium may make its one offer before the first page has mounted.
		if (typeof window === 'undefined') return;
		addEventListener('beforeinstallprompt', (event) => {
			// Keep the offer for our own button instead of the browser's mini bar.
			event.preventDefault();
			this.#offer = event as BeforeInstallPromptEvent;
		});
		addEventListener('appinstalled', () => {
			this.#offer = null;
			this.#installed = true;
		});
	}

	start(): void {
		this.#facts = { userAgent: navigator.userAgent, maxTouchPoints: navigator.maxTouchPoints };
		const standalone = matchMedia('(display-mode: standalone)').matches;
		this.#installed ||= standalone || (navigator as { standalone?: boolean }).standalone === true;
	}

	/** Show the browser's install dialog; an offer can be used once. */
	async install(): Promise<void> {
		const offer = this.#offer;
		if (!offer) return;
		this.#offer = null;
		await offer.prompt();
		if ((await offer.userChoice).outcome === 'accepted') this.#installed = true;
	}

	async loadHint(db: ReportCardDb): Promise<void> {
		this.hintDismissed = (await getSetting(db, 'installHintDismissed')) === true;
	}

	/** Hide the hint; remembering it is a nicety, so a full disk only means it shows again next time. */
	async dismissHint(db: ReportCardDb): Promise<void> {
		this.hintDismissed = true;
		await setSetting(db, 'installHintDismissed', true).catch(() => undefined);
	}
}

class Persistence {
	/** Whether the browser keeps the app's data when space runs low; null where the browser cannot say. */
	persisted = $state<boolean | null>(null);
	usage = $state<{ used: number; quota: number } | null>(null);

	async start(): Promise<void> {
		if (!navigator.storage?.persisted) return;
		this.persisted = await navigator.storage.persisted().catch(() => null);
		// Chromium and Safari answer without asking (installed apps and engaged sites get it); Firefox asks once.
		if (this.persisted === false) await this.request();
		await this.measure();
	}

	async request(): Promise<void> {
		if (!navigator.storage?.persist) return;
		this.persisted = await navigator.storage.persist().catch(() => false);
	}

	async measure(): Promise<void> {
		const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
		if (estimate?.quota) this.usage = { used: estimate.usage ?? 0, quota: estimate.quota };
	}
}

export const connection = new Connection();
export const installation = new Installation();
export const persistence = new Persistence();

export function watchDevice(): void {
	connection.start();
	installation.start();
}
