/** How each browser is offered the app: its own prompt, Safari's Share steps, or its menu. */
import { describe, expect, it } from 'vitest';
import { installRoute, isIosSafari } from '../../src/lib/domain/platform';

const IPHONE_SAFARI =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1';
const IPHONE_WECHAT =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47';
const IPAD_SAFARI =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID_CHROME =
	'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

describe('install route', () => {
	it('knows Safari on iPhone and iPad, and not other iOS browsers or a Mac', () => {
		expect(isIosSafari(IPHONE_SAFARI, 5)).toBe(true);
		expect(isIosSafari(IPAD_SAFARI, 5)).toBe(true);
		expect(isIosSafari(IPAD_SAFARI, 0)).toBe(false);
		expect(isIosSafari(IPHONE_CHROME, 5)).toBe(false);
		expect(isIosSafari(IPHONE_WECHAT, 5)).toBe(false);
		expect(isIosSafari(ANDROID_CHROME, 5)).toBe(false);
	});

	it('prefers: already installed, then the browser prompt, then the iOS steps, then the browser menu', () => {
		const facts = { userAgent: IPHONE_SAFARI, maxTouchPoints: 5, standalone: false, canPrompt: false };
		expect(installRoute({ ...facts, standalone: true })).toBe('installed');
		expect(installRoute(facts)).toBe('ios-share');
		expect(installRoute({ ...facts, userAgent: ANDROID_CHROME, canPrompt: true })).toBe('prompt');
		expect(installRoute({ ...facts, userAgent: ANDROID_CHROME })).toBe('browser-menu');
	});
});
