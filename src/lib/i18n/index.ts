/** The typed i18n layer: every string the interface shows comes from here, `app.t.<area>.<message>`. */
import { LOCALES, type Locale } from './locales';
import { cards } from './messages/cards';
import { common } from './messages/common';
import { device } from './messages/device';
import { errors } from './messages/errors';
import { home } from './messages/home';
import { quiz } from './messages/quiz';
import { review } from './messages/review';
import { settings } from './messages/settings';

const areas = { cards, common, device, errors, home, quiz, review, settings };

export type Messages = { [Area in keyof typeof areas]: (typeof areas)[Area]['en'] };

function catalogue(locale: Locale): Messages {
	return Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as Messages;
}

export const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, catalogue(locale)])) as Record<
	Locale,
	Messages
>;

export { LOCALES, contentLanguage, isLocale, localeFromLanguages, localeOf, type Locale } from './locales';
export * from './format';
