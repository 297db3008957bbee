/** The typed i18n layer: every string the interface shows comes from here, `app.t.<area>.<message>`. */
import { LOCALES, type Locale } from '../domain/locale';
import { cards } from './messages/cards';
import { common } from './messages/common';
import { device } from './messages/device';
import { errors } from './messages/errors';
import { home } from './messages/home';
import { quiz } from './messages/quiz';
import { review } from './messages/review';

/** Areas any page may show, in the first load. */
const coreAreas = { cards, common, device, errors, home, quiz, review };
/** Large areas only one page shows: loaded with that page (its +page.ts), so the first load stays within budget. */
const pageAreas = {
	data: () => import('./messages/data').then((module) => module.data),
	map: () => import('./messages/map').then((module) => module.map),
	settings: () => import('./messages/settings').then((module) => module.settings),
	stats: () => import('./messages/stats').then((module) => module.stats),
	sync: () => import('./messages/sync').then((module) => module.sync)
};

export type PageArea = keyof typeof pageAreas;
type CoreMessages = { [Area in keyof typeof coreAreas]: (typeof coreAreas)[Area]['en'] };
type PageMessages = { [Area in PageArea]: Awaited<ReturnType<(typeof pageAreas)[Area]>>['en'] };
export type Messages = CoreMessages & PageMessages;

const loaded: Partial<{ [Area in PageArea]: Record<Locale, PageMessages[Area]> }> = {};

/** Load page areas once; afterwards `catalogue` includes them. */
export async function loadPageAreas(...names: PageArea[]): Promise<void> {
	await Promise.all(
		names.map(async (name) => {
			loaded[name] ??= (await pageAreas[name]()) as never;
		})
	);
}

/**
 * The messages of a locale: the core areas, and the page areas loaded so far (a page area is read only by its own
 * page, which loads it before it renders).
 */
export function catalogue(locale: Locale): Messages {
	const areas = { ...coreAreas, ...loaded } as Record<string, Record<Locale, unknown>>;
	return Object.fromEntries(Object.entries(areas).map(([name, area]) => [name, area[locale]])) as Messages;
}

/** Every area, for checks that every message exists in every locale. */
export async function completeCatalogues(): Promise<Record<Locale, Messages>> {
	await loadPageAreas(...(Object.keys(pageAreas) as PageArea[]));
	return Object.fromEntries(LOCALES.map((locale) => [locale, catalogue(locale)])) as Record<Locale, Messages>;
}

export { LOCALES, contentLanguage, isLocale, localeFromLanguages, localeOf, type Locale } from '../domain/locale';
export * from './format';
