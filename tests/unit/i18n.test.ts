/** Every message exists, non-empty, in every locale (TypeScript checks the shape; this checks the values); the language is chosen before the first paint by the same rule as the app. */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LOCALES, completeCatalogues, localeFromLanguages } from '../../src/lib/i18n';

const catalogues = await completeCatalogues();

function leaves(value: unknown, path = ''): [string, unknown][] {
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
	}
	return [[path, value]];
}

describe('i18n', () => {
	const reference = leaves(catalogues.en).map(([key]) => key);

	it('spells English one way, British as most of it already was (optimise, programme, centre, towards)', () => {
		const AMERICAN = /\b\w+(?:iz(?:e|es|ed|er|ing|ation))\b|\b(?:toward|color|behavior|center|program)\b/gi;
		// Words spelled so in British English too, and the HTTP header's name.
		const BRITISH_TOO = new Set(['size', 'sizes', 'sized', 'prize', 'seize', 'capsize', 'authorization']);
		const english = leaves(catalogues.en).flatMap(([key, value]) => {
			const text =
				typeof value === 'function' ? String((value as (...a: number[]) => unknown)(1, 2, 3)) : String(value);
			return (text.match(AMERICAN) ?? [])
				.filter((word) => !BRITISH_TOO.has(word.toLowerCase()))
				.map((w) => `${key}: ${w}`);
		});
		expect(english).toEqual([]);
	});

	it.each(LOCALES)('%s has every message, none empty', (locale) => {
		const entries = leaves(catalogues[locale]);
		expect(entries.map(([key]) => key)).toEqual(reference);
		for (const [key, value] of entries) {
			const text = typeof value === 'function' ? String((value as (...a: number[]) => unknown)(1, 2, 3)) : value;
			expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
		}
	});

	it('follows the browser: zh-* gets Chinese, anything else English', () => {
		expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-CN');
		expect(localeFromLanguages(['fr-FR', 'zh-CN'])).toBe('en');
		expect(localeFromLanguages([])).toBe('en');
	});
});

/**
 * app.html's script, run as a browser runs it before the first paint, in a page prerendered in English. With
 * `appNeverStarts`, every timer it set has run too: what shows when the app's own script never takes over.
 */
function languageBeforePaint(languages: string[], stored: string | null | Error, appNeverStarts = false) {
	const script = /<script>([\s\S]*?)<\/script>/.exec(readFileSync('src/app.html', 'utf8'))?.[1];
	if (!script) throw new Error('app.html has no inline script');
	const classes = new Set<string>();
	const root = {
		lang: 'en',
		classList: { add: (name: string) => classes.add(name), remove: (name: string) => classes.delete(name) }
	};
	const localStorage = {
		getItem: () => {
			if (stored instanceof Error) throw stored;
			return stored;
		}
	};
	const timers: (() => void)[] = [];
	const setTimeout = (run: () => void, delay: number) => {
		// The learner waits no longer than this for a page that is never relabelled.
		expect(delay).toBeLessThanOrEqual(3000);
		timers.push(run);
	};
	runInNewContext(script, { document: { documentElement: root }, navigator: { languages }, localStorage, setTimeout });
	if (appNeverStarts) for (const run of timers) run();
	return { lang: root.lang, hidden: classes.has('relabel') };
}

describe('the language before the first paint (app.html)', () => {
	it.each([[['zh-TW', 'en']], [['fr-FR', 'zh-CN']], [['ZH']], [[]], [['en-GB']]])(
		'follows the browser as the app does: %j',
		(languages) => {
			const locale = localeFromLanguages(languages);
			expect(languageBeforePaint(languages, null)).toEqual({ lang: locale, hidden: locale !== 'en' });
		}
	);

	it('takes the learner’s choice over the browser’s, and ignores a mirror it does not know', () => {
		expect(languageBeforePaint(['zh-CN'], 'en')).toEqual({ lang: 'en', hidden: false });
		expect(languageBeforePaint(['en'], 'zh-CN')).toEqual({ lang: 'zh-CN', hidden: true });
		expect(languageBeforePaint(['en'], 'klingon')).toEqual({ lang: 'en', hidden: false });
	});

	it('follows the browser when storage refuses to be read (some private windows)', () => {
		expect(languageBeforePaint(['zh-CN'], new Error('SecurityError'))).toEqual({ lang: 'zh-CN', hidden: true });
	});

	it('shows the page all the same when the app never starts, by a timer that reduced motion leaves alone', () => {
		expect(languageBeforePaint(['zh-CN'], null, true)).toEqual({ lang: 'zh-CN', hidden: false });
		expect(languageBeforePaint(['en'], 'zh-CN', true)).toEqual({ lang: 'zh-CN', hidden: false });
	});
});
