/**
 * Shows a long page's sections one task at a time, in page order: each step comes in a task of its own, so building
 * the page never holds a phone's main thread for long (a tap waits for the task in progress, and Lighthouse counts
 * every task over 50 ms as blocking). Sections only ever appear below those already shown, so nothing moves.
 */
export class StagedReveal {
	shown = $state(1);

	/** Call from an effect once the first stage is on screen; returns the cleanup that cancels a pending step. */
	step(stages: number): (() => void) | undefined {
		if (this.shown >= stages) return undefined;
		const timer = setTimeout(() => this.shown++, 0);
		return () => clearTimeout(timer);
	}

	has(stage: number): boolean {
		return this.shown >= stage;
	}
}
