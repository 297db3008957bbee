/** Links into the study pages, which take their chapter from the query string (one prerendered page serves all). */
import { resolve } from '$app/paths';

export function reviewHref(chapterId?: string): string {
	return chapterId ? `${resolve('/review')}?chapter=${encodeURIComponent(chapterId)}` : resolve('/review');
}

export function quizHref(chapterId: string): string {
	return `${resolve('/quiz')}?chapter=${encodeURIComponent(chapterId)}`;
}

/** The chapter's summary, scrolled to one paragraph of the report. */
export function passageHref(chapterId: string, section: number, paragraph: number): string {
	return `${resolve('/chapter')}?id=${encodeURIComponent(chapterId)}#p-${section}-${paragraph}`;
}
