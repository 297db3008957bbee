/**
 * The Content Security Policy holds in the built app: every request stays on the app's own origin, nothing the app
 * ships breaks the policy (service worker, styles, navigation), and script the app did not ship is refused.
 */
import { expect, test } from '@playwright/test';
import { firstVisit, navTo, startQuiz } from './fixtures';

test.use({ locale: 'en-US' });
test.skip(({ isMobile }) => isMobile, 'the same policy and requests on every device: once, on the desktop');

test('requests only its own origin and keeps to its Content Security Policy on every page', async ({
	page,
	context,
	baseURL
}) => {
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as { __cspViolations?: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective} ${event.blockedURI}`)
		);
	});
	const violations = () => page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations ?? []);

	await firstVisit(page);
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain("default-src 'self'");
	expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
	expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(await violations()).toEqual([]);

	for (const [link, heading] of [
		['Review', /^Review/],
		['Data', 'Your data'],
		['Chapters', 'ReportCard']
	] as const) {
		await navTo(page, link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		expect(await violations()).toEqual([]);
	}
	await page.getByRole('link', { name: 'Quiz' }).first().click();
	await startQuiz(page);
	await expect(page.getByTestId('progress')).toBeVisible();
	expect(await violations()).toEqual([]);
	// The route announcer is positioned by a style attribute the policy allows: it stays off screen.
	const announcer = await page.locator('#svelte-announcer').boundingBox();
	expect(announcer?.width).toBeLessThanOrEqual(1);

	// Script that the app did not ship is refused, and the refusal is reported.
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		return (window as { __injected?: boolean }).__injected ?? false;
	});
	expect(ran).toBe(false);
	await expect.poll(violations).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);

	const origin = new URL(baseURL ?? '').origin;
	const foreign = requests.filter(
		(url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin
	);
	expect(foreign).toEqual([]);
	expect(requests.length).toBeGreaterThan(10);
});
