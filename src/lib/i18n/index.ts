/** The typed i18n layer: every string the interface shows comes from here. */
import { en, type Messages } from './en';
import type { Locale } from './locales';
import { zhCN } from './zh-CN';

export type { Messages };
export { LOCALES, contentLanguage, isLocale, localeFromLanguages, type Locale } from './locales';

export const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

/** Percent in the locale's own style: "80%" in both, but kept in one place. */
export function formatPercent(locale: Locale, ratio: number): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
