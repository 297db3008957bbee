/**
 * The grounding check: every card and question names the terms or figures it relies on, and each must appear in a
 * paragraph of the report it cites (its `source` or one of its `alsoCites`). It catches a citation that points at the
 * wrong paragraph and a fact the report does not state.
 */
import type { CompileResult } from './compile.ts';
import type { DeckProblem } from './errors.ts';

/** Report paragraphs keyed "section.paragraph". A paragraph is a non-empty line; headings start sections. */
export function splitReport(reportText: string, outline: CompileResult['outline']): Map<string, string> {
	const headed = outline.filter((s) => s.heading);
	const paragraphs = new Map<string, string>();
	let section = outline.find((s) => !s.heading)?.number ?? 0;
	let paragraph = 0;
	for (const raw of reportText.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) continue;
		const heading = headed.find((s) => s.heading && line.startsWith(s.heading));
		if (heading) {
			section = heading.number;
			paragraph = 0;
			continue;
		}
		paragraph++;
		paragraphs.set(`${section}.${paragraph}`, line);
	}
	return paragraphs;
}

/** Problems found: paragraph counts that disagree with the outline, and terms missing from the cited paragraph. */
export function checkGrounding(reportText: string, compiled: CompileResult): DeckProblem[] {
	const paragraphs = splitReport(reportText, compiled.outline);
	const problems: DeckProblem[] = [];
	for (const section of compiled.outline) {
		const found = [...paragraphs.keys()].filter((key) => key.startsWith(`${section.number}.`)).length;
		if (found !== section.paragraphs) {
			problems.push({
				file: 'deck.yaml',
				message: `section ${section.number} declares ${section.paragraphs} paragraphs but the report has ${found}`
			});
		}
	}
	for (const item of compiled.grounding) {
		const cited = [item.source, ...item.alsoCites].map((ref) => `${ref.section}.${ref.paragraph}`);
		for (const term of item.terms) {
			if (!cited.some((key) => paragraphs.get(key)?.includes(term))) {
				problems.push({
					file: item.file,
					line: item.line,
					message: `${item.id}: term "${term}" is not in the cited paragraphs (${cited.join(', ')})`
				});
			}
		}
	}
	return problems;
}
