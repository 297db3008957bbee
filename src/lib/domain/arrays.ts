/** The item at `index`, which the caller knows is there (a loop bound, a length checked before): fails loudly if not. */
export function itemAt<T>(items: readonly T[], index: number): T {
	const item = items[index];
	if (item === undefined) throw new RangeError(`No item at ${index} of ${items.length}`);
	return item;
}

/**
 * Strings in code-unit order, as IndexedDB orders string keys: ids sorted this way come in the order an index gives them,
 * on every device and in every locale (unlike localeCompare).
 */
export function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
