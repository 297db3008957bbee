/**
 * The content rules that need no report text: a quiz that can be passed by guessing, what a learner should not be
 * shown, the one English rendering of each term, and items that repeat each other. Each problem names file and line.
 */
import { itemAt } from '../arrays';
import type { CompileResult, GroundingItem, LearnerText } from './compile.ts';
import type { DeckProblem } from './errors.ts';
import type { Card, ChoiceQuestion, Question } from './model.ts';

/** The share of true/false questions whose answer is "true", per deck: outside it, always guessing one side pays. */
export const TRUE_SHARE = { min: 0.35, max: 0.65 } as const;
/** At most this share of single-choice questions may have the right option strictly the longest in both languages. */
export const MAX_LONGEST_RIGHT_SHARE = 0.3;
/** Two prompts this alike (Dice coefficient of their character pairs) with the same answer ask one thing twice. */
export const SAME_PROMPT = 0.5;
/**
 * One item's answer is in the other's prompt and the other's answer is this much like the first one's prompt: the
 * same fact asked the other way round (a "reversed" copy written as a second card).
 */
export const TURNED_ROUND = 0.2;
/** Two true/false statements this alike are one statement twice. */
export const SAME_STATEMENT = 0.7;

/** Every rule; an empty list means the deck passes. */
export function checkContent(compiled: CompileResult): DeckProblem[] {
	return [
		...checkNoSectionNumbers(compiled.texts),
		...checkEnglishHasNoHan(compiled),
		...checkGlossary(compiled),
		...checkTrueFalseBalance(compiled),
		...checkLongestRightOption(compiled),
		...checkNearDuplicates(compiled)
	];
}

const SECTION_NUMBER_ZH = /第\s*[0-9０-９零〇一二两三四五六七八九十]+\s*[节段]/;
const SECTION_NUMBER_EN = /\b(?:section|paragraph)s?\s*\d|§\s*\d/i;

/** The report's sections have titles, not numbers; the app names a cited passage by its title. */
export function checkNoSectionNumbers(texts: readonly LearnerText[]): DeckProblem[] {
	return texts.flatMap((text) => {
		const zh = text.zh.match(SECTION_NUMBER_ZH)?.[0];
		const en = text.en.match(SECTION_NUMBER_EN)?.[0];
		return [zh, en]
			.filter((found) => found !== undefined)
			.map((found) =>
				problem(
					text,
					`${text.where}: "${found}" numbers a section the report only titles; name it in words or leave it to the citation`
				)
			);
	});
}

const HAN = /\p{Script=Han}/u;

/** An English text is read by learners who may not read Chinese. */
function checkEnglishHasNoHan(compiled: CompileResult): DeckProblem[] {
	const texts = compiled.texts.filter((text) => HAN.test(text.en));
	const glossary = compiled.glossary.filter((entry) => HAN.test(entry.en));
	return [
		...texts.map((text) => problem(text, `${text.where}: the English text contains Chinese characters`)),
		...glossary.map((entry) =>
			problem(entry, `glossary "${entry.zh}": the English rendering contains Chinese characters`)
		)
	];
}

/** Whenever a Chinese text contains a glossary term, its English text uses the glossary's rendering. */
function checkGlossary(compiled: CompileResult): DeckProblem[] {
	return compiled.texts.flatMap((text) =>
		compiled.glossary
			.filter((entry) => text.zh.includes(entry.zh) && !loose(text.en).includes(loose(entry.en)))
			.map((entry) =>
				problem(text, `${text.where}: the Chinese says "${entry.zh}", so the English says "${entry.en}" (glossary)`)
			)
	);
}

/** English compared for the glossary: case and hyphens aside ("Power-plant" uses "power plant"). */
function loose(text: string): string {
	return text.toLowerCase().replace(/[-\u2010\u2011]/g, ' ');
}

/** True and false answers are balanced, so that always guessing one of them does not pass. */
function checkTrueFalseBalance(compiled: CompileResult): DeckProblem[] {
	const questions = compiled.deck.questions.filter((q) => q.kind === 'truefalse');
	const total = questions.length;
	if (total === 0) return [];
	const trues = questions.filter((q) => q.answer).length;
	const share = trues / total;
	// With very few questions no count may fall inside the range; then an even split (within one) is enough.
	const reachable = Math.ceil(TRUE_SHARE.min * total) <= Math.floor(TRUE_SHARE.max * total);
	const balanced = reachable ? share >= TRUE_SHARE.min && share <= TRUE_SHARE.max : Math.abs(2 * trues - total) <= 1;
	if (balanced) return [];
	const majority = share > TRUE_SHARE.max;
	const listed = questions.filter((q) => q.answer === majority);
	const at = locate(compiled.grounding, itemAt(listed, 0).id);
	return [
		{
			...at,
			message:
				`${trues} of ${total} true/false questions in deck "${compiled.deck.id}" are true (${percent(share)}); keep ` +
				`between ${percent(TRUE_SHARE.min)} and ${percent(TRUE_SHARE.max)}. The ${majority ? 'true' : 'false'} ones: ` +
				listed.map((q) => where(compiled.grounding, q.id)).join(', ')
		}
	];
}

/** The right option is not given away by being the longest. */
function checkLongestRightOption(compiled: CompileResult): DeckProblem[] {
	const single = compiled.deck.questions.filter((q): q is ChoiceQuestion => q.kind === 'single');
	const longest = single.filter((q) => (['zh', 'en'] as const).every((lang) => rightIsLongest(q.options, lang)));
	const share = single.length === 0 ? 0 : longest.length / single.length;
	if (share <= MAX_LONGEST_RIGHT_SHARE) return [];
	return [
		{
			...locate(compiled.grounding, itemAt(longest, 0).id),
			message:
				`in ${longest.length} of ${single.length} single-choice questions of deck "${compiled.deck.id}" ` +
				`(${percent(share)}) the right option is the longest in both languages; keep it to ` +
				`${percent(MAX_LONGEST_RIGHT_SHARE)}: ${longest.map((q) => where(compiled.grounding, q.id)).join(', ')}`
		}
	];
}

/** Whether the right option is strictly longer than every other option, counting characters. */
export function rightIsLongest(options: ChoiceQuestion['options'], lang: 'zh' | 'en'): boolean {
	const length = (text: string) => [...text].length;
	const right = options.find((o) => o.correct);
	if (!right) return false;
	return options.every((o) => o === right || length(o.text[lang]) < length(right.text[lang]));
}

/** What a learner is asked and what counts as the answer, for comparing items. */
interface Study {
	/** The note or question: the cards of one note are one fact on purpose. */
	owner: string;
	id: string;
	prompt: string;
	/** Absent for a true/false question, whose answer says nothing of its fact. */
	answer?: string;
	/** The paragraphs it cites, "section.paragraph". */
	cites: Set<string>;
}

type Unplaced = Omit<Study, 'cites'>;

function studyOfCard(card: Card): Unplaced | undefined {
	// A reversed note's second card is its first turned round: one fact, compared once.
	if (card.kind === 'reversed' && card.id.endsWith('--reverse')) return undefined;
	const answer = card.kind === 'cloze' && card.answer ? card.answer.zh : card.back.zh;
	return { owner: card.noteId, id: card.id, prompt: card.front.zh, answer };
}

function studyOfQuestion(question: Question): Unplaced {
	const study = { owner: question.id, id: question.id, prompt: question.prompt.zh };
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return { ...study, answer: question.options.flatMap((o) => (o.correct ? [o.text.zh] : [])).join('、') };
		case 'truefalse':
			return study;
		case 'numeric':
			return { ...study, answer: question.answer.zh };
		case 'order':
			return { ...study, answer: question.items.map((item) => item.zh).join('、') };
		case 'match':
			return { ...study, answer: question.pairs.map((pair) => `${pair.left.zh}：${pair.right.zh}`).join('、') };
	}
}

/**
 * No two cards (or two questions) teach one fact twice: the same answer to a near-identical prompt, the same fact
 * asked the other way round, or the same true/false statement.
 */
function checkNearDuplicates(compiled: CompileResult): DeckProblem[] {
	const cites = new Map(
		compiled.grounding.map((item) => [
			item.id,
			new Set([item.source, ...item.alsoCites].map((ref) => `${ref.section}.${ref.paragraph}`))
		])
	);
	const place = (study: Unplaced): Study => ({ ...study, cites: cites.get(study.owner) ?? new Set() });
	const groups: Study[][] = [
		compiled.deck.cards.flatMap((card) => studyOfCard(card) ?? []).map(place),
		compiled.deck.questions.map(studyOfQuestion).map(place)
	];
	const problems: DeckProblem[] = [];
	for (const studies of groups) {
		for (let i = 0; i < studies.length; i++) {
			for (let j = i + 1; j < studies.length; j++) {
				const [a, b] = [itemAt(studies, i), itemAt(studies, j)];
				if (a.owner === b.owner) continue;
				const reason = nearDuplicate(a, b);
				if (reason) {
					problems.push({
						...locate(compiled.grounding, b.owner),
						message: `${b.id} and ${a.id} (${at(compiled.grounding, a.owner)}) ${reason}; keep one`
					});
				}
			}
		}
	}
	return problems;
}

/** Why two items are one fact twice, or undefined. Asking one fact both ways round needs the same passage. */
export function nearDuplicate(
	a: Pick<Study, 'prompt' | 'answer' | 'cites'>,
	b: Pick<Study, 'prompt' | 'answer' | 'cites'>
) {
	if (a.answer === undefined || b.answer === undefined) {
		const statements = dice(a.prompt, b.prompt);
		return a.answer === b.answer && statements >= SAME_STATEMENT
			? `are near-identical statements (${statements.toFixed(2)})`
			: undefined;
	}
	const prompts = dice(a.prompt, b.prompt);
	if (plain(a.answer) === plain(b.answer) && prompts >= SAME_PROMPT) {
		return `have the same answer to near-identical prompts (${prompts.toFixed(2)})`;
	}
	if (![...a.cites].some((ref) => b.cites.has(ref))) return undefined;
	for (const [x, y] of [
		[a, b],
		[b, a]
	] as const) {
		const answer = plain(x.answer ?? '');
		const turned = dice(x.prompt, y.answer ?? '');
		if ([...answer].length >= 2 && plain(y.prompt).includes(answer) && turned >= TURNED_ROUND) {
			return `ask one fact both ways round (${turned.toFixed(2)})`;
		}
	}
	return undefined;
}

/** Letters and digits only, lower case: what is left of a text when wording aside from the words is ignored. */
function plain(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\[…\]|[\p{P}\p{S}\s]/gu, '');
}

/** Dice coefficient of the character pairs of two texts (1 = the same pairs). */
export function dice(a: string, b: string): number {
	const pairs = (text: string) => {
		const chars = [...plain(text)];
		const counts = new Map<string, number>();
		for (let i = 0; i + 1 < chars.length; i++) {
			const pair = itemAt(chars, i) + itemAt(chars, i + 1);
			counts.set(pair, (counts.get(pair) ?? 0) + 1);
		}
		return counts;
	};
	const [x, y] = [pairs(a), pairs(b)];
	let shared = 0;
	let total = 0;
	for (const [pair, n] of x) {
		shared += Math.min(n, y.get(pair) ?? 0);
		total += n;
	}
	for (const n of y.values()) total += n;
	return total === 0 ? 0 : (2 * shared) / total;
}

function problem(at: { file: string; line?: number }, message: string): DeckProblem {
	return { file: at.file, line: at.line, message };
}

function locate(grounding: readonly GroundingItem[], id: string): { file: string; line?: number } {
	const item = grounding.find((g) => g.id === id);
	return { file: item?.file ?? '?', line: item?.line };
}

/** file:line of an item, for naming it inside a message. */
function at(grounding: readonly GroundingItem[], id: string): string {
	const { file, line } = locate(grounding, id);
	return `${file}${line ? `:${line}` : ''}`;
}

function where(grounding: readonly GroundingItem[], id: string): string {
	return `${id} (${at(grounding, id)})`;
}

function percent(share: number): string {
	return `${Math.round(share * 100)} %`;
}
