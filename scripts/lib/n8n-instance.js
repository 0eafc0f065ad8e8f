// @ts-check
/**
 * One isolated n8n, set up the way users get community packages: this package's `npm pack`
 * tarball installed into `<N8N_USER_FOLDER>/.n8n/nodes`, from which n8n loads it at start-up.
 * Used by the end-to-end tests and by `npm run demo`.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { ensureN8n, isN8n1x, run, N8N_VERSION } = require('./n8n-runtime');
const { waitForLogLine, waitUntil } = require('./wait');

const ROOT = path.resolve(__dirname, '..', '..');

/** @returns {Promise<number>} a port that was free a moment ago on 127.0.0.1 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * Builds nothing: packs the current dist/ with `npm pack` into `destination`.
 * @param {string} destination @returns {Promise<string>} the tarball's path
 */
async function packPackage(destination) {
	fs.mkdirSync(destination, { recursive: true });
	const output = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: ROOT });
	const [{ filename }] = JSON.parse(output.slice(output.indexOf('[')));
	return path.join(destination, filename);
}

/**
 * Everything before the first line that is exactly `{` is log output; the run JSON follows.
 * @param {string} stdout
 */
function parseRunJson(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) return undefined;
	const end = lines.lastIndexOf('}');
	if (end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/**
 * @param {{ tarball: string, log?: (line: string) => void, home?: string, port?: number,
 *   env?: (port: number) => NodeJS.ProcessEnv, version?: string }} options
 *   `env`: more environment for every n8n process of this instance, given its port (e.g. WEBHOOK_URL)
 *   `version`: the n8n to run, N8N_VERSION (2.41.1) unless given (e.g. N8N_1X_VERSION)
 */
async function createN8nInstance(options) {
	const log = options.log ?? (() => {});
	const version = options.version ?? N8N_VERSION;
	const runtime = await ensureN8n(log, version);
	const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'chatdash-n8n-'));
	const nodesDir = path.join(home, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// As n8n's Community Nodes installer does: no peer n8n-workflow (n8n provides it), no scripts.
	await run('npm', ['install', options.tarball, '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: nodesDir,
	});
	const [port, brokerPort] = [options.port ?? (await freePort()), await freePort()];
	/** @type {NodeJS.ProcessEnv} */
	const env = {
		...runtime.env,
		// As users run it. Under jest NODE_ENV is `test`, in which n8n prints neither logs nor runs.
		NODE_ENV: 'production',
		JEST_WORKER_ID: undefined,
		N8N_USER_FOLDER: home,
		N8N_ENCRYPTION_KEY: 'chatdash-e2e-encryption-key-0001',
		DB_TYPE: 'sqlite',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		...options.env?.(port),
	};
	/** @type {Set<import('node:child_process').ChildProcess>} */
	const children = new Set();
	/** How many CLI commands this instance ran: each gets its own output file. */
	let cliRuns = 0;

	/**
	 * Runs `n8n <args>`; resolves with exit code and output whatever the code.
	 * @param {string[]} args @param {number} [timeoutMs] @param {NodeJS.ProcessEnv} [extraEnv]
	 * @param {(child: import('node:child_process').ChildProcess) => void} [onSpawn] e.g. to sample its CPU
	 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }>}
	 */
	function cli(args, timeoutMs = 120_000, extraEnv = {}, onSpawn = undefined) {
		return new Promise((resolve, reject) => {
			// stdout goes to a file, not a pipe: n8n exits right after printing a run, and a large
			// run (20,000 items) printed into a pipe is cut off at exit; writes to a file are not.
			const outFile = path.join(home, `cli-${process.pid}-${++cliRuns}.out`);
			const out = fs.openSync(outFile, 'w');
			const child = spawn(runtime.nodeBinary, [runtime.n8nEntry, ...args], {
				env: { ...env, ...extraEnv },
				cwd: home,
				detached: true,
				stdio: ['ignore', out, 'pipe'],
			});
			fs.closeSync(out);
			children.add(child);
			onSpawn?.(child);
			let stderr = '';
			child.stderr?.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => killTree(child), timeoutMs);
			child.on('error', reject);
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				children.delete(child);
				const stdout = fs.readFileSync(outFile, 'utf8');
				fs.rmSync(outFile, { force: true });
				resolve({ code, signal, stdout, stderr });
			});
		});
	}

	/** @param {string} name @param {unknown} content */
	function writeInput(name, content) {
		const file = path.join(home, name);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** @param {string} what @param {Awaited<ReturnType<typeof cli>>} result */
	function assertSucceeded(what, result) {
		if (result.code !== 0) throw new Error(`n8n ${what} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
	}

	/** @param {Array<Record<string, unknown>>} credentials (plaintext `data`; n8n encrypts it) */
	async function importCredentials(credentials) {
		assertSucceeded('import:credentials', await cli(['import:credentials', `--input=${writeInput('credentials.json', credentials)}`]));
	}

	/** @param {Array<Record<string, unknown>>} workflows (each with a fixed `id`) */
	async function importWorkflows(workflows) {
		assertSucceeded('import:workflow', await cli(['import:workflow', `--input=${writeInput('workflows.json', workflows)}`]));
	}

	/**
	 * Runs a workflow with `n8n execute` and returns the run it prints. n8n exits 1 on a failed run
	 * (the JSON still follows) and, rarely, segfaults after printing a complete run: the JSON decides.
	 * @param {string} workflowId @param {number} [timeoutMs] ends the run (and fails) after this long
	 * @param {NodeJS.ProcessEnv} [extraEnv] e.g. NODE_OPTIONS for a CPU profile
	 * @param {(child: import('node:child_process').ChildProcess) => void} [onSpawn] e.g. to sample its CPU
	 */
	async function execute(workflowId, timeoutMs, extraEnv, onSpawn) {
		const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs, extraEnv, onSpawn);
		const runData = parseRunJson(result.stdout);
		if (!runData) {
			throw new Error(`n8n execute printed no run (exit ${result.code} ${result.signal ?? ''}):\n${result.stdout}\n${result.stderr}`);
		}
		return { run: runData, ...result };
	}

	/**
	 * Activates a workflow before `start` (n8n reads it at start-up): `publish:workflow` on 2.x;
	 * 1.x has no publishing, its CLI sets the workflow active with `update:workflow --active=true`.
	 * @param {string} workflowId
	 */
	async function activate(workflowId) {
		const args = isN8n1x(version)
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		assertSucceeded(args[0], await cli(args));
	}

	/** Deactivates a workflow before `start`: `unpublish:workflow` on 2.x, `update:workflow --active=false` on 1.x. @param {string} workflowId */
	async function deactivate(workflowId) {
		const args = isN8n1x(version)
			? ['update:workflow', `--id=${workflowId}`, '--active=false']
			: ['unpublish:workflow', `--id=${workflowId}`];
		assertSucceeded(args[0], await cli(args));
	}

	/** @type {{ process: import('node:child_process').ChildProcess, logFile: string } | undefined} */
	let server;

	/**
	 * Starts `n8n start` and resolves when it answers /healthz/readiness. Ready is not yet done
	 * starting: published workflows are activated after that (see `waitForLog`).
	 */
	async function start(timeoutMs = 120_000) {
		const logFile = path.join(home, 'n8n-server.log');
		const out = fs.openSync(logFile, 'a');
		const child = spawn(runtime.nodeBinary, [runtime.n8nEntry, 'start'], {
			env,
			cwd: home,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		children.add(child);
		child.on('close', () => children.delete(child));
		server = { process: child, logFile };
		await waitForReadiness(url(), runningServerLog(), timeoutMs);
	}

	/** The server log, read by a wait: throws once the server has exited (or was never started). */
	function runningServerLog() {
		if (!server) throw new Error('n8n start has not been called');
		return whileRunning(server.process, 'n8n start', serverLog);
	}

	/** Where the server log ends now: pass it as `since` to wait only for what is logged after. */
	function logMark() {
		return serverLog().length;
	}

	/**
	 * Waits until the running server logs `pattern` after `since` (e.g. the trigger's "subscription
	 * ready" line after a restart); fails at once if the server exits meanwhile.
	 * @param {RegExp | string} pattern @param {{ since?: number, timeoutMs?: number, what?: string }} [options]
	 */
	function waitForLog(pattern, options) {
		return waitForLogLine(runningServerLog(), pattern, options);
	}

	function url() {
		return `http://127.0.0.1:${port}`;
	}

	function serverLog() {
		return server ? fs.readFileSync(server.logFile, 'utf8') : '';
	}

	/** Ends every process this instance started (whole process groups), by PID. */
	async function stop() {
		await Promise.all([...children].map((child) => killTree(child)));
	}

	return {
		home,
		env,
		port,
		version,
		url,
		cli,
		importCredentials,
		importWorkflows,
		activate,
		deactivate,
		execute,
		start,
		stop,
		serverLog,
		logMark,
		waitForLog,
	};
}

/**
 * A reader of a process's log for the waits above: it throws, with the log's tail, once the
 * process has exited, so that a wait for a process that died fails at once.
 * @param {import('node:child_process').ChildProcess} child @param {string} label e.g. "n8n worker"
 * @param {() => string} readLog
 * @returns {() => string}
 */
function whileRunning(child, label, readLog) {
	return () => {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${label} exited with ${child.exitCode ?? child.signalCode}:\n${readLog().slice(-4000)}`);
		}
		return readLog();
	};
}

/**
 * Resolves once an n8n process answers `<baseUrl>/healthz/readiness`. `readLog` gives its log for
 * the error and may throw to stop waiting (e.g. the process exited).
 * @param {string} baseUrl @param {() => string} readLog @param {number} [timeoutMs]
 */
function waitForReadiness(baseUrl, readLog, timeoutMs = 120_000) {
	return waitUntil(
		async () => {
			readLog();
			try {
				return (await fetch(`${baseUrl}/healthz/readiness`)).ok;
			} catch {
				return false; // not listening yet
			}
		},
		`n8n to answer ${baseUrl}/healthz/readiness`,
		{ timeoutMs, intervalMs: 500, detail: () => readLog().slice(-4000) },
	);
}

/**
 * SIGTERM to the child's process group, SIGKILL after 10 s; resolves once it has exited.
 * @param {import('node:child_process').ChildProcess} child
 */
function killTree(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve(undefined);
		const pid = child.pid;
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		const signal = (/** @type {NodeJS.Signals} */ name) => {
			try {
				process.kill(-pid, name);
			} catch {
				try {
					process.kill(pid, name);
				} catch {
					// already gone
				}
			}
		};
		signal('SIGTERM');
		const timer = setTimeout(() => signal('SIGKILL'), 10_000);
	});
}

module.exports = { createN8nInstance, packPackage, parseRunJson, freePort, waitForReadiness, whileRunning, ROOT };
