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
		/** What the main button starts, in numbers: the learner knows before tapping. */
		studyToday: (due: number, fresh: number) =>
			due === 0
				? `Start today’s ${plural(fresh, 'new card', 'new cards')}`
				: fresh === 0
					? `Review ${plural(due, 'due card', 'due cards')}`
					: `Review ${due} due and ${plural(fresh, 'new card', 'new cards')}`,
		limitReached: (limit: number, held: number) =>
			`Today’s limit of ${plural(limit, 'new card', 'new cards')} is reached; ${held} more wait. You can study more from the review.`,
		unfinished: (chapter: string, answered: number, total: number) =>
			`Quiz unfinished: ${chapter}, ${answered} of ${plural(total, 'question', 'questions')} answered.`,
		resume: 'Resume the quiz',
		resumeQuiz: (answered: number, total: number) => `Resume quiz (${answered} of ${total})`,
		lastResults: 'Last results',
		read: 'Read',
		report: 'The report',
		review: 'Review',
		quiz: 'Quiz',
		nothingDue: 'Nothing due right now',
		/** The main button before the day's figures are read: no number until it is known. */
		studyTodayUnknown: 'Study today',
		today: 'Today',
		dueToday: 'due today',
		newToday: 'new today',
		reviewedToday: 'grades today (undone ones not counted)',
		streak: (n: number): string => (n === 1 ? 'day in a row' : 'days in a row'),
		keepStreak: (n: number) => `Review today to keep your ${plural(n, 'day', 'days')} in a row.`,
		masteryMeaning:
			'Mastered means past the learning steps and expected to stay in memory for three weeks or more (FSRS stability of 21 days or more): a card you just failed never counts.',
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
		studyToday: (due, fresh) =>
			due === 0
				? `开始今天的 ${fresh} 张新卡`
				: fresh === 0
					? `复习 ${due} 张到期卡片`
					: `复习 ${due} 张到期卡片和 ${fresh} 张新卡`,
		limitReached: (limit, held) => `今天 ${limit} 张新卡的上限已到，另有 ${held} 张在等待。可以在复习页再学一些。`,
		unfinished: (chapter, answered, total) => `测验未完成：${chapter}，${total} 题中已答 ${answered} 题。`,
		resume: '继续测验',
		resumeQuiz: (answered, total) => `继续测验（${answered}/${total}）`,
		lastResults: '上次结果',
		read: '阅读',
		report: '本报告',
		review: '复习',
		quiz: '测验',
		nothingDue: '目前没有到期的卡片',
		studyTodayUnknown: '今天的学习',
		today: '今天',
		dueToday: '今日到期',
		newToday: '今日新卡',
		reviewedToday: '今日评分次数（不含已撤销）',
		streak: () => '连续天数',
		keepStreak: (n) => `今天复习一下，保持已连续 ${n} 天的记录。`,
		masteryMeaning: '已掌握：已完成学习步骤，且预计能记住三周或更久（FSRS 稳定性 21 天及以上）；刚答错的卡片不计入。',
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
