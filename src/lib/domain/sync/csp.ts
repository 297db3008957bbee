/**
 * The content security policy lets the app connect to its own origin and, once the learner connects sync, to their
 * server's origin and nothing else. The policy is a `<meta>` tag written at build time; the service worker widens it
 * on each page it serves (service-worker.ts), and the page checks whether it already may reach the server.
 */

/** The origin of a server address, or null when it is not an http(s) address. */
export function originOf(address: string): string | null {
	try {
		const url = new URL(address);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
	} catch {
		return null;
	}
}

/** A policy's text with `origin` added to its connect-src directive (added as a directive when it has none). */
export function allowConnect(policy: string, origin: string): string {
	const directives = policy.split(';').map((directive) => directive.trim());
	const index = directives.findIndex((directive) => /^connect-src(\s|$)/.test(directive));
	if (index === -1) return [...directives.filter(Boolean), `connect-src 'self' ${origin}`].join('; ');
	const sources = (directives[index] ?? '').split(/\s+/).slice(1);
	if (sources.includes(origin)) return policy;
	directives[index] = ['connect-src', ...sources, origin].join(' ');
	return directives.filter(Boolean).join('; ');
}

/** Whether a policy's connect-src lets the page reach `origin`. */
export function connectAllowed(policy: string, origin: string): boolean {
	const directive = policy
		.split(';')
		.map((part) => part.trim())
		.find((part) => /^connect-src(\s|$)/.test(part));
	return directive === undefined || directive.split(/\s+/).slice(1).includes(origin);
}

const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;

/** A page's HTML with its policy widened to `origin`; unchanged when it has no policy tag. */
export function widenPagePolicy(html: string, origin: string): string {
	return html.replace(CSP_META, (_, before: string, policy: string, after: string) => {
		return `${before}${allowConnect(policy.replaceAll('&#39;', "'"), origin).replaceAll("'", '&#39;')}${after}`;
	});
}
