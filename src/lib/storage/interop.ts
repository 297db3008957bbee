/** Files for other tools: the review log for the FSRS optimizer, the cards for Anki. */
import type { ContentLanguage } from '../domain/deck/model';
import { ankiText } from '../domain/interop/anki-text';
import { reviewLogCsv } from '../domain/interop/fsrs-csv';
import type { ReportCardDb } from './db';
import { activeCards } from './reviews';

export async function reviewLogFile(db: ReportCardDb): Promise<string> {
	return reviewLogCsv(await db.reviews.toArray());
}

/** Every card still in use, in one language, grouped into Anki decks `ReportCard::<chapter>`, in reading order. */
export async function ankiFile(db: ReportCardDb, language: ContentLanguage): Promise<string> {
	const [chapters, cards] = await db.transaction('r', [db.chapters, db.cards], () =>
		Promise.all([db.chapters.toArray(), activeCards(db)])
	);
	const byId = new Map(chapters.map((chapter) => [chapter.id, chapter]));
	const chapterOrder = (chapterId: string) => byId.get(chapterId)?.order ?? Infinity;
	cards.sort((a, b) => chapterOrder(a.chapterId) - chapterOrder(b.chapterId) || a.order - b.order);
	return ankiText(
		cards.map((card) => ({
			guid: `reportcard:${card.id}`,
			deck: `ReportCard::${byId.get(card.chapterId)?.title[language] ?? card.chapterId}`,
			front: card.front[language],
			back: card.back[language],
			tags: ['reportcard', card.chapterId]
		}))
	);
}
