import { defineMessages } from '../define';

export const common = defineMessages({
	en: {
		appName: 'ReportCard',
		tagline: 'Master one report: flashcards and chapter quizzes, on your device.',
		loading: 'Loading…',
		switchLanguage: '中文',
		switchLanguageLabel: 'Switch to Chinese',
		skipToContent: 'Skip to content',
		nav: {
			home: 'Chapters',
			review: 'Review',
			exam: 'Final exam',
			stats: 'Stats',
			map: 'Map',
			cards: 'Cards',
			data: 'Data',
			settings: 'Settings',
			more: 'More'
		},
		navLabel: 'Main',
		/** Each language named in itself, wherever the learner picks one. */
		localeNames: { en: 'English', 'zh-CN': '中文' },
		update: {
			available: 'A new version of ReportCard is ready.',
			install: 'Update now',
			later: 'Later'
		}
	},
	'zh-CN': {
		appName: 'ReportCard',
		tagline: '吃透一份报告：闪卡与章节测验，数据只存在你的设备上。',
		loading: '加载中…',
		switchLanguage: 'English',
		switchLanguageLabel: '切换到英文',
		skipToContent: '跳到正文',
		nav: {
			home: '章节',
			review: '复习',
			exam: '总测验',
			stats: '统计',
			map: '地图',
			cards: '卡片',
			data: '数据',
			settings: '设置',
			more: '更多'
		},
		navLabel: '主导航',
		localeNames: { en: 'English', 'zh-CN': '中文' },
		update: {
			available: 'ReportCard 新版本已就绪。',
			install: '立即更新',
			later: '稍后'
		}
	}
});
