/** The interface languages and how a browser language maps onto them. */
import type { ContentLanguage } from './deck/model';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** zh-* gets Chinese, anything else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
	return languages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Which side of the bilingual deck content to show in a locale. */
export function contentLanguage(locale: Locale): ContentLanguage {
	return locale === 'zh-CN' ? 'zh' : 'en';
}

/** The language tag of a content language, for `lang` attributes (screen readers pick their voice from it). */
export function localeOf(language: ContentLanguage): Locale {
	return language === 'zh' ? 'zh-CN' : 'en';
}
