// @ts-check
/**
 * Finds a Chromium for the editor tests, installing Debian's on first use when this process may.
 *
 * Playwright's own browser download cannot run here (the machine reaches only the npm registry and
 * Debian's packages), so the tests drive a system Chromium through `playwright-core`. Order:
 *   1. $CHATDASH_CHROMIUM, if set (any Chromium or Chrome binary);
 *   2. /usr/bin/chromium (Debian), /usr/bin/chromium-browser, /usr/bin/google-chrome;
 *   3. as root (or with password-less sudo) on a machine with apt-get:
 *      `apt-get install chromium fonts-liberation` (~1 min, once per machine), then 1.
 * When none of that works the caller gets the reason, so the suite can say why it skipped.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** fonts-liberation: without it pages render with fallback glyphs and screenshots look broken. */
const APT_PACKAGES = ['chromium', 'fonts-liberation'];

/**
 * Flags measured on this machine kind: without the background-networking ones Chromium keeps
 * opening connections the closed network refuses. `--no-sandbox` because CI runs as root.
 */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** @param {string} file */
function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

function findChromium() {
	const fromEnv = process.env.CHATDASH_CHROMIUM;
	if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
	return KNOWN_PATHS.find(isExecutable);
}

/** @param {string} command */
function hasCommand(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/**
 * @param {(line: string) => void} [log]
 * @returns {{ executablePath: string } | { unavailable: string }}
 */
function ensureChromium(log = () => {}) {
	const found = findChromium();
	if (found) return { executablePath: found };
	if (process.env.CHATDASH_CHROMIUM) {
		return { unavailable: `CHATDASH_CHROMIUM=${process.env.CHATDASH_CHROMIUM} is not an executable file` };
	}
	if (process.platform !== 'linux' || !hasCommand('apt-get')) {
		return {
			unavailable: `no Chromium at ${KNOWN_PATHS.join(', ')} and no apt-get to install one; set CHATDASH_CHROMIUM to a Chromium or Chrome binary`,
		};
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = !isRoot && hasCommand('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
	if (!isRoot && !sudo) {
		return {
			unavailable: `no Chromium installed and no permission to install it (needs root or password-less sudo): run \`sudo apt-get install ${APT_PACKAGES.join(' ')}\` once, or set CHATDASH_CHROMIUM`,
		};
	}
	const prefix = sudo ? ['sudo', '-n'] : [];
	const apt = (/** @type {string[]} */ args) => {
		// Waits for a package manager that is already running (a fresh machine may be updating itself).
		const [command, ...rest] = [...prefix, 'apt-get', '-o', 'DPkg::Lock::Timeout=300', ...args];
		return spawnSync(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	};
	log(`Installing Debian's ${APT_PACKAGES.join(' ')} for the editor tests (once per machine, about a minute)...`);
	const started = Date.now();
	const update = apt(['update', '-qq']);
	const install = update.status === 0 ? apt(['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES]) : update;
	if (install.status !== 0) {
		const output = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim().split('\n').slice(-10).join('\n');
		return { unavailable: `apt-get could not install ${APT_PACKAGES.join(' ')} (exit ${install.status}):\n${output}` };
	}
	log(`Installed Chromium in ${Math.round((Date.now() - started) / 1000)} s.`);
	const installed = findChromium();
	return installed ? { executablePath: installed } : { unavailable: 'apt-get succeeded but no Chromium binary was found afterwards' };
}

module.exports = { ensureChromium, CHROMIUM_ARGS };
