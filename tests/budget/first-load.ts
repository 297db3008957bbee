/**
 * First-load JavaScript of a built page: the scripts its HTML loads plus everything they import statically, gzipped.
 * Dynamic imports (deck content, the service worker registration) load later and are not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

export interface FirstLoad {
	page: string;
	files: { file: string; gzip: number }[];
	gzipTotal: number;
}

export function firstLoad(buildDir: string, page: string): FirstLoad {
	const html = readFileSync(join(buildDir, page), 'utf8');
	const entries = [
		...[...html.matchAll(/<link\b[^>]*>/g)]
			.map((m) => m[0])
			.filter((tag) => tag.includes('rel="modulepreload"'))
			.map((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? ''),
		...[...html.matchAll(/import\(["']([^"']+\.js)["']\)/g)].map((m) => m[1] ?? '')
	].map((href) => (href.startsWith('/') ? join(buildDir, href) : resolve(buildDir, dirname(page), href)));
	const seen = new Set<string>();
	const queue = [...entries];
	while (queue.length > 0) {
		const file = queue.pop() as string;
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		for (const match of code.matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), match[1]!));
	}
	const files = [...seen]
		.map((file) => ({ file: relative(buildDir, file), gzip: gzipSync(readFileSync(file), { level: 9 }).length }))
		.sort((a, b) => b.gzip - a.gzip);
	return { page, files, gzipTotal: files.reduce((sum, f) => sum + f.gzip, 0) };
}
