import { app } from '$lib/state/app.svelte';
import type { PageLoad } from './$types';

// This page's messages are not in the first load of the app: fetch them before it renders.
export const load: PageLoad = async () => {
	await app.loadMessages('settings', 'sync');
};
