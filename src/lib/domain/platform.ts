/** How this browser lets the learner install the app, decided from facts the page reads (pure, so it is tested). */

export type InstallRoute = 'installed' | 'prompt' | 'ios-share' | 'browser-menu';

export interface BrowserFacts {
	userAgent: string;
	maxTouchPoints: number;
	/** Running as an installed app (display-mode standalone, or iOS's navigator.standalone). */
	standalone: boolean;
	/** The browser offered an install prompt (beforeinstallprompt) that has not been used yet. */
	canPrompt: boolean;
}

/** Browsers on iOS that are not Safari, and in-app browsers, whose share sheets differ or cannot install. */
const NOT_SAFARI = /CriOS|FxiOS|EdgiOS|OPiOS|YaBrowser|GSA\/|FBAN|FBAV|Instagram|MicroMessenger|Line\//;

/** Safari on an iPhone, iPod or iPad (iPadOS reports a Mac, but a Mac has no touch screen). */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
	const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
	return ios && /Safari\//.test(userAgent) && !NOT_SAFARI.test(userAgent);
}

/** Safari has no install prompt: it gets the Share → Add to Home Screen steps instead. */
export function installRoute(facts: BrowserFacts): InstallRoute {
	if (facts.standalone) return 'installed';
	if (facts.canPrompt) return 'prompt';
	if (isIosSafari(facts.userAgent, facts.maxTouchPoints)) return 'ios-share';
	return 'browser-menu';
}
