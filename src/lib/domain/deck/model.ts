/**
 * The compiled deck: what the deck compiler emits from the YAML sources and what content sync stores.
 * Plain data only, so it can be serialised into the app bundle and into IndexedDB unchanged.
 */

/** A text in every content language the app ships. */
export interface Localized {
	zh: string;
	en: string;
}

export type ContentLanguage = keyof Localized;

/** A passage of the report: section 0 is the untitled opening, then the titled sections in order. */
export interface SourceRef {
	section: number;
	paragraph: number;
}

export interface ReportSection {
	number: number;
	title: Localized;
	paragraphs: number;
}

export interface SummaryParagraph extends SourceRef {
	text: Localized;
}

export interface Chapter {
	id: string;
	deckId: string;
	order: number;
	title: Localized;
	sections: number[];
	/** The titles of the report sections this chapter teaches, to name a cited passage. */
	sectionTitles: { number: number; title: Localized }[];
	summary: SummaryParagraph[];
}

export type CardKind = 'basic' | 'reversed' | 'cloze';

/** One reviewable card. A reversed note yields two cards, a cloze note one card per gap. */
export interface Card {
	id: string;
	noteId: string;
	deckId: string;
	chapterId: string;
	/** Position in report order across the deck, so new cards are introduced in reading order. */
	order: number;
	kind: CardKind;
	/** The paragraph the card comes from, where the app links. */
	source: SourceRef;
	/** Further paragraphs the card draws on, when its fact spans several; absent when it cites one. */
	alsoCites?: SourceRef[];
	front: Localized;
	back: Localized;
	/** Cloze cards: the hidden words, which the learner may type instead of only recalling. */
	answer?: Localized;
}

export interface ChoiceOption {
	text: Localized;
	correct: boolean;
}

interface QuestionBase {
	id: string;
	deckId: string;
	chapterId: string;
	/** The paragraph the question comes from, where the app links. */
	source: SourceRef;
	/** Further paragraphs the question or its explanation draws on; absent when it cites one. */
	alsoCites?: SourceRef[];
	/** The flashcards that test the same fact; a wrong answer makes them due. */
	cards: string[];
	prompt: Localized;
	explanation: Localized;
}

export interface ChoiceQuestion extends QuestionBase {
	kind: 'single' | 'multiple';
	options: ChoiceOption[];
}

export interface TrueFalseQuestion extends QuestionBase {
	kind: 'truefalse';
	answer: boolean;
}

export interface NumericQuestion extends QuestionBase {
	kind: 'numeric';
	/** The exact value in `unit`, e.g. 8200000000 with unit USD for 82亿美元. */
	value: number;
	unit: string;
	/** Answers written the way a learner would, all accepted: "82亿美元", "$8.2B". */
	accept: string[];
	answer: Localized;
}

export interface OrderQuestion extends QuestionBase {
	kind: 'order';
	/** Items in their correct order. */
	items: Localized[];
}

export interface MatchQuestion extends QuestionBase {
	kind: 'match';
	pairs: { left: Localized; right: Localized }[];
}

export type Question = ChoiceQuestion | TrueFalseQuestion | NumericQuestion | OrderQuestion | MatchQuestion;

export interface Deck {
	id: string;
	title: Localized;
	/** Where the report comes from: shown on the home screen and cited by the opening chapter. */
	attribution: Localized;
	/** A note about the source as a whole, such as how far to trust its dates ("About this report"). */
	about?: Localized;
	sections: ReportSection[];
	chapters: Chapter[];
	cards: Card[];
	questions: Question[];
}

/** A chapter as its title names it: enough to list it before the database answers. */
export type ChapterHeading = Pick<Chapter, 'id' | 'deckId' | 'order' | 'title'>;

/** What the first load carries of a deck (the rest is data, downloaded when content changes): its name and chapters. */
export interface DeckOutline extends Pick<Deck, 'id' | 'title' | 'attribution'> {
	chapters: ChapterHeading[];
}

/** What the app bundles: every deck plus a content hash that tells content sync when to run. */
export interface CompiledDecks {
	version: string;
	decks: Deck[];
}
