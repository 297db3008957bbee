import { it, expect } from 'vitest';
import { join } from 'node:path';
import { firstLoad } from './first-load';
it('list', () => {
	for (const p of ['index.html', 'review.html', 'stats.html', 'map.html']) {
		const r = firstLoad(join(import.meta.dirname, '../../build'), p);
		console.log(p, r.gzipTotal, r.files.map((f) => f.file.split('/').pop() + ':' + f.gzip).join(' '));
	}
	expect(1).toBe(1);
});
