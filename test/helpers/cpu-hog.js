// @ts-check
/**
 * `CHATDASH_TEST_CPU_HOG=1` keeps one core busy for a whole jest run (globalSetup starts a
 * spinning child process, globalTeardown ends it), so the real-n8n and editor suites can be shown
 * to pass on a loaded machine, as CI's machines often are. Unset, it does nothing.
 *
 *   CHATDASH_TEST_CPU_HOG=1 npm run test:e2e
 */
const { spawn } = require('node:child_process');

// The child spins in 100 ms slices and exits once its parent (jest) is gone, so a killed run
// leaves no spinner behind.
const SPINNER = `
const parent = process.ppid;
for (;;) {
	const until = Date.now() + 100;
	while (Date.now() < until);
	if (process.ppid !== parent) process.exit(0);
}`;

const KEY = '__chatdashCpuHog';

async function globalSetup() {
	if (process.env.CHATDASH_TEST_CPU_HOG !== '1') return;
	const child = spawn(process.execPath, ['-e', SPINNER], { stdio: 'ignore' });
	/** @type {any} */ (globalThis)[KEY] = child;
	process.stderr.write(`\n[cpu-hog] CHATDASH_TEST_CPU_HOG=1: one core kept busy by process ${child.pid} for this run\n`);
}

async function globalTeardown() {
	/** @type {import('node:child_process').ChildProcess | undefined} */
	const child = /** @type {any} */ (globalThis)[KEY];
	if (!child || child.exitCode !== null) return;
	await new Promise((resolve) => {
		child.once('exit', resolve);
		child.kill('SIGKILL');
	});
}

module.exports = { globalSetup, globalTeardown, SPINNER };
