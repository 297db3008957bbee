// Every page is rendered at build time, so its first paint is HTML; what needs IndexedDB fills in in the browser.
export const prerender = true;
export const ssr = true;
