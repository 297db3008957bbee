/**
 * Free-text numeric answers: "82亿美元", "$8.2B" and "8.2 billion USD" are the same answer. Matches the question's
 * listed forms after normalising, or parses the number with its Chinese or English magnitude and compares values.
 */

const UNIT_WORDS = [
	'us$',
	'usd',
	'$',
	'美元',
	'dollars',
	'dollar',
	'个月',
	'months',
	'month',
	'mo',
	'年',
	'years',
	'year',
	'倍',
	'times',
	'fold',
	'x',
	'×'
];

const MAGNITUDES: [string, number][] = [
	['万亿', 1e12],
	['千亿', 1e11],
	['百亿', 1e10],
	['千万', 1e7],
	['亿', 1e8],
	['万', 1e4],
	['trillion', 1e12],
	['billion', 1e9],
	['million', 1e6],
	['thousand', 1e3],
	['tn', 1e12],
	['bn', 1e9],
	['mn', 1e6],
	['t', 1e12],
	['b', 1e9],
	['m', 1e6],
	['k', 1e3]
];

const CHINESE_DIGITS: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Lowercase, half-width, no spaces or thousands separators. */
export function normalizeAnswer(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s,，_]/g, '')
		.replace(/[。.]$/, '');
}

/** 三 -> 3, 十 -> 10, 一千 -> 1000, 二〇三〇 -> 2030 (digit by digit); undefined when not a Chinese numeral. */
export function parseChineseNumeral(text: string): number | undefined {
	if (!text || ![...text].every((c) => c in CHINESE_DIGITS || c in CHINESE_UNITS)) return undefined;
	if (![...text].some((c) => c in CHINESE_UNITS)) {
		return Number([...text].map((c) => CHINESE_DIGITS[c]).join(''));
	}
	let total = 0;
	let digit = 0;
	for (const c of text) {
		const unit = CHINESE_UNITS[c];
		if (unit === undefined) digit = CHINESE_DIGITS[c] ?? 0;
		else {
			total += (digit || 1) * unit;
			digit = 0;
		}
	}
	return total + digit;
}

/** The value a learner wrote, with magnitude words applied and unit words ignored; undefined if it is no number. */
export function parseQuantity(text: string): number | undefined {
	let rest = normalizeAnswer(text)
		.replace(/^(?:>|morethan|over|约|大约|超过)/, '')
		.replace(/(?:以上|\+)$/, '');
	for (const word of UNIT_WORDS) {
		if (rest.startsWith(word)) rest = rest.slice(word.length);
		if (rest.endsWith(word)) rest = rest.slice(0, -word.length);
	}
	const numeric = /^(\d+(?:\.\d+)?)(.*)$/.exec(rest);
	const [number, suffix] = numeric ? [Number(numeric[1]), numeric[2]] : [undefined, rest];
	for (const [word, factor] of [['', 1] as [string, number], ...MAGNITUDES]) {
		if (suffix === word && number !== undefined) return number * factor;
		if (number === undefined && word && suffix.endsWith(word)) {
			const head = parseChineseNumeral(suffix.slice(0, -word.length) || '一');
			if (head !== undefined) return head * factor;
		}
	}
	return number === undefined ? parseChineseNumeral(suffix) : undefined;
}

/** Whether `text` answers a numeric question whose value is `value` and whose listed forms are `accepted`. */
export function matchesNumeric(text: string, value: number, accepted: readonly string[]): boolean {
	const given = normalizeAnswer(text);
	if (!given) return false;
	if (accepted.some((form) => normalizeAnswer(form) === given)) return true;
	const parsed = parseQuantity(text);
	return parsed !== undefined && Math.abs(parsed - value) <= Math.abs(value) * 1e-9;
}
