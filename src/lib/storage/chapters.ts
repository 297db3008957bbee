/** The chapters of the shipped decks, in report order. */
import type { StoredChapter } from '../domain/collection';
import type { ReportCardDb } from './db';

export async function currentChapters(db: ReportCardDb): Promise<StoredChapter[]> {
	return (await db.chapters.orderBy('order').toArray()).filter((chapter) => chapter.retired === 0);
}

/** The current chapters keyed by id, to name the passage a card or question cites. */
export async function chaptersById(db: ReportCardDb): Promise<ReadonlyMap<string, StoredChapter>> {
	return new Map((await currentChapters(db)).map((chapter) => [chapter.id, chapter]));
}

/** Before the chapters are read. */
export const NO_CHAPTERS: ReadonlyMap<string, StoredChapter> = new Map();
