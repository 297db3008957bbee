/** Failures of the device's storage that the learner must be told about, each with its own message in the UI. */
export type StorageProblem =
	| 'quota'
	| 'unavailable'
	| 'blocked'
	| 'outdated'
	| 'stale'
	| 'download'
	/** A card's stored progress that FSRS refuses: "Check data" rebuilds it from the review log. */
	| 'damaged'
	| 'unknown';
