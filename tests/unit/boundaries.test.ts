/**
 * The layer rules (eslint.boundaries.js) fail on an import that breaks them, with file and line, and let the imports
 * the layers are meant to make through. The real tree passing them is `npm run lint`'s job.
 */
import { Linter } from 'eslint';
import svelteParser from 'svelte-eslint-parser';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.boundaries.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
	{ files: ['**/*.ts'], languageOptions: { parser: ts.parser } },
	{ files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: ts.parser } } },
	{ plugins: { '@typescript-eslint': ts.plugin } },
	...boundaries
];

/** The boundary errors linting `code` as the file `path` gives, as "line: message". */
function errors(path: string, code: string): string[] {
	return linter
		.verify(code, config, { filename: path })
		.map((message) => `${message.line}: ${message.ruleId ?? message.message}`);
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('layer rules', () => {
	it.each([
		[
			'src/lib/components/Row.svelte',
			`<script lang="ts">\n\timport type { X } from '$lib/storage/overview';\n</script>`
		],
		['src/lib/components/cards/List.ts', `import { db } from '../../storage/db';`],
		[
			'src/routes/settings/+page.svelte',
			`<script lang="ts">\n\timport { storageProblem } from '$lib/storage/errors';\n</script>`
		],
		['src/lib/domain/stats/x.ts', `import { app } from '../../state/app.svelte';`],
		['src/lib/domain/x.ts', `import { Dexie } from 'dexie';`],
		['src/lib/domain/x.ts', `import { tick } from 'svelte';`],
		['src/lib/domain/x.ts', `import { catalogue } from '../i18n';`],
		['src/lib/storage/x.ts', `import type { HomeState } from '../state/home.svelte';`],
		['src/lib/state/x.svelte.ts', `import { Dexie } from 'dexie';`],
		['src/lib/state/x.svelte.ts', `import Row from '../components/ChapterRow.svelte';`],
		['src/lib/i18n/messages/x.ts', `import type { StorageProblem } from '../../storage/errors';`],
		['src/lib/workers/x.ts', `export { openStorage } from '../storage/open';`]
	])('refuse in %s: %s', (path, code) => {
		const found = errors(path, code);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(new RegExp(`^\\d+: ${RULE}$`));
	});

	it.each([
		[
			'src/lib/components/Row.svelte',
			`<script lang="ts">\n\timport type { X } from '$lib/domain/stats/overview';\n</script>`
		],
		['src/routes/+page.svelte', `<script lang="ts">\n\timport { HomeState } from '$lib/state/home.svelte';\n</script>`],
		['src/lib/state/x.svelte.ts', `import { homeOverview } from '../storage/overview';`],
		['src/lib/storage/x.ts', `import { Dexie } from 'dexie';\nimport { State } from '../domain/scheduling/memory';`],
		['src/lib/domain/x.ts', `import { LOCALES } from './locale';`],
		['src/lib/i18n/x.ts', `import type { StorageProblem } from '../domain/problems';`]
	])('let through in %s: %s', (path, code) => {
		expect(errors(path, code)).toEqual([]);
	});

	it('name the line of the import that breaks them', () => {
		const code = `import { a } from './a';\nimport { b } from '../domain/b';\nimport { c } from '../storage/c';\n`;
		expect(errors('src/lib/components/x.ts', code)).toEqual([`3: ${RULE}`]);
	});
});
