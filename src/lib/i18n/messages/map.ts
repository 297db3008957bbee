import type { RecallBand } from '../../domain/stats/passages';
import { defineMessages, plural } from '../define';

export const map = defineMessages({
	en: {
		title: 'Report map',
		intro:
			'Every paragraph of the report, shaded by the average chance that you would recall its cards now (cards not started or still being learned count as 0). Tap one to review it.',
		bands: {
			known: 'Known',
			fading: 'Fading',
			weak: 'Weak',
			unstarted: 'Not started'
		} satisfies Record<RecallBand, string>,
		bandMeaning: {
			known: 'recall 90% or more, nothing due',
			fading: 'recall 70% to 90%',
			weak: 'recall under 70%',
			unstarted: 'no card reviewed yet'
		} satisfies Record<RecallBand, string>,
		paragraph: (section: number, paragraph: number) => `§${section}.${paragraph}`,
		paragraphLabel: (section: number, paragraph: number) => `Section ${section}, paragraph ${paragraph}`,
		recall: (percent: string) => `Recall ${percent}`,
		started: (started: number, cards: number) => `${started} of ${plural(cards, 'card', 'cards')} started`,
		waiting: (due: number, fresh: number) =>
			due + fresh === 0
				? 'Nothing to review now'
				: [due > 0 && `${due} due`, fresh > 0 && `${fresh} new`].filter(Boolean).join(', '),
		limitReached: (n: number) => `${n} held back by today’s new-card limit: you can study more from the review`,
		list: (...parts: string[]) => parts.join(' · '),
		chapterSummary: (known: number, all: number) => `${known} of ${plural(all, 'paragraph', 'paragraphs')} known`,
		noCards: 'No cards cite this paragraph.'
	},
	'zh-CN': {
		title: '报告地图',
		intro:
			'报告的每一段，按你此刻能回忆起相关卡片的平均概率着色（尚未开始或仍在学习中的卡片按 0 计）。点按一段即可复习。',
		bands: {
			known: '已掌握',
			fading: '渐忘',
			weak: '薄弱',
			unstarted: '未开始'
		},
		bandMeaning: {
			known: '回忆概率 90% 及以上，且没有到期卡片',
			fading: '回忆概率 70%–90%',
			weak: '回忆概率低于 70%',
			unstarted: '尚未复习任何卡片'
		},
		paragraph: (section, paragraph) => `§${section}.${paragraph}`,
		paragraphLabel: (section, paragraph) => `第${section}节第${paragraph}段`,
		recall: (percent) => `回忆概率 ${percent}`,
		started: (started, cards) => `${cards} 张卡片中已学 ${started} 张`,
		waiting: (due, fresh) =>
			due + fresh === 0
				? '现在没有可复习的卡片'
				: [due > 0 && `${due} 张到期`, fresh > 0 && `${fresh} 张新卡`].filter(Boolean).join('，'),
		limitReached: (n) => `${n} 张受今日新卡上限限制，可在复习页再学`,
		list: (...parts) => parts.join(' · '),
		chapterSummary: (known, all) => `${all} 段中已掌握 ${known} 段`,
		noCards: '没有卡片引用这一段。'
	}
});
