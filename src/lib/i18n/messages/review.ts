import { defineMessages, plural } from '../define';

export const review = defineMessages({
	en: {
		title: 'Review',
		chapterTitle: (chapter: string) => `Review: ${chapter}`,
		remaining: (n: number) => plural(n, 'card left', 'cards left'),
		question: 'Question',
		answer: 'Answer',
		showAnswer: 'Show answer',
		grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' },
		gradeHint: 'How well did you remember?',
		source: (section: number, paragraph: number) => `Report section ${section}, paragraph ${paragraph}`,
		doneTitle: 'All caught up',
		doneBody: 'No cards are due now. Come back later, or take a chapter quiz.',
		reviewed: (n: number) => `You reviewed ${plural(n, 'card', 'cards')} in this session.`,
		backHome: 'Back to chapters'
	},
	'zh-CN': {
		title: '复习',
		chapterTitle: (chapter) => `复习：${chapter}`,
		remaining: (n) => `还剩 ${n} 张`,
		question: '问题',
		answer: '答案',
		showAnswer: '显示答案',
		grades: { 1: '重来', 2: '困难', 3: '良好', 4: '简单' },
		gradeHint: '你记得怎么样？',
		source: (section, paragraph) => `报告第${section}节第${paragraph}段`,
		doneTitle: '全部完成',
		doneBody: '现在没有到期的卡片。稍后再来，或者做一次章节测验。',
		reviewed: (n) => `本次复习了 ${n} 张卡片。`,
		backHome: '返回章节'
	}
});
