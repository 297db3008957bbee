/**
 * Typed answers: compare what the learner typed with the expected words after normalising what should not count
 * (full/half width, punctuation, case, spaces, Chinese numerals against digits), and show the difference.
 */
import { itemAt } from './arrays';
import { parseChineseNumeral } from './quiz/answers';

const CHINESE_NUMERAL_RUN = /[零〇一二两三四五六七八九十百千]+/g;

/** What counts when comparing: width-folded, lowercase, no punctuation or spaces, Chinese numerals as digits. */
export function normalizeTyped(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(CHINESE_NUMERAL_RUN, (run) => String(parseChineseNumeral(run) ?? run))
		.replace(/[\p{P}\p{S}\s]/gu, '');
}

export type DiffPart = { text: string; kind: 'same' | 'missing' | 'extra' };

/**
 * Below this share of the expected characters typed in place, an answer is a different answer, not a slip: a
 * character diff of it is a letter soup, so the right answer is shown plainly instead.
 */
const CLOSE_SHARE = 0.5;

export interface TypedComparison {
	correct: boolean;
	/** Typed close enough to the answer for the difference to help (a slip, not a different answer). */
	close: boolean;
	/** The expected answer as written, to show when the typed one is not close. */
	expected: string;
	/** The normalised typed text against the normalised expected text: `extra` was typed but not expected, `missing`
	 * was expected but not typed. */
	diff: DiffPart[];
}

export function compareTyped(typed: string, expected: string): TypedComparison {
	const a = [...normalizeTyped(typed)];
	const b = [...normalizeTyped(expected)];
	const diff = diffChars(a, b);
	const same = diff.reduce((n, part) => n + (part.kind === 'same' ? [...part.text].length : 0), 0);
	return {
		correct: a.join('') === b.join('') && b.length > 0,
		close: b.length > 0 && same / b.length >= CLOSE_SHARE,
		expected,
		diff
	};
}

/** Character diff by longest common subsequence: small strings only (answers), so O(n*m) is fine. */
function diffChars(a: string[], b: string[]): DiffPart[] {
	// lcs(i, j): the longest common subsequence of a from i and b from j, in one flat table.
	const width = b.length + 1;
	const table = new Array<number>((a.length + 1) * width).fill(0);
	const lcs = (i: number, j: number) => itemAt(table, i * width + j);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			table[i * width + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
		}
	}
	const parts: DiffPart[] = [];
	const push = (text: string, kind: DiffPart['kind']) => {
		const last = parts.at(-1);
		if (last?.kind === kind) last.text += text;
		else parts.push({ text, kind });
	};
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			push(itemAt(a, i++), 'same');
			j++;
		} else if (j < b.length && (i >= a.length || lcs(i, j + 1) >= lcs(i + 1, j))) push(itemAt(b, j++), 'missing');
		else push(itemAt(a, i++), 'extra');
	}
	return parts;
}
