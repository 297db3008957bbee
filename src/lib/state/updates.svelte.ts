/**
 * Service worker registration with a waiting update: a new version never reloads the page by itself; the learner
 * takes it from the home screen, between sessions.
 */
class UpdateState {
	available = $state(false);
	#apply: ((reload?: boolean) => Promise<void>) | null = null;

	async start(): Promise<void> {
		if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
		const { registerSW } = await import('virtual:pwa-register');
		this.#apply = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.available = true)
		});
	}

	async apply(): Promise<void> {
		this.available = false;
		await this.#apply?.(true);
	}

	dismiss(): void {
		this.available = false;
	}
}

export const updates = new UpdateState();
