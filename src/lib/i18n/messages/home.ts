import { defineMessages, plural } from '../define';

export const home = defineMessages({
	en: {
		reminder: {
			never: 'You have never backed up your progress.',
			old: (date: string) => `Your last backup was on ${date}.`,
			body: 'Your progress is stored only on this device; a backup file keeps it safe.',
			action: 'Back up now'
		},
		yourDeck: 'Your deck',
		chapters: 'Chapters',
		chapterNumber: (n: number) => `Chapter ${n}`,
		due: (n: number) => plural(n, 'card due', 'cards due'),
		fresh: (n: number) => plural(n, 'new card', 'new cards'),
		bestScore: (percent: string) => `Best quiz: ${percent}`,
		noQuizYet: 'No quiz taken yet',
		reviewAll: 'Review all due cards',
		review: 'Review',
		quiz: 'Quiz',
		nothingDue: 'Nothing due right now',
		today: 'Today',
		dueToday: 'due today',
		newToday: 'new today',
		reviewedToday: 'reviewed today',
		streak: (n: number): string => (n === 1 ? 'day in a row' : 'days in a row'),
		keepStreak: (n: number) => `Review today to keep your ${plural(n, 'day', 'days')} in a row.`,
		masteryMeaning:
			'Mastery is the share of a chapter’s cards you would very likely recall right now: a predicted recall of 90 % or more.',
		mastery: (percent: string, mastered: number, total: number) => `Mastery ${percent}: ${mastered} of ${total} cards`,
		latestScore: (percent: string) => `latest ${percent}`,
		passMark: (percent: string) => `pass mark ${percent}`,
		passed: 'Passed',
		exam: {
			title: 'Exam',
			daysLeft: (n: number, date: string) =>
				n === 0 ? `Your exam is today (${date}).` : `${plural(n, 'day', 'days')} to your exam on ${date}.`,
			past: (date: string) => `Your exam date (${date}) has passed. Set a new one or clear it in Settings.`,
			working: 'Working out whether you are on track…',
			onTrack: (projected: string, target: string) =>
				`On track: at your pace you would recall ${projected} of the cards on the day (you want ${target}).`,
			behind: (projected: string, target: string) =>
				`Not on track yet: at your pace you would recall ${projected} of the cards on the day (you want ${target}).`,
			pace: (reviews: number, projected: string) =>
				`Starting every card in time and reviewing all that is due takes about ${plural(reviews, 'review', 'reviews')} a day and reaches ${projected}.`,
			unreachable: 'Even that falls short of your target: a later date or a lower target would be realistic.',
			cramming: 'Final days: your reviews include the cards that would fall below your target by the exam.',
			failed: 'This browser could not work out the plan; the days left are right.',
			settings: 'Change in Settings'
		}
	},
	'zh-CN': {
		reminder: {
			never: '你还从未备份过学习进度。',
			old: (date) => `你上次备份是在 ${date}。`,
			body: '你的进度只保存在这台设备上；一份备份文件能保证它的安全。',
			action: '立即备份'
		},
		yourDeck: '我的卡组',
		chapters: '章节',
		chapterNumber: (n) => `第${n}章`,
		due: (n) => `${n} 张待复习`,
		fresh: (n) => `${n} 张新卡`,
		bestScore: (percent) => `测验最佳：${percent}`,
		noQuizYet: '尚未参加测验',
		reviewAll: '复习全部到期卡片',
		review: '复习',
		quiz: '测验',
		nothingDue: '目前没有到期的卡片',
		today: '今天',
		dueToday: '今日到期',
		newToday: '今日新卡',
		reviewedToday: '今日已复习',
		streak: () => '连续天数',
		keepStreak: (n) => `今天复习一下，保持已连续 ${n} 天的记录。`,
		masteryMeaning: '掌握度：本章卡片中，你此刻很可能记得（预测回忆概率 90% 及以上）的比例。',
		mastery: (percent, mastered, total) => `掌握度 ${percent}：${total} 张中 ${mastered} 张`,
		latestScore: (percent) => `最近 ${percent}`,
		passMark: (percent) => `及格线 ${percent}`,
		passed: '已通过',
		exam: {
			title: '考试',
			daysLeft: (n, date) => (n === 0 ? `今天就是考试日（${date}）。` : `距离 ${date} 的考试还有 ${n} 天。`),
			past: (date) => `考试日期（${date}）已过。请在设置中设定新日期或清除它。`,
			working: '正在计算你是否按计划进行…',
			onTrack: (projected, target) =>
				`按计划进行：照现在的节奏，考试当天你能回忆起 ${projected} 的卡片（目标 ${target}）。`,
			behind: (projected, target) =>
				`尚未达到计划：照现在的节奏，考试当天你能回忆起 ${projected} 的卡片（目标 ${target}）。`,
			pace: (reviews, projected) =>
				`及时开始所有卡片并复习全部到期卡片，每天约需复习 ${reviews} 次，可达到 ${projected}。`,
			unreachable: '即便如此也达不到目标：推迟日期或降低目标会更现实。',
			cramming: '最后几天：你的复习会加入到考试时回忆概率将低于目标的卡片。',
			failed: '此浏览器无法计算计划；剩余天数是准确的。',
			settings: '在设置中修改'
		}
	}
});
