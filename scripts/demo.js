#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: the package doing its job in a real n8n, with no ChatDash account.
 * Builds and packs the package, starts the ChatDash emulator with sample coupons, installs the
 * tarball into a fresh n8n 2.41.1 (installing n8n itself on first use), runs
 * examples/update-coupon.json and prints the renamed coupons.
 *
 * `npm run demo -- --ui` (or `npm run dev`) instead leaves n8n running at http://127.0.0.1:5678
 * with the package, credentials pointing at the emulator and every example workflow, the ChatDash
 * Trigger example published, and prints the command that makes the emulator send it a call event;
 * Ctrl+C stops everything.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEmulator } = require('../test/emulator/chatdash-emulator');
const {
	DEMO_ACCOUNT,
	DEMO_AGENTS,
	DEMO_API_KEY,
	DEMO_CALL_AGENT,
	DEMO_CALL_CONVERSATION,
	DEMO_CLIENT_API_KEY,
	DEMO_CLIENT_CREDENTIAL,
	DEMO_CLIENT_ID,
	DEMO_COUPONS,
	DEMO_CREDENTIAL,
	EXAMPLES,
	EXAMPLE_WORKFLOW_ID,
	withRecordingsFolder,
} = require('./lib/demo-fixtures');
const { createN8nInstance, packPackage, ROOT } = require('./lib/n8n-instance');
const { run } = require('./lib/n8n-runtime');

const ui = process.argv.includes('--ui');
const UI_PORT = 5678;
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'ChatDash-demo-1' };

const say = (/** @type {string} */ line) => process.stdout.write(`› ${line}\n`);

/** @param {string[]} headers @param {string[][]} rows */
function table(headers, rows) {
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
	const line = (/** @type {string[]} */ cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

async function main() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdash-demo-'));
	/** @type {Awaited<ReturnType<typeof startEmulator>> | undefined} */
	let emulator;
	/** @type {Awaited<ReturnType<typeof createN8nInstance>> | undefined} */
	let n8n;
	const cleanUp = async () => {
		await n8n?.stop();
		await emulator?.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	};
	try {
		say('Building the package...');
		await run('npm', ['run', 'build'], { cwd: ROOT });
		const tarball = await packPackage(workDir);
		say(`Packed ${path.basename(tarball)}.`);

		emulator = await startEmulator({
			apiKey: DEMO_API_KEY,
			accounts: { [DEMO_ACCOUNT]: DEMO_COUPONS },
			agents: DEMO_AGENTS,
			agentData: { [DEMO_CALL_AGENT]: { conversations: [DEMO_CALL_CONVERSATION] } },
			clientApiKey: DEMO_CLIENT_API_KEY,
			clientId: DEMO_CLIENT_ID,
		});
		say(`ChatDash emulator listening at ${emulator.baseUrl} (account ${DEMO_ACCOUNT}, ${DEMO_COUPONS.length} coupons).`);

		// examples/call-recording-to-storage.json stores recordings here (n8n may write only there).
		const recordings = path.join(workDir, 'n8n-files', 'call-recordings');
		fs.mkdirSync(recordings, { recursive: true });
		say('Preparing n8n 2.41.1 with the package installed from the tarball...');
		n8n = await createN8nInstance({
			tarball,
			log: say,
			home: path.join(workDir, 'n8n'),
			port: ui ? UI_PORT : undefined,
			// The trigger subscribes n8n's own URL at the emulator, which runs on this machine too.
			env: (port) => ({ WEBHOOK_URL: `http://127.0.0.1:${port}/`, N8N_RESTRICT_FILE_ACCESS_TO: path.dirname(recordings) }),
		});
		const baseUrl = emulator.baseUrl;
		await n8n.importCredentials([
			{ ...DEMO_CREDENTIAL, type: 'chatDashApi', data: { apiKey: DEMO_API_KEY, baseUrl } },
			{ ...DEMO_CLIENT_CREDENTIAL, type: 'chatDashClientApi', data: { apiKey: DEMO_CLIENT_API_KEY, clientId: DEMO_CLIENT_ID, baseUrl } },
		]);
		await n8n.importWorkflows(
			EXAMPLES.map(({ file, id }) => ({
				...withRecordingsFolder(JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')), recordings),
				id,
				active: false,
			})),
		);

		if (ui) {
			for (const example of EXAMPLES.filter((entry) => entry.trigger)) {
				const published = await n8n.cli(['publish:workflow', `--id=${example.id}`]);
				if (published.code !== 0) throw new Error(`Could not publish ${example.file}:\n${published.stdout}${published.stderr}`);
			}
			await runEditor(n8n, emulator.origin, recordings, cleanUp);
			return;
		}

		say('Running examples/update-coupon.json with `n8n execute`...');
		const before = new Map(DEMO_COUPONS.map((coupon) => [coupon.id, coupon.name]));
		const { run: execution } = await n8n.execute(EXAMPLE_WORKFLOW_ID);
		if (execution.status !== 'success') {
			throw new Error(`The workflow failed: ${execution.data.resultData.error?.message ?? execution.status}`);
		}
		/** @type {Array<{ json: Record<string, unknown> }>} */
		const items = execution.data.resultData.runData['Rename coupon'][0].data.main[0];
		process.stdout.write('\nCoupons renamed by the ChatDash node in n8n:\n\n');
		process.stdout.write(
			table(
				['Coupon', 'Name before', 'Name now', 'Discount'],
				items.map(({ json }) => [
					String(json.id),
					String(before.get(String(json.id)) ?? ''),
					String(json.name),
					json.percent_off ? `${json.percent_off}%` : `${Number(json.amount_off) / 100} ${String(json.currency).toUpperCase()}`,
				]),
			) + '\n\n',
		);
		const puts = emulator.requests.filter((request) => request.method === 'PUT');
		say(`The emulator received ${puts.length} PUT requests, e.g. PUT ${puts[0]?.rawPath} ${puts[0]?.body}`);
	} finally {
		if (!ui) await cleanUp();
	}
}

/**
 * @param {Awaited<ReturnType<typeof createN8nInstance>>} n8n
 * @param {string} emulatorOrigin
 * @param {string} recordings the folder the recording example writes to
 * @param {() => Promise<void>} cleanUp
 */
async function runEditor(n8n, emulatorOrigin, recordings, cleanUp) {
	say('Starting n8n...');
	await n8n.start();
	const response = await fetch(`${n8n.url()}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok) throw new Error(`Could not create the n8n owner: ${response.status} ${await response.text()}`);
	process.stdout.write(
		[
			'',
			`n8n is running at ${n8n.url()}`,
			`  Log in with ${OWNER.email} / ${OWNER.password}`,
			`  Example workflows: ${EXAMPLES.map(({ id }) => `${n8n.url()}/workflow/${id}`).join('\n                     ')}`,
			`  Credentials "${DEMO_CREDENTIAL.name}" and "${DEMO_CLIENT_CREDENTIAL.name}" point at the local ChatDash emulator.`,
			'  The ChatDash Trigger examples ("call ended → CRM", "call ended → recording and transcript") are published.',
			'  Make the emulator send them a call event:',
			`    curl -X POST ${emulatorOrigin}/_emulator/deliver/call.ended`,
			`  then open ${n8n.url()}/home/executions (call.started, call.missed and call.inbound work the same way).`,
			`  The recording example downloads the call's recording into ${recordings} and reads its transcript.`,
			'Press Ctrl+C to stop n8n and the emulator.',
			'',
		].join('\n'),
	);
	await new Promise((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	say('Stopping...');
	await cleanUp();
}

main().catch((error) => {
	process.stderr.write(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
