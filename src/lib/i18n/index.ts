/** The typed i18n layer: every string the interface shows comes from here, `app.t.<area>.<message>`. */
import { LOCALES, type Locale } from './locales';
import { common } from './messages/common';
import { data } from './messages/data';
import { errors } from './messages/errors';
import { home } from './messages/home';
import { quiz } from './messages/quiz';
import { review } from './messages/review';

const areas = { common, data, errors, home, quiz, review };

export type Messages = { [Area in keyof typeof areas]: (typeof areas)[Area]['en'] };

function catalogue(locale: Locale): Messages {
	return Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as Messages;
}

export const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, catalogue(locale)])) as Record<
	Locale,
	Messages
>;

export { LOCALES, contentLanguage, isLocale, localeFromLanguages, type Locale } from './locales';

/** Percent in the locale's own style, kept in one place. */
export function formatPercent(locale: Locale, ratio: number): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A moment (epoch ms) as a date and time in the locale's own style. */
export function formatDateTime(locale: Locale, time: number): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}
