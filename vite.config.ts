import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { decksPlugin } from './src/build/vite-plugin-decks.ts';

const port = Number(process.env.PORT ?? 4321);
const SHARED = /node_modules|src[\\/]lib/;
const SCHEDULER = /node_modules[\\/]ts-fsrs|scheduling[\\/]scheduler/;

export default defineConfig({
	plugins: [
		decksPlugin(),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			manifest: false,
			// Our own worker (src/service-worker.ts): Workbox's precache, plus each page's policy widened to the learner's
			// sync server.
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			injectManifest: {
				globPatterns: [
					'client/**/*.{js,css,html,ico,png,svg,webp,webmanifest,woff2,json,wasm}',
					'prerendered/**/*.{html,json}'
				],
				// The FSRS optimiser's WebAssembly (1.7 MB) is precached so optimising works offline too.
				maximumFileSizeToCacheInBytes: 3 * 1024 * 1024
			}
		})
	],
	build: {
		rolldownOptions: {
			// Its "time spent in plugins" note is about our machine's load, not the code: it is noise in every build log.
			checks: { bundlerTimings: false },
			output: {
				codeSplitting: {
					// One chunk for the code most pages share instead of ~15 small ones: on a first visit over HTTP/1.1 every file
					// waits for one of six connections, so fewer files paint sooner (Lighthouse LCP 3.0 -> 2.5 s on /review).
					// The scheduler (ts-fsrs) is apart: home paints and reads without it, and it loads with the database code.
					// The shared group goes first, so what the scheduler imports (dates, settings) stays where home finds it.
					groups: [
						{ name: 'shared', test: (id) => SHARED.test(id) && !SCHEDULER.test(id), minShareCount: 4, priority: 2 },
						{ name: 'fsrs', test: SCHEDULER, priority: 1 }
					]
				}
			}
		}
	},
	server: { port, strictPort: true },
	preview: { port, strictPort: true },
	test: {
		environment: 'node',
		expect: { requireAssertions: true },
		// `npm run test:unit` measures it: pure domain code near fully, the state layer (runes classes on fake-indexeddb,
		// without a browser) to at least 80 % of its lines. Browser glue (service worker, downloads) is the journeys' job.
		coverage: {
			provider: 'v8',
			include: ['src/lib/domain/**', 'src/lib/state/**', 'src/lib/storage/**'],
			reporter: ['text-summary'],
			thresholds: {
				'src/lib/domain/**': { lines: 95 },
				'src/lib/state/**': { lines: 80 }
			}
		},
		// Fuzzing and real FSRS fits take seconds on a busy shared 2-core machine: limits, not speed tests.
		testTimeout: 30_000,
		// fsrs-browser's fitter prints each epoch's loss from WebAssembly: noise in a test run, kept out of it.
		onConsoleLog: (log) => !/^(epoch: \d+ loss|best_loss): /.test(log),
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
			// Reads the production build, so it runs after `vite build` (npm run size).
			{ extends: true, test: { name: 'budget', include: ['tests/budget/**/*.test.ts'] } }
		]
	}
});
