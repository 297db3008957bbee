/** Each message file holds one area of the interface in every locale, side by side for translators. */
import type { Locale } from '../domain/locale';

/** The English messages set the shape; every other locale must match it exactly (checked by TypeScript). */
export function defineMessages<T>(messages: { en: T } & Record<Exclude<Locale, 'en'>, NoInfer<T>>): Record<Locale, T> {
	return messages;
}

/** "1 card", "2 cards": English count phrases (Chinese needs no plural forms). */
export function plural(n: number, one: string, other: string): string {
	return `${n} ${n === 1 ? one : other}`;
}
