/// <reference lib="webworker" />
/**
 * The service worker: the whole app precached for offline use (Workbox), updates that wait for the learner, and each
 * page served with its content security policy widened to the learner's sync server, if they connected one, and to
 * nothing else (domain/sync/csp.ts).
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { widenPagePolicy } from './lib/domain/sync/csp';
import { SYNC_ORIGIN_CACHE, SYNC_ORIGIN_KEY } from './lib/domain/sync/origin-cache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// A new version waits until the learner takes it from the home screen (UpdatePrompt): never mid-review.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first visit must already be controlled, or an offline reload right after it fails.
clientsClaim();
cleanupOutdatedCaches();

/** The precache entry of a page: the plugin lists prerendered pages by their clean address (/review, /). */
function pageEntry(url: URL): string {
	const path = url.pathname.replace(/\/$/, '');
	return path === '' ? '/' : path;
}

/** The learner's sync server origin, which the page writes here when they connect (state/sync.svelte.ts). */
async function syncOrigin(): Promise<string | null> {
	const cache = await caches.open(SYNC_ORIGIN_CACHE);
	const response = await cache.match(SYNC_ORIGIN_KEY);
	return response ? (await response.text()) || null : null;
}

// Pages before Workbox's own precache route, so their policy can be widened; every other file goes to Workbox.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
	async ({ request, url }) => {
		// Every page of the app is precached, so an address that is not is unknown: the empty shell (routes/shell)
		// answers it, online or offline, as a 404 (for the browser, its history and crawlers), and its router shows the
		// app's own "Page not found" with a way home.
		const known = await matchPrecache(pageEntry(url));
		const page = known ?? (await matchPrecache('/shell'));
		if (!page) return fetch(request);
		const status = known ? page.status : 404;
		const origin = await syncOrigin();
		if (!origin && known) return page;
		const text = await page.text();
		return new Response(origin ? widenPagePolicy(text, origin) : text, { status, headers: new Headers(page.headers) });
	}
);

// Pages take their chapter from the query (/quiz?chapter=...); the precached page is the same for all.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/./] });
