// Runs a TypeScript benchmark script (Node 20 cannot strip types itself) through Vite's module runner.
import { runnerImport } from 'vite';

const script = process.argv[2];
if (!script) {
	console.error('Usage: node tests/bench/run.js <script.ts>');
	process.exit(2);
}
await runnerImport(script, { configFile: false, logLevel: 'error' });
