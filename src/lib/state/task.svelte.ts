/**
 * One shape for async work in state: whether it runs, and the problem it ended in. A run never rejects: it ends in its
 * result or in `problem`, which the page shows with what to do, so a page can call it without a catch and never
 * waits forever on a failed read.
 */
import { untrack } from 'svelte';
import type { StorageProblem } from '../domain/problems';
import { storageProblem } from '../storage/errors';

export class Task<P = StorageProblem> {
	busy = $state(false);
	problem = $state.raw<P | null>(null);

	constructor(private readonly classify: (error: unknown) => P) {}

	/**
	 * Run `work` unless a run is under way (a second tap while saving does nothing). Returns what it returned, or
	 * undefined when it failed (then `problem` says why) or did not run.
	 *
	 * Untracked: a page's effect that starts a run must not depend on what the run reads and writes (`busy`, the
	 * settings its work reads), or the end of every run would start the next one, for as long as the page is open.
	 */
	run<T>(work: () => Promise<T>, classify: (error: unknown) => P = this.classify): Promise<T | undefined> {
		return untrack(() => this.#run(work, classify));
	}

	async #run<T>(work: () => Promise<T>, classify: (error: unknown) => P): Promise<T | undefined> {
		if (this.busy) return undefined;
		this.busy = true;
		this.problem = null;
		try {
			return await work();
		} catch (error) {
			this.problem = classify(error);
			return undefined;
		} finally {
			this.busy = false;
		}
	}

	dismiss(): void {
		this.problem = null;
	}
}

/** A task whose failures are the device storage's (a full disk, a second tab, a newer version). */
export function storageTask(): Task<StorageProblem> {
	return new Task(storageProblem);
}
