/** The web app manifest: what a phone needs to install the app, and that every file it names is really there. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'static/manifest.webmanifest'), 'utf8')) as {
	name: string;
	short_name: string;
	description: string;
	start_url: string;
	display: string;
	theme_color: string;
	background_color: string;
	icons: { src: string; sizes: string; type: string; purpose?: string }[];
	screenshots: { src: string; sizes: string; type: string; form_factor?: string; label?: string }[];
	shortcuts: { name: string; url: string; icons: { src: string }[] }[];
};

/** Width and height from a PNG's header (the IHDR chunk). */
function pngSize(path: string): string {
	const header = readFileSync(path).subarray(0, 24);
	expect(header.subarray(1, 4).toString()).toBe('PNG');
	return `${header.readUInt32BE(16)}x${header.readUInt32BE(20)}`;
}

describe('web app manifest', () => {
	it('names the app, its colours and how it opens', () => {
		expect(manifest.name.length).toBeGreaterThan(manifest.short_name.length);
		// Home screens cut short names at about 12 characters.
		expect(manifest.short_name.length).toBeLessThanOrEqual(12);
		expect(manifest.description).toMatch(/offline/);
		expect(manifest.display).toBe('standalone');
		expect(manifest.start_url).toBe('./');
		const html = readFileSync(join(root, 'src/app.html'), 'utf8');
		expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
		expect(readFileSync(join(root, 'src/app.css'), 'utf8')).toContain(`--bg: ${manifest.background_color};`);
	});

	it('has 192 and 512 px icons, a maskable one, each file the size it claims', () => {
		const png = manifest.icons.filter((icon) => icon.type === 'image/png');
		expect(png.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
			expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable'])
		);
		for (const icon of png) expect(pngSize(join(root, 'static', icon.src)), icon.src).toBe(icon.sizes);
		for (const icon of manifest.icons) expect(existsSync(join(root, 'static', icon.src)), icon.src).toBe(true);
	});

	it('has labelled phone screenshots of the sizes it claims', () => {
		expect(manifest.screenshots.length).toBeGreaterThanOrEqual(1);
		for (const shot of manifest.screenshots) {
			expect(shot.form_factor).toBe('narrow');
			expect(shot.label?.length, shot.src).toBeGreaterThan(10);
			expect(pngSize(join(root, 'static', shot.src)), shot.src).toBe(shot.sizes);
		}
	});

	it('offers shortcuts to review and the final exam, pages that exist', () => {
		expect(manifest.shortcuts.map((s) => s.url)).toEqual(['./review', './exam']);
		for (const shortcut of manifest.shortcuts) {
			expect(existsSync(join(root, 'src/routes', shortcut.url, '+page.svelte')), shortcut.url).toBe(true);
			for (const icon of shortcut.icons) expect(existsSync(join(root, 'static', icon.src))).toBe(true);
		}
	});
});
