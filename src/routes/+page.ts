import type { PageLoad } from './$types';

// Home paints from its prerendered HTML (the report, the chapters) while the database opens.
export const load: PageLoad = () => ({ paintsBeforeStorage: true });
