// A static shell per route: IndexedDB and the service worker only exist in the browser.
export const prerender = true;
export const ssr = true;
