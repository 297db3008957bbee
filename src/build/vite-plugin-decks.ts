/**
 * Compiles deck sources at build time into two virtual modules:
 * - `virtual:reportcard/decks-version`: the content hash, tiny, in the first-load bundle;
 * - `virtual:reportcard/decks-credits`: each deck's title and credit, tiny, for the home screen (the full decks are
 *   loaded only when content changes, so they cannot name the report);
 * - `virtual:reportcard/decks`: the full compiled decks, a lazily imported chunk that the service worker precaches
 *   and content sync loads only when the version changed.
 * A broken deck source fails the build with file:line: reason.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { compileDeck } from '../lib/domain/deck/compile.ts';
import type { CompiledDecks } from '../lib/domain/deck/model.ts';
import { readDeckSources } from './deck-files.ts';

const VERSION_ID = 'virtual:reportcard/decks-version';
const DECKS_ID = 'virtual:reportcard/decks';
const CREDITS_ID = 'virtual:reportcard/decks-credits';
const IDS = [VERSION_ID, DECKS_ID, CREDITS_ID];

export function compileAllDecks(decksDir: string): CompiledDecks {
	const decks = readDeckSources(decksDir).map((files) => compileDeck(files).deck);
	const version = createHash('sha256').update(JSON.stringify(decks)).digest('hex').slice(0, 16);
	return { version, decks };
}

export function decksPlugin(root: string = process.cwd()): Plugin {
	const decksDir = join(root, 'decks');
	return {
		name: 'reportcard-decks',
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
			const compiled = compileAllDecks(decksDir);
			if (id === `\0${VERSION_ID}`) return `export default ${JSON.stringify(compiled.version)};`;
			if (id === `\0${CREDITS_ID}`) {
				const credits = compiled.decks.map(({ id, title, attribution }) => ({ id, title, attribution }));
				return `export default ${JSON.stringify(credits)};`;
			}
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
		}
	};
}
