/**
 * Anki's plain-text note format, both ways: what Anki's "Notes in Plain Text" export writes and its text importer
 * reads (rslib/src/import_export/text/csv in Anki): `#key:value` header lines first (separator, html, deck, and
 * which columns hold the guid, deck, note type and tags), then one note per row, fields in order.
 *
 * .apkg is left out on purpose: it is a zip holding an SQLite collection, so writing one needs a zip writer and an
 * SQLite engine (sql.js, about 1 MB of WebAssembly) for a file Anki imports no better than this text.
 */
import { formatRow, parseRows } from './delimited';

/** Longest field accepted, in characters: far above any real card, far below what would slow the app down. */
export const MAX_FIELD_LENGTH = 10_000;
/** Most notes one imported deck may hold. */
export const MAX_NOTES = 5_000;
export const MAX_DECK_FILE_BYTES = 5 * 1024 * 1024;

export interface AnkiNote {
	/** Stable across exports, so importing the file again into Anki updates its notes instead of duplicating them. */
	guid: string;
	deck: string;
	front: string;
	back: string;
	tags: string[];
}

/** A tab-separated file Anki imports as Basic notes: guid, deck, front, back, tags. */
export function ankiText(notes: readonly AnkiNote[]): string {
	const header = ['#separator:tab', '#html:false', '#guid column:1', '#deck column:2', '#tags column:5'];
	const rows = notes.map((note) =>
		formatRow([note.guid, note.deck, note.front, note.back, note.tags.map(tagSafe).join(' ')], '\t')
	);
	return [...header, ...rows].join('\n') + '\n';
}

/** Anki separates tags with spaces; anything else a tag can hold. */
function tagSafe(tag: string): string {
	return tag.replace(/\s+/g, '_');
}

export interface ImportedNote {
	line: number;
	/** What identifies the note across imports: its guid when the file has one, else its front. */
	key: string;
	front: string;
	back: string;
}

export interface ParsedDeckText {
	/** From the `#deck:` header, else from the file name. */
	name: string;
	notes: ImportedNote[];
}

export type DeckTextProblem =
	| { kind: 'empty' }
	| { kind: 'tooLarge'; limit: number }
	| { kind: 'notText' }
	| { kind: 'separator'; value: string }
	| { kind: 'noNotes' }
	| { kind: 'tooMany'; count: number; limit: number }
	| { kind: 'unclosedQuote'; line: number }
	| { kind: 'noBack'; line: number }
	| { kind: 'emptyFront'; line: number }
	| { kind: 'tooLong'; line: number; length: number; limit: number }
	| { kind: 'duplicate'; line: number; firstLine: number };

/** The file cannot become a deck; `problems` says every reason found (the UI shows the first few). */
export class DeckTextError extends Error {
	constructor(readonly problems: DeckTextProblem[]) {
		super(`Deck file rejected: ${problems.map((p) => p.kind).join(', ')}`);
		this.name = 'DeckTextError';
	}
}

const SEPARATORS: Record<string, string> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	pipe: '|',
	colon: ':',
	space: ' '
};

interface Header {
	separator: string;
	html: boolean;
	deck?: string;
	/** 1-based columns that hold note metadata rather than fields. */
	guidColumn?: number;
	metaColumns: Set<number>;
}

export function parseAnkiText(text: string, fileName: string): ParsedDeckText {
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new DeckTextError([{ kind: 'empty' }]);
	if (text.length > MAX_DECK_FILE_BYTES) throw new DeckTextError([{ kind: 'tooLarge', limit: MAX_DECK_FILE_BYTES }]);
	if (looksBinary(text)) throw new DeckTextError([{ kind: 'notText' }]);
	const header = readHeader(text);
	const { rows, unclosedQuoteLine } = parseRows(text, header.separator);
	const problems: DeckTextProblem[] = [];
	if (unclosedQuoteLine !== undefined) problems.push({ kind: 'unclosedQuote', line: unclosedQuoteLine });
	if (rows.length > MAX_NOTES) throw new DeckTextError([{ kind: 'tooMany', count: rows.length, limit: MAX_NOTES }]);

	const notes: ImportedNote[] = [];
	const seen = new Map<string, number>();
	for (const { line, fields: all } of rows) {
		const fields = all
			.filter((_, i) => !header.metaColumns.has(i + 1))
			.map((field) => (header.html ? htmlToText(field) : field).trim());
		const [front = '', ...rest] = fields;
		const back = rest.filter((field) => field !== '').join('\n');
		const longest = Math.max(...all.map((field) => field.length));
		if (longest > MAX_FIELD_LENGTH) {
			problems.push({ kind: 'tooLong', line, length: longest, limit: MAX_FIELD_LENGTH });
			continue;
		}
		if (front === '') {
			problems.push({ kind: 'emptyFront', line });
			continue;
		}
		if (rest.length === 0) {
			problems.push({ kind: 'noBack', line });
			continue;
		}
		const guid = header.guidColumn ? all[header.guidColumn - 1]?.trim() : undefined;
		const key = guid || front;
		const firstLine = seen.get(key);
		if (firstLine !== undefined) {
			problems.push({ kind: 'duplicate', line, firstLine });
			continue;
		}
		seen.set(key, line);
		notes.push({ line, key, front, back });
	}
	if (problems.length > 0) throw new DeckTextError(problems);
	if (notes.length === 0) throw new DeckTextError([{ kind: 'noNotes' }]);
	return { name: header.deck || deckNameFromFile(fileName), notes };
}

function readHeader(text: string): Header {
	const header: Header = { separator: '\t', html: false, metaColumns: new Set() };
	for (const line of text.split(/\r?\n/)) {
		if (!line.startsWith('#')) break;
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(1, colon).trim().toLowerCase();
		const value = line.slice(colon + 1);
		const column = Number.parseInt(value.trim(), 10);
		switch (key) {
			case 'separator': {
				const separator = SEPARATORS[value.trim().toLowerCase()] ?? (value.length === 1 ? value : undefined);
				if (!separator || separator === '"' || separator === '\n' || separator === '\r') {
					throw new DeckTextError([{ kind: 'separator', value: value.slice(0, 20) }]);
				}
				header.separator = separator;
				break;
			}
			case 'html':
				header.html = value.trim().toLowerCase() === 'true';
				break;
			case 'deck':
				header.deck = value.trim();
				break;
			case 'guid column':
				if (column > 0) header.guidColumn = column;
				if (column > 0) header.metaColumns.add(column);
				break;
			case 'deck column':
			case 'notetype column':
			case 'tags column':
				if (column > 0) header.metaColumns.add(column);
				break;
		}
	}
	return header;
}

/** A file that is not text (an image, a zip such as .apkg) decodes to NULs and replacement characters. */
function looksBinary(text: string): boolean {
	const sample = text.slice(0, 4096);
	let odd = 0;
	for (let i = 0; i < sample.length; i++) {
		const code = sample.charCodeAt(i);
		if (code === 0 || code === 0xfffd) odd++;
	}
	return odd > 0 && odd >= sample.length / 100;
}

function deckNameFromFile(fileName: string): string {
	return fileName.replace(/\.[^.]*$/, '').trim() || fileName;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Anki fields with HTML, reduced to the text a learner saw: line breaks kept, markup dropped, entities decoded. */
export function htmlToText(html: string): string {
	return html
		.replace(/<br\s*\/?>|<(?:div|p|li)(?:\s[^>]*)?>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
			if (name.startsWith('#')) {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
			}
			return ENTITIES[name.toLowerCase()] ?? entity;
		});
}
