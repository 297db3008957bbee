/**
 * Delimited text (CSV, tab-separated) as Anki, pandas and spreadsheets read and write it: a field that holds the
 * delimiter, a quote or a line break is wrapped in double quotes, with inner quotes doubled.
 */

export function formatRow(fields: readonly string[], delimiter: string): string {
	return fields.map((field) => quoteIfNeeded(field, delimiter)).join(delimiter);
}

function quoteIfNeeded(field: string, delimiter: string): string {
	const needsQuotes = field.includes(delimiter) || /["\r\n]/.test(field) || field.startsWith('#');
	return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

export interface Row {
	/** 1-based line in the text where the row starts, for messages. */
	line: number;
	fields: string[];
}

export interface ParsedRows {
	rows: Row[];
	/** The line of a quoted field that never closes (everything after it would be swallowed), if any. */
	unclosedQuoteLine?: number;
}

/**
 * Split text into rows. Blank lines and lines starting with `#` (Anki's header and comment lines) are skipped, as
 * Anki's own reader does. A quote only opens a quoted field at the start of the field.
 */
export function parseRows(text: string, delimiter: string): ParsedRows {
	const rows: Row[] = [];
	let line = 1;
	let i = 0;
	while (i < text.length) {
		const start = line;
		if (text[i] === '\n' || text[i] === '\r') {
			i = skipLineBreak(text, i);
			line++;
			continue;
		}
		if (text[i] === '#') {
			while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
			continue;
		}
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= text.length) return { rows, unclosedQuoteLine: start };
					if (text[i] === '"') {
						if (text[i + 1] !== '"') break;
						field += '"';
						i += 2;
						continue;
					}
					if (text[i] === '\n') line++;
					field += text[i++];
				}
				i++;
				// Text after the closing quote belongs to the same field, as lenient readers (and Anki's) take it.
			}
			while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
			fields.push(field);
			if (text[i] !== delimiter) break;
			i++;
		}
		rows.push({ line: start, fields });
		if (i < text.length) {
			i = skipLineBreak(text, i);
			line++;
		}
	}
	return { rows };
}

function skipLineBreak(text: string, i: number): number {
	return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}
