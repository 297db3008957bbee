/** Accessibility checks shared by the journeys: axe-core, touch target sizes, and a visible focus on every stop. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every axe rule that is not experimental (WCAG 2.0-2.2 A and AA plus best practices), in the page as it is. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
	// Only violations are wanted: leaving out the details of passing rules makes a scan several times faster.
	const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
	const found = violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`
	);
	expect(found, label).toEqual([]);
}

/**
 * Controls smaller than 44 x 44 px (a checkbox or radio counts with its label, which takes the same tap).
 * Visually hidden elements (the skip link until focused) are left out.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const MIN = 44;
		const selector =
			'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
		const small: string[] = [];
		for (const element of document.querySelectorAll<HTMLElement>(selector)) {
			const box = element.getBoundingClientRect();
			if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === 'hidden') continue;
			const label = element instanceof HTMLInputElement ? element.labels?.[0] : undefined;
			const boxes = [box, ...(label ? [label.getBoundingClientRect()] : [])];
			if (!boxes.some((b) => b.width >= MIN - 0.5 && b.height >= MIN - 0.5)) {
				const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
				small.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
			}
		}
		return small;
	});
}

/** Tab through the page from the top; every element that takes the focus must show a clear outline. */
export async function focusStopsWithoutOutline(page: Page, maxStops = 25): Promise<string[]> {
	// Start from the top of the page, wherever the focus was (an empty, unfocusable-by-Tab marker at the start).
	await page.evaluate(() => {
		const start = Object.assign(document.createElement('span'), { tabIndex: -1, id: 'tab-start' });
		document.body.prepend(start);
		start.focus();
	});
	const missing: string[] = [];
	let stops = 0;
	for (let i = 0; i < maxStops; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element || element === document.body) return null;
			const style = getComputedStyle(element);
			const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
			return {
				outlined,
				name: `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}"`
			};
		});
		if (!stop) break;
		stops++;
		if (!stop.outlined) missing.push(stop.name);
	}
	await page.evaluate(() => document.getElementById('tab-start')?.remove());
	expect(stops, 'the keyboard reaches the controls').toBeGreaterThan(2);
	return missing;
}
