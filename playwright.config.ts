import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 4391);
const launchOptions = {
	executablePath: chromiumExecutable(),
	// Without the background-networking flags Chromium keeps calling hosts a closed network refuses.
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-dev-shm-usage',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	// Both cores: the suite stays well under 15 minutes on a 2-core CI machine.
	workers: 2,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	// Journeys of several pages on a shared 2-core machine; assertions keep their own short waits.
	timeout: 60_000,
	reporter: 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
		{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions } }
	],
	webServer: {
		// The built app, as learners get it from `npm start`; a port of our own so another app on the machine is never
		// tested instead.
		command: `node tests/e2e/web-server.js ${port}`,
		url: `http://localhost:${port}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
