/**
 * The package on n8n's distributed engine: n8n 2.41.1 in queue mode — a main instance, two
 * workers, a webhook processor, PostgreSQL and Redis — each n8n process with the packed tarball
 * installed in its own user folder, as users must install community packages on every instance.
 * WEBHOOK_URL of every process is the webhook processor's address, as in a real deployment.
 *
 * 20 webhook calls on the main each start one execution renaming 50 coupons (1,000 in all)
 * against the emulator with its fault profile on; the workers run them. Then a published
 * ChatDash Trigger workflow: one subscription for the webhook processor's URL, and each delivery
 * (3 events × 3) taken by the webhook processor and run once by a worker. Last, a worker set up
 * WITHOUT the package shows the error users see when they forget one instance.
 *
 * Who registers the trigger's subscription in n8n 2.41.1 queue mode: the MAIN. The webhook
 * processor (dist/commands/webhook.js) starts no ActiveWorkflowManager: it only looks webhooks up
 * in the shared database (webhook_entity, cached in Redis) and runs the node's `webhook()` method
 * on each call before queueing the execution. The main's ActiveWorkflowManager (a single main is
 * the leader; `shouldAddWebhooks` is true for `init` anyway) stores the webhook row and calls the
 * node's `checkExists`/`create` (dist/active-workflow-manager.js `addWebhooks` →
 * dist/webhooks/webhook.service.js `createWebhookIfNotExists`), with `getNodeWebhookUrl` built from
 * the main's WEBHOOK_URL: hence WEBHOOK_URL must name the webhook processor on the main too. The
 * test checks it: the trigger's loopback warning (logged by `create` only) is in the main's log and
 * not in the webhook processor's.
 *
 * PostgreSQL and Redis come from the machine's Debian packages (scripts/lib/services.js); where
 * they cannot be had the suite is skipped with the reason, unless CHATDASH_REQUIRE_QUEUE_MODE=1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort, packPackage } from '../../scripts/lib/n8n-instance';
import { createQueueMain, createQueueWebhookProcessor, createQueueWorker, waitForWebhook } from '../../scripts/lib/n8n-queue';
import { ensureN8n, N8N_VERSION } from '../../scripts/lib/n8n-runtime';
import { ensureQueueServices, queueModeRequired, startPostgres, startRedis } from '../../scripts/lib/services';
import { waitUntil } from '../../scripts/lib/wait';
import { linearWorkflow, renameCouponsParameters } from '../../scripts/lib/workflows';
import { startEmulator } from '../emulator/chatdash-emulator';
import { RECEIVER_NODE_NAME, subscriptionReadyLine, TRIGGER_E2E_CREDENTIAL, triggerToCodeWorkflow } from './trigger-workflows';
import { E2E_CREDENTIAL } from './workflows';
import { unflatten } from './n8n-data';
import { restSession } from './n8n-rest';

const API_KEY = 'cd_agency_queue_Hq27XbN4pL';
const ACCOUNT = 'acct_queue';
const WORKFLOW_ID = 'queueRenameCoupons';
const WEBHOOK_PATH = 'chatdash-queue-rename';
const EXECUTIONS = 20;
const COUPONS_PER_EXECUTION = 50;
const INSTALL_TIMEOUT = 30 * 60 * 1000;
// The ChatDash Trigger's part: its own emulator (client key, Webhook Subscriptions), so that the
// coupon emulator's fault profile and request log stay the coupon test's alone.
const CLIENT_KEY = 'CD.CL.queue-client-key-5Wd8';
const CLIENT_ID = 'client_queue';
const AGENT = 'agent_queue';
const TRIGGER_WORKFLOW_ID = 'queueCallEvents';
const TRIGGER_WEBHOOK_ID = '7d1e0c55-8f0a-4e41-9b6f-000000000014';
const SUBSCRIBED = ['call.ended', 'call.inbound', 'call.missed'];
const DELIVERIES_PER_EVENT = 3;
const LOOPBACK_WARNING = /loopback or private address, which ChatDash's servers cannot reach/;

const batchIds = (batch: number) =>
	Array.from({ length: COUPONS_PER_EXECUTION }, (_, index) => `Q${String(batch).padStart(2, '0')}-${String(index).padStart(2, '0')}`);
const ALL_IDS = Array.from({ length: EXECUTIONS }, (_, batch) => batchIds(batch)).flat();
const newName = (id: string) => `Queue renamed ${id}`;

const progress = (line: string) => process.stderr.write(`[queue] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Decided while jest collects the tests, so that a machine without the services skips visibly.
const services = ensureQueueServices(progress);
if ('unavailable' in services) {
	const reason = `The queue-mode tests need PostgreSQL and Redis, which are not available here: ${services.unavailable}`;
	if (queueModeRequired(process.env)) throw new Error(reason);
	process.stderr.write(`\n[queue] SKIPPING the queue-mode tests. ${reason}\n\n`);
}
const describeQueueMode = 'postgresBin' in services ? describe : describe.skip;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Main = Awaited<ReturnType<typeof createQueueMain>>;
type Worker = Awaited<ReturnType<typeof createQueueWorker>>;
type WebhookProcessor = Awaited<ReturnType<typeof createQueueWebhookProcessor>>;
type Postgres = Awaited<ReturnType<typeof startPostgres>>;
type Redis = Awaited<ReturnType<typeof startRedis>>;
interface PairedEntry {
	coupon: { id: string; name: string } & Record<string, unknown>;
	asked: { id: string; newName: string };
}

/**
 * Webhook → the batch's coupons as items → ChatDash Coupon Update → a Code node that, per item,
 * looks up the item it came from with `$('Coupons to rename').item`: n8n follows pairedItem, so a
 * wrong or missing pairing shows as a wrong `asked` (or an error). The webhook answers with the
 * last node's items once a worker has finished the run.
 */
function queueWorkflow() {
	const workflow = linearWorkflow(WORKFLOW_ID, [
		{
			name: 'Coupons to rename',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: 'return $input.first().json.body.coupons.map((json) => ({ json }));' },
		},
		{
			name: 'ChatDash',
			type: 'n8n-nodes-chatdash.chatDash',
			typeVersion: 1,
			parameters: renameCouponsParameters(ACCOUNT, { concurrency: 8, timeout: 2000, maxAttempts: 8 }),
			credentials: { chatDashApi: E2E_CREDENTIAL },
		},
		{
			name: 'Pair check',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				mode: 'runOnceForEachItem',
				jsCode: "return { json: { coupon: $json, asked: $('Coupons to rename').item.json } };",
			},
		},
	]);
	// The Manual Trigger linearWorkflow starts with becomes a production Webhook.
	const [trigger, ...rest] = workflow.nodes;
	const webhook = {
		...trigger,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: 'b1d5c3a0-5e1f-4c55-9a43-000000000014',
		parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const { [trigger.name]: fromTrigger, ...connections } = workflow.connections;
	return { ...workflow, name: 'ChatDash in queue mode', nodes: [webhook, ...rest], connections: { ...connections, Webhook: fromTrigger } };
}

/** Runs SQL on the shared database with psql; rows as arrays of fields. */
function sql(postgres: Postgres, query: string): Promise<string[][]> {
	const psql = path.join((services as { postgresBin: string }).postgresBin, 'psql');
	const args = ['-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-d', postgres.database, '-At', '-F', '\t', '-c', query];
	return new Promise((resolve, reject) => {
		const child = spawn(psql, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(stdout.split('\n').filter(Boolean).map((line) => line.split('\t'))) : reject(new Error(`psql: ${stderr}`)),
		);
	});
}


describeQueueMode(`the package in n8n ${N8N_VERSION} queue mode (main + 2 workers + webhook processor, PostgreSQL, Redis)`, () => {
	let workDir: string;
	let tarball: string;
	let emulator: Emulator;
	let hooks: Emulator;
	let processor: WebhookProcessor;
	let webhookUrl: string;
	let postgres: Postgres;
	let redis: Redis;
	let main: Main;
	let workers: Worker[] = [];
	let bareWorker: Worker | undefined;
	const started = Date.now();
	/** The trigger's production URL, on the webhook processor. */
	const triggerUrl = () => `${webhookUrl}webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	const triggerExecutions = async () =>
		(await sql(postgres, `SELECT id, status, mode FROM execution_entity WHERE "workflowId" = '${TRIGGER_WORKFLOW_ID}' ORDER BY id`)).map(
			([id, status, mode]) => ({ id, status, mode }),
		);

	const callWebhook = async (batch: number, ids: string[]) => {
		const response = await fetch(`${main.url()}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ batch, coupons: ids.map((id) => ({ id, newName: newName(id) })) }),
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON: kept as text for the failure message
		}
		return { status: response.status, body };
	};

	beforeAll(async () => {
		const { postgresBin, redisServer } = services as { postgresBin: string; redisServer: string };
		workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-queue-'));
		// Installs n8n once (first run only) before the instances below ask for it in parallel.
		await ensureN8n(progress);
		let webhookPort: number;
		[tarball, postgres, redis, emulator, hooks, webhookPort] = await Promise.all([
			packPackage(workDir),
			startPostgres({ postgresBin, log: progress }),
			startRedis({ redisServer, log: progress }),
			startEmulator({ apiKey: API_KEY, accounts: { [ACCOUNT]: ALL_IDS.map((id) => ({ id, name: `Old ${id}` })) } }),
			startEmulator({ apiKey: `${API_KEY}_hooks`, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID }),
			freePort(),
		]);
		emulator.setFaultProfile({ seed: 14, rate429: 0.1, rate503: 0.05, rateReset: 0.02, rateHang: 0.01, retryAfterSeconds: 1 });
		// Every process builds production webhook URLs from the webhook processor's address.
		webhookUrl = `http://127.0.0.1:${webhookPort}/`;
		const shared = { tarball, postgres, redis, log: progress, webhookUrl };
		// Set up in parallel: each installs the tarball into its own user folder (npm).
		let worker1: Worker;
		let worker2: Worker;
		[main, worker1, worker2, bareWorker, processor] = await Promise.all([
			createQueueMain({ ...shared, home: path.join(workDir, 'main') }),
			createQueueWorker({ ...shared, home: path.join(workDir, 'worker-1') }),
			createQueueWorker({ ...shared, home: path.join(workDir, 'worker-2') }),
			createQueueWorker({ ...shared, home: path.join(workDir, 'worker-bare'), withPackage: false }),
			createQueueWebhookProcessor({ ...shared, home: path.join(workDir, 'webhook'), port: webhookPort }),
		]);
		workers = [worker1, worker2];
		progress(`Instances set up in ${Math.round((Date.now() - started) / 1000)} s; importing through the main...`);
		// The first CLI call migrates the shared database; everything else waits for it.
		await main.importCredentials([
			{ ...E2E_CREDENTIAL, type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
			{ ...TRIGGER_E2E_CREDENTIAL, type: 'chatDashClientApi', data: { apiKey: CLIENT_KEY, clientId: CLIENT_ID, baseUrl: hooks.baseUrl } },
		]);
		progress(`Database migrated, credentials imported after ${Math.round((Date.now() - started) / 1000)} s.`);
		const startMain = async () => {
			await main.importWorkflows([
				queueWorkflow(),
				triggerToCodeWorkflow(TRIGGER_WORKFLOW_ID, TRIGGER_WEBHOOK_ID, { agentId: AGENT, events: SUBSCRIBED }),
			]);
			await Promise.all(
				[WORKFLOW_ID, TRIGGER_WORKFLOW_ID].map(async (id) => {
					const published = await main.cli(['publish:workflow', `--id=${id}`]);
					if (published.code !== 0) throw new Error(`n8n publish:workflow --id=${id} failed:\n${published.stdout}\n${published.stderr}`);
				}),
			);
			await main.start();
			// Ready is not yet activated: the webhook answers 404 until then.
			await waitForWebhook(main.url(), WEBHOOK_PATH);
			// The main activates the trigger (registers the subscription); the webhook processor finds
			// its webhook in the database: an event the node is not set to then gets 200 and runs nothing.
			await main.waitForLog(subscriptionReadyLine(triggerUrl()), { what: 'the trigger\'s subscription on the main' });
			await waitUntil(
				async () => (await hooks.postTo(triggerUrl(), hooks.sampleEvent('call.started')).catch(() => ({ status: 0 }))).status === 200,
				'the trigger\'s URL on the webhook processor',
			);
		};
		await Promise.all([startMain(), processor.start(), ...workers.map((worker) => worker.start())]);
		progress(`Main, webhook processor and 2 workers ready after ${Math.round((Date.now() - started) / 1000)} s.`);
	}, INSTALL_TIMEOUT);

	afterAll(async () => {
		await Promise.all([...workers, ...(bareWorker ? [bareWorker] : []), ...(processor ? [processor] : [])].map((each) => each.stop()));
		await main?.stop();
		await Promise.all([postgres?.stop(), redis?.stop(), emulator?.close(), hooks?.close()]);
		if (workDir) rmSync(workDir, { recursive: true, force: true });
		progress(`Queue-mode suite done in ${Math.round((Date.now() - started) / 1000)} s.`);
	});

	test(`${EXECUTIONS} webhook executions × ${COUPONS_PER_EXECUTION} coupons: all succeed, both workers run some, every coupon renamed as asked, outputs paired`, async () => {
		const runStarted = Date.now();
		const responses = await Promise.all(Array.from({ length: EXECUTIONS }, (_, batch) => callWebhook(batch, batchIds(batch))));
		progress(`${EXECUTIONS} executions answered in ${Math.round((Date.now() - runStarted) / 1000)} s.`);

		// Every execution succeeded, each answering with its own 50 coupons, in order and paired.
		responses.forEach(({ status, body }, batch) => {
			expect({ batch, status }).toEqual({ batch, status: 200 });
			const entries = body as PairedEntry[];
			expect(entries.map((entry) => entry.coupon.id)).toEqual(batchIds(batch));
			expect(entries.map((entry) => entry.asked.id)).toEqual(batchIds(batch));
			for (const { coupon, asked } of entries) {
				expect(coupon).toEqual(emulator.coupon(ACCOUNT, asked.id));
				expect(coupon.name).toBe(asked.newName);
			}
		});
		const statuses = await sql(postgres, `SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${WORKFLOW_ID}' GROUP BY status`);
		expect(statuses).toEqual([['success', String(EXECUTIONS)]]);

		// All 1,000 coupons renamed exactly as asked, and nothing else touched.
		const coupons = emulator.coupons(ACCOUNT);
		expect(coupons).toHaveLength(ALL_IDS.length);
		expect(coupons.filter((coupon) => coupon.name !== newName(coupon.id))).toEqual([]);
		const puts = emulator.requests.filter((request) => request.method === 'PUT');
		progress(`${puts.length} PUT requests for ${ALL_IDS.length} coupons (the rest were answered with faults and retried).`);
		expect(puts.length).toBeGreaterThan(ALL_IDS.length); // the fault profile made the node retry
		expect(new Set(puts.map((request) => request.segments[5]))).toEqual(new Set(ALL_IDS));
		expect(emulator.requests.every((request) => request.method === 'PUT')).toBe(true);

		// Both workers ran some; together exactly the 20 executions, each once.
		const perWorker = workers.map((worker) => worker.startedExecutions());
		progress(`Executions per worker: ${perWorker.map((ids) => ids.length).join(' + ')} (${perWorker.map((ids) => ids.join(',')).join(' | ')})`);
		for (const ids of perWorker) expect(ids.length).toBeGreaterThan(0);
		const all = perWorker.flat();
		expect(all).toHaveLength(EXECUTIONS);
		expect(new Set(all).size).toBe(EXECUTIONS);
		for (const worker of workers) {
			const log = worker.log();
			expect(log).not.toMatch(/Unrecognized node type/);
			expect(log).not.toContain(API_KEY);
		}
		expect(main.serverLog()).not.toContain(API_KEY);
	});

	test(`ChatDash Trigger: the main registers one subscription for the webhook processor’s URL; ${SUBSCRIBED.length} events × ${DELIVERIES_PER_EVENT} deliveries → one execution each, run by the workers; an unsubscribed event → none`, async () => {
		// One subscription, for <WEBHOOK_URL>webhook/<webhookId>/webhook, made by the main.
		const subscriptions = hooks.webhookSubscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ clientId: CLIENT_ID, agentId: AGENT, webhookUrl: triggerUrl() });
		expect([...subscriptions[0].events].sort()).toEqual(SUBSCRIBED);
		expect(main.serverLog()).toMatch(LOOPBACK_WARNING);
		expect(main.serverLog()).toContain(triggerUrl());
		expect(processor.log()).not.toMatch(LOOPBACK_WARNING);
		expect(await triggerExecutions()).toEqual([]);
		const startedBefore = workers.map((worker) => worker.startedExecutions().length);

		// All deliveries at once; ChatDash's side sees 200 from the webhook processor for each.
		const runStarted = Date.now();
		const delivered = SUBSCRIBED.flatMap((event) => Array.from({ length: DELIVERIES_PER_EVENT }, () => event));
		const deliveries = (await Promise.all(delivered.map((event) => hooks.deliver(event)))).flat();
		expect(deliveries.map(({ url, status }) => ({ url, status }))).toEqual(delivered.map(() => ({ url: triggerUrl(), status: 200 })));
		// Nobody subscribed to call.started: ChatDash sends nothing; sent anyway, 200 and nothing runs.
		expect(await hooks.deliver('call.started')).toEqual([]);
		expect((await hooks.postTo(triggerUrl(), hooks.sampleEvent('call.started'))).status).toBe(200);

		const finished = (rows: Array<{ status: string }>) => rows.every((row) => ['success', 'error', 'crashed'].includes(row.status));
		await waitUntil(async () => {
			const rows = await triggerExecutions();
			return rows.length >= delivered.length && finished(rows);
		}, `${delivered.length} finished trigger executions`);
		progress(`${delivered.length} trigger deliveries executed in ${Math.round((Date.now() - runStarted) / 1000)} s.`);
		// "Nothing more runs" has no state to wait for: a pause in which a duplicate execution would show.
		await sleep(1500);
		const executions = await triggerExecutions();
		expect(executions.map(({ status, mode }) => ({ status, mode }))).toEqual(delivered.map(() => ({ status: 'success', mode: 'webhook' })));

		// One execution per delivery: each received one payload, the sample of its event, as sent.
		const rows = await sql(
			postgres,
			`SELECT d."executionId", d.data FROM execution_data d JOIN execution_entity e ON e.id = d."executionId" WHERE e."workflowId" = '${TRIGGER_WORKFLOW_ID}'`,
		);
		const received = rows.map(([, data]) => {
			const runs = unflatten(data).resultData.runData[RECEIVER_NODE_NAME] as Array<{ data: { main: Array<Array<{ json: { event: string } }>> } }>;
			return runs[0].data.main[0].map((item) => item.json);
		});
		for (const items of received) expect(items).toEqual([hooks.sampleEvent(items[0].event)]);
		expect(received.map((items) => items[0].event).sort()).toEqual([...delivered].sort());

		// Run by the workers: together exactly these executions, each once.
		const perWorker = workers.map((worker, index) => worker.startedExecutions().slice(startedBefore[index]));
		progress(`Trigger executions per worker: ${perWorker.map((ids) => ids.length).join(' + ')} (${perWorker.map((ids) => ids.join(',')).join(' | ')})`);
		expect(perWorker.flat().sort()).toEqual(executions.map(({ id }) => id).sort());
		for (const log of [main.serverLog(), processor.log(), ...workers.map((worker) => worker.log())]) {
			expect(log).not.toContain(CLIENT_KEY);
			expect(log).not.toMatch(/Unrecognized node type/);
		}
	});

	test('a worker without the package: the execution fails with n8n’s "Unrecognized node type" error', async () => {
		await Promise.all(workers.map((worker) => worker.stop()));
		if (!bareWorker) throw new Error('the bare worker was not set up');
		await bareWorker.start();
		emulator.requests.length = 0;

		const response = await callWebhook(99, ['Q00-00']);
		progress(`Webhook answer with the bare worker: ${response.status} ${JSON.stringify(response.body)}`);
		expect(response.status).toBeGreaterThanOrEqual(500);
		expect(bareWorker.startedExecutions()).toHaveLength(1);
		const [executionId] = bareWorker.startedExecutions();

		const [[status]] = await sql(postgres, `SELECT status FROM execution_entity WHERE id = ${Number(executionId)}`);
		expect(status).toBe('error');
		const [[data]] = await sql(postgres, `SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
		const messages = [...data.matchAll(/"(Unrecognized node type[^"]*)"/g)].map((match) => match[1]);
		progress(`Messages in the failed execution: ${JSON.stringify([...new Set(messages)])}`);
		expect(messages).toContain('Unrecognized node type: n8n-nodes-chatdash.chatDash');
		// Nothing reached ChatDash.
		expect(emulator.requests).toEqual([]);
	});
	// Conversation → Download Recording with the worker writing the file: queue mode keeps binary
	// data in the database (n8n's default there), so the bytes are read back from binary_data.
	test('Download Recording: a worker streams the recording into database binary data, without the ChatDash key', async () => {
		const recordingKey = `${API_KEY}_recording`;
		const bytes = Buffer.from(Array.from({ length: 200 * 1024 }, (_, index) => (index * 29 + 3) % 256));
		const recordingHost = await startEmulator({
			apiKey: recordingKey,
			agentData: { agent_queue_rec: { conversations: [{ _id: 'call_queue', recording: { body: bytes, contentType: 'audio/mpeg' } }] } },
		} as never);
		try {
			// The previous test left only the worker without the package running.
			await bareWorker?.stop();
			await Promise.all(workers.map((worker) => worker.start()));
			const startedBefore = workers.map((worker) => worker.startedExecutions().length);
			const credential = { id: 'queueRecordingCred1', name: 'ChatDash (queue recording)' };
			await main.importCredentials([{ ...credential, type: 'chatDashApi', data: { apiKey: recordingKey, baseUrl: recordingHost.baseUrl } }]);
			const recordingPath = 'chatdash-queue-recording';
			const workflow = linearWorkflow('queueRecording', [
				{
					name: 'Download recording',
					type: 'n8n-nodes-chatdash.chatDash',
					typeVersion: 1,
					parameters: {
						resource: 'conversation',
						operation: 'downloadRecording',
						agentId: { __rl: true, mode: 'id', value: 'agent_queue_rec' },
						conversationId: '={{ $json.body.conversationId }}',
					},
					credentials: { chatDashApi: credential },
				},
				{
					name: 'File',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: { jsCode: 'return $input.all().map((item) => ({ json: { conversation: item.json._id, file: item.binary.data } }));' },
				},
			]);
			const [trigger, ...steps] = workflow.nodes;
			const webhook = {
				...trigger,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: 'b1d5c3a0-5e1f-4c55-9a43-000000000024',
				parameters: { httpMethod: 'POST', path: recordingPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			};
			const { [trigger.name]: fromTrigger, ...connections } = workflow.connections;
			await main.importWorkflows([{ ...workflow, nodes: [webhook, ...steps], connections: { ...connections, Webhook: fromTrigger } }]);

			// Published through the running main's REST API (an owner, a login, then activate).
			const session = restSession(() => main.url(), 'chatdash-queue-recording');
			const { rest } = session;
			await session.login(true);
			const { versionId } = (await rest('GET', '/rest/workflows/queueRecording')).body!.data;
			expect((await rest('POST', '/rest/workflows/queueRecording/activate', { versionId })).status).toBe(200);
			await waitForWebhook(main.url(), recordingPath);

			const response = await fetch(`${main.url()}/webhook/${recordingPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ conversationId: 'call_queue' }),
			});
			expect(response.status).toBe(200);
			const [answer] = (await response.json()) as Array<{ conversation: string; file: { id: string; mimeType: string; fileName: string; bytes: number } }>;
			expect(answer).toMatchObject({
				conversation: 'call_queue',
				file: { mimeType: 'audio/mpeg', fileName: 'call_queue.mp3', bytes: bytes.length, id: expect.stringMatching(/^database:/) },
			});
			const [[hex, mimeType, fileName]] = await sql(
				postgres,
				`SELECT encode(data, 'hex'), "mimeType", "fileName" FROM binary_data WHERE "fileId" = '${answer.file.id.split(':')[1]}'`,
			);
			expect(Buffer.from(hex, 'hex').equals(bytes)).toBe(true);
			expect([mimeType, fileName]).toEqual(['audio/mpeg', 'call_queue.mp3']);

			// A worker ran it; the recording host got no key.
			const ran = workers.flatMap((worker, index) => worker.startedExecutions().slice(startedBefore[index]));
			expect(ran).toHaveLength(1);
			const downloads = recordingHost.requests.filter((request) => request.path.startsWith('/_recordings/'));
			expect(downloads.map((request) => request.headers.authorization)).toEqual([undefined]);
			for (const log of [main.serverLog(), ...workers.map((worker) => worker.log())]) expect(log).not.toContain(recordingKey);
		} finally {
			await recordingHost.close();
		}
	});
});
