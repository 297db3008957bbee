import type { SyncProblem } from '../../domain/sync/problems';
import { defineMessages, plural } from '../define';

/** The headers a server must send for the app to reach it from its own origin (README, "Sync"). */
const CORS_HEADERS = (origin: string) =>
	`Access-Control-Allow-Origin: ${origin}; Access-Control-Allow-Methods: GET, PUT, DELETE, PROPFIND, MKCOL, OPTIONS; ` +
	'Access-Control-Allow-Headers: Authorization, Content-Type, Depth, If-None-Match';

export const sync = defineMessages({
	en: {
		heading: 'Sync',
		intro:
			'Keep your progress the same on your phone and your computer through your own WebDAV storage (Nextcloud, a NAS, any WebDAV host). Each device writes only its own files there; no server of ours is involved.',
		url: 'Server URL',
		urlHint: 'The WebDAV address of a folder, such as https://cloud.example.org/remote.php/dav/files/you/',
		username: 'User name',
		password: 'Password',
		passwordHint: 'Kept on this device only: never in a backup file or in your review log.',
		connect: 'Connect',
		connecting: 'Connecting…',
		syncNow: 'Sync now',
		syncing: 'Syncing…',
		disconnect: 'Disconnect',
		disconnected: 'Disconnected. The account is forgotten on this device; your progress here is unchanged.',
		connectedTo: (url: string, user: string) => `Connected to ${url} as ${user}.`,
		never: 'Not synced yet.',
		last: (when: string) => `Last synced ${when}.`,
		lastFailed: (when: string) => `The last sync, ${when}, stopped:`,
		did: (sentReviews: number, receivedReviews: number, sentQuizzes: number, receivedQuizzes: number) =>
			[
				`${plural(sentReviews, 'review', 'reviews')} sent, ${receivedReviews} received`,
				sentQuizzes + receivedQuizzes > 0
					? `${plural(sentQuizzes, 'quiz result', 'quiz results')} sent, ${receivedQuizzes} received`
					: ''
			]
				.filter(Boolean)
				.join('; ') + '.',
		settingsTaken: (n: number) => `${plural(n, 'setting', 'settings')} changed on another device taken.`,
		newer: (n: number) =>
			`${plural(n, 'file was', 'files were')} written by a newer version of ReportCard on another device: update this app to read ${n === 1 ? 'it' : 'them'}. Everything else synced.`,
		damaged: (where: string) =>
			`A damaged file on the server was skipped: ${where}. Everything else synced; the device that wrote it sends its contents again on its next sync.`,
		reload: 'Reload',
		problems: {
			badAddress: 'That is not a web address. Type the WebDAV address of a folder, starting with https://.',
			insecure:
				'This address uses plain http, so your password would cross the network unencrypted. Use its https address; only this computer (localhost or 127.0.0.1) may use http.',
			offline: 'You are offline. Your study is saved on this device and syncs when the network is back.',
			unreachable: 'The server did not answer. Check the address and that the server is running, then try again.',
			cors: (origin: string) =>
				`The server answered but does not let this app read its answers (cross-origin headers). It must send ${CORS_HEADERS(origin)}, and answer OPTIONS requests without asking for a password. The README's "Sync" section shows how for Apache and Nextcloud.`,
			reload:
				'The app reloads once to be allowed to reach this server: its security policy lets it reach only the server you connect.',
			auth: 'The server refused the user name or password. If you changed your password, connect again with the new one.',
			notWebdav: (status: number) =>
				`That address answered, but not as a WebDAV folder (status ${status}). Check that it is the WebDAV address of a folder; for Nextcloud it ends in /remote.php/dav/files/<your user name>/.`,
			full: 'Your storage on the server is full. Free some space there; nothing was lost, and sync carries on once there is room.',
			server: (status: number) => `The server failed (status ${status}). Try again later; nothing was lost.`,
			storage:
				'This device could not save what arrived; nothing was lost on the server. Free some space, then sync again.'
		} satisfies Record<SyncProblem['kind'], unknown>
	},
	'zh-CN': {
		heading: '同步',
		intro:
			'通过你自己的 WebDAV 存储（Nextcloud、NAS 或任何 WebDAV 主机），让手机和电脑上的进度保持一致。每台设备只在那里写入自己的文件；不经过我们的任何服务器。',
		url: '服务器地址',
		urlHint: '一个文件夹的 WebDAV 地址，例如 https://cloud.example.org/remote.php/dav/files/你的用户名/',
		username: '用户名',
		password: '密码',
		passwordHint: '只保存在本设备上：不会进入备份文件，也不会进入复习记录。',
		connect: '连接',
		connecting: '正在连接…',
		syncNow: '立即同步',
		syncing: '正在同步…',
		disconnect: '断开连接',
		disconnected: '已断开。本设备已忘记该账户；本设备上的进度没有变化。',
		connectedTo: (url, user) => `已以 ${user} 的身份连接到 ${url}。`,
		never: '尚未同步。',
		last: (when) => `上次同步：${when}。`,
		lastFailed: (when) => `上次同步（${when}）中断了：`,
		did: (sentReviews, receivedReviews, sentQuizzes, receivedQuizzes) =>
			[
				`发送 ${sentReviews} 条复习记录，收到 ${receivedReviews} 条`,
				sentQuizzes + receivedQuizzes > 0 ? `发送 ${sentQuizzes} 次测验结果，收到 ${receivedQuizzes} 次` : ''
			]
				.filter(Boolean)
				.join('；') + '。',
		settingsTaken: (n) => `已采用其他设备上更改的 ${n} 项设置。`,
		newer: (n) => `有 ${n} 个文件是由其他设备上更新版本的 ReportCard 写入的：请更新本应用后再读取。其余内容都已同步。`,
		damaged: (where) =>
			`服务器上的一个损坏文件已被跳过：${where}。其余内容都已同步；写入它的设备会在下次同步时重新发送其内容。`,
		reload: '刷新',
		problems: {
			badAddress: '这不是一个网址。请输入一个文件夹的 WebDAV 地址，以 https:// 开头。',
			insecure:
				'这个地址使用未加密的 http，你的密码会以明文经过网络。请使用它的 https 地址；只有本机（localhost 或 127.0.0.1）可以使用 http。',
			offline: '你目前处于离线状态。学习进度已保存在本设备上，联网后会自动同步。',
			unreachable: '服务器没有响应。请检查地址以及服务器是否在运行，然后重试。',
			cors: (origin) =>
				`服务器有响应，但不允许本应用读取其响应（跨域请求头）。服务器必须发送 ${CORS_HEADERS(origin)}，并且在不要求密码的情况下响应 OPTIONS 请求。README 的“Sync”一节说明了 Apache 和 Nextcloud 的设置方法。`,
			reload: '应用需要刷新一次才能访问这个服务器：它的安全策略只允许访问你连接的服务器。',
			auth: '服务器拒绝了用户名或密码。如果你改过密码，请用新密码重新连接。',
			notWebdav: (status) =>
				`这个地址有响应，但不是 WebDAV 文件夹（状态码 ${status}）。请确认它是一个文件夹的 WebDAV 地址；Nextcloud 的地址以 /remote.php/dav/files/<你的用户名>/ 结尾。`,
			full: '你在服务器上的存储空间已满。请在那里释放一些空间；没有任何数据丢失，有空间后同步会继续。',
			server: (status) => `服务器出错（状态码 ${status}）。请稍后重试；没有任何数据丢失。`,
			storage: '本设备无法保存收到的内容；服务器上没有任何数据丢失。请释放一些空间，然后再次同步。'
		}
	}
});
