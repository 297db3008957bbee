declare module 'virtual:reportcard/decks-version' {
	const version: string;
	export default version;
}

declare module 'virtual:reportcard/decks' {
	import type { CompiledDecks } from '$lib/domain/deck/model';
	const decks: CompiledDecks;
	export default decks;
}
