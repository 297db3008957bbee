/**
 * What importing a backup writes, decided from what the device holds and what the file holds. Pure, so the same plan
 * serves the preview ("replacing removes 3 reviews") and the import itself.
 *
 * Merge is a union: log rows and quiz attempts join by their globally unique ids, so merging the same file twice
 * changes nothing the second time, and an undo or a suspension made on either side holds (they are log events too).
 * Replace makes the device's progress exactly the file's, dropping this device's own history: the learner's explicit
 * choice, confirmed first. Either way every card whose history changed gets its cached state rebuilt by replaying its
 * log (done by the caller, which has the log).
 */
import { isUserDeck } from '../interop/user-deck';
import { attemptProgress } from '../quiz/attempt';
import type { BackupAttempt, BackupCard, BackupChapter, BackupSettings } from './format';

export type ImportMode = 'merge' | 'replace';

/**
 * What a backup file holds, as far as planning an import needs it: every row but the review log's, of which only each
 * row's id and card (the rows themselves are written as they are read, see storage/backup.ts).
 */
export interface BackupContents {
	settings: BackupSettings;
	chapters: readonly BackupChapter[];
	cards: readonly BackupCard[];
	attempts: readonly BackupAttempt[];
	/** The card of every review in the file, by review id. */
	reviewCards: ReadonlyMap<string, string>;
}

/** What the device holds now (card rows may carry more fields, such as the cached memory state). */
export interface LocalData<C extends BackupCard = BackupCard> {
	cards: readonly C[];
	/** Chapters of imported decks. */
	chapters: readonly BackupChapter[];
	reviewIds: readonly string[];
	attempts: readonly BackupAttempt[];
	settings: BackupSettings;
}

export interface ImportSummary {
	reviewsAdded: number;
	reviewsRemoved: number;
	attemptsAdded: number;
	attemptsRemoved: number;
	cardsAdded: number;
	settingsChanged: number;
}

export interface ImportPlan<C extends BackupCard = BackupCard> {
	/** Cards to write; each gets its memory state rebuilt from its log. */
	cards: (C | BackupCard)[];
	deleteCardIds: string[];
	chapters: BackupChapter[];
	deleteChapterIds: string[];
	/** Replace empties the log and the attempts before adding the file's. */
	clear: boolean;
	/** Whether the file's review with this id is written (merge skips those the device has). */
	writesReview: (id: string) => boolean;
	attempts: BackupAttempt[];
	/** The settings the device ends up with (only the learner's own settings; device facts are untouched). */
	settings: BackupSettings;
	summary: ImportSummary;
}

export function planImport<C extends BackupCard>(
	local: LocalData<C>,
	backup: BackupContents,
	mode: ImportMode,
	now: number
): ImportPlan<C> {
	return mode === 'merge' ? planMerge(local, backup) : planReplace(local, backup, now);
}

function planMerge<C extends BackupCard>(local: LocalData<C>, backup: BackupContents): ImportPlan<C> {
	const known = new Set(local.reviewIds);
	const withNewHistory = new Set<string>();
	let reviewsAdded = 0;
	for (const [id, cardId] of backup.reviewCards) {
		if (known.has(id)) continue;
		reviewsAdded++;
		withNewHistory.add(cardId);
	}
	const localCards = byId(local.cards);
	const cards: (C | BackupCard)[] = [];
	let cardsAdded = 0;
	for (const card of backup.cards) {
		const mine = localCards.get(card.id);
		if (!mine) {
			cards.push(arriving(card));
			cardsAdded++;
			continue;
		}
		// The card existed as early as either device saw it.
		const merged = { ...mine, introducedAt: Math.min(mine.introducedAt, card.introducedAt) };
		if (merged.introducedAt !== mine.introducedAt || withNewHistory.has(card.id)) cards.push(merged);
	}
	const localChapters = byId(local.chapters);
	const chapters = backup.chapters.filter((chapter) => !localChapters.has(chapter.id));
	const localAttempts = byId(local.attempts);
	const attempts = backup.attempts.filter((attempt) => {
		const mine = localAttempts.get(attempt.id);
		return !mine || attemptProgress(attempt) > attemptProgress(mine);
	});
	// The device's own choices stand; the file only fills in what the device never set.
	const settings = { ...backup.settings, ...definedOnly(local.settings) };
	return {
		cards,
		deleteCardIds: [],
		chapters,
		deleteChapterIds: [],
		clear: false,
		writesReview: (id) => !known.has(id),
		attempts,
		settings,
		summary: {
			reviewsAdded,
			reviewsRemoved: 0,
			attemptsAdded: attempts.length,
			attemptsRemoved: 0,
			cardsAdded,
			settingsChanged: changedKeys(local.settings, settings)
		}
	};
}

function planReplace<C extends BackupCard>(local: LocalData<C>, backup: BackupContents, now: number): ImportPlan<C> {
	const backupCards = byId(backup.cards);
	const localCards = byId(local.cards);
	const cards: (C | BackupCard)[] = [];
	const deleteCardIds: string[] = [];
	for (const mine of local.cards) {
		const theirs = backupCards.get(mine.id);
		if (!theirs) {
			// An imported deck the backup lacks goes; a shipped card the backup never saw starts fresh, as on a
			// device that never studied it.
			if (isUserDeck(mine.deckId)) deleteCardIds.push(mine.id);
			else cards.push({ ...mine, introducedAt: now });
		} else if (isUserDeck(mine.deckId) && isUserDeck(theirs.deckId)) {
			// An imported deck comes back exactly as backed up.
			cards.push(theirs);
		} else {
			// A shipped card keeps this device's (current) content and takes the backup's progress (its log).
			cards.push({ ...mine, introducedAt: theirs.introducedAt });
		}
	}
	const arrivals = backup.cards.filter((card) => !localCards.has(card.id));
	cards.push(...arrivals.map(arriving));
	const backupChapters = byId(backup.chapters);
	const backupReviews = backup.reviewCards;
	const backupAttempts = byId(backup.attempts);
	const localAttempts = byId(local.attempts);
	return {
		cards,
		deleteCardIds,
		chapters: [...backup.chapters],
		deleteChapterIds: local.chapters.filter((c) => !backupChapters.has(c.id)).map((c) => c.id),
		clear: true,
		writesReview: () => true,
		attempts: [...backup.attempts],
		settings: backup.settings,
		summary: {
			reviewsAdded: backupReviews.size - local.reviewIds.filter((id) => backupReviews.has(id)).length,
			reviewsRemoved: local.reviewIds.filter((id) => !backupReviews.has(id)).length,
			attemptsAdded: backup.attempts.filter((a) => !localAttempts.has(a.id)).length,
			attemptsRemoved: local.attempts.filter((a) => !backupAttempts.has(a.id)).length,
			cardsAdded: arrivals.length,
			settingsChanged: changedKeys(local.settings, backup.settings)
		}
	};
}

/**
 * A card the device does not have. A shipped card missing here is one this device's content no longer (or does not
 * yet) ship: it is kept retired with its history, and content sync brings it back if a later version ships it.
 */
function arriving(card: BackupCard): BackupCard {
	return isUserDeck(card.deckId) ? card : { ...card, retired: 1 };
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
	return new Map(rows.map((row) => [row.id, row]));
}

function definedOnly(settings: BackupSettings): BackupSettings {
	return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

function changedKeys(before: BackupSettings, after: BackupSettings): number {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof BackupSettings>;
	return [...keys].filter((key) => before[key] !== after[key]).length;
}
