// Before the end-to-end tests: make sure a Chromium exists, installing Playwright's own where the network allows.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function found() {
	let own;
	try {
		own = chromium.executablePath();
	} catch {
		own = undefined;
	}
	return [process.env.CHROMIUM_PATH, own, ...SYSTEM_CHROMIUM].some((path) => path && existsSync(path));
}

if (!found()) {
	console.log('No Chromium found: trying `npx playwright install chromium`…');
	try {
		execSync('npx playwright install chromium', { stdio: 'inherit' });
	} catch {
		console.error(
			'Could not install Chromium. Install it yourself (Debian/Ubuntu: sudo apt-get install chromium) ' +
				'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.'
		);
		process.exit(1);
	}
}
