/** English interface strings. The shape of this object is the message catalogue every locale must fill. */
import type { StorageProblem } from '../storage/errors';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const en = {
	appName: 'ReportCard',
	tagline: 'Master one report: flashcards and chapter quizzes, on your device.',
	loading: 'Loading…',
	switchLanguage: '中文',
	switchLanguageLabel: 'Switch to Chinese',
	skipToContent: 'Skip to content',
	nav: { home: 'Chapters', review: 'Review' },
	home: {
		chapters: 'Chapters',
		chapterNumber: (n: number) => `Chapter ${n}`,
		due: (n: number) => plural(n, 'card due', 'cards due'),
		fresh: (n: number) => plural(n, 'new card', 'new cards'),
		bestScore: (percent: string) => `Best quiz: ${percent}`,
		noQuizYet: 'No quiz taken yet',
		reviewAll: 'Review all due cards',
		review: 'Review',
		quiz: 'Quiz',
		nothingDue: 'Nothing due right now'
	},
	review: {
		title: 'Review',
		chapterTitle: (chapter: string) => `Review: ${chapter}`,
		remaining: (n: number) => plural(n, 'card left', 'cards left'),
		question: 'Question',
		answer: 'Answer',
		showAnswer: 'Show answer',
		grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as Record<1 | 2 | 3 | 4, string>,
		gradeHint: 'How well did you remember?',
		source: (section: number, paragraph: number) => `Report section ${section}, paragraph ${paragraph}`,
		doneTitle: 'All caught up',
		doneBody: 'No cards are due now. Come back later, or take a chapter quiz.',
		reviewed: (n: number) => `You reviewed ${plural(n, 'card', 'cards')} in this session.`,
		backHome: 'Back to chapters'
	},
	quiz: {
		heading: 'Quiz',
		title: (chapter: string) => `Quiz: ${chapter}`,
		progress: (i: number, n: number) => `Question ${i} of ${n}`,
		chooseOne: 'Choose one answer.',
		chooseAll: 'Choose every correct answer.',
		trueLabel: 'True',
		falseLabel: 'False',
		check: 'Check',
		next: 'Next question',
		seeResults: 'See results',
		correct: 'Correct',
		incorrect: 'Not quite',
		score: (correct: number, total: number, percent: string) => `${correct} of ${total} correct (${percent})`,
		passed: 'Passed: 80 % or more.',
		notPassed: 'Not passed yet: 80 % passes. Review the cards and try again.',
		again: 'Take the quiz again',
		noQuestions: 'This chapter has no quiz questions yet.',
		resumed: 'Welcome back: your quiz continues where you left it.'
	},
	errors: {
		title: 'Something went wrong',
		storage: {
			quota: 'Your device is out of storage, so this was not saved. Free some space, then try again; nothing else was lost.',
			unavailable:
				'This browser does not let ReportCard store data (private browsing can do that). Open it in a normal window to study.',
			blocked: 'ReportCard is open in another tab with an older version. Close the other tabs or reload them, then reload this one.',
			stale: 'This card was already graded, perhaps in another tab. Showing the next card.',
			unknown: 'Your data could not be read or saved. Reload the page; if it keeps happening, restart the browser.'
		} satisfies Record<StorageProblem, string>,
		chapterNotFound: 'That chapter does not exist. Pick one from the list.',
		reload: 'Reload',
		dismiss: 'Dismiss'
	},
	update: {
		available: 'A new version of ReportCard is ready.',
		install: 'Update now',
		later: 'Later'
	}
};

export type Messages = typeof en;
