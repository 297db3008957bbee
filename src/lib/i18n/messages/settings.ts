import { defineMessages } from '../define';

export const settings = defineMessages({
	en: {
		title: 'Settings',
		scheduling: 'Scheduling',
		desiredRetention: 'Desired retention',
		desiredRetentionHint:
			'How likely you want to be to remember a card when it comes due. Higher means more reviews. 0.70–0.99; 0.90 suits most learners.',
		learningSteps: 'Learning steps',
		learningStepsHint: 'Show new and forgotten cards again within minutes before spacing them out by days.',
		maximumInterval: 'Maximum interval (days)',
		maximumIntervalHint: 'No card waits longer than this between reviews.',
		day: 'Your study day',
		rolloverHour: 'New day starts at (hour)',
		rolloverHourHint: 'Reviews before this hour count for the day before, as in Anki. Default 4.',
		newPerDay: 'New cards per day',
		reviewsPerDay: 'Reviews per day',
		limitsHint: 'Cards still being learned are always shown, whatever the limits.',
		review: 'Reviewing',
		typeAnswers: 'Type the answers of cloze cards',
		typeAnswersHint: 'Type the hidden words before revealing; differences are shown.',
		burySiblings: 'Start one new card of a note a day',
		burySiblingsHint:
			'New cloze gaps of one sentence, or a new card and its reverse, are not started the same day: the second waits until tomorrow.',
		outOfRange: (min: string, max: string, step: string) =>
			`Not saved: enter a number from ${min} to ${max}, in steps of ${step}.`,
		leechLapses: 'Leech after this many lapses',
		leechLapsesHint: 'A card forgotten this often is marked as a leech, with its passage to read again.',
		exam: 'Exam',
		examDate: 'Exam date',
		examDateHint:
			'Home shows the days left and whether you are on track. In the last three days, reviews add the cards that would fall below the recall you want.',
		examRecall: 'Recall wanted on the exam day',
		examRecallHint: 'The share of cards you want to recall on the day, from 0.5 to 0.99.',
		clearDate: 'Clear',
		language: 'Language',
		saved: 'Saved.',
		parameters: 'FSRS parameters',
		parametersDefault: 'The default FSRS parameters are in use.',
		parametersCustom: (count: number) => `Custom FSRS parameters are in use (${count} weights).`,
		optimize: 'Optimise parameters from my reviews',
		optimizeHint: (reviews: number, needed: number) =>
			reviews < needed
				? `Fits FSRS to your own memory. You have ${reviews} reviews; at least ${needed} are needed for a reliable fit.`
				: `Fits FSRS to your own memory. You have ${needed} reviews or more: enough for a reliable fit.`,
		optimizing: 'Fitting parameters… this runs in the background.',
		lossCompare: (current: string, fitted: string) =>
			`Prediction error (log loss, lower is better): current ${current}, optimised ${fitted}.`,
		optimizeFailed: (reason: string) => `Optimisation failed: ${reason}. Your parameters are unchanged.`,
		applyFitted: 'Use the optimised parameters',
		applied: 'Optimised parameters are in use from the next card.',
		useDefaults: 'Go back to the default parameters',
		interfaceLanguage: 'Interface language',
		contentLanguage: 'Cards and questions in',
		contentLanguageHint: 'With both, the back of each card and each explanation also shows the other language.',
		contentLanguages: {
			interface: 'The interface language',
			zh: 'Chinese',
			en: 'English',
			both: 'Both languages'
		}
	},
	'zh-CN': {
		title: '设置',
		scheduling: '排程',
		desiredRetention: '期望记忆保持率',
		desiredRetentionHint: '卡片到期时你希望记住它的概率。越高复习越多。范围 0.70–0.99；0.90 适合大多数人。',
		learningSteps: '学习步骤',
		learningStepsHint: '新卡和遗忘的卡片先在几分钟内再出现，然后才按天拉开间隔。',
		maximumInterval: '最长间隔（天）',
		maximumIntervalHint: '任何卡片两次复习之间不会超过这个天数。',
		day: '学习日',
		rolloverHour: '新的一天开始于（时）',
		rolloverHourHint: '此时刻之前的复习算作前一天，与 Anki 相同。默认 4 点。',
		newPerDay: '每日新卡上限',
		reviewsPerDay: '每日复习上限',
		limitsHint: '仍在学习中的卡片总会显示，不受上限影响。',
		review: '复习',
		typeAnswers: '填空卡需要输入答案',
		typeAnswersHint: '先输入被隐藏的内容再显示答案，并标出差异。',
		burySiblings: '同一笔记每天只开始一张新卡',
		burySiblingsHint: '同一句话的几个新填空、一张新卡片与它的反向卡片不在同一天开始学习：第二张等到明天。',
		outOfRange: (min, max, step) => `未保存：请输入 ${min} 到 ${max} 之间的数，步长为 ${step}。`,
		leechLapses: '遗忘多少次算难记卡',
		leechLapsesHint: '遗忘达到这个次数的卡片会被标为难记卡，并提供对应段落供重读。',
		exam: '考试',
		examDate: '考试日期',
		examDateHint: '首页会显示剩余天数以及你是否按计划进行。在最后三天，复习会加入到那天回忆概率将低于目标的卡片。',
		examRecall: '考试当天希望达到的回忆率',
		examRecallHint: '你希望在当天能回忆起的卡片比例，0.5 到 0.99。',
		clearDate: '清除',
		language: '语言',
		saved: '已保存。',
		parameters: 'FSRS 参数',
		parametersDefault: '正在使用 FSRS 默认参数。',
		parametersCustom: (count) => `正在使用自定义 FSRS 参数（${count} 个权重）。`,
		optimize: '根据我的复习记录优化参数',
		optimizeHint: (reviews, needed) =>
			reviews < needed
				? `让 FSRS 拟合你自己的记忆规律。你已有 ${reviews} 次复习；至少需要 ${needed} 次才能可靠拟合。`
				: `让 FSRS 拟合你自己的记忆规律。你已有 ${needed} 次或更多复习，足以可靠拟合。`,
		optimizing: '正在拟合参数……在后台运行。',
		lossCompare: (current, fitted) => `预测误差（对数损失，越低越好）：当前 ${current}，优化后 ${fitted}。`,
		optimizeFailed: (reason) => `优化失败：${reason}。你的参数没有改变。`,
		applyFitted: '使用优化后的参数',
		applied: '从下一张卡片起使用优化后的参数。',
		useDefaults: '恢复默认参数',
		interfaceLanguage: '界面语言',
		contentLanguage: '卡片和题目语言',
		contentLanguageHint: '选择“两种语言”时，卡片背面和题目解析会同时显示另一种语言。',
		contentLanguages: {
			interface: '与界面相同',
			zh: '中文',
			en: '英文',
			both: '两种语言'
		}
	}
});
