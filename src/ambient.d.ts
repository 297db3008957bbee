declare module 'virtual:reportcard/decks-version' {
	const version: string;
	export default version;
}

declare module 'virtual:reportcard/decks-credits' {
	import type { Deck } from '$lib/domain/deck/model';
	const credits: Pick<Deck, 'id' | 'title' | 'attribution'>[];
	export default credits;
}

declare module 'virtual:reportcard/decks' {
	import type { CompiledDecks } from '$lib/domain/deck/model';
	const decks: CompiledDecks;
	export default decks;
}
