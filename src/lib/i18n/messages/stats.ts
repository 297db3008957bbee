import type { CardCounts } from '../../domain/stats/cards';
import type { RetentionPeriod } from '../../domain/stats/retention';
import type { WeekStart } from '../../domain/stats/activity';
import type { Locale } from '../../domain/locale';
import { defineMessages, plural } from '../define';

/** Where a calendar week starts in each locale: Sunday in US English, Monday in China. */
export const WEEK_START: Record<Locale, WeekStart> = { en: 0, 'zh-CN': 1 };

export const stats = defineMessages({
	en: {
		title: 'Statistics',
		intro:
			'How your learning is going: your cards by state, what comes due, and how well you have remembered. Choose a chapter to see only its cards.',
		scope: 'Show',
		wholeReport: 'Whole report',
		chapterOption: (n: number, title: string) => `Chapter ${n}: ${title}`,
		showTable: 'Show as a table',
		sentences: (...parts: string[]) => parts.filter(Boolean).join(' '),
		noReviews: 'No reviews yet: these charts fill in as you study.',
		rebuilding:
			'Counting your whole history once, so this page opens quickly from now on. With many reviews this takes a little while…',
		day: 'Day',
		today: 'Today',
		cards: {
			title: 'Cards',
			total: (n: number) => `${plural(n, 'card', 'cards')} in all`,
			states: {
				new: 'New',
				learning: 'Learning',
				review: 'Review',
				relearning: 'Relearning',
				suspended: 'Suspended'
			} satisfies Record<keyof CardCounts, string>
		},
		forecast: {
			title: 'Due in the next 30 days',
			due: 'Due',
			summary: (today: number, tomorrow: number, week: number, month: number) =>
				`Today ${today} (overdue cards included), tomorrow ${tomorrow}, next 7 days ${week}, next 30 days ${month}.`,
			cell: (date: string, n: number) => `${date}: ${n} due`,
			none: 'Nothing comes due in the next 30 days.'
		},
		recent: {
			title: 'Reviews in the past 30 days',
			reviews: 'Reviews',
			time: 'Time spent',
			summary: (reviews: number, days: number, time: string) =>
				`${plural(reviews, 'review', 'reviews')} on ${plural(days, 'day', 'days')}, ${time} in all.`,
			perDay: (time: string) => `On days you studied: ${time} a day on average.`,
			cell: (date: string, n: number, time: string) => `${date}: ${plural(n, 'review', 'reviews')}, ${time}`,
			none: 'No reviews in the past 30 days.'
		},
		heatmap: {
			title: 'The past year',
			summary: (reviews: number, days: number) =>
				`${plural(reviews, 'review', 'reviews')} on ${plural(days, 'day', 'days')} in the past year.`,
			busiest: (date: string, n: number) => `Busiest day: ${date}, ${plural(n, 'review', 'reviews')}.`,
			cell: (date: string, n: number) => `${date}: ${plural(n, 'review', 'reviews')}`,
			month: 'Month',
			daysStudied: 'Days studied',
			less: 'Less',
			more: 'More'
		},
		retention: {
			title: 'True retention',
			explain:
				'Of the reviews of cards past their learning steps, the share not answered Again. Mature cards have an interval of 21 days or more, young cards less.',
			period: 'Period',
			periods: {
				today: 'Today',
				week: 'Past week',
				month: 'Past month',
				year: 'Past year'
			} satisfies Record<RetentionPeriod, string>,
			young: 'Young',
			mature: 'Mature',
			total: 'Total',
			count: (passed: number, all: number) => `${passed} of ${all}`,
			none: 'no reviews',
			empty: 'No reviews of cards past their learning steps in the past year yet.'
		},
		stability: {
			title: 'Stability',
			explain:
				'How many days it takes a card’s predicted recall to fall to 90%. It grows with every successful review.',
			summary: (median: string) => `Median stability: ${median}.`,
			under: (limit: string) => `Under ${limit}`,
			range: (from: string, to: string) => `${from}–${to}`,
			over: (limit: string) => `${limit} or more`
		},
		recall: {
			title: 'Predicted recall now',
			explain:
				'The chance, as the scheduler predicts it, that you would recall each card now, for cards past their learning steps (a card being learned or relearned is not counted).',
			summary: (mean: string, mastered: string) => `Average ${mean}; ${mastered} of these cards at 90% or more.`
		},
		calibration: {
			title: 'Predicted against actual quiz scores',
			explain:
				'Before each quiz the app predicts your score from what you remember. Here each finished quiz is a dot: on the diagonal, the prediction was exact.',
			none: 'No quiz with a prediction yet: take a chapter quiz and its result appears here.',
			summary: (quizzes: number, error: string, bias: string) =>
				`Over ${plural(quizzes, 'quiz', 'quizzes')}, predictions were off by ${error} on average (${bias}).`,
			tooHigh: (points: string) => `${points} too hopeful`,
			tooLow: (points: string) => `${points} too gloomy`,
			even: 'neither too hopeful nor too gloomy',
			points: (n: string) => `${n} percentage points`,
			few: 'A few quizzes say little yet: the prediction earns trust over many.',
			predicted: 'Predicted',
			actual: 'Scored',
			date: 'Finished',
			dot: (date: string, predicted: string, actual: string) => `${date}: predicted ${predicted}, scored ${actual}`
		},
		none: 'No cards studied yet.'
	},
	'zh-CN': {
		title: '统计',
		intro: '你的学习进展：各状态的卡片、即将到期的复习，以及你记住了多少。选择一个章节，只看该章的卡片。',
		scope: '范围',
		wholeReport: '整份报告',
		chapterOption: (n, title) => `第${n}章：${title}`,
		showTable: '以表格显示',
		sentences: (...parts) => parts.join(''),
		noReviews: '还没有复习记录：开始学习后，这些图表就会逐渐充实。',
		rebuilding: '正在统计全部学习记录（只需一次，之后此页会很快打开）。复习记录较多时需要稍等片刻…',
		day: '日期',
		today: '今天',
		cards: {
			title: '卡片',
			total: (n) => `共 ${n} 张卡片`,
			states: {
				new: '新卡',
				learning: '学习中',
				review: '复习',
				relearning: '重新学习',
				suspended: '已暂停'
			}
		},
		forecast: {
			title: '未来 30 天到期',
			due: '到期',
			summary: (today, tomorrow, week, month) =>
				`今天 ${today} 张（含已逾期的卡片），明天 ${tomorrow} 张，未来 7 天 ${week} 张，未来 30 天 ${month} 张。`,
			cell: (date, n) => `${date}：${n} 张到期`,
			none: '未来 30 天没有到期的卡片。'
		},
		recent: {
			title: '过去 30 天的复习',
			reviews: '复习次数',
			time: '用时',
			summary: (reviews, days, time) => `${days} 天里共复习 ${reviews} 次，用时 ${time}。`,
			perDay: (time) => `学习的日子里平均每天 ${time}。`,
			cell: (date, n, time) => `${date}：复习 ${n} 次，用时 ${time}`,
			none: '过去 30 天没有复习。'
		},
		heatmap: {
			title: '过去一年',
			summary: (reviews, days) => `过去一年里有 ${days} 天复习，共 ${reviews} 次。`,
			busiest: (date, n) => `复习最多的一天：${date}，${n} 次。`,
			cell: (date, n) => `${date}：复习 ${n} 次`,
			month: '月份',
			daysStudied: '学习天数',
			less: '少',
			more: '多'
		},
		retention: {
			title: '真实保留率',
			explain: '已过学习阶段的卡片在复习中没有选“重来”的比例。成熟卡片的间隔为 21 天或以上，未成熟卡片则不到 21 天。',
			period: '时段',
			periods: {
				today: '今天',
				week: '过去一周',
				month: '过去一个月',
				year: '过去一年'
			},
			young: '未成熟',
			mature: '成熟',
			total: '合计',
			count: (passed, all) => `${all} 次中 ${passed} 次`,
			none: '无复习',
			empty: '过去一年里还没有已过学习阶段的卡片的复习。'
		},
		stability: {
			title: '稳定性',
			explain: '卡片的预测回忆概率降到 90% 需要的天数。每次成功复习后都会增长。',
			summary: (median) => `稳定性中位数：${median}。`,
			under: (limit) => `不到 ${limit}`,
			range: (from, to) => `${from}–${to}`,
			over: (limit) => `${limit} 及以上`
		},
		recall: {
			title: '此刻的预测回忆概率',
			explain: '调度器预测的、你此刻能回忆起每张卡片的概率，只计已完成学习步骤的卡片（学习中或重学中的卡片不计）。',
			summary: (mean, mastered) => `平均 ${mean}；其中 ${mastered} 的卡片在 90% 及以上。`
		},
		calibration: {
			title: '测验预测得分与实际得分',
			explain: '每次测验前，应用会根据你的记忆预测得分。每个点代表一次已完成的测验：落在对角线上，说明预测完全准确。',
			none: '还没有带预测的测验：做一次章节测验，结果就会显示在这里。',
			summary: (quizzes, error, bias) => `${quizzes} 次测验中，预测平均偏差 ${error}（${bias}）。`,
			tooHigh: (points) => `偏高 ${points}`,
			tooLow: (points) => `偏低 ${points}`,
			even: '既不偏高也不偏低',
			points: (n) => `${n} 个百分点`,
			few: '测验次数还少，说明不了太多：预测需要多次测验来证明自己。',
			predicted: '预测',
			actual: '实际',
			date: '完成时间',
			dot: (date, predicted, actual) => `${date}：预测 ${predicted}，实际 ${actual}`
		},
		none: '还没有学过的卡片。'
	}
});
