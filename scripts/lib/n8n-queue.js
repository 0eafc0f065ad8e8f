// @ts-check
/**
 * n8n in queue mode, built from n8n-instance.js's single instances: every process (the main, each
 * worker) is its own `createN8nInstance` — its own user folder with the packed tarball installed
 * in `.n8n/nodes`, as users must do on every machine — and all share one PostgreSQL database, one
 * Redis (the Bull queue) and one encryption key. The main (`n8n start`) takes webhook calls and
 * puts executions on the queue; each worker (`n8n worker --concurrency=N`) takes them off and runs
 * them, logging "Worker started execution N (job M)". A webhook processor (`n8n webhook`) only
 * takes production webhook calls (e.g. the ChatDash Trigger's deliveries) and puts them on the
 * queue; give every process its URL as `webhookUrl` (WEBHOOK_URL), as in a real deployment.
 * Facts behind it: ../shared/notes/real-n8n-on-this-machine.md, "n8n queue mode here".
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { createN8nInstance, freePort, waitForReadiness, whileRunning } = require('./n8n-instance');
const { ensureN8n } = require('./n8n-runtime');
const { waitForLogLine, waitUntil } = require('./wait');

const WORKER_READY = 'n8n worker is now ready';

/**
 * The environment that puts an n8n process into queue mode on the shared services. Pure.
 * `webhookUrl`: the public base of the production webhooks (WEBHOOK_URL, ending in `/`), the same
 * for every process: nodes build their webhook URLs from it (a trigger registers
 * `<webhookUrl>webhook/<webhookId>/<path>` with its service).
 * @param {{ postgres: { host: string, port: number, user: string, password: string, database: string },
 *   redis: { host: string, port: number }, healthCheckPort?: number, webhookUrl?: string }} options
 * @returns {NodeJS.ProcessEnv}
 */
function queueEnv({ postgres, redis, healthCheckPort, webhookUrl }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...(healthCheckPort ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthCheckPort) } : {}),
		...(webhookUrl ? { WEBHOOK_URL: webhookUrl } : {}),
		// Same for every process (n8n-instance.js's default, named here because queue mode needs it shared).
		N8N_ENCRYPTION_KEY: 'chatdash-e2e-encryption-key-0001',
	};
}

/**
 * The execution IDs a worker's log says it started ("Worker started execution 12 (job 12)"). Pure.
 * @param {string} logText @returns {string[]}
 */
function startedExecutions(logText) {
	return [...logText.matchAll(/Worker started execution (\S+) \(job/g)].map((match) => match[1]);
}

/**
 * The main instance: `n8n start` in queue mode. Import credentials and workflows and publish them
 * through its `cli` before `start()` (the CLI migrates the shared database on first use).
 * @param {{ tarball: string, home: string, postgres: Parameters<typeof queueEnv>[0]['postgres'],
 *   redis: Parameters<typeof queueEnv>[0]['redis'], log?: (line: string) => void, webhookUrl?: string }} options
 */
async function createQueueMain(options) {
	return createN8nInstance({
		tarball: options.tarball,
		home: options.home,
		log: options.log,
		env: () => queueEnv(options),
	});
}

/**
 * One worker in its own user folder; `withPackage: false` removes the installed package again, to
 * show what a worker set up without it does. `start()` resolves once the worker says it is ready.
 * @param {{ tarball: string, home: string, postgres: Parameters<typeof queueEnv>[0]['postgres'],
 *   redis: Parameters<typeof queueEnv>[0]['redis'], log?: (line: string) => void, concurrency?: number,
 *   withPackage?: boolean, webhookUrl?: string }} options
 */
async function createQueueWorker(options) {
	const runtime = await ensureN8n(options.log);
	const healthCheckPort = await freePort();
	const instance = await createN8nInstance({
		tarball: options.tarball,
		home: options.home,
		log: options.log,
		env: () => queueEnv({ ...options, healthCheckPort }),
	});
	if (options.withPackage === false) {
		const nodesDir = path.join(instance.home, '.n8n', 'nodes');
		fs.rmSync(path.join(nodesDir, 'node_modules'), { recursive: true, force: true });
		fs.rmSync(path.join(nodesDir, 'package-lock.json'), { force: true });
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	const logFile = path.join(instance.home, 'n8n-worker.log');
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;

	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

	async function start(timeoutMs = 120_000) {
		const since = log().length;
		const out = fs.openSync(logFile, 'a');
		child = spawn(runtime.nodeBinary, [runtime.n8nEntry, 'worker', `--concurrency=${options.concurrency ?? 5}`], {
			env: instance.env,
			cwd: instance.home,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		await waitForLogLine(whileRunning(child, 'n8n worker', log), WORKER_READY, { since, timeoutMs, what: 'the n8n worker to be ready' });
	}

	async function stop() {
		if (child) await killGroup(child);
		await instance.stop();
	}

	return {
		instance,
		home: instance.home,
		logFile,
		healthCheckPort,
		start,
		stop,
		log,
		/** IDs of the executions this worker started, from its log. */
		startedExecutions: () => startedExecutions(log()),
	};
}

/**
 * A webhook processor (`n8n webhook`) in its own user folder with the package installed (it runs
 * the trigger's `webhook()` method on each call before queueing the execution), listening on
 * `port` (default: a free one). Its production URLs are `<url()>/webhook/…`; pass
 * `webhookUrl` = `http://127.0.0.1:<port>/` to every process. `start()` resolves once it answers
 * /healthz/readiness.
 * @param {{ tarball: string, home: string, postgres: Parameters<typeof queueEnv>[0]['postgres'],
 *   redis: Parameters<typeof queueEnv>[0]['redis'], log?: (line: string) => void, port?: number,
 *   webhookUrl?: string }} options
 */
async function createQueueWebhookProcessor(options) {
	const runtime = await ensureN8n(options.log);
	const port = options.port ?? (await freePort());
	const instance = await createN8nInstance({
		tarball: options.tarball,
		home: options.home,
		log: options.log,
		port,
		env: () => queueEnv({ ...options, webhookUrl: options.webhookUrl ?? `http://127.0.0.1:${port}/` }),
	});
	const logFile = path.join(instance.home, 'n8n-webhook.log');
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let child;
	const url = () => `http://127.0.0.1:${port}`;
	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');

	async function start(timeoutMs = 120_000) {
		const out = fs.openSync(logFile, 'a');
		child = spawn(runtime.nodeBinary, [runtime.n8nEntry, 'webhook'], {
			env: instance.env,
			cwd: instance.home,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		await waitForReadiness(url(), whileRunning(child, 'n8n webhook', log), timeoutMs);
	}

	async function stop() {
		if (child) await killGroup(child);
		await instance.stop();
	}

	return { instance, home: instance.home, port, url, logFile, start, stop, log };
}

/**
 * Resolves once the production webhook `path` (registered for a method other than GET) is live on
 * the main. The main answers /healthz/readiness before it has activated published workflows; until
 * then n8n answers 404 "The requested webhook … is not registered". A GET, which starts no
 * execution, gets "This webhook is not registered for GET requests. Did you mean to make a POST
 * request?" once it is.
 * @param {string} baseUrl @param {string} path @param {number} [timeoutMs]
 */
async function waitForWebhook(baseUrl, path, timeoutMs = 120_000) {
	let last = '';
	await waitUntil(
		async () => {
			try {
				const response = await fetch(`${baseUrl}/webhook/${path}`);
				last = `${response.status} ${await response.text()}`;
			} catch (error) {
				last = String(error);
			}
			return /not registered for GET requests/.test(last);
		},
		`webhook ${path} to be registered`,
		{ timeoutMs, detail: () => `last answer: ${last}` },
	);
}

/**
 * SIGTERM to the child's process group (the worker and its task runner), SIGKILL after 10 s.
 * @param {import('node:child_process').ChildProcess} child
 */
function killGroup(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve(undefined);
		const pid = child.pid;
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
		const timer = setTimeout(() => signal('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(undefined);
		});
		signal('SIGTERM');
	});
}

module.exports = { createQueueMain, createQueueWebhookProcessor, createQueueWorker, queueEnv, startedExecutions, waitForWebhook, WORKER_READY };
