/**
 * Compiles deck sources at build time into:
 * - `virtual:reportcard/decks-version`: the content hash and the address of the compiled decks, tiny, in the
 *   first-load bundle;
 * - `virtual:reportcard/decks-outline`: each deck's title, credit and chapter titles, small, so the home screen paints
 *   them from prerendered HTML (the full decks are downloaded only when content changes);
 * - the compiled decks as JSON data (not code: nothing to parse as script), at an address named by their hash, which
 *   the service worker precaches and content sync fetches only when the version changed.
 * A broken deck source fails the build with file:line: reason.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileDeck } from '../lib/domain/deck/compile.ts';
import type { CompiledDecks } from '../lib/domain/deck/model.ts';
import { readDeckSources } from './deck-files.ts';

const VERSION_ID = 'virtual:reportcard/decks-version';
const OUTLINE_ID = 'virtual:reportcard/decks-outline';
const IDS = [VERSION_ID, OUTLINE_ID];

export function compileAllDecks(decksDir: string): CompiledDecks {
	const decks = readDeckSources(decksDir).map((files) => compileDeck(files).deck);
	const version = createHash('sha256').update(JSON.stringify(decks)).digest('hex').slice(0, 16);
	return { version, decks };
}

/** Under SvelteKit's immutable directory: a new version is a new file, so it may be cached for ever. */
function decksFile(version: string): string {
	return `_app/immutable/decks/${version}.json`;
}

export function decksPlugin(root: string = process.cwd()): Plugin {
	const decksDir = join(root, 'decks');
	let compiled: CompiledDecks | undefined;
	return {
		name: 'reportcard-decks',
		buildStart() {
			compiled = undefined;
		},
		resolveId(id) {
			return IDS.includes(id) ? `\0${id}` : undefined;
		},
		load(id) {
			if (!IDS.some((known) => id === `\0${known}`)) return undefined;
			this.addWatchFile(decksDir);
			for (const files of readDeckSources(decksDir)) {
				this.addWatchFile(join(root, files.deck.path));
				for (const file of [...files.chapters, files.glossary, files.hedges]) {
					if (file) this.addWatchFile(join(root, file.path));
				}
			}
			compiled = compileAllDecks(decksDir);
			if (id === `\0${OUTLINE_ID}`) {
				const outline = compiled.decks.map(({ id, title, attribution, chapters }) => ({
					id,
					title,
					attribution,
					chapters: chapters.map(({ id, deckId, order, title }) => ({ id, deckId, order, title }))
				}));
				return `export default ${JSON.stringify(outline)};`;
			}
			return [
				`export default ${JSON.stringify(compiled.version)};`,
				`export const decksUrl = ${JSON.stringify(`/${decksFile(compiled.version)}`)};`
			].join('\n');
		},
		generateBundle() {
			// Only the browser's build ships files; the server build (prerendering) and the service worker's need none.
			if (!compiled || this.environment.name !== 'client') return;
			this.emitFile({ type: 'asset', fileName: decksFile(compiled.version), source: JSON.stringify(compiled) });
		},
		configureServer(server) {
			// `vite dev` has no bundle: the decks are compiled on each request, so an edited deck shows on reload.
			server.middlewares.use((request, response, next) => {
				if (!request.url?.startsWith('/_app/immutable/decks/')) return next();
				response.setHeader('Content-Type', 'application/json');
				response.end(JSON.stringify(compileAllDecks(decksDir)));
			});
		}
	};
}
