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
/**
 * Further paragraphs an item draws on when its fact spans several (a list over bullets, a comparison); `source` stays
 * the primary one, where the app links.
 */
const alsoCitesSchema = v.optional(v.pipe(v.array(sourceSchema), v.minLength(1, 'leave it out rather than empty')));
/** Words or figures the item relies on; the grounding check finds each in the cited paragraph of the report. */
const termsSchema = v.pipe(v.array(text), v.minLength(1, 'name at least one term from the cited paragraph'));

export const deckSourceSchema = v.strictObject({
	id,
	title: localizedSchema,
	attribution: localizedSchema,
	/** A note about the source as a whole (e.g. how far to trust its dates), for an "About this report" line. */
	about: v.optional(localizedSchema),
	/**
	 * Slips in the report's text (a typo), which the grounding check reads as meant; the report itself is left as it
	 * is, and each slip must be found where it is said to be.
	 */
	errata: v.optional(v.array(v.strictObject({ source: sourceSchema, reads: text, means: text }))),
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
	alsoCites: alsoCitesSchema,
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

/**
 * decks/<deck>/glossary.yaml: the one English rendering of each term of the report. Whenever a Chinese text contains
 * the term, its English text contains the rendering.
 */
export const glossarySourceSchema = v.strictObject({
	terms: v.array(
		v.strictObject({
			zh: text,
			en: text,
			/** For authors: why this rendering (a mistranslation in the source, an ambiguity). */
			gloss: v.optional(text)
		})
	)
});

const words = v.pipe(v.array(text), v.minLength(1));

/**
 * decks/<deck>/hedges.yaml: where the report marks a claim as reported, estimated, expected or possible. An item citing
 * that paragraph which mentions the claim (an anchor, in either language) must keep a hedge in both languages.
 */
export const hedgesSourceSchema = v.strictObject({
	hedges: v.array(
		v.strictObject({
			source: sourceSchema,
			/** The report's own hedging words, checked against the paragraph. */
			marker: text,
			/** Words that show a text is about the hedged claim. */
			anchors: v.strictObject({ zh: v.optional(words), en: v.optional(words) }),
			/** Any one of these keeps the hedge. */
			zh: words,
			en: words
		})
	)
});

export type DeckSource = v.InferOutput<typeof deckSourceSchema>;
export type GlossarySource = v.InferOutput<typeof glossarySourceSchema>;
export type HedgesSource = v.InferOutput<typeof hedgesSourceSchema>;
export type ChapterSource = v.InferOutput<typeof chapterSourceSchema>;
export type CardSource = ChapterSource['cards'][number];
export type QuestionSource = ChapterSource['questions'][number];
