/**
 * Service worker registration with a waiting update: a new version never reloads the page by itself; the learner
 * takes it from the home screen, between sessions. When another tab takes it, this one (perhaps mid-review) carries
 * on and offers the reload on its own home screen.
 */

/** An installed app can stay open for days without a navigation, which is when browsers look for a new version. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

class UpdateState {
	available = $state(false);
	#apply: ((reload?: boolean) => Promise<void>) | null = null;
	/** The learner asked for the update in this tab: reload as soon as the new version is in control. */
	#applying = false;
	/** The new version already took control (another tab asked for it): a reload is all that is left to do. */
	#tookOver = false;

	async start(): Promise<void> {
		if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
		const { registerSW } = await import('virtual:pwa-register');
		this.#apply = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.available = true),
			onNeedReload: () => {
				if (this.#applying) {
					location.reload();
					return;
				}
				this.#tookOver = true;
				this.available = true;
			},
			onRegisteredSW: (_url, registration) => {
				// Offline the check fails; the next one tries again.
				if (registration) setInterval(() => void registration.update().catch(() => undefined), CHECK_EVERY_MS);
			}
		});
	}

	async apply(): Promise<void> {
		this.available = false;
		this.#applying = true;
		if (this.#tookOver) location.reload();
		else await this.#apply?.(true);
	}

	dismiss(): void {
		this.available = false;
	}
}

export const updates = new UpdateState();
