import type { StorageProblem } from '../../domain/problems';
import { defineMessages } from '../define';

export const errors = defineMessages({
	en: {
		title: 'Something went wrong',
		storage: {
			quota:
				'Your device is out of storage, so this was not saved. Free some space, then try again; nothing else was lost.',
			unavailable:
				'This browser does not let ReportCard store data (private browsing can do that). Open it in a normal window to study.',
			blocked:
				'ReportCard is open in another tab with an older version. Close the other tabs or reload them, then reload this one.',
			outdated:
				'A newer version of ReportCard was opened in another tab and updated your data. Reload this tab to update it too; nothing was lost.',
			stale: 'This card was already graded, perhaps in another tab. Showing the next card.',
			download:
				'The course content could not be downloaded. Connect to the internet and reload; nothing on this device was lost.',
			damaged:
				'Some progress saved on this device is damaged, so it cannot be shown. Open Data and run “Check data”: it rebuilds your cards from your review history and deletes nothing.',
			unknown: 'Your data could not be read or saved. Reload the page; if it keeps happening, restart the browser.'
		} satisfies Record<StorageProblem, string>,
		chapterNotFound: 'That chapter does not exist. Pick one from the list.',
		reload: 'Reload',
		openCheck: 'Open “Check data”',
		dismiss: 'Dismiss',
		notFound: 'Page not found',
		notFoundBody: (path: string) => `There is no page at ${path} in ReportCard. Your progress is safe.`,
		goHome: 'Go to the chapters'
	},
	'zh-CN': {
		title: '出了点问题',
		storage: {
			quota: '设备存储空间已满，本次操作没有保存。请释放一些空间后重试；其他数据都没有丢失。',
			unavailable: '此浏览器不允许 ReportCard 保存数据（无痕模式可能如此）。请在普通窗口中打开再学习。',
			blocked: 'ReportCard 在另一个标签页中以旧版本打开。请关闭或刷新其他标签页，然后刷新本页。',
			outdated: '另一个标签页打开了新版本的 ReportCard，并已更新你的数据。请刷新本标签页以完成更新；没有任何数据丢失。',
			stale: '这张卡片已经评过分了，可能是在另一个标签页中。现在显示下一张。',
			download: '无法下载课程内容。请连接网络后刷新页面；本设备上的数据没有丢失。',
			damaged:
				'这台设备上保存的部分学习进度已损坏，因此无法显示。请打开“数据”页面并运行“检查数据”：它会根据你的复习记录重建卡片，不会删除任何内容。',
			unknown: '无法读取或保存你的数据。请刷新页面；如果问题持续，请重启浏览器。'
		},
		chapterNotFound: '该章节不存在。请从列表中选择。',
		reload: '刷新',
		openCheck: '打开“检查数据”',
		dismiss: '关闭',
		notFound: '找不到这个页面',
		notFoundBody: (path) => `ReportCard 里没有 ${path} 这个页面。你的学习进度没有受到影响。`,
		goHome: '回到章节列表'
	}
});
