/** The helpers the real-n8n, editor and benchmark scripts build on. */
import { ensureChromium } from '../../scripts/lib/chromium';
import { bucketProfile, isPackageFrame } from '../../scripts/lib/cpu-profile';
import { cpuBetween, readProcessCpuMs, sampleProcessCpu } from '../../scripts/lib/process-cpu';
import { codeNode, linearWorkflow, MANUAL_TRIGGER_NAME } from '../../scripts/lib/workflows';

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
		const start = Date.now();
		while (Date.now() - start < 150) Math.sqrt(Math.random());
		await new Promise((resolve) => setTimeout(resolve, 10));
		const taken = sampler.stop();
		const spent = taken[taken.length - 1].cpuMs - taken[0].cpuMs;
		// 150 ms of busy loop: at least 100 ms of CPU counted (ticks are 10 ms).
		expect(spent).toBeGreaterThanOrEqual(100);
		expect(readProcessCpuMs(2 ** 22 + 12345)).toBeUndefined();
	});
});
