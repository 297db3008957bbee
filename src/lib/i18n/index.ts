/** The typed i18n layer: every string the interface shows comes from here, `app.t.<area>.<message>`. */
import { LOCALES, type Locale } from './locales';
import { common } from './messages/common';
import { errors } from './messages/errors';
import { home } from './messages/home';
import { map } from './messages/map';
import { quiz } from './messages/quiz';
import { review } from './messages/review';
import { stats } from './messages/stats';

const areas = { common, errors, home, quiz, review, stats, map };

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
export function formatPercent(locale: Locale, ratio: number, fractionDigits = 0): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: fractionDigits }).format(ratio);
}
