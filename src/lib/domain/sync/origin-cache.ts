/**
 * Where the page tells the service worker which sync server the learner connected: one entry in Cache Storage,
 * which both can read without opening the app's IndexedDB.
 */
export const SYNC_ORIGIN_CACHE = 'reportcard-config';
export const SYNC_ORIGIN_KEY = '/__reportcard/sync-origin';
