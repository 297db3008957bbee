/** Naming the passage of the report that a card or question cites. */
import type { Chapter, Localized, SourceRef } from './model';

/** The title of the cited section, from the chapter that teaches it. */
export function sectionTitle(chapter: Chapter | undefined, source: SourceRef): Localized | undefined {
	return chapter?.sectionTitles.find((s) => s.number === source.section)?.title;
}
