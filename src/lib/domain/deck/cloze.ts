/** Cloze notes in the Anki syntax: "到{{c1::2030}}年". One card per gap number. */
import type { Localized } from './model.ts';

const GAP = /\{\{c(\d+)::(.+?)\}\}/g;
export const GAP_MARK = '[…]';

/** The distinct gap numbers of a cloze text, ascending. */
export function clozeGaps(text: string): number[] {
	const numbers = new Set<number>();
	for (const match of text.matchAll(GAP)) numbers.add(Number(match[1]));
	return [...numbers].sort((a, b) => a - b);
}

/** The question side for one gap: that gap hidden, every other gap shown. */
export function clozeFront(text: string, gap: number): string {
	return text.replace(GAP, (_, n: string, answer: string) => (Number(n) === gap ? GAP_MARK : answer));
}

/** The answer side: the full sentence. */
export function clozeBack(text: string): string {
	return text.replace(GAP, (_, _n: string, answer: string) => answer);
}

/** The hidden words of one gap (joined if the gap occurs more than once), for typing the answer. */
export function clozeAnswer(text: string, gap: number): string {
	return [...text.matchAll(GAP)]
		.filter((match) => Number(match[1]) === gap)
		.map((match) => match[2])
		.join(' / ');
}

export function localizedCloze(text: Localized, gap: number): { front: Localized; back: Localized; answer: Localized } {
	return {
		front: { zh: clozeFront(text.zh, gap), en: clozeFront(text.en, gap) },
		back: { zh: clozeBack(text.zh), en: clozeBack(text.en) },
		answer: { zh: clozeAnswer(text.zh, gap), en: clozeAnswer(text.en, gap) }
	};
}
