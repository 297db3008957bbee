import { defineMessages, plural } from '../define';

export const cards = defineMessages({
	en: {
		title: 'Cards',
		search: 'Search cards (Chinese or English)',
		chapter: 'Chapter',
		allChapters: 'All chapters',
		status: 'Status',
		anyStatus: 'Any status',
		statuses: { new: 'New', learning: 'Learning', review: 'Review', relearning: 'Relearning', suspended: 'Suspended' },
		found: (n: number) => plural(n, 'card', 'cards'),
		showMore: 'Show more',
		none: 'No card matches. Clear the search or pick another filter.',
		due: 'Due',
		notStarted: 'Not started yet',
		stability: 'Stability',
		stabilityValue: (days: string) => `${days} days`,
		difficulty: 'Difficulty',
		retrievability: 'Chance of recall now',
		reviews: 'Reviews',
		lapses: 'Lapses',
		history: 'History',
		noHistory: 'Never reviewed.',
		events: {
			grade: (grade: string) => `Graded ${grade}`,
			'due-now': 'Made due by a quiz mistake',
			reset: 'Reset to new'
		},
		suspend: 'Suspend',
		unsuspend: 'Unsuspend',
		reset: 'Reset to new',
		resetConfirm: 'Start this card again as new? Its history stays in the log.',
		close: 'Close'
	},
	'zh-CN': {
		title: '卡片',
		search: '搜索卡片（中文或英文）',
		chapter: '章节',
		allChapters: '全部章节',
		status: '状态',
		anyStatus: '任意状态',
		statuses: { new: '新卡', learning: '学习中', review: '复习中', relearning: '重学中', suspended: '已暂停' },
		found: (n) => `${n} 张卡片`,
		showMore: '显示更多',
		none: '没有匹配的卡片。请清除搜索或换一个筛选条件。',
		due: '到期',
		notStarted: '尚未开始',
		stability: '稳定性',
		stabilityValue: (days) => `${days} 天`,
		difficulty: '难度',
		retrievability: '当前回忆概率',
		reviews: '复习次数',
		lapses: '遗忘次数',
		history: '历史',
		noHistory: '从未复习。',
		events: {
			grade: (grade) => `评分：${grade}`,
			'due-now': '因测验答错而提前到期',
			reset: '重置为新卡'
		},
		suspend: '暂停',
		unsuspend: '取消暂停',
		reset: '重置为新卡',
		resetConfirm: '把这张卡片重新作为新卡开始吗？它的历史仍保留在记录中。',
		close: '关闭'
	}
});
