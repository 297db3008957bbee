/**
 * Which Chromium the end-to-end tests drive, in order: $CHROMIUM_PATH, Playwright's own download, the system's.
 * Playwright cannot download a browser on every machine, so a system Chromium is a first-class option.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string {
	const candidates = [process.env.CHROMIUM_PATH, playwrightChromium(), ...SYSTEM_CHROMIUM];
	const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
	if (found) return found;
	throw new Error(
		'No Chromium found for the end-to-end tests. Install one (Debian: apt-get install chromium; elsewhere: ' +
			'npx playwright install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.'
	);
}

function playwrightChromium(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined;
	}
}
