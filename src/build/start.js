/**
 * `npm start`: install, build and serve the app, from a copy of the project in .start/ with its own node_modules and
 * build. `npm ci && npm test` replaces node_modules and rebuilds build/; with a copy of its own, either command may run
 * first, or both at once, without one breaking the other. Installs only when the lockfile changed. Node's own modules
 * only: this runs before anything is installed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { staticHandler } from './serve.js';

const root = join(import.meta.dirname, '../..');
const copy = join(root, '.start');
const port = Number(process.env.PORT ?? 4321);
/** What a build reads; node_modules is installed into the copy from the same lockfile. */
const SOURCES = [
	'src',
	'static',
	'decks',
	'package.json',
	'package-lock.json',
	'.npmrc',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];
/** Lines a build prints that mean nothing to someone starting the app. */
const NOISE = [/npm run preview/, /Using @sveltejs\/adapter-static/, /Wrote site to/, /✔ done/];

function fail(message) {
	console.error(`\nnpm start: ${message}`);
	process.exit(1);
}

function run(command, args, quiet) {
	const result = spawnSync(command, args, { cwd: copy, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
	if (quiet) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n');
		const kept = output.filter((line) => line.trim() && !NOISE.some((noise) => noise.test(line)));
		if (kept.length > 0) console.log(kept.join('\n'));
	}
	if (result.error) fail(`could not run ${command}: ${result.error.message}`);
	return result.status === 0;
}

function copySources() {
	mkdirSync(copy, { recursive: true });
	for (const entry of SOURCES) {
		const from = join(root, entry);
		const to = join(copy, entry);
		rmSync(to, { recursive: true, force: true });
		if (existsSync(from)) cpSync(from, to, { recursive: true });
	}
}

function installIfNeeded() {
	const lock = createHash('sha256')
		.update(readFileSync(join(root, 'package-lock.json')))
		.digest('hex');
	const stamp = join(copy, 'node_modules', '.installed-from-lock');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
	console.log('Installing dependencies (only when package-lock.json changed)…');
	if (!run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], false)) {
		fail('installing the dependencies failed (see above). Check the network to the npm registry, then run it again.');
	}
	writeFileSync(stamp, lock);
}

if (await fetch(`http://localhost:${port}/`).then(() => true, () => false)) {
	fail(`port ${port} is already in use. Stop what serves it, or run PORT=4322 npm start.`);
}
console.log('Building ReportCard…');
copySources();
installIfNeeded();
if (!run(join(copy, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], true)) {
	fail('the build failed (see above). A deck file problem names its file and line.');
}
const server = createServer(staticHandler(join(copy, 'build'), { cache: true }));
server.on('error', (error) => fail(`could not serve on port ${port}: ${error.message}`));
server.listen(port, () => {
	console.log(`\nReportCard is served at http://localhost:${port} (Ctrl+C stops it).`);
	console.log('Open it once; from then on it works with no network.');
});
