/** Naming the passage of the report that a card or question cites. */
import type { Chapter, Localized, SourceRef } from './model';

/** The title of the cited section, from the chapter that teaches it. */
export function sectionTitle(chapter: Chapter | undefined, source: SourceRef): Localized | undefined {
	return chapter?.sectionTitles.find((s) => s.number === source.section)?.title;
}

/** The chapter of a deck that teaches the cited section (a further citation may reach into any chapter). */
export function chapterOfSection(chapters: Iterable<Chapter>, deckId: string, source: SourceRef): Chapter | undefined {
	for (const chapter of chapters) {
		if (chapter.deckId === deckId && chapter.sections.includes(source.section)) return chapter;
	}
	return undefined;
}
