/** Axis scale for the charts: the top of the axis rounded up to 1, 2 or 5 times a power of ten, so it reads well. */
export function niceMax(max: number): number {
	if (max <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	const step = [1, 2, 5, 10].find((m) => m * power >= max) ?? 10;
	return step * power;
}
