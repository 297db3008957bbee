/**
 * Both languages everywhere: no words written into a component (they come from the i18n layer), the content-language
 * setting, and sizes formatted per locale.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/lib/i18n/format';
import { contentLanguages, normalizeSettings } from '../../src/lib/domain/settings';

const srcDir = join(import.meta.dirname, '../../src');
/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'value']);
const LETTER = /\p{L}/u;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		return entry.isDirectory() ? svelteFiles(path) : entry.name.endsWith('.svelte') ? [path] : [];
	});
}

interface Node {
	type?: string;
	name?: string;
	data?: string;
	nodes?: Node[];
	attributes?: Node[];
	value?: Node[] | boolean;
}

function isToggleInput(n: Node): boolean {
	return (n.attributes ?? []).some(
		(a) =>
			a.name === 'type' &&
			Array.isArray(a.value) &&
			a.value.some((part) => part.type === 'Text' && ['radio', 'checkbox'].includes(part.data ?? ''))
	);
}

/** Every piece of text written straight into the markup: text between tags and visible attribute values. */
function literalTexts(node: unknown, found: string[] = []): string[] {
	if (!node || typeof node !== 'object') return found;
	const n = node as Node;
	if (n.type === 'Fragment') {
		for (const child of n.nodes ?? [])
			if (child.type === 'Text' && LETTER.test(child.data ?? '')) found.push(child.data!);
	}
	for (const attribute of n.attributes ?? []) {
		if (attribute.type !== 'Attribute' || !VISIBLE_ATTRIBUTES.has(attribute.name ?? '')) continue;
		// A radio button's or checkbox's value is data sent with a form, never shown.
		if (attribute.name === 'value' && isToggleInput(n)) continue;
		for (const part of Array.isArray(attribute.value) ? attribute.value : []) {
			if (part.type === 'Text' && LETTER.test(part.data ?? '')) found.push(`${attribute.name}="${part.data}"`);
		}
	}
	for (const value of Object.values(n)) {
		if (Array.isArray(value)) for (const item of value) literalTexts(item, found);
		else if (value && typeof value === 'object') literalTexts(value, found);
	}
	return found;
}

describe('no text outside the i18n layer', () => {
	const files = svelteFiles(srcDir);

	it('finds the components', () => {
		expect(files.length).toBeGreaterThan(20);
	});

	it.each(files.map((file) => relative(srcDir, file)))('%s writes no words of its own', (file) => {
		const ast = parse(readFileSync(join(srcDir, file), 'utf8'), { modern: true });
		expect(literalTexts(ast.fragment)).toEqual([]);
	});

	it('would catch a word in the markup or in an aria-label', () => {
		const ast = parse('<p>{x}<button aria-label="Close">×</button> Hello</p>', { modern: true });
		expect(literalTexts(ast.fragment)).toEqual([' Hello', 'aria-label="Close"']);
	});
});

describe('content language', () => {
	it('follows the interface by default, or shows one language, or both with the interface language first', () => {
		expect(contentLanguages('interface', 'zh')).toEqual({ primary: 'zh', second: null });
		expect(contentLanguages('en', 'zh')).toEqual({ primary: 'en', second: null });
		expect(contentLanguages('zh', 'en')).toEqual({ primary: 'zh', second: null });
		expect(contentLanguages('both', 'en')).toEqual({ primary: 'en', second: 'zh' });
		expect(contentLanguages('both', 'zh')).toEqual({ primary: 'zh', second: 'en' });
	});

	it('is stored with the study settings, and an unknown stored value falls back to the interface language', () => {
		expect(normalizeSettings(undefined).contentLanguage).toBe('interface');
		expect(normalizeSettings({ contentLanguage: 'both' }).contentLanguage).toBe('both');
		expect(normalizeSettings({ contentLanguage: 'fr' as never }).contentLanguage).toBe('interface');
	});
});

describe('formatBytes', () => {
	it('picks a unit and writes it the way each locale does', () => {
		expect(formatBytes('en', 0)).toBe('0 bytes');
		expect(formatBytes('en', 2_400_000)).toBe('2.4 MB');
		expect(formatBytes('en', 1_234_000_000)).toBe('1.2 GB');
		expect(formatBytes('en', 350_000)).toBe('350 kB');
		expect(formatBytes('zh-CN', 2_400_000)).toBe('2.4 MB');
		expect(formatBytes('zh-CN', 12)).toBe('12字节');
	});
});
