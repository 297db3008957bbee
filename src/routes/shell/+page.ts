import { error } from '@sveltejs/kit';

/**
 * The service worker's answer to an address the app does not know (online and offline). Every other page is
 * prerendered with its own content, which would show whatever the address; this one is an empty shell, so the router
 * takes the page from the address: the app's own "Page not found" (+error.svelte). Opened itself, it is not found
 * either.
 */
export const ssr = false;

export const load = () => error(404);
