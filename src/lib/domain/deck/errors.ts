/** One problem in a deck source file, located as precisely as the YAML parser allows. */
export interface DeckProblem {
	file: string;
	line?: number;
	message: string;
}

/** Thrown when deck sources do not compile; its message lists every problem as file:line: reason. */
export class DeckCompileError extends Error {
	readonly problems: DeckProblem[];

	constructor(problems: DeckProblem[]) {
		super(
			`Deck sources are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
				problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n')
		);
		this.name = 'DeckCompileError';
		this.problems = problems;
	}
}
