/** Answers written out as text, for feedback and the results list. */
import type { ContentLanguage, Question } from '$lib/domain/deck/model';
import type { QuizResponse } from '$lib/domain/quiz/quiz';
import { formatNumber, formatPercent, type Locale, type Messages } from '$lib/i18n';
import type { QuizScore } from '$lib/domain/quiz/quiz';

/** "Correct", "Partly right (50 %)" or "Not quite", from the marks an answer earned. */
export function verdictText(credit: number, t: Messages, locale: Locale): string {
	if (credit === 1) return t.quiz.correct;
	return credit > 0 ? t.quiz.partial(formatPercent(locale, credit)) : t.quiz.incorrect;
}

/**
 * A score as a learner reads it: "6 of 10 correct (60%)", and with partial credit "6.5 of 10 correct (65%): 7 right,
 * 1 partly right".
 */
export function scoreText(
	score: QuizScore & { answers?: readonly { credit: number }[] },
	t: Messages,
	locale: Locale
): string {
	const ratio = score.total === 0 ? 0 : score.correct / score.total;
	const main = t.quiz.score(formatNumber(locale, score.correct, 1), score.total, formatPercent(locale, ratio));
	const partly = score.answers?.filter((a) => a.credit > 0 && a.credit < 1).length ?? 0;
	if (partly === 0) return main;
	const right = score.answers?.filter((a) => a.credit === 1).length ?? 0;
	return t.quiz.scoreWithPartial(main, right, partly);
}

/** The text of option `index` of a choice or true/false question. */
export function optionText(question: Question, index: number, lang: ContentLanguage, t: Messages): string {
	if (question.kind === 'truefalse') return index === 0 ? t.quiz.trueLabel : t.quiz.falseLabel;
	if (question.kind === 'single' || question.kind === 'multiple') return question.options[index]?.text[lang] ?? '';
	return '';
}

export function rightAnswerText(question: Question, lang: ContentLanguage, t: Messages): string {
	switch (question.kind) {
		case 'single':
		case 'multiple':
			return question.options
				.flatMap((option) => (option.correct ? [option.text[lang]] : []))
				.join(lang === 'zh' ? '；' : '; ');
		case 'truefalse':
			return question.answer ? t.quiz.trueLabel : t.quiz.falseLabel;
		case 'numeric':
			return question.answer[lang];
		case 'order':
			return question.items.map((item) => item[lang]).join(' → ');
		case 'match':
			return question.pairs.map((pair) => `${pair.left[lang]} — ${pair.right[lang]}`).join(lang === 'zh' ? '；' : '; ');
	}
}

export function responseText(
	question: Question,
	response: QuizResponse | undefined,
	lang: ContentLanguage,
	t: Messages
): string {
	if (!response) return t.quiz.noAnswer;
	switch (response.kind) {
		case 'choice':
			return response.chosen.map((i) => optionText(question, i, lang, t)).join(lang === 'zh' ? '；' : '; ');
		case 'numeric':
			return response.text;
		case 'order':
			return question.kind === 'order' ? response.order.map((i) => question.items[i]?.[lang]).join(' → ') : '';
		case 'match':
			return question.kind === 'match'
				? question.pairs
						.map((pair, i) => `${pair.left[lang]} — ${question.pairs[response.rights[i] ?? -1]?.right[lang] ?? '?'}`)
						.join(lang === 'zh' ? '；' : '; ')
				: '';
	}
}
