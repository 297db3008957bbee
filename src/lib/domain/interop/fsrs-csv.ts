/**
 * The review log as the FSRS optimizer reads it (open-spaced-repetition/fsrs-optimizer, "Review Logs Schema"):
 * card_id, review_time (epoch ms, UTC), review_rating (1-4), review_state (0 New, 1 Learning, 2 Review,
 * 3 Relearning: the state before the review), review_duration (ms).
 *
 * Only grades are reviews, and an undone grade is none. A reset shows up as the next grade's review_state 0 (New), which is how the optimizer
 * recognises a card starting over; a quiz mistake (due-now) changes no memory and is left out.
 */
import { effectiveGrades, type ReviewEvent } from '../scheduling/review-log';
import { formatRow } from './delimited';

export const FSRS_CSV_COLUMNS = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'];

export function reviewLogCsv(events: readonly ReviewEvent[]): string {
	const grades = effectiveGrades(events);
	const rows = grades.map((event) =>
		formatRow([event.cardId, event.at, event.rating, event.stateBefore, Math.round(event.durationMs)].map(String), ',')
	);
	return [FSRS_CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}
