/** Failures of the device's storage that the learner must be told about, each with its own message in the UI. */
export type StorageProblem = 'quota' | 'unavailable' | 'blocked' | 'outdated' | 'stale' | 'download' | 'unknown';
