/**
 * A synthetic collection at scale, written straight into the app's IndexedDB: a `bench` deck of 20 chapters, N cards
 * and 10 review-log rows per card, for the benchmark (tests/bench) and any other measurement that needs a big learner.
 *
 * The rows follow the schema exactly: tables and keys from src/lib/storage/db.ts, cards as StoredCard
 * (domain/sync/content-sync.ts) with their MemoryState (domain/scheduling/memory.ts), log rows as GradeEvent and
 * ResetEvent (domain/scheduling/review-log.ts), chapters as StoredChapter. They are generated inside the page
 * (`seedInPage` is serialised into page.evaluate, so it uses nothing from outside its own body) and written with raw
 * IndexedDB in large transactions with `durability: 'relaxed'`: 1,000,000 rows never cross the DevTools protocol.
 *
 * Seed after the app's first visit: that visit syncs the shipped decks and records `contentVersion`, so content sync
 * does not run again, and content sync never touches a deck the app does not ship, so the bench rows stay.
 *
 * The collection looks like a learner's who studied for a year: most cards in review, due from a week ago to six months
 * ahead (a few hundred due today), 5 % new (the last in report order), a few in (re)learning, 0.5 % suspended; each card
 * has 10 log rows over the past year with growing intervals, none today (so the daily limits start fresh). Memory
 * states are plausible, not FSRS replays of the log: rebuilding a card from its log would change its numbers.
 */
import type { Page } from '@playwright/test';
import type { StoredCard, StoredChapter } from '../../src/lib/domain/collection';
import type { SettingRow } from '../../src/lib/storage/db';
import type { MemoryState, State } from '../../src/lib/domain/scheduling/memory';
import type { Grade, ReviewEvent } from '../../src/lib/domain/scheduling/review-log';
import { DEFAULT_ROLLOVER_HOUR } from '../../src/lib/domain/time';

export interface CollectionSpec {
	cards: number;
	/** Log rows per card (default 10). */
	reviewsPerCard?: number;
	/** Chapters of the bench deck (default 20); the cards are split evenly between them. */
	chapters?: number;
	/** Review cards due today, overdue by up to a week included (default: 5 % of the cards, at most 100 + 0.3 %). */
	dueToday?: number;
	/** The present, epoch ms (default: now): every row is placed relative to it. */
	now?: number;
	/** Seed of the generator: the same spec gives the same collection (apart from the log rows' random ids). */
	seed?: number;
	/** Cards written per transaction (default 10,000, with their log rows). */
	cardsPerTransaction?: number;
}

/** The spec with every default filled in: what crosses into the page. */
export type ResolvedSpec = Required<CollectionSpec> & { database: string; deckId: string; rolloverHour: number };

export interface SeedResult {
	cards: number;
	reviews: number;
	chapters: number;
	/** Chapters shown on the home screen after seeding: the shipped ones plus the bench deck's. */
	activeChapters: number;
	/** Cards per role: review due today, review due later, learning, relearning, new; and how many are suspended. */
	roles: { dueToday: number; later: number; learning: number; relearning: number; fresh: number; suspended: number };
	/** Time spent in the page, generating and writing, ms. */
	ms: number;
}

export const BENCH_DECK_ID = 'bench';

export function resolveSpec(spec: CollectionSpec): ResolvedSpec {
	return {
		cards: spec.cards,
		reviewsPerCard: spec.reviewsPerCard ?? 10,
		chapters: spec.chapters ?? 20,
		dueToday: spec.dueToday ?? Math.min(Math.round(spec.cards * 0.05), 100 + Math.round(spec.cards * 0.003)),
		now: spec.now ?? Date.now(),
		seed: spec.seed ?? 1,
		cardsPerTransaction: spec.cardsPerTransaction ?? 10_000,
		database: 'reportcard',
		deckId: BENCH_DECK_ID,
		rolloverHour: DEFAULT_ROLLOVER_HOUR
	};
}

/** Seed the synthetic collection into the database of the app open in `page` (after its first visit). */
export async function seedCollection(page: Page, spec: CollectionSpec): Promise<SeedResult> {
	return page.evaluate(seedInPage, resolveSpec(spec));
}

/** Runs in the page. Self-contained: Playwright sends its source, so it may use only its argument and browser APIs. */
export async function seedInPage(spec: ResolvedSpec): Promise<SeedResult> {
	const started = performance.now();
	const DAY = 86_400_000;
	const MINUTE = 60_000;
	const NEW = 0 as State;
	const LEARNING = 1 as State;
	const REVIEW = 2 as State;
	const RELEARNING = 3 as State;
	const AGAIN = 1 as Grade;
	const HARD = 2 as Grade;
	const GOOD = 3 as Grade;
	const EASY = 4 as Grade;
	const { now, cards: total, reviewsPerCard: perCard, deckId } = spec;

	// mulberry32: small, fast and good enough to spread rows; seeded so every run builds the same collection.
	let seed = spec.seed >>> 0;
	const random = () => {
		seed = (seed + 0x6d2b79f5) >>> 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const between = (low: number, high: number) => low + random() * (high - low);
	const pad = (n: number, width: number) => String(n).padStart(width, '0');

	const request = <T>(r: IDBRequest<T>) =>
		new Promise<T>((resolve, reject) => {
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
		});
	const completion = (tx: IDBTransaction) =>
		new Promise<void>((resolve, reject) => {
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
			tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		});

	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const open = indexedDB.open(spec.database);
		// Opening without a version creates a missing database: refuse, the app must have made it.
		open.onupgradeneeded = () => {
			open.transaction?.abort();
			reject(new Error(`No "${spec.database}" database yet: open the app once before seeding`));
		};
		open.onsuccess = () => resolve(open.result);
		open.onerror = () => reject(open.error ?? new Error('Cannot open the database'));
	});
	try {
		const check = db.transaction(['settings', 'chapters', 'cards', 'reviews'], 'readonly');
		/** The fields a store's indexes read (the first step of each key path). */
		const indexedFields = (name: string) => {
			const store = check.objectStore(name);
			return Array.from(store.indexNames).flatMap((index) =>
				[store.index(index).keyPath].flat().map((path) => path.split('.')[0])
			);
		};
		const indexed = {
			chapters: indexedFields('chapters'),
			cards: indexedFields('cards'),
			reviews: indexedFields('reviews')
		};
		// Some schemas index keys the app derives from a card on every write (kept by the write path, which raw IndexedDB
		// bypasses; indexKeys in src/lib/storage/db.ts): fill them the same way, so the seeded cards sit in those indexes
		// as the app's do.
		const queueKeyed = indexed.cards.includes('queueDue') || indexed.cards.includes('queueNew');
		const masteryKeyed = indexed.cards.includes('mastered');
		// From schema version 3 the app keeps projections with every card and grade it writes (card digests in
		// src/lib/storage/projections/digests.ts, day tallies in src/lib/domain/stats/tallies.ts), and marks them right
		// from the database's creation. Raw rows bypass that, so they are counted here the same way and the marker stays true. The
		// young/mature split uses the seed's own intervals: its memory states are plausible, not FSRS replays.
		const tallied = db.objectStoreNames.contains('cardDigests') && db.objectStoreNames.contains('tallies');
		// From schema version 7 grades are also counted per quarter hour with the cards graded (grade slots in
		// src/lib/domain/scheduling/grade-slots.ts), which the queue reads for the day's work.
		const slotted = db.objectStoreNames.contains('gradeSlots');
		interface Slot {
			slot: number;
			newStarted: number;
			reviewsDone: number;
			cardIds: string[];
			noteIds: string[];
		}
		const slots = new Map<number, Slot>();
		const slotGrade = (cardId: string, noteId: string, at: number, before: State) => {
			const key = Math.floor(at / (15 * MINUTE));
			const slot = slots.get(key) ?? { slot: key, newStarted: 0, reviewsDone: 0, cardIds: [], noteIds: [] };
			slots.set(key, slot);
			if (before === NEW) slot.newStarted++;
			else if (before === REVIEW) slot.reviewsDone++;
			// Cards are made in id order, so each slot's entries stay in the order the app keeps them.
			slot.cardIds.push(cardId);
			slot.noteIds.push(noteId);
		};
		interface Tally {
			chapterId: string;
			day: number;
			reviews: number;
			durationMs: number;
			young: { passed: number; failed: number };
			mature: { passed: number; failed: number };
		}
		const tallies = new Map<string, Tally>();
		const digests = new Map<string, { chapterId: string; shard: number; ids: string[]; numbers: number[] }>();
		const studyDayOf = (at: number) => {
			const start = new Date(at);
			start.setHours(spec.rolloverHour, 0, 0, 0);
			if (start.getTime() > at) start.setDate(start.getDate() - 1);
			return Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY;
		};
		const count = (chapterId: string, at: number, durationMs: number, before: State, days: number, rating: Grade) => {
			const day = studyDayOf(at);
			const key = `${day} ${chapterId}`;
			const tally = tallies.get(key) ?? {
				chapterId,
				day,
				reviews: 0,
				durationMs: 0,
				young: { passed: 0, failed: 0 },
				mature: { passed: 0, failed: 0 }
			};
			tallies.set(key, tally);
			tally.reviews++;
			tally.durationMs += durationMs;
			if (before !== REVIEW) return;
			const group = days >= 21 ? tally.mature : tally.young;
			if (rating === AGAIN) group.failed++;
			else group.passed++;
		};
		const digest = (card: StoredCard) => {
			// shardOf in digests.ts: FNV-1a of the id, 16 rows per chapter. Ids come in sorted order, as rows keep them.
			let hash = 0x811c9dc5;
			for (let i = 0; i < card.id.length; i++) hash = Math.imul(hash ^ card.id.charCodeAt(i), 0x01000193);
			const shard = (hash >>> 0) % 16;
			const key = `${shard} ${card.chapterId}`;
			const row = digests.get(key) ?? { chapterId: card.chapterId, shard, ids: [], numbers: [] };
			digests.set(key, row);
			const { state, stability, lastReview, due } = card.memory;
			row.ids.push(card.id);
			row.numbers.push(card.suspended, state, stability, lastReview ?? -1, due);
		};

		const version = (await request(check.objectStore('settings').get('contentVersion'))) as SettingRow | undefined;
		if (!version) throw new Error('The app has not synced its decks yet: let its first visit finish before seeding');
		const existing = (await request(check.objectStore('chapters').getAll())) as StoredChapter[];
		const already = await request(check.objectStore('cards').index('deckId').count(deckId));
		if (already > 0) throw new Error(`The database already holds ${already} cards of the "${deckId}" deck`);

		// The study day as the app counts it (domain/time.ts), so "due today" means the same here and there.
		const dayStartDate = new Date(now);
		dayStartDate.setHours(spec.rolloverHour, 0, 0, 0);
		if (dayStartDate.getTime() > now) dayStartDate.setDate(dayStartDate.getDate() - 1);
		const dayStart = dayStartDate.getTime();
		dayStartDate.setDate(dayStartDate.getDate() + 1);
		const dayEnd = dayStartDate.getTime();

		const firstOrder = Math.max(0, ...existing.map((chapter) => chapter.order)) + 1;
		const chapters: StoredChapter[] = Array.from({ length: spec.chapters }, (_, i) => ({
			id: `${deckId}-ch${pad(i + 1, 2)}`,
			deckId,
			order: firstOrder + i,
			title: {
				zh: `基准测试第${i + 1}章：算力、芯片与产业政策`,
				en: `Bench chapter ${i + 1}: compute, chips and policy`
			},
			sections: [i + 1],
			sectionTitles: [{ number: i + 1, title: { zh: `基准小节${i + 1}`, en: `Bench section ${i + 1}` } }],
			summary: Array.from({ length: 4 }, (_, p) => ({
				section: i + 1,
				paragraph: p + 1,
				text: {
					zh: `第${i + 1}章第${p + 1}段的摘要：出口管制限制先进芯片，国内厂商加快替代，政策在短期进展与长期自给之间权衡。`,
					en: `Summary of chapter ${i + 1}, paragraph ${p + 1}: export controls restrict advanced chips, domestic makers speed up substitution, and policy weighs near-term progress against long-term self-sufficiency.`
				}
			})),
			retired: 0
		}));

		// Roles: the last 5 % in report order are new; among the others, a shuffled few are in (re)learning or due today.
		const fresh = Math.round(total * 0.05);
		const studied = total - fresh;
		const learning = Math.min(studied, Math.max(3, Math.round(total * 0.0005)));
		const relearning = Math.min(studied - learning, Math.max(3, Math.round(total * 0.0005)));
		const dueToday = Math.min(studied - learning - relearning, spec.dueToday);
		const ROLE_LATER = 0;
		const ROLE_DUE = 1;
		const ROLE_LEARNING = 2;
		const ROLE_RELEARNING = 3;
		const ROLE_NEW = 4;
		const roles = new Uint8Array(total).fill(ROLE_LATER);
		roles.fill(ROLE_NEW, studied);
		const shuffled = Uint32Array.from({ length: studied }, (_, i) => i);
		for (let i = studied - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
		}
		for (let k = 0; k < learning + relearning + dueToday; k++) {
			roles[shuffled[k]!] = k < learning ? ROLE_LEARNING : k < learning + relearning ? ROLE_RELEARNING : ROLE_DUE;
		}
		let suspended = 0;

		/** Mostly Good, some Again (a lapse), Hard and Easy, as a learner who keeps up grades. */
		const reviewRating = (): Grade => {
			const r = random();
			return r < 0.08 ? AGAIN : r < 0.18 ? HARD : r < 0.9 ? GOOD : EASY;
		};

		// Log rows get random UUIDs as the app gives them, handed out in sorted order: each transaction then fills one
		// slice of the key space, which spares LevelDB most of its compaction work (the rows are the same either way).
		const eventIds = Array.from({ length: total * perCard }, () => crypto.randomUUID()).sort();
		let nextEventId = 0;
		const eventId = () => eventIds[nextEventId++]!;

		const makeCard = (i: number, log: ReviewEvent[]): StoredCard => {
			const role = roles[i];
			const id = `${deckId}-c${pad(i + 1, 6)}`;
			const chapterIndex = Math.floor((i * spec.chapters) / total);
			const kind = i % 5 === 4 ? 'cloze' : i % 7 === 3 ? 'reversed' : 'basic';
			const n = i + 1;
			const noteId = `${deckId}-n${pad(n, 6)}`;

			// Times of the log rows: a first review 11-12 months ago, intervals growing towards the last review.
			let due: number;
			let lastReview: number;
			if (role === ROLE_LEARNING || role === ROLE_RELEARNING) {
				lastReview = between(dayStart - 3 * DAY, dayStart - 60 * MINUTE);
				due = lastReview + 10 * MINUTE;
			} else if (role === ROLE_NEW) {
				lastReview = between(now - 200 * DAY, dayStart - 60 * MINUTE);
				due = lastReview;
			} else {
				due = role === ROLE_DUE ? between(now - 7 * DAY, dayEnd - 1) : between(dayEnd, now + 180 * DAY);
				lastReview = between(Math.max(due - 180 * DAY, now - 300 * DAY), Math.min(dayStart, due - DAY));
			}
			const first = between(now - 365 * DAY, now - 330 * DAY);
			const times = Array.from(
				{ length: perCard },
				(_, k) => Math.round(first + (lastReview - first) * (perCard > 1 ? (k / (perCard - 1)) ** 2 : 1)) + k
			);
			const introducedAt = Math.round(first - between(0, 3 * DAY));

			// Walk the log: new, learning, then reviews with an occasional lapse and relearning.
			let state: State = NEW;
			let lapses = 0;
			let reps = 0;
			let previousAt = introducedAt;
			const grade = (at: number, rating: Grade) => {
				const durationMs = Math.round(between(1500, 25_000));
				log.push({ id: eventId(), cardId: id, kind: 'grade', rating, at, durationMs, stateBefore: state });
				if (tallied) count(chapters[chapterIndex]!.id, at, durationMs, state, (at - previousAt) / DAY, rating);
				if (slotted) slotGrade(id, noteId, at, state);
				previousAt = at;
				reps++;
				if (state === NEW) state = rating === EASY ? REVIEW : LEARNING;
				else if (state === REVIEW) {
					if (rating === AGAIN) {
						state = RELEARNING;
						lapses++;
					}
				} else if (rating >= GOOD) state = REVIEW;
			};
			const ending = role === ROLE_NEW ? 1 : role === ROLE_LEARNING ? 2 : 1;
			for (let k = 0; k < perCard - ending; k++) {
				grade(times[k]!, state === REVIEW ? reviewRating() : GOOD);
			}
			const last = times[perCard - 1]!;
			if (role === ROLE_NEW || role === ROLE_LEARNING) {
				// The learner reset the card (a new start, its history kept); a learning card was then started again.
				const resetAt = role === ROLE_NEW ? last : times[perCard - 2]!;
				log.push({ id: eventId(), cardId: id, kind: 'reset', at: resetAt });
				state = NEW;
				lapses = 0;
				reps = 0;
				if (role === ROLE_LEARNING) grade(last, GOOD);
			} else if (role === ROLE_RELEARNING) grade(last, AGAIN);
			else grade(last, state === REVIEW ? [HARD, GOOD, GOOD, GOOD, EASY][Math.floor(random() * 5)]! : GOOD);

			const scheduledDays = state === REVIEW ? Math.max(1, Math.round((due - lastReview) / DAY)) : 0;
			const memory: MemoryState =
				role === ROLE_NEW
					? {
							due,
							stability: 0,
							difficulty: 0,
							elapsedDays: 0,
							scheduledDays: 0,
							learningSteps: 0,
							reps: 0,
							lapses: 0,
							state: NEW,
							lastReview: null
						}
					: {
							due,
							stability: Math.round(Math.max(0.5, scheduledDays * between(0.8, 1.3)) * 100) / 100,
							difficulty: Math.round(between(2, 8.5) * 100) / 100,
							elapsedDays: perCard > 1 ? Math.round((last - times[perCard - 2]!) / DAY) : 0,
							scheduledDays,
							learningSteps: role === ROLE_LEARNING ? 1 : 0,
							reps,
							lapses,
							state,
							lastReview: last
						};
			const isSuspended = random() < 0.005;
			if (isSuspended) {
				suspended++;
				// Since schema version 4 a suspension is an event of the log, as the app writes it.
				log.push({ id: crypto.randomUUID(), cardId: id, kind: 'suspend', at: last + MINUTE, suspended: true });
			}
			const section = chapterIndex + 1;
			const card: StoredCard = {
				id,
				noteId,
				deckId,
				chapterId: chapters[chapterIndex]!.id,
				order: n,
				kind,
				source: { section, paragraph: 1 + (i % 4) },
				front: {
					zh: `第${n}张卡：美国出口管制之后，中国在先进芯片上选择了哪条路线？`,
					en: `Card ${n}: after the US export controls, which route did China take on advanced chips?`
				},
				back: {
					zh: `第${n}张卡的答案：一边加紧国产替代，一边用成熟制程和算法效率弥补差距。`,
					en: `Answer ${n}: it pushed domestic substitution while making up the gap with mature nodes and more efficient algorithms.`
				},
				introducedAt,
				retired: 0,
				memory,
				due: memory.due,
				suspended: isSuspended ? 1 : 0,
				buriedUntil: 0
			};
			if (kind === 'cloze') card.answer = { zh: '国产替代', en: 'domestic substitution' };
			if (queueKeyed) {
				const queueable = card.retired === 0 && card.suspended === 0;
				const isNew = card.memory.state === NEW;
				Object.assign(card, {
					queueDue: queueable && !isNew ? card.memory.due : undefined,
					queueNew: queueable && isNew ? card.order : undefined
				});
			}
			if (masteryKeyed) {
				// isMastered in src/lib/domain/stats/mastery.ts: in review with a stability of 21 days or more.
				const mastered = memory.state === REVIEW && memory.stability >= 21 ? 1 : 0;
				Object.assign(card, { mastered: card.retired === 0 ? mastered : undefined });
			}
			return card;
		};

		// Refuse a schema that indexes a field these rows do not have: such rows would be missing from that index. Only
		// undo events carry `cancels` (the app finds an undo by it), so no seeded row belongs in that index.
		const sparse = new Set(['cancels']);
		const refuseUnindexed = (samples: Record<keyof typeof indexed, object>) => {
			for (const [name, sample] of Object.entries(samples)) {
				const unknown = indexed[name as keyof typeof indexed].filter(
					(field): field is string => field !== undefined && !(field in sample) && !sparse.has(field)
				);
				if (unknown.length > 0) {
					throw new Error(`The ${name} store indexes ${unknown.join(', ')}: teach tests/bench/seed.ts to write it`);
				}
			}
		};

		let reviews = 0;
		for (let from = 0; from < total; from += spec.cardsPerTransaction) {
			const log: ReviewEvent[] = [];
			const cards: StoredCard[] = [];
			for (let i = from; i < Math.min(total, from + spec.cardsPerTransaction); i++) cards.push(makeCard(i, log));
			if (from === 0) refuseUnindexed({ chapters: chapters[0]!, cards: cards[0]!, reviews: log[0]! });
			const tx = db.transaction(['chapters', 'cards', 'reviews'], 'readwrite', { durability: 'relaxed' });
			const done = completion(tx);
			if (from === 0) for (const chapter of chapters) tx.objectStore('chapters').add(chapter);
			for (const card of cards) tx.objectStore('cards').add(card);
			for (const event of log) tx.objectStore('reviews').add(event);
			if (tallied) for (const card of cards) digest(card);
			reviews += log.length;
			await done;
		}
		if (tallied) {
			const tx = db.transaction(['cardDigests', 'tallies'], 'readwrite', { durability: 'relaxed' });
			const done = completion(tx);
			for (const row of digests.values()) tx.objectStore('cardDigests').put(row);
			for (const tally of tallies.values()) tx.objectStore('tallies').put(tally);
			await done;
		}
		if (slotted) {
			const tx = db.transaction(['gradeSlots'], 'readwrite', { durability: 'relaxed' });
			const done = completion(tx);
			for (const slot of slots.values()) tx.objectStore('gradeSlots').put(slot);
			await done;
		}
		return {
			cards: total,
			reviews,
			chapters: chapters.length,
			activeChapters: existing.filter((chapter) => chapter.retired === 0).length + chapters.length,
			roles: { dueToday, later: studied - learning - relearning - dueToday, learning, relearning, fresh, suspended },
			ms: performance.now() - started
		};
	} finally {
		db.close();
	}
}
