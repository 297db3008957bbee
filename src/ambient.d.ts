declare module 'virtual:reportcard/decks-version' {
	const version: string;
	export default version;
	/** Where the compiled decks (CompiledDecks as JSON) are served; named by their version. */
	export const decksUrl: string;
}

declare module 'virtual:reportcard/decks-outline' {
	import type { DeckOutline } from '$lib/domain/deck/model';
	const outline: DeckOutline[];
	export default outline;
}
