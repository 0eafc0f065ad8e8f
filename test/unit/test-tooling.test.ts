/** The helpers the real-n8n, editor and benchmark scripts build on. */
import { ensureChromium } from '../../scripts/lib/chromium';
import { bucketProfile, isPackageFrame } from '../../scripts/lib/cpu-profile';
import { cpuBetween, readProcessCpuMs, sampleProcessCpu } from '../../scripts/lib/process-cpu';
import { waitForLogLine, waitUntil } from '../../scripts/lib/wait';
import { codeNode, linearWorkflow, MANUAL_TRIGGER_NAME } from '../../scripts/lib/workflows';
import { subscriptionReadyMessage } from '../../nodes/ChatDashTrigger/subscription';
import { subscriptionReadyLine } from '../e2e/trigger-workflows';
import { globalSetup, globalTeardown } from '../helpers/cpu-hog';

describe('linearWorkflow', () => {
	const step = (name: string) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });

	test('connects the trigger and the steps in order, each node with its own ID', () => {
		const workflow = linearWorkflow('wf1', [codeNode('Items', [{ a: 1 }]), step('Last')], {
			unconnected: [step('Tool')],
		});
		expect(workflow.nodes.map((node) => node.name)).toEqual([MANUAL_TRIGGER_NAME, 'Items', 'Last', 'Tool']);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(4);
		expect(workflow.connections).toEqual({
			[MANUAL_TRIGGER_NAME]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Last', type: 'main', index: 0 }]] },
		});
		expect(workflow).toMatchObject({ id: 'wf1', name: 'wf1', active: false });
	});

	test('a Code node returns the given items as n8n items', () => {
		const { parameters } = codeNode('Items', [{ a: 1 }, { b: 'two' }]);
		expect(parameters.jsCode).toBe('return [{"json":{"a":1}},{"json":{"b":"two"}}];');
	});
});

describe('ensureChromium', () => {
	const saved = process.env.CHATDASH_CHROMIUM;
	afterEach(() => {
		if (saved === undefined) delete process.env.CHATDASH_CHROMIUM;
		else process.env.CHATDASH_CHROMIUM = saved;
	});

	test('CHATDASH_CHROMIUM names the browser to use', () => {
		process.env.CHATDASH_CHROMIUM = process.execPath;
		expect(ensureChromium()).toEqual({ executablePath: process.execPath });
	});

	test('a CHATDASH_CHROMIUM that is not an executable is reported, not installed around', () => {
		process.env.CHATDASH_CHROMIUM = '/nonexistent/chromium';
		expect(ensureChromium()).toEqual({ unavailable: 'CHATDASH_CHROMIUM=/nonexistent/chromium is not an executable file' });
	});
});

describe('bucketProfile (npm run bench -- --profile)', () => {
	const frame = (functionName: string, url = '') => ({ functionName, url });
	// root → execute (n8n-core) → authenticate (credentials-helper) → evaluate (expression)
	//      → execute (n8n-core) → prepare (this package) → request (axios)
	//      → (idle), (garbage collector), and a bare V8 frame
	const profile = {
		nodes: [
			{ id: 1, callFrame: frame('(root)'), children: [2, 8, 9, 10] },
			{ id: 2, callFrame: frame('run', 'file:///n/node_modules/n8n-core/dist/execute.js'), children: [3, 5] },
			{ id: 3, callFrame: frame('authenticate', 'file:///n/node_modules/n8n/dist/credentials-helper.js'), children: [4] },
			{ id: 4, callFrame: frame('evaluate', 'file:///n/node_modules/n8n-workflow/dist/expression.js') },
			{ id: 5, callFrame: frame('router', 'file:///h/.n8n/nodes/node_modules/n8n-nodes-chatdash/dist/x.js'), children: [6] },
			{ id: 6, callFrame: frame('request', 'file:///n/node_modules/axios/lib/axios.js'), children: [7] },
			{ id: 7, callFrame: frame('write', 'node:net') },
			{ id: 8, callFrame: frame('(idle)') },
			{ id: 9, callFrame: frame('(garbage collector)') },
			{ id: 10, callFrame: frame('parse', '') },
		],
		samples: [4, 3, 5, 6, 7, 2, 8, 9, 10],
		timeDeltas: [1000, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000],
	};

	test('puts each sample in the first bucket any frame of its stack belongs to, in milliseconds', () => {
		const totals = Object.fromEntries(bucketProfile(profile));
		expect(totals).toEqual({
			idle: 6,
			'garbage collection': 7,
			'credentials (authenticate, decrypt, load)': 2,
			expressions: 0,
			'HTTP (n8n helpers, axios, sockets)': 7,
			'this package': 2,
			'n8n engine (execution, parameters, logging)': 5,
			'other (Node.js, V8, libraries)': 8,
		});
	});

	test('with a window, counts only the samples from the first to the last in the node’s code', () => {
		// Samples 2..4 (router, request, write) are the window: their stacks hold the node's router.
		const totals = Object.fromEntries(bucketProfile(profile, isPackageFrame));
		expect(totals).toEqual({
			idle: 0,
			'garbage collection': 0,
			'credentials (authenticate, decrypt, load)': 0,
			expressions: 0,
			'HTTP (n8n helpers, axios, sockets)': 7,
			'this package': 2,
			'n8n engine (execution, parameters, logging)': 0,
			'other (Node.js, V8, libraries)': 0,
		});
	});
});

describe('process CPU in a window (npm run bench: CPU per item)', () => {
	const samples = [
		{ at: 1000, cpuMs: 500 },
		{ at: 1010, cpuMs: 510 },
		{ at: 1020, cpuMs: 510 },
		{ at: 1030, cpuMs: 530 },
	];

	test('counts the CPU between two moments, interpolating inside a sample interval', () => {
		expect(cpuBetween(samples, 1000, 1030)).toBe(30);
		expect(cpuBetween(samples, 1005, 1025)).toBe(520 - 505);
		expect(cpuBetween(samples, 1010, 1020)).toBe(0);
	});

	test('a window outside the samples is an error, not a guess', () => {
		expect(() => cpuBetween(samples, 990, 1020)).toThrow(/No CPU samples/);
		expect(() => cpuBetween(samples, 1000, 1031)).toThrow(/No CPU samples/);
		expect(() => cpuBetween([], 1000, 1000)).toThrow(/No CPU samples/);
	});

	test('reads a live process (this one) and follows its CPU as it works', async () => {
		const sampler = sampleProcessCpu(process.pid, 2);
		// Busy until this process has used 150 ms of CPU by its own count (not 150 ms of wall time,
		// which a loaded machine may give only part of a core).
		const before = process.cpuUsage();
		const usedMs = () => {
			const { user, system } = process.cpuUsage(before);
			return (user + system) / 1000;
		};
		const deadline = Date.now() + 30_000;
		while (usedMs() < 150 && Date.now() < deadline) Math.sqrt(Math.random());
		expect(usedMs()).toBeGreaterThanOrEqual(150);
		await new Promise((resolve) => setTimeout(resolve, 10));
		const taken = sampler.stop();
		const spent = taken[taken.length - 1].cpuMs - taken[0].cpuMs;
		// 150 ms of CPU used: at least 100 ms of it counted from /proc (ticks are 10 ms).
		expect(spent).toBeGreaterThanOrEqual(100);
		expect(readProcessCpuMs(2 ** 22 + 12345)).toBeUndefined();
	});
});

describe('waiting for state (scripts/lib/wait.js, every real-n8n suite)', () => {
	test('waitUntil resolves with the first truthy value of the check', async () => {
		let calls = 0;
		await expect(waitUntil(() => (++calls >= 3 ? { calls } : false), 'the third call', { intervalMs: 1 })).resolves.toEqual({
			calls: 3,
		});
	});

	test('waitUntil fails naming what it waited for and the detail, never returning quietly', async () => {
		await expect(waitUntil(() => false, 'the subscription', { timeoutMs: 20, intervalMs: 5, detail: () => 'last: 404' })).rejects.toThrow(
			/^Waited 0 s for the subscription, in vain:\nlast: 404$/,
		);
	});

	test('waitUntil stops at once when the check throws (e.g. the process exited)', async () => {
		const started = Date.now();
		await expect(waitUntil(() => { throw new Error('n8n start exited with 1'); }, 'n8n', { timeoutMs: 60_000 })).rejects.toThrow('exited');
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	test('waitForLogLine counts only what was logged after `since`', async () => {
		let log = 'Editor is now accessible via:\n';
		const since = log.length;
		const waiting = waitForLogLine(() => log, 'Editor is now accessible via', { since, timeoutMs: 5_000 });
		setTimeout(() => (log += 'restarted\nEditor is now accessible via:\n'), 30);
		await expect(waiting).resolves.toBe('Editor is now accessible via');
		await expect(waitForLogLine(() => log, /never/, { since, timeoutMs: 20, what: 'a line' })).rejects.toThrow(/for a line, in vain:\nrestarted/);
	});

	test('the trigger\'s "subscription ready" line is recognised for its own URL only', () => {
		const url = 'http://127.0.0.1:5678/webhook/7d1e/webhook';
		const line = subscriptionReadyLine(url);
		expect(`info | ${subscriptionReadyMessage('whsub_12', url, 'agent_1', ['call.ended', 'call.missed'])}\n`).toMatch(line);
		expect(subscriptionReadyMessage('whsub_12', `${url}-test`, 'agent_1', ['call.ended'])).not.toMatch(line);
		expect(subscriptionReadyMessage('whsub_12', url.replace('/webhook/', '/webhook-test/'), 'agent_1', ['call.ended'])).not.toMatch(line);
	});
});

describe('CHATDASH_TEST_CPU_HOG=1 (test/helpers/cpu-hog.js)', () => {
	const saved = process.env.CHATDASH_TEST_CPU_HOG;
	afterEach(() => {
		if (saved === undefined) delete process.env.CHATDASH_TEST_CPU_HOG;
		else process.env.CHATDASH_TEST_CPU_HOG = saved;
	});

	test('keeps a process spinning (using CPU) from setup to teardown, and nothing when unset', async () => {
		delete process.env.CHATDASH_TEST_CPU_HOG;
		await globalSetup();
		expect((globalThis as Record<string, unknown>).__chatdashCpuHog).toBeUndefined();

		process.env.CHATDASH_TEST_CPU_HOG = '1';
		await globalSetup();
		const child = (globalThis as Record<string, unknown>).__chatdashCpuHog as import('node:child_process').ChildProcess;
		try {
			expect(child.pid).toBeGreaterThan(0);
			const cpuAt = () => readProcessCpuMs(child.pid!) ?? 0;
			const first = await waitUntil(() => cpuAt() > 0 && cpuAt(), 'the spinner to use CPU', { timeoutMs: 10_000 });
			await waitUntil(() => cpuAt() >= first + 100, 'the spinner to use 100 ms more CPU', { timeoutMs: 20_000 });
		} finally {
			await globalTeardown();
		}
		expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
		delete (globalThis as Record<string, unknown>).__chatdashCpuHog;
	});
});
