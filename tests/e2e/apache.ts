/**
 * A real WebDAV server for the sync journeys: Debian's Apache with mod_dav on 127.0.0.1, basic auth, and the CORS
 * headers the README asks learners to set (written here into a config of its own, started and stopped by the test).
 * `.ci/run` installs apache2 when it is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
export const DAV_USER = 'learner';
export const DAV_PASSWORD = 'correct horse';

export interface DavServer {
	/** The WebDAV folder a learner types into the app. */
	url: string;
	/** Files under the folder, as paths relative to it. */
	files(): string[];
	stop(): void;
}

export function apacheAvailable(): boolean {
	return existsSync(APACHE) && existsSync(join(MODULES, 'mod_dav_fs.so'));
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

/** Start Apache serving a fresh WebDAV folder to `origin` (the app's address), and return where it is. */
export async function startApache(origin: string): Promise<DavServer> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'reportcard-dav-'));
	// Apache runs as nobody: every folder on the way must be readable, the served one writable.
	chmodSync(dir, 0o755);
	const root = join(dir, 'dav');
	const locks = join(dir, 'locks');
	mkdirSync(root);
	mkdirSync(locks);
	for (const folder of [root, locks]) chmodSync(folder, 0o777);
	execFileSync('htpasswd', ['-bc', join(dir, 'users'), DAV_USER, DAV_PASSWORD], { stdio: 'ignore' });
	chmodSync(join(dir, 'users'), 0o644);
	const modules = [
		'mpm_event',
		'authz_core',
		'authz_user',
		'authn_core',
		'authn_file',
		'auth_basic',
		'dav',
		'dav_fs',
		'headers',
		'rewrite',
		'mime',
		'alias'
	];
	writeFileSync(
		join(dir, 'httpd.conf'),
		[
			...modules.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
			`Listen 127.0.0.1:${port}`,
			'ServerName 127.0.0.1',
			'User nobody',
			'Group nogroup',
			`PidFile ${join(dir, 'httpd.pid')}`,
			`ErrorLog ${join(dir, 'error.log')}`,
			`DAVLockDB ${join(locks, 'lock')}`,
			'TypesConfig /etc/mime.types',
			`DocumentRoot ${dir}`,
			`Alias /dav ${root}`,
			`<Directory ${root}>`,
			'  DAV On',
			'  AllowOverride None',
			'  AuthType Basic',
			'  AuthName "ReportCard sync"',
			`  AuthUserFile ${join(dir, 'users')}`,
			'  <LimitExcept OPTIONS>',
			'    Require valid-user',
			'  </LimitExcept>',
			'</Directory>',
			// The preflight answers without a password; every answer carries the headers the README lists.
			'RewriteEngine On',
			'RewriteCond %{REQUEST_METHOD} OPTIONS',
			'RewriteRule ^ - [R=204,L]',
			`Header always set Access-Control-Allow-Origin "${origin}"`,
			'Header always set Access-Control-Allow-Methods "GET, PUT, DELETE, PROPFIND, MKCOL, OPTIONS"',
			'Header always set Access-Control-Allow-Headers "Authorization, Content-Type, Depth, If-None-Match"',
			'Header always set Access-Control-Expose-Headers "ETag, DAV"',
			''
		].join('\n')
	);
	const started = spawnSync(APACHE, ['-f', join(dir, 'httpd.conf'), '-k', 'start'], { encoding: 'utf8' });
	if (started.status !== 0) throw new Error(`Apache did not start: ${started.stderr}`);
	for (let i = 0; i < 50 && !existsSync(join(dir, 'httpd.pid')); i++) await new Promise((r) => setTimeout(r, 100));
	return {
		url: `http://127.0.0.1:${port}/dav/`,
		files: () => listFiles(root, ''),
		stop: () => {
			const pid = Number(readFileSync(join(dir, 'httpd.pid'), 'utf8'));
			try {
				process.kill(pid);
			} catch {
				// Already gone.
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function listFiles(root: string, under: string): string[] {
	const here = join(root, under);
	const output = spawnSync('find', [here, '-type', 'f'], { encoding: 'utf8' }).stdout;
	return output
		.split('\n')
		.filter(Boolean)
		.map((path) => path.slice(root.length + 1));
}
