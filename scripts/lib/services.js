// @ts-check
/**
 * PostgreSQL and Redis for the queue-mode tests, from the machine's Debian packages, the way
 * chromium.js provides Chromium:
 *   1. the binaries already installed: PostgreSQL in /usr/lib/postgresql/<major>/bin (newest major),
 *      or $CHATDASH_PG_BIN; redis-server on PATH, or $CHATDASH_REDIS_SERVER;
 *   2. else, as root (or with password-less sudo) on a machine with apt-get:
 *      `apt-get install postgresql redis-server` (once per machine; `apt-get update` first when the
 *      package is unknown). If the install starts system services (systemd machines), they are
 *      stopped and disabled again: the tests never use them.
 * Then each server runs as a child of the tests, on a random free loopback port, with its data in
 * a temporary folder that `stop()` removes. PostgreSQL refuses to run as root: as root, initdb and
 * pg_ctl run through `runuser -u postgres --` on a folder that user owns.
 * When none of that works the caller gets the reason, so the suite can say why it skipped;
 * CHATDASH_REQUIRE_QUEUE_MODE=1 turns the skip into a failure (CI sets it).
 * Facts behind the steps: ../shared/notes/real-n8n-on-this-machine.md, "n8n queue mode here".
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('./n8n-instance');

const POSTGRES_ROOT = '/usr/lib/postgresql';
/** Debian package → the systemd unit its install may start. */
const APT_PACKAGES = { postgres: 'postgresql', redis: 'redis-server' };
const SERVICE_UNITS = { postgresql: 'postgresql', 'redis-server': 'redis-server' };

/** @param {string} file */
function isExecutable(file) {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

/** @param {string} command @returns {string | undefined} its path on PATH */
function which(command) {
	const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	const found = result.status === 0 ? result.stdout.trim() : '';
	return found || undefined;
}

/**
 * Of the folder names under /usr/lib/postgresql (`15`, `16`, `9.6`…), the newest major first.
 * Pure. @param {string[]} names @returns {string[]}
 */
function sortPostgresMajors(names) {
	const version = (/** @type {string} */ name) => name.split('.').map(Number);
	return names
		.filter((name) => /^\d+(\.\d+)?$/.test(name))
		.sort((a, b) => {
			const [x, y] = [version(a), version(b)];
			return y[0] - x[0] || (y[1] ?? 0) - (x[1] ?? 0);
		});
}

/** @returns {string | undefined} a folder holding initdb, pg_ctl and postgres */
function findPostgresBin() {
	const hasServer = (/** @type {string} */ dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => isExecutable(path.join(dir, name)));
	if (process.env.CHATDASH_PG_BIN) return hasServer(process.env.CHATDASH_PG_BIN) ? process.env.CHATDASH_PG_BIN : undefined;
	/** @type {string[]} */
	let majors = [];
	try {
		majors = sortPostgresMajors(fs.readdirSync(POSTGRES_ROOT));
	} catch {
		// not installed
	}
	return majors.map((major) => path.join(POSTGRES_ROOT, major, 'bin')).find(hasServer);
}

function findRedis() {
	if (process.env.CHATDASH_REDIS_SERVER) {
		return isExecutable(process.env.CHATDASH_REDIS_SERVER) ? process.env.CHATDASH_REDIS_SERVER : undefined;
	}
	return which('redis-server') ?? ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find(isExecutable);
}

/**
 * Whether the queue-mode suite must fail rather than skip when the services cannot be had. Pure.
 * @param {NodeJS.ProcessEnv} env
 */
function queueModeRequired(env) {
	const value = (env.CHATDASH_REQUIRE_QUEUE_MODE ?? '').trim().toLowerCase();
	return value !== '' && value !== '0' && value !== 'false' && value !== 'no';
}

/**
 * Finds PostgreSQL and Redis, installing the missing Debian packages when this process may.
 * @param {(line: string) => void} [log]
 * @returns {{ postgresBin: string, redisServer: string } | { unavailable: string }}
 */
function ensureQueueServices(log = () => {}) {
	let postgresBin = findPostgresBin();
	let redisServer = findRedis();
	if (postgresBin && redisServer) return { postgresBin, redisServer };
	if (process.env.CHATDASH_PG_BIN && !postgresBin) {
		return { unavailable: `CHATDASH_PG_BIN=${process.env.CHATDASH_PG_BIN} holds no initdb, pg_ctl and postgres` };
	}
	if (process.env.CHATDASH_REDIS_SERVER && !redisServer) {
		return { unavailable: `CHATDASH_REDIS_SERVER=${process.env.CHATDASH_REDIS_SERVER} is not an executable file` };
	}
	/** @type {string[]} */
	const missing = [...(postgresBin ? [] : [APT_PACKAGES.postgres]), ...(redisServer ? [] : [APT_PACKAGES.redis])];
	if (process.platform !== 'linux' || !which('apt-get')) {
		return {
			unavailable: `${missing.join(' and ')} not installed and no apt-get to install them; install them, or set CHATDASH_PG_BIN / CHATDASH_REDIS_SERVER`,
		};
	}
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = !isRoot && Boolean(which('sudo')) && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
	if (!isRoot && !sudo) {
		return {
			unavailable: `${missing.join(' and ')} not installed and no permission to install them (needs root or password-less sudo): run \`sudo apt-get install ${missing.join(' ')}\` once`,
		};
	}
	const prefix = sudo ? ['sudo', '-n'] : [];
	const asAdmin = (/** @type {string} */ command, /** @type {string[]} */ args) => {
		const [first, ...rest] = [...prefix, command, ...args];
		return spawnSync(first, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	};
	// Waits for a package manager that is already running (a fresh machine may be updating itself).
	const apt = (/** @type {string[]} */ args) => asAdmin('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args]);
	const install = () => apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
	log(`Installing Debian's ${missing.join(' ')} for the queue-mode tests (once per machine)...`);
	const started = Date.now();
	let result = install();
	if (result.status !== 0) {
		// "Unable to locate package": the package lists are missing or stale.
		const update = apt(['update', '-qq']);
		result = update.status === 0 ? install() : update;
	}
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-10).join('\n');
		return { unavailable: `apt-get could not install ${missing.join(' ')} (exit ${result.status}):\n${output}` };
	}
	// On a systemd machine the packages start their services: the tests run their own servers.
	if (which('systemctl')) {
		for (const pkg of missing) {
			const unit = SERVICE_UNITS[/** @type {keyof typeof SERVICE_UNITS} */ (pkg)];
			if (asAdmin('systemctl', ['is-active', '--quiet', unit]).status === 0) {
				asAdmin('systemctl', ['stop', unit]);
				asAdmin('systemctl', ['disable', '--quiet', unit]);
				log(`Stopped and disabled the ${unit} service the install started.`);
			}
		}
	}
	log(`Installed ${missing.join(' ')} in ${Math.round((Date.now() - started) / 1000)} s.`);
	postgresBin = findPostgresBin();
	redisServer = findRedis();
	if (!postgresBin) return { unavailable: `apt-get succeeded but no PostgreSQL server was found in ${POSTGRES_ROOT}/*/bin` };
	if (!redisServer) return { unavailable: 'apt-get succeeded but no redis-server was found afterwards' };
	return { postgresBin, redisServer };
}

/**
 * Runs a command to completion; rejects with its output on a non-zero exit.
 * @param {string} command @param {string[]} args @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<string>}
 */
function exec(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-3000)}`));
		});
	});
}

/**
 * A PostgreSQL server of its own: initdb into a temporary folder, started with pg_ctl on a random
 * loopback port (its socket in the data folder, durability off: test data only), one database.
 * @param {{ postgresBin: string, database?: string, log?: (line: string) => void }} options
 */
async function startPostgres(options) {
	const log = options.log ?? (() => {});
	const database = options.database ?? 'n8n';
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdash-pg-'));
	const dataDir = path.join(root, 'data');
	const logFile = path.join(root, 'postgres.log');
	/** As root, every PostgreSQL program runs as `postgres`, which owns the temporary folder. */
	const asServerUser = (/** @type {string} */ program, /** @type {string[]} */ args) =>
		isRoot
			? exec('runuser', ['-u', 'postgres', '--', path.join(options.postgresBin, program), ...args])
			: exec(path.join(options.postgresBin, program), args);
	if (isRoot) {
		const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
		if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root but there is no `postgres` user to run PostgreSQL as');
		fs.chownSync(root, uid, gid);
	}
	const port = await freePort();
	let started = false;
	const stop = async () => {
		if (started) {
			started = false;
			await asServerUser('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch((error) => log(`pg_ctl stop: ${error.message}`));
		}
		fs.rmSync(root, { recursive: true, force: true });
	};
	try {
		await asServerUser('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
		const serverOptions = [
			`-p ${port}`,
			'-c listen_addresses=127.0.0.1',
			`-k ${dataDir}`,
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
			'-c max_connections=100',
		].join(' ');
		await asServerUser('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
		started = true;
		await asServerUser('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
	} catch (error) {
		const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stop();
		throw new Error(`PostgreSQL did not start: ${/** @type {Error} */ (error).message}\n${serverLog}`);
	}
	log(`PostgreSQL on 127.0.0.1:${port} (${dataDir})`);
	return { host: '127.0.0.1', port, user: 'postgres', password: '', database, dataDir, stop };
}

/**
 * Resolves once a Redis answers PING on `port`, or rejects after `timeoutMs`.
 * @param {number} port @param {number} timeoutMs
 */
async function waitForRedis(port, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const pong = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			let reply = '';
			socket.setTimeout(1000, () => socket.destroy());
			socket.on('connect', () => socket.write('PING\r\n'));
			socket.on('data', (chunk) => {
				reply += chunk;
				if (reply.includes('\r\n')) socket.end();
			});
			socket.on('close', () => resolve(reply.startsWith('+PONG')));
			socket.on('error', () => resolve(false));
		});
		if (pong) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`Redis did not answer PING on port ${port} within ${timeoutMs / 1000} s`);
}

/**
 * A Redis server of its own, as a child process: random loopback port, no persistence, its
 * working folder temporary. @param {{ redisServer: string, log?: (line: string) => void }} options
 */
async function startRedis(options) {
	const log = options.log ?? (() => {});
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdash-redis-'));
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
	const child = spawn(options.redisServer, args, { cwd: dir, stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		const died = exited.then((code) => {
			throw new Error(`redis-server exited with ${code}`);
		});
		died.catch(() => {}); // handled by the race below; later exits are stop()'s business
		await Promise.race([waitForRedis(port, 30_000), died]);
	} catch (error) {
		const serverLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
		await stop();
		throw new Error(`Redis did not start: ${/** @type {Error} */ (error).message}\n${serverLog}`);
	}
	log(`Redis on 127.0.0.1:${port}`);
	return { host: '127.0.0.1', port, stop };
}

module.exports = {
	ensureQueueServices,
	startPostgres,
	startRedis,
	queueModeRequired,
	sortPostgresMajors,
	APT_PACKAGES,
};
