/**
 * Measuring inside the page, so Playwright's round trips do not count: a recorder installed before any page script
 * notes (with performance.now(), i.e. ms since navigation start) when watched elements appear, and the grade timer
 * runs from the key press to the next card's text.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** The User Timing measure that loadQueue (src/lib/storage/reviews.ts) records around each queue build. */
export const QUEUE_MEASURE = 'reportcard:queue';

/** What the benchmark waits for: the first card, every chapter row, the statistics page's first and last figures. */
export const WATCHED = {
	card: '#card-front',
	chapterRow: '[data-chapter]',
	// The statistics page: the card counts come first, the retention table last (both from its caches, so together).
	statsFirst: '[data-testid="cards"]',
	statsComplete: '[data-testid="retention"] table'
} as const;

interface Recorder {
	/** Per selector: for each number of non-empty matches, when the page first showed that many. */
	reached: Record<string, Record<number, number>>;
	/** The pending grade-to-next-card timing, ms. */
	next?: Promise<number>;
}

declare global {
	interface Window {
		__bench?: Recorder;
	}
}

/** Install the recorder in every page of the context, before the app's own scripts run. */
export async function installRecorder(context: BrowserContext): Promise<void> {
	await context.addInitScript((selectors: string[]) => {
		const reached: Recorder['reached'] = {};
		const counts: Record<string, number> = {};
		window.__bench = { reached };
		const check = () => {
			const at = performance.now();
			for (const selector of selectors) {
				let count = 0;
				for (const element of document.querySelectorAll(selector)) if (element.textContent?.trim()) count++;
				if (count === counts[selector]) continue;
				counts[selector] = count;
				reached[selector] ??= {};
				reached[selector][count] ??= at;
			}
		};
		new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
	}, Object.values(WATCHED));
}

/** When (ms since navigation start) the page first showed at least `count` non-empty `selector` elements. */
export async function shownAt(page: Page, selector: string, count = 1, timeout = 120_000): Promise<number> {
	const handle = await page.waitForFunction(
		([watched, wanted]) => {
			const times = Object.entries(window.__bench?.reached[watched] ?? {})
				.filter(([n]) => Number(n) >= wanted)
				.map(([, at]) => at);
			return times.length > 0 ? Math.min(...times) : false;
		},
		[selector, count] as const,
		{ timeout }
	);
	return (await handle.jsonValue()) as number;
}

/** Navigate (offline: the service worker must serve the page) and time until the page shows what `selector` marks. */
export async function timeNavigation(page: Page, path: string, selector: string, count = 1): Promise<number> {
	const response = await page.goto(path, { waitUntil: 'commit' });
	if (!response?.fromServiceWorker()) throw new Error(`${path} was not served by the service worker`);
	return shownAt(page, selector, count);
}

/**
 * On the review page: reveal with Space, then time from pressing '3' (Good) to the next card's text on screen.
 * The clock starts in the page's own keydown listener and stops in a MutationObserver, both with performance.now().
 */
export async function timeGrade(page: Page): Promise<number> {
	await page.keyboard.press('Space');
	await page.getByTestId('card-back').waitFor();
	await page.evaluate(() => {
		const before = document.querySelector('#card-front')?.textContent;
		let pressed = Number.NaN;
		const onkeydown = (event: KeyboardEvent) => {
			if (event.key !== '3') return;
			pressed = performance.now();
			window.removeEventListener('keydown', onkeydown, { capture: true });
		};
		window.addEventListener('keydown', onkeydown, { capture: true });
		(window.__bench as Recorder).next = new Promise<number>((resolve) => {
			const observer = new MutationObserver(() => {
				// The next card, or the end of the queue when none is left.
				if (document.querySelector('#card-front')?.textContent === before) return;
				observer.disconnect();
				resolve(performance.now() - pressed);
			});
			observer.observe(document.body, { childList: true, subtree: true, characterData: true });
		});
	});
	await page.keyboard.press('3');
	return page.evaluate(() => (window.__bench as Recorder).next as Promise<number>);
}

/** Every completed User Timing measure of that name in the page, ms. */
export async function measures(page: Page, name: string): Promise<number[]> {
	return page.evaluate((entry) => performance.getEntriesByName(entry, 'measure').map((m) => m.duration), name);
}

/** JS heap in use (CDP Performance.getMetrics JSHeapUsedSize) as the session left it, and after a full collection. */
export async function heapUsed(page: Page): Promise<{ asLeft: number; afterGc: number }> {
	const cdp = await page.context().newCDPSession(page);
	const read = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
		if (!heap) throw new Error('Chromium reported no JSHeapUsedSize');
		return heap.value;
	};
	try {
		await cdp.send('Performance.enable');
		const asLeft = await read();
		await cdp.send('HeapProfiler.collectGarbage');
		return { asLeft, afterGc: await read() };
	} finally {
		await cdp.detach();
	}
}

/** Storage the origin uses: IndexedDB alone where Chromium says (usageDetails), and everything together. */
export async function storageUsed(page: Page): Promise<{ indexedDB: number | null; total: number }> {
	return page.evaluate(async () => {
		const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
			usageDetails?: { indexedDB?: number };
		};
		return { indexedDB: estimate.usageDetails?.indexedDB ?? null, total: estimate.usage ?? 0 };
	});
}
