/** The item at `index`, which the caller knows is there (a loop bound, a length checked before): fails loudly if not. */
export function itemAt<T>(items: readonly T[], index: number): T {
	const item = items[index];
	if (item === undefined) throw new RangeError(`No item at ${index} of ${items.length}`);
	return item;
}
