declare module 'virtual:reportcard/decks-version' {
	const version: string;
	export default version;
	/** Where the compiled decks (CompiledDecks as JSON) are served; named by their version. */
	export const decksUrl: string;
}

declare module 'virtual:reportcard/decks-credits' {
	import type { Deck } from '$lib/domain/deck/model';
	const credits: Pick<Deck, 'id' | 'title' | 'attribution'>[];
	export default credits;
}
