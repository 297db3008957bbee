/**
 * The grounding check: what every card, question and summary paragraph says must be found in the paragraphs of the
 * report it cites. It catches a citation that points at the wrong paragraph, an item that draws on more paragraphs
 * than it cites, a fact the report does not state, a hedge the report makes and the deck drops, and a cloze gap a
 * learner cannot fill with the report's own words.
 */
import { normalizeTyped } from '../typing.ts';
import type { CompileResult } from './compile.ts';
import type { DeckProblem } from './errors.ts';
import type { SourceRef } from './model.ts';

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

const key = (ref: SourceRef) => `${ref.section}.${ref.paragraph}`;

/** Arabic figures: years, amounts, dates ("2030", "82", "2024/05/29"). */
const ARABIC_FIGURE = /\d+(?:[.,/:]\d+)*/g;
/**
 * Chinese figures with a unit or measure word ("三个月", "十倍", "千亿美元", "两家", "三类"). A run of 一 alone is
 * left out (一个, 一场 are articles), and so is an ordinal (第二个).
 */
const CHINESE_FIGURE =
	/(?<![第零〇一二两三四五六七八九十百千万亿])[零〇一二两三四五六七八九十百千万亿]*[二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*(?:个月|美元|倍|个|家|类|种|项|条|年|位|名|次|国|款|座)/g;
/** Names and words in Latin script inside a Chinese text ("MindSpore", "GPU", "910B"). */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*/g;

/**
 * The fact-bearing words of a Chinese text, found without the author's help: figures, words in Latin script, and the
 * deck's glossary terms. Each must be in a paragraph the item cites.
 */
export function factTerms(zh: string, glossary: readonly string[] = []): string[] {
	const found = [
		...(zh.match(ARABIC_FIGURE) ?? []),
		...(zh.match(CHINESE_FIGURE) ?? []),
		...(zh.match(LATIN_WORD) ?? []),
		...glossary.filter((term) => zh.includes(term))
	];
	return [...new Set(found)];
}

/**
 * Problems found: paragraph counts that disagree with the outline; terms, figures, names and glossary terms missing
 * from every cited paragraph; hedges dropped; cloze gaps not in the report's words.
 */
export function checkGrounding(reportText: string, compiled: CompileResult): DeckProblem[] {
	const paragraphs = splitReport(reportText, compiled.outline);
	return [
		...applyErrata(paragraphs, compiled),
		...checkOutline(paragraphs, compiled),
		...checkTerms(paragraphs, compiled),
		...compiled.glossary
			.filter((entry) => !reportText.includes(entry.zh))
			.map((entry) => ({ ...at(entry), message: `glossary term "${entry.zh}" is not in the report` })),
		...checkHedges(paragraphs, compiled),
		...checkClozeWording(paragraphs, compiled)
	];
}

/** Read each slip the deck declares as meant; a slip that is not where it is said to be is a problem. */
function applyErrata(paragraphs: Map<string, string>, compiled: CompileResult): DeckProblem[] {
	return compiled.errata.flatMap((erratum) => {
		const where = key(erratum.source);
		const text = paragraphs.get(where) ?? '';
		if (!text.includes(erratum.reads)) {
			return [{ ...at(erratum), message: `erratum: "${erratum.reads}" is not in paragraph ${where} of the report` }];
		}
		paragraphs.set(where, text.replace(erratum.reads, erratum.means));
		return [];
	});
}

function checkOutline(paragraphs: Map<string, string>, compiled: CompileResult): DeckProblem[] {
	return compiled.outline.flatMap((section) => {
		const found = [...paragraphs.keys()].filter((k) => k.startsWith(`${section.number}.`)).length;
		if (found === section.paragraphs) return [];
		const title = compiled.texts.find((t) => t.where === `section title ${section.number}`);
		return [
			{
				file: title?.file ?? 'deck.yaml',
				line: title?.line,
				message: `section ${section.number} declares ${section.paragraphs} paragraphs but the report has ${found}`
			}
		];
	});
}

/** The declared terms of each item, and the fact-bearing words of what it claims, are in a paragraph it cites. */
function checkTerms(paragraphs: Map<string, string>, compiled: CompileResult): DeckProblem[] {
	const problems: DeckProblem[] = [];
	const textsOf = groupBy(compiled.texts, (t) => t.item);
	const glossary = compiled.glossary.map((g) => g.zh);
	for (const item of compiled.grounding) {
		const refs = [item.source, ...item.alsoCites];
		const cited = refs.map((ref) => paragraphs.get(key(ref)) ?? '');
		const inCited = (term: string) => cited.some((text) => text.includes(term));
		const keys = refs.map(key).join(', ');
		for (const term of item.terms.filter((t) => !inCited(t))) {
			problems.push({ ...at(item), message: `${item.id}: term "${term}" is not in the cited paragraphs (${keys})` });
		}
		for (const text of textsOf.get(item.id) ?? []) {
			if (!text.claim) continue;
			const missing = factTerms(text.zh, glossary).filter((term) => !inCited(term) && !item.terms.includes(term));
			if (missing.length === 0) continue;
			problems.push({
				...at(text),
				message:
					`${text.where}: ${missing.map((m) => `"${m}"`).join(', ')} not in the cited paragraphs (${keys}); ` +
					'cite the paragraph that states it (alsoCites) or leave it out'
			});
		}
	}
	return problems;
}

/** A claim the report hedges keeps a hedge in both languages wherever an item citing that paragraph mentions it. */
function checkHedges(paragraphs: Map<string, string>, compiled: CompileResult): DeckProblem[] {
	const problems: DeckProblem[] = [];
	for (const hedge of compiled.hedges) {
		const where = key(hedge.source);
		if (!(paragraphs.get(where) ?? '').includes(hedge.marker)) {
			problems.push({ ...at(hedge), message: `hedge "${hedge.marker}" is not in paragraph ${where} of the report` });
		}
		const citing = new Set(
			compiled.grounding
				.filter((item) => [item.source, ...item.alsoCites].some((r) => key(r) === where))
				.map((i) => i.id)
		);
		const units = groupBy(
			compiled.texts.filter((t) => t.item && citing.has(t.item)),
			(t) => t.unit
		);
		for (const texts of units.values()) {
			const zh = texts.map((t) => t.zh).join('\n');
			const en = texts.map((t) => t.en).join('\n');
			const mentions =
				(hedge.anchors.zh ?? []).some((a) => zh.includes(a)) || (hedge.anchors.en ?? []).some((a) => hasWord(en, a));
			if (!mentions) continue;
			const lost = [
				...(hedge.zh.some((h) => zh.includes(h)) ? [] : [`zh (one of ${hedge.zh.join(', ')})`]),
				...(hedge.en.some((h) => hasWord(en, h)) ? [] : [`en (one of ${hedge.en.join(', ')})`])
			];
			const [first] = texts;
			if (lost.length > 0 && first) {
				problems.push({
					...at(first),
					message: `${first.where}: the report hedges this claim ("${hedge.marker}", ${where}); keep the hedge in ${lost.join(' and ')}`
				});
			}
		}
	}
	return problems;
}

/** A typed cloze answer is compared with the hidden words: in Chinese they must be the report's own words. */
function checkClozeWording(paragraphs: Map<string, string>, compiled: CompileResult): DeckProblem[] {
	const problems: DeckProblem[] = [];
	const items = new Map(compiled.grounding.map((item) => [item.id, item]));
	for (const card of compiled.deck.cards) {
		const item = items.get(card.noteId);
		if (card.kind !== 'cloze' || !card.answer || !item) continue;
		const within = [item.source, ...item.alsoCites].map((ref) => normalizeTyped(paragraphs.get(key(ref)) ?? ''));
		const paraphrased = card.answer.zh.split(' / ').filter((words) => {
			const typed = normalizeTyped(words);
			return !within.some((text) => text.includes(typed));
		});
		if (paraphrased.length > 0) {
			problems.push({
				...at(item),
				message: `${card.id}: the gap ${paraphrased.map((p) => `"${p}"`).join(', ')} is not worded as the cited paragraphs word it, so a learner who types the report's words is marked wrong`
			});
		}
	}
	return problems;
}

/** Where a problem is: the file and line of what it is about. */
function at(located: { file: string; line?: number }): { file: string; line?: number } {
	return { file: located.file, line: located.line };
}

/** A word or the start of one ("estimate" finds "estimated"), case-insensitive. */
export function hasWord(text: string, word: string): boolean {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, 'iu').test(text);
}

function groupBy<T, K>(values: readonly T[], keyOf: (value: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const value of values) {
		const k = keyOf(value);
		const group = groups.get(k);
		if (group) group.push(value);
		else groups.set(k, [value]);
	}
	return groups;
}
