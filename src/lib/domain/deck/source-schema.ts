/**
 * The schema of the human-written deck sources (decks/<deck>/deck.yaml and decks/<deck>/chapters/*.yaml).
 * Strict objects, so a misspelt key is reported instead of silently ignored.
 */
import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const id = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "fund-size"')
);
const positive = v.pipe(v.number(), v.integer(), v.minValue(1));

export const localizedSchema = v.strictObject({ zh: text, en: text });
const sourceSchema = v.strictObject({
	section: v.pipe(v.number(), v.integer(), v.minValue(0)),
	paragraph: positive
});
/** Words or figures the item relies on; the grounding check finds each in the cited paragraph of the report. */
const termsSchema = v.pipe(v.array(text), v.minLength(1, 'name at least one term from the cited paragraph'));

export const deckSourceSchema = v.strictObject({
	id,
	title: localizedSchema,
	attribution: localizedSchema,
	sections: v.pipe(
		v.array(
			v.strictObject({
				number: v.pipe(v.number(), v.integer(), v.minValue(0)),
				/** The start of the section's heading line in the report; absent for the untitled opening. */
				heading: v.optional(text),
				title: localizedSchema,
				paragraphs: positive
			})
		),
		v.minLength(1)
	)
});

const itemBase = {
	id,
	source: sourceSchema,
	terms: termsSchema
};

const basicCard = v.strictObject({
	...itemBase,
	kind: v.literal('basic'),
	front: localizedSchema,
	back: localizedSchema
});
const reversedCard = v.strictObject({
	...itemBase,
	kind: v.literal('reversed'),
	front: localizedSchema,
	back: localizedSchema
});
const clozeCard = v.strictObject({
	...itemBase,
	kind: v.literal('cloze'),
	/** Gaps written as {{c1::answer}}, the same numbers in both languages. */
	text: localizedSchema,
	extra: v.optional(localizedSchema)
});

const questionBase = {
	...itemBase,
	cards: v.pipe(v.array(id), v.minLength(1, 'name the cards this question tests')),
	prompt: localizedSchema,
	explanation: localizedSchema
};
const option = v.strictObject({ zh: text, en: text, correct: v.optional(v.boolean()) });

const questionSchema = v.variant('kind', [
	v.strictObject({
		...questionBase,
		kind: v.picklist(['single', 'multiple']),
		options: v.pipe(v.array(option), v.minLength(2, 'give at least two options'))
	}),
	v.strictObject({ ...questionBase, kind: v.literal('truefalse'), answer: v.boolean() }),
	v.strictObject({
		...questionBase,
		kind: v.literal('numeric'),
		value: v.number(),
		unit: text,
		accept: v.pipe(v.array(text), v.minLength(1)),
		answer: localizedSchema
	}),
	v.strictObject({
		...questionBase,
		kind: v.literal('order'),
		items: v.pipe(v.array(localizedSchema), v.minLength(3))
	}),
	v.strictObject({
		...questionBase,
		kind: v.literal('match'),
		pairs: v.pipe(v.array(v.strictObject({ left: localizedSchema, right: localizedSchema })), v.minLength(3))
	})
]);

export const chapterSourceSchema = v.strictObject({
	id,
	order: positive,
	title: localizedSchema,
	/** The report sections this chapter teaches; its cards may cite only these. */
	sections: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.minLength(1)),
	summary: v.pipe(v.array(v.strictObject({ source: sourceSchema, zh: text, en: text })), v.minLength(1)),
	cards: v.array(v.variant('kind', [basicCard, reversedCard, clozeCard])),
	questions: v.array(questionSchema)
});

export type DeckSource = v.InferOutput<typeof deckSourceSchema>;
export type ChapterSource = v.InferOutput<typeof chapterSourceSchema>;
export type CardSource = ChapterSource['cards'][number];
export type QuestionSource = ChapterSource['questions'][number];
