#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: the ChatDash node against n8n's HTTP Request node and a raw HTTP client, in one
 * run of a real n8n 2.41.1, against the emulator. Times are n8n's own per-node execution times
 * (run data `executionTime`), so n8n's start-up is not counted.
 *
 *   node scripts/bench.js [--n 1000] [--write]     (--write updates BENCHMARKS.md)
 *   node scripts/bench.js --cpu [--n 1000]          only the CPU per item comparison, (c) vs (d) and (d′)
 *   node scripts/bench.js --leads [--n 1000]         only the lead import section (below)
 *   node scripts/bench.js --profile [c|lean|leads] [--n 1000]
 *       writes a `--cpu-prof` profile of n8n's main process for one variant (the ChatDash node at
 *       concurrency 50, the lean HTTP Request node, or Lead → Create mapped automatically) at 0 ms latency and prints the CPU per item
 *       in each bucket (credentials, expressions, HTTP, this package, n8n's engine), counted over
 *       the node's run only, so n8n's start-up does not count.
 *
 * Variants at 20 ms latency: (a)(b)(c) ChatDash node at concurrency 1 / 8 / 50; (d) the lean HTTP
 * Request node (the key as a plain header parameter, the ID in the URL: the fastest hand-built
 * workflow); (e) HTTP Request with a header-auth credential, as usually set up; (f) the same
 * batching 8 per batch; (g) a raw client with 8 in flight (the floor). Then the n8n variants under
 * the fault profile of the fault matrix (10% 429 with Retry-After 1 s, 5% 503, 2% resets, 1%
 * hangs), counting items lost or failed. Then a lead import at 20 ms latency (`--leads` runs only
 * it): N rows {phone, name, company} through Lead → Create mapped automatically (no expression per
 * row), through Lead → Create mapped by expressions (phone and custom fields), and through the lean
 * HTTP Request node sending one lead per request, the same leads sent by all three; then 20 × N
 * rows mapped automatically (time, requests, n8n's peak RSS); then the automatic import of N rows
 * with 20% of the POSTs answered 429 (Retry-After 1 s): leads lost and duplicated. Then CPU per item at 0 ms
 * latency: the CPU time n8n's process spends during the node's run (scripts/lib/process-cpu.js),
 * the ChatDash node (c), the lean HTTP Request (d) and the same with redirects off (d′, as the
 * ChatDash node follows none), in turn, median of CPU_RUNS. The (b) and
 * (c) runs also give what the validate-everything-first pass costs: the time from the node's
 * start to the first request the emulator receives.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEmulator } = require('../test/emulator/chatdash-emulator');
const { createN8nInstance, packPackage, ROOT } = require('./lib/n8n-instance');
const { run, N8N_VERSION } = require('./lib/n8n-runtime');
const { codeNode, linearWorkflow, renameCouponsParameters } = require('./lib/workflows');
const { bucketProfile, busiestProfile, isPackageFrame } = require('./lib/cpu-profile');
const { cpuBetween, samplePeakRss, sampleProcessCpu } = require('./lib/process-cpu');

const argValue = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : fallback;
};
const N = Number(argValue('--n', '1000'));
const PROFILE = process.argv.includes('--profile');
const CPU_ONLY = process.argv.includes('--cpu');
const LEADS_ONLY = process.argv.includes('--leads');
/** The large automatic import: 20 × N rows, to show the time grows linearly. */
const LARGE_FACTOR = 20;
/** 20% of the lead POSTs answered 429 with Retry-After 1 s (a seed of its own). */
const LEAD_429 = { seed: 22, rate429: 0.2, retryAfterSeconds: 1 };
const CPU_RUNS = 5;
const LATENCY_MS = 20;
const API_KEY = 'cd_bench_local_emulator_key';
const ACCOUNT = 'acct_bench';
const LEAD_AGENT = '6650a1b2c3d4e5f6010000bb';
const FAULTS = { seed: 99, rate429: 0.1, rate503: 0.05, rateReset: 0.02, rateHang: 0.01, retryAfterSeconds: 1 };
const HANG_TIMEOUT_MS = 2000;
const say = (/** @type {string} */ line) => process.stderr.write(`› ${line}\n`);

const ids = Array.from({ length: N }, (_, index) => `B${String(index).padStart(5, '0')}`);

/**
 * Trigger → Code node making `count` items → the measured node (`settings`: node-level settings such as onError).
 * @param {string} id @param {Record<string, unknown>} measured @param {Record<string, unknown>} [settings] @param {number} [count]
 */
function workflow(id, measured, settings = {}, count = N) {
	const items = `return Array.from({ length: ${count} }, (_, i) => ({ json: { id: 'B' + String(i).padStart(5, '0'), newName: 'bench ' + i } }));`;
	return linearWorkflow(id, [
		codeNode('Items', items),
		/** @type {import('./lib/workflows').NodeSpec} */ ({ ...measured, ...settings, name: 'Measured' }),
	]);
}

/** @param {Record<string, unknown>} options */
const chatDashNode = (options) => ({
	type: 'n8n-nodes-chatdash.chatDash',
	typeVersion: 1,
	parameters: renameCouponsParameters(ACCOUNT, options),
	credentials: { chatDashApi: { id: 'benchChatDashCred', name: 'ChatDash bench' } },
});

const couponsUrl = (/** @type {string} */ baseUrl) => `${baseUrl}/stripe/connect/accounts/${ACCOUNT}/coupons/`;
const jsonBody = '={{ JSON.stringify({ data: { name: $json.newName } }) }}';

/**
 * HTTP Request as usually set up: a header-auth credential (which n8n loads and decrypts per item).
 * @param {string} baseUrl @param {Record<string, unknown>} options
 */
const httpRequestNode = (baseUrl, options) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'PUT',
		url: `={{ '${couponsUrl(baseUrl)}' + encodeURIComponent($json.id) }}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendBody: true,
		specifyBody: 'json',
		jsonBody,
		options,
	},
	credentials: { httpHeaderAuth: { id: 'benchHeaderAuth', name: 'ChatDash header' } },
});

/**
 * HTTP Request in its leanest form: no credential, the key as a plain header parameter, the ID
 * spliced into the URL. Two expressions per item, as the ChatDash node's workload has.
 * @param {string} baseUrl @param {Record<string, unknown>} options
 */
const leanHttpRequestNode = (baseUrl, options) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'PUT',
		url: `=${couponsUrl(baseUrl)}{{ $json.id }}`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: API_KEY }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody,
		options,
	},
});

/**
 * Trigger → Code node making `count` lead rows {phone, name, company} → the measured node.
 * @param {string} id @param {Record<string, unknown>} measured @param {number} [count]
 */
function leadWorkflow(id, measured, count = N) {
	const rows = `return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: '+1415' + String(i).padStart(7, '0'), name: 'Lead ' + i, company: 'Co ' + (i % 97) } }));`;
	return linearWorkflow(id, [codeNode('Rows', rows), /** @type {import('./lib/workflows').NodeSpec} */ ({ ...measured, name: 'Measured' })]);
}

/**
 * Lead → Create (batches of 100 by default), mapped automatically or by expressions per row.
 * @param {'auto' | 'expressions'} mapping @param {Record<string, unknown>} [options]
 */
const leadNode = (mapping, options = {}) => ({
	type: 'n8n-nodes-chatdash.chatDash',
	typeVersion: 1,
	parameters: {
		resource: 'lead',
		operation: 'create',
		agentId: { __rl: true, mode: 'id', value: LEAD_AGENT },
		...(mapping === 'auto'
			? { mappingMode: 'autoMapInputData' }
			: { phone: '={{ $json.phone }}', additionalFields: { customFields: '={{ { name: $json.name, company: $json.company } }}' } }),
		options,
	},
	credentials: { chatDashApi: { id: 'benchChatDashCred', name: 'ChatDash bench' } },
});

/** The same rows through the lean HTTP Request node: one request per lead, as a hand-built workflow does. @param {string} baseUrl */
const leadHttpRequestNode = (baseUrl) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'POST',
		url: `${baseUrl}/agents/${LEAD_AGENT}/leads`,
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Authorization', value: API_KEY }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify([{ phone: $json.phone, customFields: { name: $json.name, company: $json.company } }]) }}',
		options: {},
	},
});

/** The lead import workflows, by the key `runLeadImport` takes. @param {string} baseUrl */
const leadWorkflows = (baseUrl) => [
	leadWorkflow('bench_leads_auto', leadNode('auto')),
	leadWorkflow('bench_leads_expressions', leadNode('expressions')),
	leadWorkflow('bench_leads_http', leadHttpRequestNode(baseUrl)),
	leadWorkflow('bench_leads_large', leadNode('auto'), LARGE_FACTOR * N),
	// Max Attempts 10: with 20% 429s, 5 tries (the default) leave a batch failed once in 3,125;
	// 10 make "nothing lost" a property of the node, not of the seed (as in the fault matrix).
	leadWorkflow('bench_leads_429', leadNode('auto', { maxAttempts: 10 })),
];

/** @typedef {{ ms: number, requests: number, rows: number, leads: number, lost: number, duplicated: number, peakRssMib: number }} LeadImport */

/**
 * Runs `bench_leads_<key>` once on an empty agent; counts requests, leads created, rows without
 * exactly one lead (lost) and rows with more than one (duplicated), and n8n's peak RSS.
 * @param {N8n} n8n @param {Emulator} emulator @param {string} key @param {number} rows
 * @returns {Promise<LeadImport>}
 */
async function runLeadImport(n8n, emulator, key, rows) {
	say(`lead import (${key}), ${rows} rows...`);
	emulator.clearRequests();
	const before = new Set(emulator.leads(LEAD_AGENT).map((lead) => lead._id));
	/** @type {ReturnType<typeof samplePeakRss> | undefined} */
	let rss;
	const { run: execution } = await n8n.execute(`bench_leads_${key}`, 20 * 60 * 1000, undefined, (child) => {
		if (child.pid) rss = samplePeakRss(child.pid);
	});
	const peakRssMib = Math.round(rss?.stop() ?? NaN);
	const task = execution.data.resultData.runData.Measured?.[0];
	if (!task) throw new Error(`bench_leads_${key} did not run: ${JSON.stringify(execution.data.resultData.error?.message)}`);
	const created = emulator.leads(LEAD_AGENT).filter((lead) => !before.has(lead._id));
	/** @type {Map<string, number>} */
	const perPhone = new Map();
	for (const lead of created) perPhone.set(lead.phone, (perPhone.get(lead.phone) ?? 0) + 1);
	const phones = Array.from({ length: rows }, (_, i) => `+1415${String(i).padStart(7, '0')}`);
	return {
		ms: task.executionTime,
		requests: emulator.requests.filter((request) => request.method === 'POST').length,
		rows,
		leads: created.length,
		lost: phones.filter((phone) => !perPhone.has(phone)).length,
		duplicated: phones.filter((phone) => (perPhone.get(phone) ?? 0) > 1).length,
		peakRssMib,
	};
}

/**
 * The lead import section, at 20 ms latency.
 * @param {N8n} n8n @param {Emulator} emulator
 * @returns {Promise<Record<string, LeadImport>>}
 */
async function compareLeadImports(n8n, emulator) {
	emulator.setLatency(LATENCY_MS);
	emulator.setFaultProfile(undefined);
	/** @type {Record<string, LeadImport>} */
	const result = {};
	for (const key of ['auto', 'expressions', 'http']) result[key] = await runLeadImport(n8n, emulator, key, N);
	result.large = await runLeadImport(n8n, emulator, 'large', LARGE_FACTOR * N);
	emulator.setFaultProfile({ ...LEAD_429, match: (request) => request.method === 'POST' && request.segments[0] === 'agents' });
	result.rateLimited = await runLeadImport(n8n, emulator, '429', N);
	emulator.setFaultProfile(undefined);
	return result;
}

/** @param {Record<string, LeadImport>} leads */
function renderLeads(leads) {
	const row = (/** @type {string} */ label, /** @type {LeadImport} */ r) =>
		`| ${label} | ${r.rows} | ${r.ms} | ${r.requests} | ${r.leads} | ${r.lost} | ${r.duplicated} | ${r.peakRssMib} |`;
	const { auto, expressions, http, large, rateLimited } = leads;
	return [
		`Lead import at ${LATENCY_MS} ms latency, rows {phone, name, company}, the same leads sent by every variant (n8n executionTime; peak RSS of the \`n8n execute\` process):`,
		'',
		'| variant | rows | time (ms) | requests | leads created | lost | duplicated | n8n peak RSS (MiB) |',
		'|---|---:|---:|---:|---:|---:|---:|---:|',
		row('ChatDash node, Lead → Create, Map Automatically (batches of 100)', auto),
		row('ChatDash node, Lead → Create, mapped by expressions (batches of 100)', expressions),
		row('HTTP Request 4.2, lean, one lead per request', http),
		row(`ChatDash node, Map Automatically, ${LARGE_FACTOR} × N rows`, large),
		row(`ChatDash node, Map Automatically, ${Math.round(LEAD_429.rate429 * 100)}% of POSTs answered 429 (Retry-After ${LEAD_429.retryAfterSeconds} s), Max Attempts 10`, rateLimited),
		'',
		'Lead import targets:',
		`- Map Automatically ≤ 1/10 of the lean HTTP Request's time: ${auto.ms} ms vs ${http.ms} ms, ${ratio(http.ms, auto.ms)} faster, ${mark(10 * auto.ms <= http.ms)} (by expressions: ${ratio(http.ms, expressions.ms)} faster)`,
		`- ${LARGE_FACTOR} × N rows ≤ 1.2 × ${LARGE_FACTOR} × the N-row time: ${large.ms} ms vs ${LARGE_FACTOR * auto.ms} ms (${ratio(large.ms, LARGE_FACTOR * auto.ms)}), ${mark(large.ms <= 1.2 * LARGE_FACTOR * auto.ms)}; n8n's peak RSS ${large.peakRssMib} MiB (${auto.peakRssMib} MiB with N rows)`,
		`- under ${Math.round(LEAD_429.rate429 * 100)}% 429: 0 lost and 0 duplicated: ${rateLimited.lost} lost, ${rateLimited.duplicated} duplicated, ${mark(rateLimited.lost === 0 && rateLimited.duplicated === 0)} (${rateLimited.requests} requests for ${Math.ceil(rateLimited.rows / 100)} batches, ${rateLimited.ms} ms)`,
	];
}

/** Raw fetch, `limit` in flight, no retries: the floor, and what a naive client loses. */
async function rawClient(/** @type {string} */ baseUrl, /** @type {number} */ limit) {
	let next = 0;
	let failed = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < ids.length) {
				const index = next++;
				try {
					const response = await fetch(`${baseUrl}/stripe/connect/accounts/${ACCOUNT}/coupons/${ids[index]}`, {
						method: 'PUT',
						headers: { authorization: API_KEY, 'content-type': 'application/json' },
						body: JSON.stringify({ data: { name: `bench ${index}` } }),
						signal: AbortSignal.timeout(HANG_TIMEOUT_MS),
					});
					await response.arrayBuffer();
					if (!response.ok) failed++;
				} catch {
					failed++;
				}
			}
		}),
	);
	return { ms: performance.now() - started, failed };
}

const CREDENTIALS = (/** @type {string} */ baseUrl) => [
	{ id: 'benchChatDashCred', name: 'ChatDash bench', type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl } },
	{ id: 'benchHeaderAuth', name: 'ChatDash header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: API_KEY } },
];

/** @typedef {Awaited<ReturnType<typeof startEmulator>>} Emulator */
/** @typedef {Awaited<ReturnType<typeof createN8nInstance>>} N8n */
/** @typedef {{ key: string, label: string, clean?: number, faults?: number, lost?: number, firstRequestMs?: number }} Row */

async function main() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdash-bench-'));
	/** @type {Awaited<ReturnType<typeof startEmulator>> | undefined} */
	let emulator;
	/** @type {Awaited<ReturnType<typeof createN8nInstance>> | undefined} */
	let n8n;
	try {
		say('Building and packing...');
		await run('npm', ['run', 'build'], { cwd: ROOT });
		const tarball = await packPackage(workDir);
		emulator = await startEmulator({ apiKey: API_KEY, accounts: { [ACCOUNT]: ids.map((id) => ({ id })) } });
		n8n = await createN8nInstance({ tarball, log: say, home: path.join(workDir, 'n8n') });
		await n8n.importCredentials(CREDENTIALS(emulator.baseUrl));
		if (PROFILE) await profileVariant(n8n, emulator, workDir);
		else if (CPU_ONLY) await compareCpuOnly(n8n, emulator);
		else if (LEADS_ONLY) {
			await n8n.importWorkflows(leadWorkflows(emulator.baseUrl));
			process.stdout.write(`${renderLeads(await compareLeadImports(n8n, emulator)).join('\n')}\n`);
		}
		else await compareVariants(n8n, emulator);
	} finally {
		await n8n?.stop();
		await emulator?.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

/**
 * Runs `bench_<key>` once on fresh coupons and returns the measured node's task.
 * @param {N8n} n8n @param {Emulator} emulator
 * @param {string} workflowId @param {NodeJS.ProcessEnv} [extraEnv]
 */
async function runMeasured(n8n, emulator, workflowId, extraEnv) {
	emulator.seed(ACCOUNT, ids.map((id) => ({ id, name: 'before' })));
	emulator.clearRequests();
	/** @type {ReturnType<typeof sampleProcessCpu> | undefined} */
	let sampler;
	// Sequential runs under faults wait out every Retry-After and timeout: minutes, not seconds.
	const { run: execution } = await n8n.execute(workflowId, 20 * 60 * 1000, extraEnv, (child) => {
		if (child.pid) sampler = sampleProcessCpu(child.pid);
	});
	const cpuSamples = sampler?.stop() ?? [];
	/** @type {{ startTime: number, executionTime: number, data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } } | undefined} */
	const task = execution.data.resultData.runData.Measured?.[0];
	if (!task) throw new Error(`${workflowId} did not run: ${JSON.stringify(execution.data.resultData.error?.message)}`);
	const items = task.data?.main?.[0] ?? [];
	const renamed = emulator.coupons(ACCOUNT).filter((coupon, index) => coupon.name === `bench ${index}`).length;
	const failedItems = items.filter((item) => item.json.error !== undefined).length;
	const firstRequest = emulator.requests[0]?.receivedAt;
	return {
		task,
		/** CPU time of n8n's process (all threads) during the measured node's run. */
		cpuMs: cpuBetween(cpuSamples, task.startTime, task.startTime + task.executionTime),
		lost: Math.max(ids.length - renamed, failedItems, ids.length - items.length),
		firstRequestMs: firstRequest === undefined ? NaN : firstRequest - task.startTime,
	};
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * @param {N8n} n8n @param {Emulator} emulator
 */
async function compareVariants(n8n, emulator) {
	const baseUrl = /** @type {string} */ (emulator.baseUrl);
	const faultSettings = { onError: 'continueRegularOutput' };
	const batchOf8 = { batching: { batch: { batchSize: 8, batchInterval: 0 } } };
	const variants = [
		{ key: 'a', label: 'ChatDash node, concurrency 1', node: chatDashNode({ concurrency: 1 }), faultNode: chatDashNode({ concurrency: 1, timeout: HANG_TIMEOUT_MS }) },
		{ key: 'b', label: 'ChatDash node, concurrency 8', node: chatDashNode({ concurrency: 8 }), faultNode: chatDashNode({ concurrency: 8, timeout: HANG_TIMEOUT_MS }) },
		{ key: 'c', label: 'ChatDash node, concurrency 50', node: chatDashNode({ concurrency: 50 }), faultNode: chatDashNode({ concurrency: 50, timeout: HANG_TIMEOUT_MS }) },
		{ key: 'd', label: 'HTTP Request 4.2, lean (key as header parameter)', node: leanHttpRequestNode(baseUrl, {}), faultNode: leanHttpRequestNode(baseUrl, { timeout: HANG_TIMEOUT_MS }) },
		{ key: 'e', label: 'HTTP Request 4.2, header-auth credential', node: httpRequestNode(baseUrl, {}), faultNode: httpRequestNode(baseUrl, { timeout: HANG_TIMEOUT_MS }) },
		{ key: 'f', label: 'HTTP Request 4.2, credential, batches of 8', node: httpRequestNode(baseUrl, batchOf8), faultNode: httpRequestNode(baseUrl, { ...batchOf8, timeout: HANG_TIMEOUT_MS }) },
	];
	await n8n.importWorkflows([
		...variants.flatMap((variant) => [
			workflow(`bench_${variant.key}`, variant.node),
			workflow(`bench_${variant.key}_faults`, variant.faultNode, faultSettings),
		]),
		// bench_c and bench_d are among the variants above; the CPU comparison adds bench_dn.
		...cpuWorkflows(baseUrl).filter((cpuWorkflow) => cpuWorkflow.id === 'bench_dn'),
		...leadWorkflows(baseUrl),
	]);

	/** @type {Row[]} */
	const rows = variants.map((variant) => ({ key: variant.key, label: variant.label }));
	rows.push({ key: 'g', label: 'raw fetch, 8 in flight (floor)' });
	const row = (/** @type {string} */ key) => /** @type {Row} */ (rows.find((candidate) => candidate.key === key));

	emulator.setLatency(LATENCY_MS);
	say(`Emulator at ${baseUrl}, ${LATENCY_MS} ms latency, ${N} coupons.`);
	for (const withFaults of [false, true]) {
		emulator.setFaultProfile(withFaults ? FAULTS : undefined);
		for (const variant of variants) {
			say(`${withFaults ? 'faults' : 'clean '} (${variant.key}) ${variant.label}...`);
			const measured = await runMeasured(n8n, emulator, `bench_${variant.key}${withFaults ? '_faults' : ''}`);
			if (withFaults) {
				row(variant.key).faults = measured.task.executionTime;
				row(variant.key).lost = measured.lost;
			} else {
				row(variant.key).clean = measured.task.executionTime;
				row(variant.key).firstRequestMs = measured.firstRequestMs;
				if (measured.lost) throw new Error(`(${variant.key}) lost ${measured.lost} items without faults`);
			}
		}
		emulator.seed(ACCOUNT, ids.map((id) => ({ id, name: 'before' })));
		const raw = await rawClient(baseUrl, 8);
		if (withFaults) {
			row('g').faults = Math.round(raw.ms);
			row('g').lost = raw.failed;
		} else row('g').clean = Math.round(raw.ms);
	}
	emulator.setFaultProfile(undefined);

	const leadImport = await compareLeadImports(n8n, emulator);

	const cpu = await measureCpuPerItem(n8n, emulator);

	const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
	// Inside n8n, n8n-workflow is loaded already: the package's own cost is the second figure.
	const [workflowMs, requireMs] = execFileSync(
		process.execPath,
		['-e', "const t=process.hrtime.bigint();require('n8n-workflow');const a=process.hrtime.bigint();require('./dist/nodes/ChatDash/ChatDash.node.js');require('./dist/nodes/ChatDashTrigger/ChatDashTrigger.node.js');const b=process.hrtime.bigint();process.stdout.write(Number(a-t)/1e6+' '+Number(b-a)/1e6)"],
		{ cwd: ROOT, encoding: 'utf8' },
	)
		.split(' ')
		.map(Number);
	const report = render(rows, cpu, leadImport, { packedBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, requireMs, workflowMs });
	process.stdout.write(`${report}\n`);
	if (process.argv.includes('--write')) writeBenchmarks(report);
}

/** The variants of the CPU comparison, each run from the workflow `bench_<key>`. */
const CPU_VARIANTS = /** @type {const} */ ([
	{ key: 'c', label: '(c) ChatDash node, concurrency 50' },
	{ key: 'd', label: '(d) HTTP Request 4.2, lean' },
	{ key: 'dn', label: "(d′) HTTP Request 4.2, lean, redirects off (as the ChatDash node: it follows none)" },
]);

/** @param {string} baseUrl the workflows of CPU_VARIANTS */
const cpuWorkflows = (baseUrl) => [
	workflow('bench_c', chatDashNode({ concurrency: 50 })),
	workflow('bench_d', leanHttpRequestNode(baseUrl, {})),
	workflow('bench_dn', leanHttpRequestNode(baseUrl, { redirect: { redirect: { followRedirects: false } } })),
];

/**
 * CPU per item: the CPU time n8n's process spends during the node's run (all its threads, read
 * from /proc), at 0 ms latency so that no waiting hides in the run; the variants of CPU_VARIANTS
 * in turn, round after round, to spread any drift of the machine. Wall time is kept beside.
 * @param {N8n} n8n @param {Emulator} emulator
 * @returns {Promise<CpuComparison>}
 */
async function measureCpuPerItem(n8n, emulator) {
	emulator.setLatency(0);
	/** @type {CpuComparison} */
	const result = Object.fromEntries(CPU_VARIANTS.map(({ key }) => [key, { cpu: [], wall: [] }]));
	for (let round = 1; round <= CPU_RUNS; round++) {
		for (const { key } of CPU_VARIANTS) {
			say(`0 ms latency, round ${round}/${CPU_RUNS}: (${key})...`);
			const measured = await runMeasured(n8n, emulator, `bench_${key}`);
			result[key].cpu.push(Math.round(measured.cpuMs));
			result[key].wall.push(measured.task.executionTime);
		}
	}
	return result;
}

/**
 * `--cpu`: only the CPU per item comparison, printed as in the full report.
 * @param {N8n} n8n @param {Emulator} emulator
 */
async function compareCpuOnly(n8n, emulator) {
	await n8n.importWorkflows(cpuWorkflows(/** @type {string} */ (emulator.baseUrl)));
	const cpu = await measureCpuPerItem(n8n, emulator);
	process.stdout.write(`${[...renderCpu(cpu), '', cpuTarget(cpu)].join('\n')}\n`);
}

/**
 * `--profile [c|lean]`: a CPU profile of n8n's main process running N items at 0 ms latency;
 * prints the CPU per item in each bucket, counted over the measured node's run (from the first to
 * the last sample in its code: this package's, or the HTTP Request node's).
 * @param {N8n} n8n @param {Emulator} emulator @param {string} workDir
 */
async function profileVariant(n8n, emulator, workDir) {
	const which = process.argv[process.argv.indexOf('--profile') + 1];
	const lean = which === 'lean';
	const measured = lean ? leanHttpRequestNode(emulator.baseUrl, {}) : which === 'leads' ? leadNode('auto') : chatDashNode({ concurrency: 50 });
	await n8n.importWorkflows([which === 'leads' ? leadWorkflow('bench_profile', measured) : workflow('bench_profile', measured)]);
	const dir = path.join(workDir, 'profile');
	fs.mkdirSync(dir);
	say(`Profiling ${lean ? 'the lean HTTP Request node' : which === 'leads' ? 'Lead → Create, Map Automatically' : 'the ChatDash node (concurrency 50)'} with ${N} items...`);
	await runMeasured(n8n, emulator, 'bench_profile', { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` });
	const { file, profile } = busiestProfile(dir);
	const kept = path.join(ROOT, `bench-profile-${lean ? 'lean' : which === 'leads' ? 'leads' : 'c'}.cpuprofile`);
	fs.copyFileSync(file, kept);
	say(`Profile kept: ${path.relative(ROOT, kept)} (open it in Chrome DevTools → Performance, or VS Code)`);
	const window = lean
		? (/** @type {{ url: string, functionName: string }} */ frame) => /\/HttpRequest\//.test(frame.url) && frame.functionName === 'execute'
		: isPackageFrame;
	const buckets = bucketProfile(profile, window);
	const lines = [`CPU per item of n8n's main process during the node's run, ${N} items, 0 ms latency:`, ''];
	let total = 0;
	for (const [bucket, ms] of buckets) {
		if (bucket === 'idle') continue;
		total += ms / N;
		lines.push(`  ${bucket.padEnd(46)} ${(ms / N).toFixed(3)} ms`);
	}
	lines.push(`  ${'total (busy)'.padEnd(46)} ${total.toFixed(3)} ms`, `  ${'idle'.padEnd(46)} ${((buckets.get('idle') ?? 0) / N).toFixed(3)} ms`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * @param {Row[]} rows
 * @param {CpuComparison} cpu CPU and wall time of every run at 0 ms latency
 * @param {Record<string, LeadImport>} leadImport
 * @param {{ packedBytes: number, unpackedBytes: number, files: number, requireMs: number, workflowMs: number }} footprint
 */
function render(rows, cpu, leadImport, footprint) {
	const ideal = N * LATENCY_MS;
	const byKey = Object.fromEntries(rows.map((row) => [row.key, { ...row, clean: row.clean ?? NaN }]));
	const firstRequest = (/** @type {string} */ key) =>
		`${byKey[key].firstRequestMs} ms of ${byKey[key].clean} ms (${((100 * (byKey[key].firstRequestMs ?? NaN)) / byKey[key].clean).toFixed(0)}%)`;
	const lines = [
		`N = ${N} items, ${LATENCY_MS} ms emulator latency; times are n8n's per-node executionTime (ms), (g) is measured in-process.`,
		'',
		'| | variant | time (ms) | per item (ms) | vs N×20 ms | vs N×20 ms / 8 | under faults (ms) | lost under faults |',
		'|---|---|---:|---:|---:|---:|---:|---:|',
		...rows.map((row) => {
			const clean = row.clean ?? NaN;
			return `| ${row.key} | ${row.label} | ${clean} | ${(clean / N).toFixed(2)} | ${ratio(clean, ideal)} | ${ratio(clean, ideal / 8)} | ${row.faults} | ${row.lost} |`;
		}),
		'',
		...renderCpu(cpu),
		'',
		...renderLeads(leadImport),
		'',
		'Targets:',
		`- (c) no slower than the lean HTTP Request (d) at 20 ms: ${byKey.c.clean} ms vs ${byKey.d.clean} ms (${ratio(byKey.c.clean, byKey.d.clean)}), ${mark(byKey.c.clean <= byKey.d.clean)}; vs the credential HTTP Request (e): ${ratio(byKey.c.clean, byKey.e.clean)}`,
		cpuTarget(cpu),
		`- (a) within 1.2× of N×20 ms: ${ratio(byKey.a.clean, ideal)}, ${mark(byKey.a.clean <= 1.2 * ideal)} (per-item overhead ${((byKey.a.clean - ideal) / N).toFixed(2)} ms)`,
		`- (b) within 1.5× of N×20 ms / 8: ${ratio(byKey.b.clean, ideal / 8)}, ${mark(byKey.b.clean <= 1.5 * (ideal / 8))}`,
		`- under faults the ChatDash node loses nothing: (a) ${byKey.a.lost}, (b) ${byKey.b.lost}, (c) ${byKey.c.lost} lost`,
		`- validate-everything-first (every item's fields read and checked before the first request), time from the node's start to the first request: (b) ${firstRequest('b')}, (c) ${firstRequest('c')}; the lean HTTP Request (d), which also builds every item's request before sending any: ${firstRequest('d')}`,
		`- packed tarball < 100 kB: ${mark(footprint.packedBytes < 100 * 1024)}, ${(footprint.packedBytes / 1024).toFixed(1)} kB packed, ${(footprint.unpackedBytes / 1024).toFixed(1)} kB unpacked, ${footprint.files} files; 0 runtime dependencies`,
		`- require() of both nodes (every operation) < 400 ms in a fresh Node ${process.version} process, n8n-workflow already loaded as in n8n: ${footprint.requireMs.toFixed(0)} ms, ${mark(footprint.requireMs < 400)} (n8n-workflow itself: ${footprint.workflowMs.toFixed(0)} ms)`,
	];
	return lines.join('\n');
}

const ratio = (/** @type {number} */ a, /** @type {number} */ b) => `${(a / b).toFixed(2)}×`;
const mark = (/** @type {boolean} */ met) => (met ? 'met' : '**missed**');

/** @typedef {Record<string, { cpu: number[], wall: number[] }>} CpuComparison  per variant key, ms per run */

/** @param {CpuComparison} cpu */
function renderCpu(cpu) {
	return [
		`CPU per item at 0 ms latency: CPU time of n8n's process (all threads, from /proc) during the node's run, median of ${CPU_RUNS}, variants in turn; the node's wall time beside it:`,
		'',
		'| variant | CPU ms per item | CPU runs (ms) | wall ms per item | wall runs (ms) |',
		'|---|---:|---|---:|---|',
		...CPU_VARIANTS.map(({ key, label }) => {
			const { cpu: cpuRuns, wall } = cpu[key];
			return `| ${label} | ${(median(cpuRuns) / N).toFixed(2)} | ${cpuRuns.join(', ')} | ${(median(wall) / N).toFixed(2)} | ${wall.join(', ')} |`;
		}),
	];
}

/** @param {CpuComparison} cpu */
function cpuTarget(cpu) {
	const [node, lean, leanNoRedirects] = ['c', 'd', 'dn'].map((key) => median(cpu[key].cpu));
	const wallRatio = ratio(median(cpu.c.wall), median(cpu.d.wall));
	return `- CPU per item at 0 ms ≤ 0.85× the lean HTTP Request (d): ${ratio(node, lean)}, ${mark(node <= 0.85 * lean)} (wall time: ${wallRatio}); vs (d′) with redirects off too: ${ratio(node, leanNoRedirects)}`;
}

/** @param {string} report */
function writeBenchmarks(report) {
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`;
	const file = path.join(ROOT, 'BENCHMARKS.md');
	const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
	fs.writeFileSync(
		file,
		`# Benchmarks\n\nLatest \`npm run bench -- --write\` (${new Date().toISOString().slice(0, 10)}): n8n ${N8N_VERSION} on Node 24, emulator and n8n on the same machine (${machine}).\n\n${report}\n\n${notes}`,
	);
	say(`Wrote ${file}`);
}

main().catch((error) => {
	process.stderr.write(`\nBenchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
