/**
 * How well predicted quiz scores held up: each finished attempt's prediction (made when it started, from the recall of
 * its questions' cards) against the score it got. A prediction earns trust when its mean error stays small over many
 * attempts; until there are some, the statistics page says it has not yet.
 */
import type { QuizAttempt } from '../quiz/attempt';

export interface CalibrationPoint {
	at: number;
	predicted: number;
	actual: number;
}

export interface Calibration {
	points: CalibrationPoint[];
	/** Mean of predicted minus actual: above 0 the predictions were too hopeful, below too gloomy. Null without points. */
	bias: number | null;
	/** Mean of |predicted - actual| over attempts. */
	meanError: number | null;
	/** Mean squared error of each question's predicted credit against the credit it earned (the Brier score). */
	brier: number | null;
}

/** Finished full attempts that carry a prediction, oldest first. */
export function calibration(attempts: readonly QuizAttempt[]): Calibration {
	const scored = attempts
		.filter(
			(attempt): attempt is QuizAttempt & { predicted: number[]; finishedAt: number } =>
				attempt.finishedAt !== null &&
				attempt.retryOf === null &&
				attempt.total > 0 &&
				attempt.predicted?.length === attempt.questionIds.length
		)
		.sort((a, b) => a.finishedAt - b.finishedAt);
	const points = scored.map((attempt) => ({
		at: attempt.finishedAt,
		predicted: mean(attempt.predicted) ?? 0,
		actual: attempt.correct / attempt.total
	}));
	const squares = scored.flatMap((attempt) =>
		attempt.questionIds.map((id, i) => {
			const credit = attempt.answers.find((answer) => answer.questionId === id)?.credit ?? 0;
			return ((attempt.predicted[i] ?? 0) - credit) ** 2;
		})
	);
	return {
		points,
		bias: mean(points.map((point) => point.predicted - point.actual)),
		meanError: mean(points.map((point) => Math.abs(point.predicted - point.actual))),
		brier: mean(squares)
	};
}

function mean(values: readonly number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
