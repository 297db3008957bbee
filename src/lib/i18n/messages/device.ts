import { defineMessages } from '../define';

export const device = defineMessages({
	en: {
		offline: 'Offline',
		offlineLabel: 'Offline: you can keep studying; everything is saved on this device.',
		title: 'This device',
		install: {
			title: 'Install ReportCard',
			body: 'It opens from your home screen like an app, works without a network, and the browser keeps your progress safe.',
			button: 'Install',
			notNow: 'Not now',
			iosTitle: 'Install on your iPhone or iPad',
			iosSteps: 'In Safari, tap Share (the square with an arrow), then Add to Home Screen.',
			iosWhy:
				'Safari deletes the data of websites you have not opened for a few weeks; an installed app keeps your progress.',
			gotIt: 'Got it',
			installed: 'Installed: open ReportCard from your home screen.',
			browserMenu: 'To install, open your browser’s menu and choose “Install app” or “Add to Home screen”.'
		},
		storage: {
			title: 'Storage',
			persisted: 'Protected: the browser will not clear your progress to free space.',
			notPersisted:
				'Not protected yet: the browser may clear your progress when space runs low. Installing the app usually protects it.',
			unknown: 'This browser does not say whether it keeps your data. Installing the app is the safest choice.',
			ask: 'Protect my progress',
			usage: (used: string, quota: string) => `Using ${used} of the ${quota} this browser allows.`
		}
	},
	'zh-CN': {
		offline: '离线',
		offlineLabel: '离线：可以继续学习，所有内容都保存在本设备上。',
		title: '本设备',
		install: {
			title: '安装 ReportCard',
			body: '从主屏幕像应用一样打开，无网络也能用，浏览器也会妥善保存你的学习进度。',
			button: '安装',
			notNow: '暂不',
			iosTitle: '安装到 iPhone 或 iPad',
			iosSteps: '在 Safari 中点按“共享”（带箭头的方框），然后选择“添加到主屏幕”。',
			iosWhy: 'Safari 会删除几周未打开的网站的数据；安装后的应用会保留你的学习进度。',
			gotIt: '知道了',
			installed: '已安装：请从主屏幕打开 ReportCard。',
			browserMenu: '如需安装，请打开浏览器菜单，选择“安装应用”或“添加到主屏幕”。'
		},
		storage: {
			title: '存储',
			persisted: '已受保护：浏览器不会为腾出空间而清除你的学习进度。',
			notPersisted: '尚未受保护：存储空间不足时，浏览器可能清除你的学习进度。安装应用通常可以保护它。',
			unknown: '此浏览器未说明是否会保留你的数据。安装应用是最稳妥的做法。',
			ask: '保护我的学习进度',
			usage: (used, quota) => `已使用 ${used}，此浏览器允许最多 ${quota}。`
		}
	}
});
