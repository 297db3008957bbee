/** 简体中文界面文字。 */
import type { Messages } from './en';

export const zhCN: Messages = {
	appName: 'ReportCard',
	tagline: '吃透一份报告：闪卡与章节测验，数据只存在你的设备上。',
	loading: '加载中…',
	switchLanguage: 'English',
	switchLanguageLabel: '切换到英文',
	skipToContent: '跳到正文',
	nav: { home: '章节', review: '复习' },
	home: {
		chapters: '章节',
		chapterNumber: (n) => `第${n}章`,
		due: (n) => `${n} 张待复习`,
		fresh: (n) => `${n} 张新卡`,
		bestScore: (percent) => `测验最佳：${percent}`,
		noQuizYet: '尚未参加测验',
		reviewAll: '复习全部到期卡片',
		review: '复习',
		quiz: '测验',
		nothingDue: '目前没有到期的卡片'
	},
	review: {
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
	},
	quiz: {
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
	},
	errors: {
		title: '出了点问题',
		storage: {
			quota: '设备存储空间已满，本次操作没有保存。请释放一些空间后重试；其他数据都没有丢失。',
			unavailable: '此浏览器不允许 ReportCard 保存数据（无痕模式可能如此）。请在普通窗口中打开再学习。',
			blocked: 'ReportCard 在另一个标签页中以旧版本打开。请关闭或刷新其他标签页，然后刷新本页。',
			stale: '这张卡片已经评过分了，可能是在另一个标签页中。现在显示下一张。',
			unknown: '无法读取或保存你的数据。请刷新页面；如果问题持续，请重启浏览器。'
		},
		chapterNotFound: '该章节不存在。请从列表中选择。',
		reload: '刷新',
		dismiss: '关闭'
	},
	update: {
		available: 'ReportCard 新版本已就绪。',
		install: '立即更新',
		later: '稍后'
	}
};
