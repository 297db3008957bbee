/**
 * Reads deck sources from disk (Node only): decks/<deck>/deck.yaml, decks/<deck>/chapters/*.yaml, and the optional
 * decks/<deck>/glossary.yaml and decks/<deck>/hedges.yaml.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeckSourceFiles, SourceFile } from '../lib/domain/deck/compile.ts';

export function readDeckSources(decksDir: string): DeckSourceFiles[] {
	const read = (path: string): SourceFile => ({
		path: relative(join(decksDir, '..'), path),
		text: readFileSync(path, 'utf8')
	});
	return readdirSync(decksDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => join(decksDir, entry.name))
		.filter((dir) => existsSync(join(dir, 'deck.yaml')))
		.sort()
		.map((dir) => {
			const chaptersDir = join(dir, 'chapters');
			const chapterFiles = existsSync(chaptersDir)
				? readdirSync(chaptersDir)
						.filter((name) => /\.ya?ml$/.test(name))
						.sort()
				: [];
			const optional = (name: string) => (existsSync(join(dir, name)) ? read(join(dir, name)) : undefined);
			return {
				deck: read(join(dir, 'deck.yaml')),
				chapters: chapterFiles.map((name) => read(join(chaptersDir, name))),
				glossary: optional('glossary.yaml'),
				hedges: optional('hedges.yaml')
			};
		});
}
