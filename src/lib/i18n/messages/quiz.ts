import { defineMessages } from '../define';

export const quiz = defineMessages({
	en: {
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
	'zh-CN': {
		heading: '测验',
		title: (chapter) => `测验：${chapter}`,
		progress: (i, n) => `第 ${i} 题，共 ${n} 题`,
		chooseOne: '请选择一个答案。',
		chooseAll: '请选出所有正确答案。',
		trueLabel: '正确',
		falseLabel: '错误',
		check: '提交',
		next: '下一题',
		seeResults: '查看结果',
		correct: '回答正确',
		incorrect: '回答错误',
		score: (correct, total, percent) => `${total} 题答对 ${correct} 题（${percent}）`,
		passed: '已通过：正确率达到 80%。',
		notPassed: '尚未通过：正确率需达到 80%。复习卡片后再试一次。',
		again: '再测一次',
		noQuestions: '本章还没有测验题。',
		resumed: '欢迎回来：测验从你离开的地方继续。'
	}
});
