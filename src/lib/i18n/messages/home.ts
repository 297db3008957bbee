import { defineMessages, plural } from '../define';

export const home = defineMessages({
	en: {
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
	'zh-CN': {
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
	}
});
