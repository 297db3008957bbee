/**
 * The layer rules, as lint errors with file and line (eslint.config.js takes them; tests/unit/boundaries.test.ts proves
 * they fail). Data flows one way: domain -> storage -> state -> components and routes.
 *
 * - domain: pure TypeScript. No storage, state, components, routes, workers, i18n, Svelte, SvelteKit or Dexie.
 * - storage: the database and what reads and writes it. No state, components, routes, i18n, Svelte or SvelteKit.
 * - i18n: messages and formatting. No storage, state, components, Dexie.
 * - state: runes classes. No components, routes, or Dexie itself (the storage modules hold it).
 * - components and routes: no storage and no Dexie; they go through state. (Types they need live in domain.)
 * - network: talks to the learner's WebDAV server (sync); domain and storage only, no state, components, Svelte or
 *   Dexie.
 * - workers: domain only.
 * Type-only imports count too: a component that needs a storage type means the type lives in the wrong place.
 */

/**
 * A regex matching an import of one of `layers`, by relative path or `$lib/` alias.
 * @param {...string} layers
 */
function layer(...layers) {
	return `(^|/|\\$lib/)(${layers.join('|')})(/|$)`;
}

const SVELTE = '^(svelte|svelte/.*|\\$app/.*|@sveltejs/.*)$';
const DEXIE = '^dexie$';

/** One block per folder: what its files may not import, and why. */
const RULES = [
	{
		files: ['src/lib/domain/**'],
		forbid: [layer('storage', 'state', 'components', 'workers', 'i18n', 'network'), '(^|/)routes/', SVELTE, DEXIE],
		why: 'domain code is pure: no storage, state, components, i18n, Svelte or Dexie (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/storage/**'],
		forbid: [layer('state', 'components', 'i18n'), '(^|/)routes/', SVELTE],
		why: 'storage knows the database and the domain only (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/i18n/**'],
		forbid: [layer('storage', 'state', 'components'), DEXIE],
		why: 'messages know the domain only (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/network/**'],
		forbid: [layer('state', 'components', 'i18n'), '(^|/)routes/', SVELTE, DEXIE],
		why: 'network code knows the domain and storage only (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/state/**'],
		forbid: [layer('components'), '(^|/)routes/', DEXIE],
		why: 'state calls storage, never Dexie, and knows no component (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/components/**', 'src/routes/**'],
		forbid: [layer('storage', 'network'), DEXIE],
		why: 'components and routes read state, never storage or Dexie; types they need live in domain (eslint.boundaries.js)'
	},
	{
		files: ['src/lib/workers/**'],
		forbid: [layer('storage', 'state', 'components', 'i18n'), SVELTE, DEXIE],
		why: 'a worker runs domain code only (eslint.boundaries.js)'
	}
];

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = RULES.map(({ files, forbid, why }) => ({
	files,
	rules: {
		'@typescript-eslint/no-restricted-imports': [
			'error',
			{ patterns: forbid.map((regex) => ({ regex, message: why })) }
		]
	}
}));
