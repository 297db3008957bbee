import { defineMessages, plural } from '../define';

export const data = defineMessages({
	en: {
		title: 'Your data',
		intro:
			'Everything you study is stored only on this device. Download a backup now and then and keep it somewhere else (a cloud drive, an email to yourself): it restores your progress here or on another device.',
		working: 'Working…',
		nothingChanged: 'Nothing was changed.',
		progress: {
			writing: 'Writing the backup',
			checking: 'Checking the file',
			restoring: 'Restoring',
			rows: (done: string, total: string) => `${done} of ${total} rows`
		},
		unreadable: 'The file could not be read; it may have been moved or deleted. Choose it again.',
		backup: {
			heading: 'Backup',
			last: (date: string) => `Last backup: ${date}`,
			never: 'No backup yet from this device.',
			due: 'Some of your progress is more than a week old and exists only on this device.',
			download: 'Download backup',
			saved: (file: string) => `Saved ${file}. Keep it somewhere other than this device.`,
			damaged:
				'Some data stored on this device is damaged, so no backup was made. Run “Check data” below to repair it, then download the backup again.'
		},
		restore: {
			heading: 'Restore from a backup',
			choose: 'Choose a backup file',
			file: (date: string, reviews: number, quizzes: number) =>
				`Backup from ${date}: ${plural(reviews, 'review log entry', 'review log entries')} (every grade and undo, all time), ${plural(quizzes, 'quiz', 'quizzes')}.`,
			mode: 'How to restore',
			merge: 'Merge',
			mergeHint:
				'Add what the backup has to what is on this device. Nothing here is removed, and merging the same file again changes nothing.',
			replace: 'Replace',
			replaceHint: 'Make the progress on this device exactly the backup’s. Progress only on this device is removed.',
			start: 'Restore',
			confirmTitle: 'Replace the progress on this device?',
			loss: (reviews: number, quizzes: number) =>
				`This removes ${plural(reviews, 'review', 'reviews')} and ${plural(quizzes, 'quiz result', 'quiz results')} that are on this device but not in the backup.`,
			noLoss: 'Everything on this device is also in the backup, so nothing is lost.',
			confirm: 'Replace',
			cancel: 'Cancel',
			nothingNew: 'Nothing new: this device already had everything in this backup.',
			added: (reviews: number, quizzes: number) =>
				`Restored: ${plural(reviews, 'review', 'reviews')} and ${plural(quizzes, 'quiz result', 'quiz results')} added.`,
			removed: (reviews: number, quizzes: number) =>
				`Removed ${plural(reviews, 'review', 'reviews')} and ${plural(quizzes, 'quiz result', 'quiz results')} that were not in the backup.`,
			problem: {
				empty:
					'This file is empty. Choose the file that “Download backup” saved (.jsonl.gz, or .json from older versions).',
				tooLarge: (megabytes: number) =>
					`This file is larger than ${megabytes} MB, the most a backup in the older .json format can be restored from. If this is your backup, keep it: the data is still safe on the device that made it. Update ReportCard there and download a new backup, which has no size limit. If you chose the wrong file, choose the one “Download backup” saved.`,
				truncated:
					'This backup is incomplete: the file ends too early, as when a download or copy is cut off. Download a new backup on the device that made it.',
				notJson:
					'This file is not a ReportCard backup, or it is damaged. Choose the file that “Download backup” saved (.jsonl.gz, or .json from older versions).',
				foreign:
					'This file is not a ReportCard backup. Choose the file that “Download backup” saved (.jsonl.gz, or .json from older versions).',
				corrupt: (line: number) =>
					`This backup is incomplete or damaged: it cannot be unpacked${line > 0 ? ` after line ${line}` : ''}, as when a download or copy is cut off.`,
				badLine: (line: number) => `This backup is damaged or was edited: line ${line} is not a row of a backup.`,
				countMismatch: (table: string, expected: number, found: number) =>
					`This backup is damaged or was edited: its first line announces ${expected} rows of ${table}, but it holds ${found}.`,
				changed: 'The file changed while it was being restored. Choose it again, then restore.',
				atLine: (line: number) => `Line ${line}:`,
				newerVersion: (version: number) =>
					`This backup was made by a newer version of ReportCard (format ${version}). Reload this page to update the app, then restore again.`,
				missing: (path: string) => `This backup is damaged: ${path} is missing.`,
				unknownKey: (path: string) =>
					`This backup is damaged or was edited: it has an entry this app does not know at ${path}.`,
				tooLong: (path: string, length: string) =>
					`This backup is damaged or was edited: ${path} is far too long (${length} characters).`,
				wrongValue: (path: string, value: string) =>
					`This backup is damaged or was edited: ${path} has a value this app cannot read (${value}).`,
				duplicateId: (table: string, id: string) =>
					`This backup is damaged or was edited: the id “${id}” appears twice in ${table}.`,
				unknownCard: (review: string, card: string) =>
					`This backup is damaged or was edited: review “${review}” belongs to card “${card}”, which the file does not contain.`,
				unknownChapter: (card: string, chapter: string) =>
					`This backup is damaged or was edited: card “${card}” belongs to deck “${chapter}”, which the file does not contain.`,
				otherFile: 'Use another backup file, or download a new one on the device that made it.'
			}
		},
		tools: {
			heading: 'Use with other apps',
			reviewLog: 'Review log for the FSRS optimiser (CSV)',
			reviewLogHint: (timeZone: string) =>
				`One row per review: card_id, review_time, review_rating, review_state, review_duration. When the optimiser asks, your time zone is ${timeZone} and your day starts at 4 am.`,
			anki: 'Cards for Anki (text file)',
			ankiHint:
				'A tab-separated file with every card in the current language. In Anki choose File › Import; importing a newer file again updates the same notes.'
		},
		decks: {
			heading: 'Your decks',
			badge: 'Your deck',
			intro:
				'Import a deck from a tab-separated text file, such as an Anki “Notes in Plain Text” export: one card per line, the front, a tab, then the back. It becomes its own chapter.',
			choose: 'Import a deck file',
			none: 'No decks imported yet.',
			cards: (n: number) => plural(n, 'card', 'cards'),
			created: (name: string, cards: number) => `Imported “${name}”: ${plural(cards, 'card', 'cards')}.`,
			updated: (name: string, added: number, kept: number, retired: number) =>
				`Updated “${name}”: ${added} new, ${kept} kept with their progress, ${retired} no longer in the file.`,
			review: 'Review',
			delete: 'Delete',
			deleteTitle: (name: string) => `Delete “${name}”?`,
			confirmDelete:
				'Its cards and their review history are deleted with it. This cannot be undone, but a backup made before still holds them.',
			confirm: 'Delete deck',
			cancel: 'Cancel',
			deleted: (name: string) => `Deleted “${name}”.`,
			problem: {
				empty: 'This file is empty.',
				tooLarge: (megabytes: number) => `This file is larger than ${megabytes} MB; split it into smaller decks.`,
				notText: 'This is not a text file. Export the deck from Anki as “Notes in Plain Text” (.txt).',
				separator: (value: string) =>
					`The file asks for the separator “${value}”, which is not one Anki uses (tab, comma, semicolon, pipe, colon, space).`,
				noNotes: 'The file has no cards, only header or comment lines.',
				tooMany: (count: number, limit: number) =>
					`The file has ${count} cards; one deck may have at most ${limit}. Split it into smaller decks.`,
				unclosedQuote: (line: number) =>
					`Line ${line}: a quote (") opens a field that never closes. Close it, or remove the quote.`,
				noBack: (line: number) =>
					`Line ${line} has no back: put a tab between the front and the back (is the file separated by commas? Add the line #separator:comma at the top).`,
				emptyFront: (line: number) => `Line ${line} has an empty front.`,
				tooLong: (line: number, length: number, limit: number) =>
					`Line ${line} has a field of ${length} characters; at most ${limit} are allowed.`,
				duplicate: (line: number, first: number) => `Line ${line} repeats the card on line ${first}.`,
				more: (n: number) => `…and ${plural(n, 'more problem', 'more problems')}.`,
				fix: 'Fix the file and import it again; nothing was imported.'
			}
		},
		check: {
			heading: 'Check data',
			intro:
				'Looks for damaged data and repairs it from your review history. Nothing is deleted: a damaged history entry is set aside here.',
			run: 'Check data',
			clean: (cards: number, reviews: number) =>
				`Checked ${plural(cards, 'card', 'cards')} and ${plural(reviews, 'review', 'reviews')}: everything is in order.`,
			repaired: (cards: number, reviews: number) =>
				`Checked ${plural(cards, 'card', 'cards')} and ${plural(reviews, 'review', 'reviews')} and repaired:`,
			waitingReviews: (n: number) =>
				`${plural(n, 'history entry', 'history entries')} of cards not on this device, kept for when they arrive (a sync or a restore brings them)`,
			setAsideReviews: (n: number) =>
				`${plural(n, 'damaged history entry', 'damaged history entries')}, set aside (below): the schedule cannot use them`,
			impossibleCards: (n: number) =>
				`${plural(n, 'card', 'cards')} with an impossible schedule, rebuilt from their history`,
			staleCards: (n: number) =>
				`${plural(n, 'card', 'cards')} whose schedule disagreed with their history, rebuilt from it`,
			setAsideKept: (n: number) =>
				`${plural(n, 'damaged history entry is', 'damaged history entries are')} set aside on this device. They are kept as they were; download them to look at them or to ask for help.`,
			downloadSetAside: 'Download the set-aside entries'
		}
	},
	'zh-CN': {
		title: '我的数据',
		intro:
			'你的学习记录只保存在这台设备上。请不时下载一份备份，并存放在别处（网盘，或发邮件给自己）：它可以在本设备或另一台设备上恢复你的进度。',
		working: '处理中…',
		nothingChanged: '没有做任何更改。',
		progress: {
			writing: '正在写入备份',
			checking: '正在检查文件',
			restoring: '正在恢复',
			rows: (done, total) => `已处理 ${done} / ${total} 行`
		},
		unreadable: '无法读取该文件，它可能已被移动或删除。请重新选择。',
		backup: {
			heading: '备份',
			last: (date) => `上次备份：${date}`,
			never: '这台设备还没有备份过。',
			due: '你有一周前的学习进度只保存在这台设备上。',
			download: '下载备份',
			saved: (file) => `已保存 ${file}。请把它存放在这台设备以外的地方。`,
			damaged: '这台设备上存储的部分数据已损坏，因此没有生成备份。请先运行下方的“检查数据”进行修复，然后再下载备份。'
		},
		restore: {
			heading: '从备份恢复',
			choose: '选择备份文件',
			file: (date, reviews, quizzes) =>
				`${date} 的备份：${reviews} 条复习记录（历来每次评分和撤销），${quizzes} 次测验。`,
			mode: '恢复方式',
			merge: '合并',
			mergeHint: '把备份中的内容加入本设备。本设备上的内容不会被删除；同一文件再次合并不会有任何变化。',
			replace: '替换',
			replaceHint: '让本设备的进度与备份完全一致。只存在于本设备上的进度将被删除。',
			start: '恢复',
			confirmTitle: '替换本设备上的进度？',
			loss: (reviews, quizzes) => `这将删除本设备上有、备份中没有的 ${reviews} 次复习和 ${quizzes} 次测验结果。`,
			noLoss: '本设备上的所有内容备份中都有，不会丢失任何东西。',
			confirm: '替换',
			cancel: '取消',
			nothingNew: '没有新内容：本设备已包含此备份中的全部内容。',
			added: (reviews, quizzes) => `已恢复：新增 ${reviews} 次复习和 ${quizzes} 次测验结果。`,
			removed: (reviews, quizzes) => `已删除备份中没有的 ${reviews} 次复习和 ${quizzes} 次测验结果。`,
			problem: {
				empty: '这个文件是空的。请选择“下载备份”保存的文件（.jsonl.gz，或旧版本的 .json）。',
				tooLarge: (megabytes) =>
					`这个文件超过 ${megabytes} MB，这是旧版 .json 格式备份可恢复的上限。如果这就是你的备份，请保存好它，原设备上的数据仍然完好：在那台设备上更新 ReportCard 并重新下载备份，新格式没有大小限制。如果选错了文件，请选择“下载备份”保存的文件。`,
				truncated: '这份备份不完整：文件提前结束了，就像下载或复制被中断一样。请在原设备上重新下载备份。',
				notJson:
					'这不是 ReportCard 备份文件，或者文件已损坏。请选择“下载备份”保存的文件（.jsonl.gz，或旧版本的 .json）。',
				foreign: '这不是 ReportCard 备份文件。请选择“下载备份”保存的文件（.jsonl.gz，或旧版本的 .json）。',
				corrupt: (line) =>
					`这份备份不完整或已损坏：${line > 0 ? `第 ${line} 行之后的` : ''}内容无法解压，就像下载或复制被中断一样。`,
				badLine: (line) => `这份备份已损坏或被修改过：第 ${line} 行不是备份数据。`,
				countMismatch: (table, expected, found) =>
					`这份备份已损坏或被修改过：文件第一行写明 ${table} 有 ${expected} 行，实际有 ${found} 行。`,
				changed: '恢复过程中文件发生了变化。请重新选择文件，然后再恢复。',
				atLine: (line) => `第 ${line} 行：`,
				newerVersion: (version) =>
					`这份备份由更新版本的 ReportCard 制作（格式 ${version}）。请刷新本页以更新应用，然后再恢复。`,
				missing: (path) => `这份备份已损坏：缺少 ${path}。`,
				unknownKey: (path) => `这份备份已损坏或被修改过：${path} 处有本应用不认识的条目。`,
				tooLong: (path, length) => `这份备份已损坏或被修改过：${path} 过长（${length} 个字符）。`,
				wrongValue: (path, value) => `这份备份已损坏或被修改过：${path} 的值无法识别（${value}）。`,
				duplicateId: (table, id) => `这份备份已损坏或被修改过：编号“${id}”在 ${table} 中出现了两次。`,
				unknownCard: (review, card) =>
					`这份备份已损坏或被修改过：复习记录“${review}”属于卡片“${card}”，但文件中没有这张卡片。`,
				unknownChapter: (card, chapter) =>
					`这份备份已损坏或被修改过：卡片“${card}”属于卡组“${chapter}”，但文件中没有这个卡组。`,
				otherFile: '请换一个备份文件，或在原设备上重新下载备份。'
			}
		},
		tools: {
			heading: '在其他应用中使用',
			reviewLog: 'FSRS 优化器使用的复习记录（CSV）',
			reviewLogHint: (timeZone) =>
				`每次复习一行：card_id、review_time、review_rating、review_state、review_duration。优化器询问时，你的时区是 ${timeZone}，每天从凌晨 4 点开始。`,
			anki: 'Anki 卡片（文本文件）',
			ankiHint:
				'以制表符分隔、包含当前语言全部卡片的文件。在 Anki 中选择“文件 › 导入”；再次导入较新的文件会更新相同的笔记。'
		},
		decks: {
			heading: '我的卡组',
			badge: '我的卡组',
			intro:
				'从制表符分隔的文本文件导入卡组，例如 Anki 导出的“纯文本笔记”：每行一张卡片，正面、一个制表符、背面。导入的卡组会成为单独的一章。',
			choose: '导入卡组文件',
			none: '还没有导入任何卡组。',
			cards: (n) => `${n} 张卡片`,
			created: (name, cards) => `已导入“${name}”：${cards} 张卡片。`,
			updated: (name, added, kept, retired) =>
				`已更新“${name}”：新增 ${added} 张，保留进度 ${kept} 张，文件中已不再有 ${retired} 张。`,
			review: '复习',
			delete: '删除',
			deleteTitle: (name) => `删除“${name}”？`,
			confirmDelete: '它的卡片和复习记录会一并删除。此操作无法撤销，但之前制作的备份中仍保留着它们。',
			confirm: '删除卡组',
			cancel: '取消',
			deleted: (name) => `已删除“${name}”。`,
			problem: {
				empty: '这个文件是空的。',
				tooLarge: (megabytes) => `这个文件超过 ${megabytes} MB；请拆分成较小的卡组。`,
				notText: '这不是文本文件。请在 Anki 中将卡组导出为“纯文本笔记”（.txt）。',
				separator: (value) =>
					`文件要求使用分隔符“${value}”，这不是 Anki 支持的分隔符（制表符、逗号、分号、竖线、冒号、空格）。`,
				noNotes: '文件中没有卡片，只有标题行或注释行。',
				tooMany: (count, limit) => `文件有 ${count} 张卡片；一个卡组最多 ${limit} 张。请拆分成较小的卡组。`,
				unclosedQuote: (line) => `第 ${line} 行：引号（"）开始的字段没有结束。请补上结束引号，或删除这个引号。`,
				noBack: (line) =>
					`第 ${line} 行没有背面：请在正面和背面之间加一个制表符（如果文件用逗号分隔，请在开头加一行 #separator:comma）。`,
				emptyFront: (line) => `第 ${line} 行的正面是空的。`,
				tooLong: (line, length, limit) => `第 ${line} 行有一个 ${length} 个字符的字段；最多允许 ${limit} 个。`,
				duplicate: (line, first) => `第 ${line} 行与第 ${first} 行的卡片重复。`,
				more: (n) => `……另外还有 ${n} 个问题。`,
				fix: '请修正文件后重新导入；本次没有导入任何内容。'
			}
		},
		check: {
			heading: '检查数据',
			intro: '查找损坏的数据，并根据你的复习记录修复。不会删除任何内容：损坏的记录会被单独存放在这里。',
			run: '检查数据',
			clean: (cards, reviews) => `已检查 ${cards} 张卡片和 ${reviews} 次复习：一切正常。`,
			repaired: (cards, reviews) => `已检查 ${cards} 张卡片和 ${reviews} 次复习，并修复了：`,
			waitingReviews: (n) => `${n} 条属于本设备上没有的卡片的记录，已保留，待卡片到来时使用（同步或恢复会带来它们）`,
			setAsideReviews: (n) => `${n} 条损坏的记录，排程无法使用，已单独存放（见下方）`,
			impossibleCards: (n) => `${n} 张排程数值不可能成立的卡片，已根据复习记录重建`,
			staleCards: (n) => `${n} 张排程与复习记录不一致的卡片，已据此重建`,
			setAsideKept: (n) => `本设备上单独存放着 ${n} 条损坏的记录。它们保持原样；可以下载查看，或在求助时附上。`,
			downloadSetAside: '下载单独存放的记录'
		}
	}
});
