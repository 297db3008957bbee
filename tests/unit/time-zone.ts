/** Running tests in a named time zone: day boundaries must hold wherever the learner is, not only on a UTC machine. */
import { afterAll, beforeAll } from 'vitest';

/** Run the enclosing describe block's tests with the process in `zone`, restoring the machine's zone afterwards. */
export function inTimeZone(zone: string): void {
	let saved: string | undefined;
	beforeAll(() => {
		saved = process.env.TZ;
		process.env.TZ = zone;
	});
	afterAll(() => {
		if (saved === undefined) delete process.env.TZ;
		else process.env.TZ = saved;
	});
}

/** Epoch ms of a local wall-clock time in the current zone (month 1-12). */
export function local(year: number, month: number, day: number, hour = 12, minute = 0): number {
	return new Date(year, month - 1, day, hour, minute).getTime();
}
