/** How many cards come due on each of the next days. Pure: card states, `now`, rollover hour. */
import { State, type MemoryState } from '../scheduling/memory';
import { DEFAULT_ROLLOVER_HOUR } from '../time';
import { studyDay } from './days';

export interface ForecastCard {
	memory: Pick<MemoryState, 'state' | 'due'>;
	suspended: 0 | 1;
}

/**
 * Cards due on each study day from today on: index 0 is today and includes every overdue card (they are all waiting
 * now), as Anki's forecast does. New and suspended cards are never due.
 */
export function dueForecast(
	cards: readonly ForecastCard[],
	now: number,
	days: number,
	rolloverHour = DEFAULT_ROLLOVER_HOUR
): number[] {
	const today = studyDay(now, rolloverHour);
	const counts = Array<number>(days).fill(0);
	for (const card of cards) {
		if (card.suspended === 1 || card.memory.state === State.New) continue;
		const index = Math.max(0, studyDay(card.memory.due, rolloverHour) - today);
		if (index < days) counts[index] = (counts[index] ?? 0) + 1;
	}
	return counts;
}
