/** Sorting storage failures into the problems the learner is told about (domain/problems.ts). */
import type { StorageProblem } from '../domain/problems';

/** The card changed since it was shown (a second tab or a double tap graded it first); nothing was written. */
export class StaleGradeError extends Error {
	readonly problem = 'stale';
	constructor(cardId: string) {
		super(`Card ${cardId} was graded elsewhere since it was shown`);
		this.name = 'StaleGradeError';
	}
}

/** This tab runs an older version of the app than the database on this device was upgraded to: it must reload. */
/** The shipped decks could not be fetched (offline before the app was ever fully loaded, or a server error). */
export class ContentDownloadError extends Error {
	constructor(detail: string) {
		super(`The course content could not be downloaded: ${detail}`);
		this.name = 'ContentDownloadError';
	}
}

export class OutdatedAppError extends Error {
	readonly problem = 'outdated';
	constructor() {
		super('The database was upgraded by a newer version of the app; reload to update');
		this.name = 'OutdatedAppError';
	}
}

/** Sort any error thrown by Dexie or IndexedDB into a problem the UI can explain. */
export function storageProblem(error: unknown): StorageProblem {
	if (error instanceof StaleGradeError) return 'stale';
	if (error instanceof OutdatedAppError) return 'outdated';
	if (error instanceof ContentDownloadError) return 'download';
	const names = new Set<string>();
	for (let e: unknown = error; e && typeof e === 'object' && names.size < 5; e = (e as { inner?: unknown }).inner) {
		if ('name' in e && typeof e.name === 'string') names.add(e.name);
	}
	if (names.has('QuotaExceededError')) return 'quota';
	// ts-fsrs refuses a memory no grade gives (a review card with difficulty 0): the card's cache is damaged.
	if (names.has('FSRSValidationError')) return 'damaged';
	// Our connection only ever closes when a newer version in another tab asks it to (see open.ts).
	if (names.has('VersionError') || names.has('DatabaseClosedError')) return 'outdated';
	if (names.has('BlockedError')) return 'blocked';
	if (names.has('MissingAPIError') || names.has('InvalidStateError') || names.has('OpenFailedError'))
		return 'unavailable';
	return 'unknown';
}
