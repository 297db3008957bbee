// Lighthouse (mobile) against the built app: a table of scores per page, on a first visit and on a repeat visit (the
// service worker installed by an earlier visit in the same profile), and what to fix where a page falls short.
// Usage: npm run build && npm run audit [-- /path ...]   (default: every page); AUDIT_RUNS=n runs per page (default 3)
// AUDIT_CPU=calibrated: the CPU slowdown fitted to this machine's measured speed (below) instead of Lighthouse's 4x.
// Not part of `npm test`: a score depends on the machine, so it is a measurement, not a test. Each page is audited
// several times and the median run reported (Lighthouse's own computeMedianRun), as Lighthouse advises for variance.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { staticHandler } from '../../src/build/serve.js';

const DEFAULT_PAGES = [
	'/',
	'/review',
	'/quiz?chapter=opening',
	'/exam',
	'/chapter?id=opening',
	'/map',
	'/cards',
	'/stats',
	'/data',
	'/settings'
];
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);
const CALIBRATED = process.env.AUDIT_CPU === 'calibrated';
const TARGETS = { performance: 0.98, accessibility: 1, 'best-practices': 1 };
const port = Number(process.env.AUDIT_PORT ?? 4393);
const root = join(import.meta.dirname, '../..');
const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_PAGES;
const chromePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync);

if (!existsSync(join(root, 'build/index.html'))) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
if (!chromePath) {
	console.error('No Chrome or Chromium found: set CHROME_PATH.');
	process.exit(1);
}

/**
 * The built app, as learners get it: from the server `npm start` runs, which sends each file's Brotli copy the build
 * wrote, as static hosts do (Vite's preview server sends gzip only, which makes the decks half as big again).
 */
async function startServer() {
	// Another server on the port would be audited instead of this build (a stale one serves missing files).
	const busy = await fetch(`http://localhost:${port}/`).then(
		() => true,
		() => false
	);
	if (busy) throw new Error(`Port ${port} is already serving something: stop it or set AUDIT_PORT to another port.`);
	const server = createServer(staticHandler(join(root, 'build'), { cache: true }));
	await new Promise((resolve, reject) => server.once('error', reject).listen(port, resolve));
	return server;
}

/**
 * The CPU slowdown that makes this machine a mid-tier phone, from the benchmark index Lighthouse measures in every run.
 * Lighthouse's default 4x assumes a high-end desktop (index 1500-2000); its documentation says to calibrate on a
 * slower host (docs/throttling.md, "Calibrating the CPU slowdown"), with this curve from the calculator it links
 * (lighthouse-cpu-throttling-calculator): 1533 -> 4x, 1300 -> 3x, 800 -> 2x, 150 -> 1x.
 */
function cpuSlowdownFor(benchmarkIndex) {
	if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
	if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
	if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
	throw new Error(`Benchmark index ${benchmarkIndex}: this machine is too slow (or too busy) to emulate a phone.`);
}

/** Benchmark indexes of the runs so far: a calibrated run's slowdown follows the median of the latest five. */
const benchmarks = [];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const slowdown = () => (CALIBRATED ? cpuSlowdownFor(median(benchmarks.slice(-5))) : 4);

/** One Lighthouse run; with `profile`, in that browser profile and keeping what earlier runs stored (a repeat visit). */
async function audit(path, profile) {
	const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
	if (profile) flags.push(`--user-data-dir=${profile}`);
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[
			join(root, 'node_modules/lighthouse/cli/index.js'),
			`http://localhost:${port}${path}`,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			'--only-categories=performance,accessibility,best-practices',
			...(profile ? ['--disable-storage-reset'] : []),
			`--throttling.cpuSlowdownMultiplier=${slowdown().toFixed(2)}`,
			`--chrome-flags=${flags.join(' ')}`
		],
		{ env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024 }
	);
	const report = JSON.parse(stdout);
	benchmarks.push(report.environment.benchmarkIndex);
	return report;
}

const ms = (report, id) => `${Math.round(report.audits[id].numericValue)} ms`;

/** The audits that cost points in a category that missed its target. */
function shortfalls(report) {
	return Object.entries(TARGETS).flatMap(([category, target]) => {
		if (report.categories[category].score >= target) return [];
		return report.categories[category].auditRefs
			.filter((ref) => ref.weight > 0 && (report.audits[ref.id].score ?? 1) < 1)
			.map(
				(ref) => `  ${category}: ${report.audits[ref.id].title} (${report.audits[ref.id].displayValue ?? 'failed'})`
			);
	});
}

const server = await startServer();
const rows = [];
const notes = [];
try {
	// Calibrating needs a first measure of the machine's speed: one run, not reported.
	if (CALIBRATED) await audit(pages[0]);
	for (const [path, visit] of pages.flatMap((path) => [
		[path, 'first'],
		[path, 'repeat']
	])) {
		const profile = visit === 'repeat' ? mkdtempSync(join(tmpdir(), 'reportcard-audit-')) : undefined;
		const runs = [];
		try {
			// The repeat visit's first load installs the service worker; only the loads after it are measured.
			if (profile) await audit(path, profile);
			for (let run = 0; run < RUNS; run++) runs.push(await audit(path, profile));
		} finally {
			if (profile) rmSync(profile, { recursive: true, force: true });
		}
		const report = computeMedianRun(runs);
		const score = (id) => Math.round(report.categories[id].score * 100);
		rows.push({
			page: path,
			visit,
			performance: score('performance'),
			'performance (all runs)': runs.map((run) => Math.round(run.categories.performance.score * 100)).join(' '),
			accessibility: score('accessibility'),
			'best practices': score('best-practices'),
			FCP: ms(report, 'first-contentful-paint'),
			LCP: ms(report, 'largest-contentful-paint'),
			TBT: ms(report, 'total-blocking-time'),
			CLS: report.audits['cumulative-layout-shift'].numericValue.toFixed(3),
			'CPU slowdown': `${report.configSettings.throttling.cpuSlowdownMultiplier}x`,
			benchmark: Math.round(report.environment.benchmarkIndex)
		});
		const missing = shortfalls(report);
		if (missing.length > 0) notes.push(`${path} (${visit} visit)\n${missing.join('\n')}`);
	}
} finally {
	server.close();
}

console.table(rows);
// Simulated throttling scales the CPU time it observes, so a busy machine lowers the scores: say how busy it was.
console.log(`Load average (1 min) at the end: ${loadavg()[0].toFixed(1)} on this machine`);
console.log(
	`Benchmark index (Lighthouse's measure of this machine's CPU, median of all runs): ${Math.round(median(benchmarks))}` +
		(CALIBRATED ? '' : `; AUDIT_CPU=calibrated would slow it ${cpuSlowdownFor(median(benchmarks)).toFixed(1)}x, not 4x`)
);
if (notes.length > 0) {
	const targets = Object.entries(TARGETS).map(([category, target]) => `${category} ${target * 100}`);
	console.log(`Below the targets (${targets.join(', ')}):\n${notes.join('\n')}`);
	process.exitCode = 1;
}
