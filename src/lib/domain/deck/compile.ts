/**
 * Deck compiler: YAML sources -> validated, expanded `Deck`. Pure (takes file texts, not paths on disk), so the
 * Vite plugin, the content check and the unit tests all run the same code.
 */
import { LineCounter, parseDocument, isCollection, isNode, visit, type Document } from 'yaml';
import * as v from 'valibot';
import { localizedCloze, clozeBack, clozeGaps } from './cloze.ts';
import { DeckCompileError, type DeckProblem } from './errors.ts';
import type { Card, Chapter, Deck, Localized, Question, SourceRef } from './model.ts';
import {
	chapterSourceSchema,
	deckSourceSchema,
	glossarySourceSchema,
	hedgesSourceSchema,
	type CardSource,
	type ChapterSource,
	type DeckSource,
	type GlossarySource,
	type HedgesSource,
	type QuestionSource
} from './source-schema.ts';

export interface SourceFile {
	path: string;
	text: string;
}

export interface DeckSourceFiles {
	deck: SourceFile;
	chapters: SourceFile[];
	/** decks/<deck>/glossary.yaml, when the deck has one. */
	glossary?: SourceFile;
	/** decks/<deck>/hedges.yaml, when the deck has one. */
	hedges?: SourceFile;
}

/**
 * What the grounding check needs to know of each card note, question and summary paragraph: where it points and
 * what it relies on. Its texts are the `LearnerText`s whose `item` is this id.
 */
export interface GroundingItem {
	id: string;
	kind: 'card' | 'question' | 'summary';
	file: string;
	line?: number;
	source: SourceRef;
	alsoCites: SourceRef[];
	terms: string[];
}

/** One text a learner reads, in both languages, located in its source file for the content rules. */
export interface LearnerText {
	file: string;
	line?: number;
	/** Where an author finds it: "strategy-q-fund-size explanation", "summary 1.2", "title". */
	where: string;
	/** The grounding item it belongs to; absent for deck, chapter and section titles. */
	item?: string;
	/**
	 * What a learner reads together, for the hedge check: a card's sides, a question with its answers, an
	 * explanation, a summary paragraph.
	 */
	unit?: string;
	/** Part of what the item asserts; false for a wrong option and for the statement of a false true/false question. */
	claim: boolean;
	zh: string;
	en: string;
}

/** A glossary or hedge entry with the line it is written on. */
export type Located<T> = T & { file: string; line?: number };

export interface CompileResult {
	deck: Deck;
	/** The report outline with heading anchors, for splitting the report text into cited paragraphs. */
	outline: DeckSource['sections'];
	grounding: GroundingItem[];
	texts: LearnerText[];
	glossary: Located<GlossarySource['terms'][number]>[];
	hedges: Located<HedgesSource['hedges'][number]>[];
	errata: Located<NonNullable<DeckSource['errata']>[number]>[];
}

type Path = (string | number)[];

class ParsedFile {
	readonly lines = new LineCounter();
	readonly doc: Document;
	private readonly hasCollectionKeys: boolean;

	constructor(
		readonly file: SourceFile,
		private readonly problems: DeckProblem[]
	) {
		// logLevel 'error': the yaml library would print its warnings to the console; they are reported here instead.
		this.doc = parseDocument(file.text, { lineCounter: this.lines, prettyErrors: false, logLevel: 'error' });
		for (const error of [...this.doc.errors, ...this.doc.warnings]) {
			const offset = error.pos[0];
			problems.push({ file: file.path, line: this.lines.linePos(offset).line, message: error.message });
		}
		this.hasCollectionKeys = this.reportCollectionKeys();
	}

	/** A map or list used as a key (`{ kind: order }: …`) has no place in a deck: every key is a name. */
	private reportCollectionKeys(): boolean {
		let found = false;
		visit(this.doc, {
			Pair: (_, pair) => {
				if (!isCollection(pair.key)) return;
				const line = pair.key.range ? this.lines.linePos(pair.key.range[0]).line : undefined;
				this.problems.push({ file: this.file.path, line, message: 'a key must be a name, not a map or a list' });
				found = true;
			}
		});
		return found;
	}

	/** The line of the node at `path`, or of its nearest existing parent. */
	lineAt(path: Path): number | undefined {
		for (let depth = path.length; depth >= 0; depth--) {
			const node: unknown = this.doc.getIn(path.slice(0, depth), true);
			if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
		}
		return undefined;
	}

	report(path: Path, message: string): void {
		this.problems.push({ file: this.file.path, line: this.lineAt(path), message });
	}

	validate<S extends v.GenericSchema>(schema: S): v.InferOutput<S> | undefined {
		if (this.doc.errors.length > 0 || this.hasCollectionKeys) return undefined;
		let data: unknown;
		try {
			data = this.doc.toJS();
		} catch (error) {
			// toJS throws for aliases it cannot resolve: used before their anchor, or so many that the file would
			// expand without bound (a "billion laughs" file). Both are problems of the file, not crashes.
			this.report([], error instanceof Error ? error.message : String(error));
			return undefined;
		}
		const result = v.safeParse(schema, data);
		if (result.success) return result.output;
		for (const issue of result.issues) {
			const path = (issue.path ?? []).map((item) => item.key as string | number);
			const where = path.length > 0 ? `${path.join('.')}: ` : '';
			const message =
				issue.input === undefined
					? 'is missing'
					: issue.type === 'strict_object'
						? `unknown key ${JSON.stringify(issue.input)} (check its spelling and indentation)`
						: issue.message;
			this.report(path, `${where}${message}`);
		}
		return undefined;
	}
}

/** Compile one deck. Throws `DeckCompileError` listing every problem found, not just the first. */
export function compileDeck(files: DeckSourceFiles): CompileResult {
	const problems: DeckProblem[] = [];
	const deckFile = new ParsedFile(files.deck, problems);
	const deckSource = deckFile.validate(deckSourceSchema);
	const chapters = files.chapters.map((file) => {
		const parsed = new ParsedFile(file, problems);
		return { parsed, source: parsed.validate(chapterSourceSchema) };
	});
	const glossaryFile = files.glossary && new ParsedFile(files.glossary, problems);
	const glossarySource = glossaryFile?.validate(glossarySourceSchema);
	const hedgesFile = files.hedges && new ParsedFile(files.hedges, problems);
	const hedgesSource = hedgesFile?.validate(hedgesSourceSchema);
	const invalid = !deckSource || chapters.some((c) => !c.source);
	if (invalid || (glossaryFile && !glossarySource) || (hedgesFile && !hedgesSource)) {
		throw new DeckCompileError(problems);
	}

	const sections = new Map(deckSource.sections.map((s) => [s.number, s]));
	checkUniqueSections(deckFile, deckSource);
	const seenIds = new Map<string, string>();
	const claimId = (parsed: ParsedFile, path: Path, itemId: string) => {
		const owner = seenIds.get(itemId);
		if (owner) parsed.report(path, `id "${itemId}" is already used in ${owner}`);
		else seenIds.set(itemId, parsed.file.path);
	};

	const deck: Deck = {
		id: deckSource.id,
		title: deckSource.title,
		attribution: deckSource.attribution,
		...(deckSource.about ? { about: deckSource.about } : {}),
		sections: deckSource.sections.map(({ number, title, paragraphs }) => ({ number, title, paragraphs })),
		chapters: [],
		cards: [],
		questions: []
	};
	const grounding: GroundingItem[] = [];
	const texts: LearnerText[] = deckTexts(deckFile, deckSource);
	const glossary = glossaryFile && glossarySource ? locateGlossary(glossaryFile, glossarySource) : [];
	const hedges = hedgesFile && hedgesSource ? locateHedges(hedgesFile, hedgesSource, sections) : [];
	const sorted = chapters
		.map((c) => ({ parsed: c.parsed, source: c.source as ChapterSource }))
		.sort((a, b) => a.source.order - b.source.order);
	const orders = new Set<number>();

	for (const { parsed, source: chapter } of sorted) {
		claimId(parsed, ['id'], chapter.id);
		if (orders.has(chapter.order)) parsed.report(['order'], `order ${chapter.order} is used by another chapter`);
		orders.add(chapter.order);
		for (const [i, number] of chapter.sections.entries()) {
			if (!sections.has(number)) parsed.report(['sections', i], `section ${number} is not declared in deck.yaml`);
		}
		const citeCheck = (path: Path, ref: SourceRef) => {
			const section = sections.get(ref.section);
			if (!chapter.sections.includes(ref.section)) {
				parsed.report(path, `cites section ${ref.section}, which chapter "${chapter.id}" does not teach`);
			} else if (section && ref.paragraph > section.paragraphs) {
				parsed.report(path, `section ${ref.section} has ${section.paragraphs} paragraphs, not ${ref.paragraph}`);
			}
		};
		// Further citations may reach into any section of the report (an explanation that sets a fact beside another).
		const alsoCiteCheck = (path: Path, item: { source: SourceRef; alsoCites?: SourceRef[] }) => {
			const seen = new Set([refKey(item.source)]);
			item.alsoCites?.forEach((ref, j) => {
				const section = sections.get(ref.section);
				if (!section) parsed.report([...path, j], `section ${ref.section} is not declared in deck.yaml`);
				else if (ref.paragraph > section.paragraphs) {
					parsed.report(
						[...path, j],
						`section ${ref.section} has ${section.paragraphs} paragraphs, not ${ref.paragraph}`
					);
				}
				if (seen.has(refKey(ref))) parsed.report([...path, j], `paragraph ${refKey(ref)} is already cited`);
				seen.add(refKey(ref));
			});
		};

		checkSummaryCoverage(parsed, chapter, sections, citeCheck);
		deck.chapters.push(toChapter(deck.id, chapter, sections));
		texts.push(...chapterTexts(parsed, chapter));
		chapter.summary.forEach((entry, i) => {
			const id = summaryId(chapter, entry.source);
			const where = { file: parsed.file.path, line: parsed.lineAt(['summary', i]) };
			grounding.push({ id, kind: 'summary', ...where, source: entry.source, alsoCites: [], terms: [] });
		});

		const noteCards = new Map<string, string[]>();
		chapter.cards.forEach((note, i) => {
			claimId(parsed, ['cards', i, 'id'], note.id);
			citeCheck(['cards', i, 'source'], note.source);
			alsoCiteCheck(['cards', i, 'alsoCites'], note);
			grounding.push(groundingItem(parsed, ['cards', i], 'card', note));
			const cards = expandNote(parsed, ['cards', i], deck.id, chapter, note, deck.cards.length);
			// A basic card keeps its note's id; only the ids that expansion derives need claiming.
			for (const card of cards) if (card.id !== note.id) claimId(parsed, ['cards', i, 'id'], card.id);
			noteCards.set(
				note.id,
				cards.map((c) => c.id)
			);
			deck.cards.push(...cards);
		});

		chapter.questions.forEach((question, i) => {
			claimId(parsed, ['questions', i, 'id'], question.id);
			citeCheck(['questions', i, 'source'], question.source);
			alsoCiteCheck(['questions', i, 'alsoCites'], question);
			grounding.push(groundingItem(parsed, ['questions', i], 'question', question));
			checkQuestion(parsed, ['questions', i], question);
			const cards = question.cards.flatMap((ref, j) => {
				const ids = noteCards.get(ref) ?? (deck.cards.some((c) => c.id === ref) ? [ref] : undefined);
				if (!ids) parsed.report(['questions', i, 'cards', j], `no card or note "${ref}" in this chapter`);
				return ids ?? [];
			});
			deck.questions.push(toQuestion(deck.id, chapter.id, question, cards));
		});
	}
	if (problems.length > 0) throw new DeckCompileError(problems);
	const errata = (deckSource.errata ?? []).map((erratum, i) => ({
		...erratum,
		file: deckFile.file.path,
		line: deckFile.lineAt(['errata', i])
	}));
	return { deck, outline: deckSource.sections, grounding, texts, glossary, hedges, errata };
}

const refKey = (ref: SourceRef) => `${ref.section}.${ref.paragraph}`;

/** The grounding id of a summary paragraph, also how the content rules name it. */
export function summaryId(chapter: { id: string }, ref: SourceRef): string {
	return `${chapter.id} summary ${refKey(ref)}`;
}

function groundingItem(
	parsed: ParsedFile,
	path: Path,
	kind: GroundingItem['kind'],
	item: CardSource | QuestionSource
): GroundingItem {
	return {
		id: item.id,
		kind,
		file: parsed.file.path,
		line: parsed.lineAt([...path, 'id']),
		source: item.source,
		alsoCites: item.alsoCites ?? [],
		terms: item.terms
	};
}

/** The deck's own learner-facing texts: title, attribution, the note about the source, section titles. */
function deckTexts(parsed: ParsedFile, deck: DeckSource): LearnerText[] {
	const text = (path: Path, where: string, value: { zh: string; en: string }): LearnerText => ({
		file: parsed.file.path,
		line: parsed.lineAt(path),
		where,
		claim: false,
		zh: value.zh,
		en: value.en
	});
	return [
		text(['title'], 'title', deck.title),
		text(['attribution'], 'attribution', deck.attribution),
		...(deck.about ? [text(['about'], 'about', deck.about)] : []),
		...deck.sections.map((s, i) => text(['sections', i, 'title'], `section title ${s.number}`, s.title))
	];
}

/** Every learner-facing text of a chapter, each with its line and the item it belongs to. */
function chapterTexts(parsed: ParsedFile, chapter: ChapterSource): LearnerText[] {
	const texts: LearnerText[] = [];
	type Place = Pick<LearnerText, 'item' | 'unit'> & { claim?: boolean };
	const add = (path: Path, where: string, value: Localized, { item, unit, claim = true }: Place = {}) =>
		texts.push({
			file: parsed.file.path,
			line: parsed.lineAt(path),
			where,
			item,
			unit,
			claim,
			zh: value.zh,
			en: value.en
		});

	add(['title'], 'chapter title', chapter.title, { claim: false });
	chapter.summary.forEach((entry, i) => {
		const id = summaryId(chapter, entry.source);
		add(['summary', i], id, entry, { item: id, unit: id });
	});
	chapter.cards.forEach((note, i) => {
		// A card's sides are read together: one unit.
		const side = (field: string, value: Localized | undefined) => {
			if (value) add(['cards', i, field], `${note.id} ${field}`, value, { item: note.id, unit: note.id });
		};
		if (note.kind === 'cloze') {
			// The sentence as a learner reads it, without the gap marks.
			side('text', { zh: clozeBack(note.text.zh), en: clozeBack(note.text.en) });
			side('extra', note.extra);
		} else {
			side('front', note.front);
			side('back', note.back);
		}
	});
	chapter.questions.forEach((q, i) => {
		// The question is read with its answers; the explanation comes after, on its own.
		const asked = { item: q.id, unit: `${q.id} question` };
		const at = (...rest: Path) => ['questions', i, ...rest];
		add(at('prompt'), `${q.id} prompt`, q.prompt, { ...asked, claim: q.kind !== 'truefalse' || q.answer });
		add(at('explanation'), `${q.id} explanation`, q.explanation, { item: q.id, unit: `${q.id} explanation` });
		switch (q.kind) {
			case 'single':
			case 'multiple':
				q.options.forEach((o, j) =>
					add(at('options', j), `${q.id} options.${j}`, o, { ...asked, claim: o.correct ?? false })
				);
				break;
			case 'numeric':
				add(at('answer'), `${q.id} answer`, q.answer, asked);
				break;
			case 'order':
				q.items.forEach((item, j) => add(at('items', j), `${q.id} items.${j}`, item, asked));
				break;
			case 'match':
				q.pairs.forEach((pair, j) => {
					add(at('pairs', j, 'left'), `${q.id} pairs.${j}.left`, pair.left, asked);
					add(at('pairs', j, 'right'), `${q.id} pairs.${j}.right`, pair.right, asked);
				});
				break;
		}
	});
	return texts;
}

function locateGlossary(parsed: ParsedFile, glossary: GlossarySource): CompileResult['glossary'] {
	const seen = new Set<string>();
	return glossary.terms.map((entry, i) => {
		if (seen.has(entry.zh)) parsed.report(['terms', i, 'zh'], `"${entry.zh}" is already in the glossary`);
		seen.add(entry.zh);
		return { ...entry, file: parsed.file.path, line: parsed.lineAt(['terms', i]) };
	});
}

function locateHedges(
	parsed: ParsedFile,
	hedges: HedgesSource,
	sections: Map<number, DeckSource['sections'][number]>
): CompileResult['hedges'] {
	return hedges.hedges.map((entry, i) => {
		const section = sections.get(entry.source.section);
		if (!section || entry.source.paragraph > section.paragraphs) {
			parsed.report(['hedges', i, 'source'], `paragraph ${refKey(entry.source)} is not in the report outline`);
		}
		if (!entry.anchors.zh && !entry.anchors.en) parsed.report(['hedges', i, 'anchors'], 'name at least one anchor');
		return { ...entry, file: parsed.file.path, line: parsed.lineAt(['hedges', i]) };
	});
}

function checkUniqueSections(parsed: ParsedFile, deck: DeckSource): void {
	const numbers = new Set<number>();
	deck.sections.forEach((section, i) => {
		if (numbers.has(section.number))
			parsed.report(['sections', i, 'number'], `section ${section.number} is declared twice`);
		numbers.add(section.number);
	});
}

/** Every paragraph of the chapter's sections gets exactly one summary paragraph, so every citation can be opened. */
function checkSummaryCoverage(
	parsed: ParsedFile,
	chapter: ChapterSource,
	sections: Map<number, DeckSource['sections'][number]>,
	citeCheck: (path: Path, ref: SourceRef) => void
): void {
	const covered = new Set<string>();
	chapter.summary.forEach((entry, i) => {
		citeCheck(['summary', i, 'source'], entry.source);
		const key = `${entry.source.section}.${entry.source.paragraph}`;
		if (covered.has(key)) parsed.report(['summary', i, 'source'], `paragraph ${key} is summarised twice`);
		covered.add(key);
	});
	for (const number of chapter.sections) {
		const section = sections.get(number);
		for (let p = 1; p <= (section?.paragraphs ?? 0); p++) {
			if (!covered.has(`${number}.${p}`)) parsed.report(['summary'], `paragraph ${number}.${p} has no summary`);
		}
	}
}

function toChapter(
	deckId: string,
	chapter: ChapterSource,
	sections: Map<number, DeckSource['sections'][number]>
): Chapter {
	return {
		id: chapter.id,
		deckId,
		order: chapter.order,
		title: chapter.title,
		sections: chapter.sections,
		sectionTitles: chapter.sections.flatMap((number) => {
			const section = sections.get(number);
			return section ? [{ number, title: section.title }] : [];
		}),
		summary: chapter.summary.map(({ source, zh, en }) => ({ ...source, text: { zh, en } }))
	};
}

function expandNote(
	parsed: ParsedFile,
	path: Path,
	deckId: string,
	chapter: ChapterSource,
	note: CardSource,
	order: number
): Card[] {
	const base = {
		noteId: note.id,
		deckId,
		chapterId: chapter.id,
		order,
		kind: note.kind,
		source: note.source,
		...(note.alsoCites ? { alsoCites: note.alsoCites } : {})
	};
	switch (note.kind) {
		case 'basic':
			return [{ ...base, id: note.id, front: note.front, back: note.back }];
		case 'reversed':
			return [
				{ ...base, id: `${note.id}--forward`, front: note.front, back: note.back },
				{ ...base, id: `${note.id}--reverse`, order: order + 1, front: note.back, back: note.front }
			];
		case 'cloze': {
			const gaps = clozeGaps(note.text.zh);
			const enGaps = clozeGaps(note.text.en);
			if (gaps.length === 0) parsed.report([...path, 'text'], 'a cloze needs at least one gap such as {{c1::2030}}');
			if (gaps.join() !== enGaps.join()) {
				parsed.report([...path, 'text'], `gaps differ between zh (${gaps.join(', ')}) and en (${enGaps.join(', ')})`);
			}
			return gaps.map((gap, i) => {
				const { front, back, answer } = localizedCloze(note.text, gap);
				const withExtra = note.extra
					? { zh: `${back.zh}\n\n${note.extra.zh}`, en: `${back.en}\n\n${note.extra.en}` }
					: back;
				return { ...base, id: `${note.id}--c${gap}`, order: order + i, front, back: withExtra, answer };
			});
		}
	}
}

function checkQuestion(parsed: ParsedFile, path: Path, question: QuestionSource): void {
	if (question.kind !== 'single' && question.kind !== 'multiple') return;
	const correct = question.options.filter((o) => o.correct).length;
	if (question.kind === 'single' && correct !== 1) {
		parsed.report([...path, 'options'], `a single-choice question needs exactly one correct option, not ${correct}`);
	}
	if (question.kind === 'multiple' && correct < 1) {
		parsed.report([...path, 'options'], 'a multiple-select question needs at least one correct option');
	}
}

function toQuestion(deckId: string, chapterId: string, q: QuestionSource, cards: string[]): Question {
	const base = {
		id: q.id,
		deckId,
		chapterId,
		source: q.source,
		...(q.alsoCites ? { alsoCites: q.alsoCites } : {}),
		cards,
		prompt: q.prompt,
		explanation: q.explanation
	};
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return {
				...base,
				kind: q.kind,
				options: q.options.map(({ zh, en, correct }) => ({ text: { zh, en }, correct: correct ?? false }))
			};
		case 'truefalse':
			return { ...base, kind: q.kind, answer: q.answer };
		case 'numeric':
			return { ...base, kind: q.kind, value: q.value, unit: q.unit, accept: q.accept, answer: q.answer };
		case 'order':
			return { ...base, kind: q.kind, items: q.items };
		case 'match':
			return { ...base, kind: q.kind, pairs: q.pairs };
	}
}
