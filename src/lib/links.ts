/** Links into the study pages, which take their chapter from the query string (one prerendered page serves all). */
import { building } from '$app/environment';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import type { SourceRef } from './domain/deck/model';

/**
 * The address's query string. Empty while prerendering: the one page built for every query paints its own text, and
 * what the query picks is read in the browser, once the database is open.
 */
export function addressQuery(): URLSearchParams {
	return building ? new URLSearchParams() : page.url.searchParams;
}

export function reviewHref(chapterId?: string, passage?: SourceRef): string {
	const query = new URLSearchParams();
	if (chapterId) query.set('chapter', chapterId);
	if (passage) {
		query.set('section', String(passage.section));
		query.set('paragraph', String(passage.paragraph));
	}
	const search = query.toString();
	return search ? `${resolve('/review')}?${search}` : resolve('/review');
}

/**
 * The paragraph a review link narrows to (`?section=1&paragraph=2`): undefined when the link names none, 'invalid'
 * when it names one wrongly (not two whole numbers), so the page can say so instead of reviewing something else.
 */
export function passageFromQuery(query: URLSearchParams): SourceRef | undefined | 'invalid' {
	const section = query.get('section');
	const paragraph = query.get('paragraph');
	if (section === null && paragraph === null) return undefined;
	const whole = (value: string | null) => (value !== null && /^\d{1,4}$/.test(value) ? Number(value) : null);
	const [s, p] = [whole(section), whole(paragraph)];
	return s === null || p === null ? 'invalid' : { section: s, paragraph: p };
}

/** A chapter's quiz: its start screen (or the quiz left open); with `results`, the last results. */
export function quizHref(chapterId: string, results = false): string {
	return `${resolve('/quiz')}?chapter=${encodeURIComponent(chapterId)}${results ? '&results=last' : ''}`;
}

/** A chapter's summary, to read. */
export function chapterHref(chapterId: string): string {
	return `${resolve('/chapter')}?id=${encodeURIComponent(chapterId)}`;
}

/** A "Weak spots" quiz of one chapter, or of the whole report without one. */
export function weakSpotsHref(chapterId?: string): string {
	return chapterId ? `${quizHref(chapterId)}&focus=weak` : `${resolve('/quiz')}?focus=weak`;
}

/** The chapter's summary, scrolled to one paragraph of the report. */
export function passageHref(chapterId: string, section: number, paragraph: number): string {
	return `${resolve('/chapter')}?id=${encodeURIComponent(chapterId)}#p-${section}-${paragraph}`;
}
