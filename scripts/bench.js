#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: the ChatDash node against n8n's HTTP Request node and a raw HTTP client, in one
 * run of a real n8n 2.41.1, against the emulator with 20 ms added latency. Times are n8n's own
 * per-node execution times (run data `executionTime`), so n8n's start-up is not counted.
 *
 *   node scripts/bench.js [--n 1000] [--write]     (--write updates BENCHMARKS.md)
 *
 * Variants: (a)(b)(c) ChatDash node at concurrency 1 / 8 / 50; (d) HTTP Request node with its
 * defaults; (e) HTTP Request node batching 8 per batch; (f) a raw client with 8 in flight (the
 * floor). Then the same five n8n variants under the fault profile of the fault matrix (10% 429 with
 * Retry-After 1 s, 5% 503, 2% resets, 1% hangs), counting items lost or failed.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEmulator } = require('../test/emulator/chatdash-emulator');
const { createN8nInstance, packPackage, ROOT } = require('./lib/n8n-instance');
const { run, N8N_VERSION } = require('./lib/n8n-runtime');
const { codeNode, linearWorkflow, renameCouponsParameters } = require('./lib/workflows');

const argValue = (/** @type {string} */ name, /** @type {string} */ fallback) => {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : fallback;
};
const N = Number(argValue('--n', '1000'));
const LATENCY_MS = 20;
const API_KEY = 'cd_bench_local_emulator_key';
const ACCOUNT = 'acct_bench';
const FAULTS = { seed: 99, rate429: 0.1, rate503: 0.05, rateReset: 0.02, rateHang: 0.01, retryAfterSeconds: 1 };
const HANG_TIMEOUT_MS = 2000;
const say = (/** @type {string} */ line) => process.stderr.write(`› ${line}\n`);

const ids = Array.from({ length: N }, (_, index) => `B${String(index).padStart(5, '0')}`);

/**
 * Trigger → Code node making N items → the measured node (`settings`: node-level settings such as onError).
 * @param {string} id @param {Record<string, unknown>} measured @param {Record<string, unknown>} [settings]
 */
function workflow(id, measured, settings = {}) {
	const items = `return Array.from({ length: ${N} }, (_, i) => ({ json: { id: 'B' + String(i).padStart(5, '0'), newName: 'bench ' + i } }));`;
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

/** @param {string} baseUrl @param {Record<string, unknown>} options */
const httpRequestNode = (baseUrl, options) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'PUT',
		url: `={{ '${baseUrl}/stripe/connect/accounts/${ACCOUNT}/coupons/' + encodeURIComponent($json.id) }}`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ data: { name: $json.newName } }) }}',
		options,
	},
	credentials: { httpHeaderAuth: { id: 'benchHeaderAuth', name: 'ChatDash header' } },
});

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
		emulator.setLatency(LATENCY_MS);
		say(`Emulator at ${emulator.baseUrl}, ${LATENCY_MS} ms latency, ${N} coupons.`);
		n8n = await createN8nInstance({ tarball, log: say, home: path.join(workDir, 'n8n') });
		await n8n.importCredentials([
			{ id: 'benchChatDashCred', name: 'ChatDash bench', type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
			{ id: 'benchHeaderAuth', name: 'ChatDash header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: API_KEY } },
		]);
		const faultSettings = { onError: 'continueRegularOutput' };
		const variants = [
			{ key: 'a', label: 'ChatDash node, concurrency 1', node: chatDashNode({ concurrency: 1 }), faultNode: chatDashNode({ concurrency: 1, timeout: HANG_TIMEOUT_MS }) },
			{ key: 'b', label: 'ChatDash node, concurrency 8', node: chatDashNode({ concurrency: 8 }), faultNode: chatDashNode({ concurrency: 8, timeout: HANG_TIMEOUT_MS }) },
			{ key: 'c', label: 'ChatDash node, concurrency 50', node: chatDashNode({ concurrency: 50 }), faultNode: chatDashNode({ concurrency: 50, timeout: HANG_TIMEOUT_MS }) },
			{ key: 'd', label: 'HTTP Request 4.2, defaults', node: httpRequestNode(emulator.baseUrl, {}), faultNode: httpRequestNode(emulator.baseUrl, { timeout: HANG_TIMEOUT_MS }) },
			{
				key: 'e',
				label: 'HTTP Request 4.2, batches of 8',
				node: httpRequestNode(emulator.baseUrl, { batching: { batch: { batchSize: 8, batchInterval: 0 } } }),
				faultNode: httpRequestNode(emulator.baseUrl, { batching: { batch: { batchSize: 8, batchInterval: 0 } }, timeout: HANG_TIMEOUT_MS }),
			},
		];
		await n8n.importWorkflows(
			variants.flatMap((variant) => [
				workflow(`bench_${variant.key}`, variant.node),
				workflow(`bench_${variant.key}_faults`, variant.faultNode, faultSettings),
			]),
		);

		/** @type {Array<{ key: string, label: string, clean?: number, faults?: number, lost?: number }>} */
		const rows = variants.map((variant) => ({ key: variant.key, label: variant.label }));
		rows.push({ key: 'f', label: 'raw fetch, 8 in flight (floor)' });

		for (const withFaults of [false, true]) {
			emulator.setFaultProfile(withFaults ? FAULTS : undefined);
			for (const variant of variants) {
				emulator.seed(ACCOUNT, ids.map((id) => ({ id, name: 'before' })));
				say(`${withFaults ? 'faults' : 'clean '} (${variant.key}) ${variant.label}...`);
				// Sequential runs under faults wait out every Retry-After and timeout: minutes, not seconds.
				const { run: execution } = await n8n.execute(`bench_${variant.key}${withFaults ? '_faults' : ''}`, 20 * 60 * 1000);
				const task = execution.data.resultData.runData.Measured?.[0];
				if (!task) throw new Error(`(${variant.key}) did not run: ${JSON.stringify(execution.data.resultData.error?.message)}`);
				/** @type {Array<{ json: Record<string, unknown> }>} */
				const items = task.data?.main?.[0] ?? [];
				const renamed = emulator.coupons(ACCOUNT).filter((coupon, index) => coupon.name === `bench ${index}`).length;
				const failedItems = items.filter((item) => item.json.error !== undefined).length;
				const lost = Math.max(N - renamed, failedItems, N - items.length);
				const row = /** @type {(typeof rows)[number]} */ (rows.find((candidate) => candidate.key === variant.key));
				if (withFaults) {
					row.faults = task.executionTime;
					row.lost = lost;
				} else {
					row.clean = task.executionTime;
					if (lost) throw new Error(`(${variant.key}) lost ${lost} items without faults`);
				}
			}
			emulator.seed(ACCOUNT, ids.map((id) => ({ id, name: 'before' })));
			const raw = await rawClient(emulator.baseUrl, 8);
			const rawRow = /** @type {(typeof rows)[number]} */ (rows.find((candidate) => candidate.key === 'f'));
			if (withFaults) {
				rawRow.faults = Math.round(raw.ms);
				rawRow.lost = raw.failed;
			} else rawRow.clean = Math.round(raw.ms);
		}

		const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
		const requireMs = Number(
			execFileSync(process.execPath, ['-e', "const t=process.hrtime.bigint();require('./dist/nodes/ChatDash/ChatDash.node.js');process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))"], { cwd: ROOT, encoding: 'utf8' }),
		);
		const report = render(rows, { packedBytes: packed.size, unpackedBytes: packed.unpackedSize, files: packed.entryCount, requireMs });
		process.stdout.write(`${report}\n`);
		if (process.argv.includes('--write')) writeBenchmarks(report);
	} finally {
		await n8n?.stop();
		await emulator?.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

/**
 * @param {Array<{ key: string, label: string, clean?: number, faults?: number, lost?: number }>} rows
 * @param {{ packedBytes: number, unpackedBytes: number, files: number, requireMs: number }} footprint
 */
function render(rows, footprint) {
	const ideal = N * LATENCY_MS;
	const byKey = Object.fromEntries(rows.map((row) => [row.key, { ...row, clean: row.clean ?? NaN }]));
	const lines = [
		`N = ${N} items, ${LATENCY_MS} ms emulator latency; times are n8n's per-node executionTime (ms), (f) is measured in-process.`,
		'',
		'| | variant | time (ms) | per item (ms) | vs N×20 ms | vs N×20 ms / 8 | under faults (ms) | lost under faults |',
		'|---|---|---:|---:|---:|---:|---:|---:|',
		...rows.map((row) => {
			const clean = row.clean ?? NaN;
			return `| ${row.key} | ${row.label} | ${clean} | ${(clean / N).toFixed(2)} | ${(clean / ideal).toFixed(2)}× | ${(clean / (ideal / 8)).toFixed(2)}× | ${row.faults} | ${row.lost} |`;
		}),
		'',
		'Targets:',
		`- (a) within 1.2× of N×20 ms: ${(byKey.a.clean / ideal).toFixed(2)}× (per-item overhead ${((byKey.a.clean - ideal) / N).toFixed(2)} ms; target < 4 ms)`,
		`- (b) within 1.5× of N×20 ms / 8: ${(byKey.b.clean / (ideal / 8)).toFixed(2)}×`,
		`- (c) no slower than (d): ${byKey.c.clean} ms vs ${byKey.d.clean} ms (${(byKey.c.clean / byKey.d.clean).toFixed(2)}×)`,
		`- under faults the ChatDash node loses nothing: (a) ${byKey.a.lost}, (b) ${byKey.b.lost}, (c) ${byKey.c.lost} lost`,
		`- packed tarball < 40 kB: ${(footprint.packedBytes / 1024).toFixed(1)} kB packed, ${(footprint.unpackedBytes / 1024).toFixed(1)} kB unpacked, ${footprint.files} files; 0 runtime dependencies`,
		`- require('dist/nodes/ChatDash/ChatDash.node.js') in a fresh Node ${process.version} process (n8n-workflow included): ${footprint.requireMs.toFixed(0)} ms`,
	];
	return lines.join('\n');
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
