/**
 * The package in a real n8n of the maintained 1.x line (N8N_1X_VERSION, 1.123.x), one instance for
 * the whole suite, installed as users install community packages (the `npm pack` tarball in
 * `<N8N_USER_FOLDER>/.n8n/nodes`). The same workflows as the 2.41.1 suites (test/e2e/workflows.ts,
 * trigger-workflows.ts, ai-workflows.ts), against the ChatDash emulator:
 *   - `n8n execute`: the coupon chain, Get Many over several pages, one chain per resource family;
 *   - `n8n start`: n8n's credential test; the ChatDash Trigger's lifecycle with 1.x activation
 *     (`update:workflow --active=true` instead of `publish:workflow`): one subscription, each
 *     delivery one execution, a restart keeps it, deactivating empties it, reactivating reuses it;
 *   - the ChatDash Tool under 1.x's newest AI Agent (version 3) with the scripted model: a 404
 *     comes back to the model as the tool result (1.x would otherwise end the agent's run).
 * n8n 1.x is installed on first use into ~/.cache (scripts/lib/n8n-runtime.js). Run after the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CREDENTIAL_TEST_MESSAGES } from '../../credentials/ChatDashApi.credentials';
import { createN8nInstance, packPackage } from '../../scripts/lib/n8n-instance';
import { N8N_1X_VERSION } from '../../scripts/lib/n8n-runtime';
import { linearWorkflow } from '../../scripts/lib/workflows';
import { startEmulator } from '../emulator/chatdash-emulator';
import { OPENAI_STUB_CREDENTIAL, agentWorkflow, couponUpdateTool } from './ai-workflows';
import { waitUntil } from '../../scripts/lib/wait';
import { agentOutput, quote, toolMessages, toolResults } from './ai-runs';
import { restSession } from './n8n-rest';
import { startOpenAiStub } from './openai-stub';
import { RECEIVER_NODE_NAME, subscriptionReadyLine, TRIGGER_E2E_CREDENTIAL, triggerToCodeWorkflow } from './trigger-workflows';
import {
	agentDataChainWorkflow,
	billingChainWorkflow,
	couponLifecycleWorkflow,
	couponUpdateWorkflow,
	E2E_CREDENTIAL,
	onboardingChainWorkflow,
	codeReferenceProbeWorkflow,
} from './workflows';

const API_KEY = 'cd_agency_1x_e2e_Pw83Nq';
const CLIENT_KEY = 'CD.CL.e2e-1x-client-key-4Tz';
const CLIENT_ID = 'client_1x';
const AGENT = 'agent_1x';
const OPENAI_KEY = 'sk-stub-not-a-real-key';
const ACCOUNT = 'acct_1x';
const PAGED_ACCOUNT = 'acct_1x_paged';
const PAGED_COUPONS = Array.from({ length: 230 }, (_, index) => ({ id: `P${String(index).padStart(3, '0')}`, name: `Paged ${index}` }));
const LIFECYCLE_ACCOUNT = 'acct_1x_lifecycle';
const BILLING_ACCOUNT = 'acct_1x_billing';
const BILLING_CLIENT = '64abc123def456789012345b';
const ONBOARDING_AGENTS = [
	{ _id: '6650a1b2c3d4e5f601001001', name: 'Receptionist', platform: 'vapi', apiKey: 'vapi-secret-1x-0001' },
	{ _id: '6650a1b2c3d4e5f601001002', name: 'Booking Bot', platform: 'voiceflow' },
];
const DATA_AGENT = '6650a1b2c3d4e5f6010010aa';
const TRIGGER_WORKFLOW = 'e1xTrigger';
const TRIGGER_WEBHOOK_ID = '7d1e0c55-8f0a-4e41-9b6f-1a2b3c4d5e11';
const SUBSCRIBED = ['call.ended', 'call.missed'];
const UPDATE_TOOL_NODE = 'Update a coupon in ChatDash';
const UPDATE_TOOL = 'Update_a_coupon_in_ChatDash';
const INSTALL_TIMEOUT = 30 * 60 * 1000;

type Instance = Awaited<ReturnType<typeof createN8nInstance>>;
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Stub = Awaited<ReturnType<typeof startOpenAiStub>>;
interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}
type RunData = Record<string, Array<{ data?: Record<string, RunItem[][]> }>>;

let workDir: string;
let emulator: Emulator;
let stub: Stub;
let n8n: Instance;
const session = restSession(() => n8n.url(), 'chatdash-1x-e2e');

const progress = (line: string) => process.stderr.write(`[e2e 1.x] ${line}\n`);

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-1x-e2e-'));
	emulator = await startEmulator({
		apiKey: API_KEY,
		clientApiKey: CLIENT_KEY,
		clientId: CLIENT_ID,
		accounts: {
			[ACCOUNT]: [
				{ id: 'SUMMER20', name: 'Summer Sale' },
				{ id: 'WELCOME10', name: 'Welcome' },
				{ id: 'SPRING5', name: 'Spring' },
			],
			[PAGED_ACCOUNT]: PAGED_COUPONS,
			[LIFECYCLE_ACCOUNT]: [],
		},
		stripe: { [BILLING_ACCOUNT]: { transactions: [{ id: 'pi_3BILL1X01', amount: 4900, description: 'Subscription creation' }] } },
		agents: ONBOARDING_AGENTS,
		agentData: {
			[DATA_AGENT]: {
				conversations: [
					{
						_id: '6650a1b2c3d4e5f6020010a1',
						name: 'Jane',
						messages: [{ sender: 'user', type: 'text', content: { text: 'Hi' }, createdAt: '2026-11-20T09:00:00.000Z' }],
					},
				],
			},
		},
	});
	stub = await startOpenAiStub({
		scripts: {
			'stub-1x-missing': [
				{ toolCalls: [{ name: UPDATE_TOOL, arguments: { couponId: 'NOPE', name: 'Ghost' } }] },
				{ reply: (results) => `I could not rename it. ${quote(results)}` },
			],
			'stub-1x-rename': [
				{ toolCalls: [{ name: UPDATE_TOOL, arguments: { couponId: 'WELCOME10', name: 'Welcome back' } }] },
				{ reply: quote },
			],
		},
	});
	const tarball = await packPackage(workDir);
	n8n = await createN8nInstance({
		tarball,
		log: progress,
		home: path.join(workDir, 'n8n-home'),
		version: N8N_1X_VERSION,
		env: (port) => ({ WEBHOOK_URL: `http://127.0.0.1:${port}/` }),
	});
	await n8n.importCredentials([
		{ ...E2E_CREDENTIAL, type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
		{ ...TRIGGER_E2E_CREDENTIAL, type: 'chatDashClientApi', data: { apiKey: CLIENT_KEY, clientId: CLIENT_ID, baseUrl: emulator.baseUrl } },
		{ ...OPENAI_STUB_CREDENTIAL, type: 'openAiApi', data: { apiKey: OPENAI_KEY, url: stub.baseUrl } },
	]);
	const tool = { toolNodeName: UPDATE_TOOL_NODE, toolParameters: couponUpdateTool(ACCOUNT), agentVersion: 3 };
	await n8n.importWorkflows([
		couponUpdateWorkflow('e1xRename', [
			{ account: ACCOUNT, coupon: 'SUMMER20', newName: 'Summer 2027' },
			{ account: ACCOUNT, coupon: 'SPRING5', newName: 'Spring 2027' },
		]),
		couponUpdateWorkflow('e1xNotFound', [{ account: ACCOUNT, coupon: 'NOPE', newName: 'Missing' }]),
		linearWorkflow('e1xPaged', [
			{
				name: 'ChatDash',
				type: 'n8n-nodes-chatdash.chatDash',
				typeVersion: 1,
				parameters: { resource: 'coupon', operation: 'getAll', accountId: PAGED_ACCOUNT, returnAll: true },
				credentials: { chatDashApi: E2E_CREDENTIAL },
			},
		]),
		couponLifecycleWorkflow('e1xCouponLifecycle', LIFECYCLE_ACCOUNT),
		billingChainWorkflow('e1xBillingChain', BILLING_ACCOUNT, BILLING_CLIENT),
		onboardingChainWorkflow('e1xOnboardingChain', 'Lakeside Dental', ONBOARDING_AGENTS.map((agent) => agent._id), '$node["New client"]'),
		codeReferenceProbeWorkflow('e1xCodeRefProbe'),
		agentDataChainWorkflow('e1xAgentDataChain', DATA_AGENT, 120),
		agentWorkflow('e1xAiMissing', { model: 'stub-1x-missing', prompt: 'Rename the coupon NOPE to "Ghost".', ...tool }),
		agentWorkflow('e1xAiRename', { model: 'stub-1x-rename', prompt: 'Rename WELCOME10 to "Welcome back".', ...tool }),
		triggerToCodeWorkflow(TRIGGER_WORKFLOW, TRIGGER_WEBHOOK_ID, { agentId: AGENT, events: SUBSCRIBED }),
	]);
	await n8n.activate(TRIGGER_WORKFLOW);
}, INSTALL_TIMEOUT);

afterAll(async () => {
	await n8n?.stop();
	await emulator?.close();
	await stub?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const output = (runData: RunData, nodeName = 'ChatDash') => runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
const expectNoKeyIn = (text: string) => {
	expect(text).not.toContain(API_KEY);
	expect(text).not.toContain(CLIENT_KEY);
};

describe(`n8n ${N8N_1X_VERSION}: n8n execute`, () => {
	test('Coupon → Update over 2 items: renamed, in order, paired; a 404 fails the run with the clear message', async () => {
		const { run, stdout, stderr } = await n8n.execute('e1xRename');
		expect(run.status).toBe('success');
		const renamed = output(run.data.resultData.runData);
		expect(renamed.map((item) => item.json)).toEqual([emulator.coupon(ACCOUNT, 'SUMMER20'), emulator.coupon(ACCOUNT, 'SPRING5')]);
		expect(renamed.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Summer 2027', { item: 0 }],
			['Spring 2027', { item: 1 }],
		]);
		expectNoKeyIn(stdout + stderr);

		const failed = await n8n.execute('e1xNotFound');
		expect(failed.run.status).toBe('error');
		expect(failed.run.data.resultData.error.message).toBe(`Coupon "NOPE" was not found in connected account "${ACCOUNT}"`);
		expectNoKeyIn(failed.stdout + failed.stderr);
	});

	test('Coupon → Get Many, Return All over 230 coupons: three pages, every coupon once, in order', async () => {
		const { run } = await n8n.execute('e1xPaged');
		expect(run.status).toBe('success');
		expect(output(run.data.resultData.runData).map((item) => item.json.id)).toEqual(PAGED_COUPONS.map((coupon) => coupon.id));
		const pages = emulator.requests.filter((request) => request.segments[3] === PAGED_ACCOUNT);
		expect(pages.map((request) => request.query.starting_after ?? null)).toEqual([null, 'P099', 'P199']);
	});

	test('coupon family: Create coupon → promotion code → rename → list codes → list coupons', async () => {
		const { run } = await n8n.execute('e1xCouponLifecycle');
		expect(run.status).toBe('success');
		const [coupon] = emulator.coupons(LIFECYCLE_ACCOUNT);
		expect(coupon).toMatchObject({ name: 'Lifecycle Sale (renamed)', percent_off: 15 });
		expect(emulator.promotionCodes(LIFECYCLE_ACCOUNT)).toEqual([expect.objectContaining({ code: 'LIFE15', coupon: expect.objectContaining({ id: coupon.id }) })]);
		expect(output(run.data.resultData.runData, 'List coupons').map((item) => item.json)).toEqual([coupon]);
	});

	test('billing family: product → subscription → invoice → get invoice → transactions → delete subscription', async () => {
		const { run } = await n8n.execute('e1xBillingChain');
		expect(run.status).toBe('success');
		const runData = run.data.resultData.runData;
		const [invoice] = emulator.invoices(BILLING_ACCOUNT);
		expect(output(runData, 'Get invoice').map((item) => item.json)).toEqual([emulator.invoice(BILLING_ACCOUNT, invoice.id)]);
		expect(output(runData, 'List transactions').map((item) => item.json)).toEqual(emulator.transactions(BILLING_ACCOUNT));
		const subscriptionId = output(runData, 'Create subscription')[0].json.id as string;
		expect(output(runData, 'Delete subscription').map((item) => item.json)).toEqual([{ id: subscriptionId, canceled: true }]);
		expect(emulator.subscription(BILLING_ACCOUNT, subscriptionId)).toBeUndefined();
	});

	// n8n 1.123.81, not the node: under `n8n execute`, `$('<a Code node>')…` evaluates to nothing, for
	// n8n's own Set node too, while `$node["…"]` reads it (the probe below shows it). The 1.x chain
	// therefore reads the Code node "New client" with `$node[…]`; on 2.41.1 it uses `$('New client')`.
	test('n8n 1.x itself: $(\'<Code node>\') gives nothing under n8n execute, $node["…"] gives the array', async () => {
		const { run } = await n8n.execute('e1xCodeRefProbe');
		expect(run.status).toBe('success');
		expect(output(run.data.resultData.runData, 'Probe').map((item) => item.json)).toEqual([{ byDollar: null, byNode: ['x', 'y'] }]);
	});

	test('agency family: Create client → assign agents → add member → agents of the client, no secret in any output', async () => {
		const { run } = await n8n.execute('e1xOnboardingChain');
		expect(run.data.resultData.error?.message).toBeUndefined();
		expect(run.status).toBe('success');
		const client = emulator.clients().find((entry) => entry.name === 'Lakeside Dental');
		expect(client).toBeDefined();
		expect(output(run.data.resultData.runData, 'Agents of the client').map((item) => item.json._id)).toEqual(
			ONBOARDING_AGENTS.map((agent) => agent._id),
		);
		expect(JSON.stringify(run.data.resultData.runData)).not.toContain('vapi-secret-1x-0001');
	});

	test('agent-data family: lead tag → 120 leads in 2 batches → conversations → messages → analytics', async () => {
		const { run } = await n8n.execute('e1xAgentDataChain');
		expect(run.status).toBe('success');
		expect(emulator.leads(DATA_AGENT)).toHaveLength(120);
		const batches = emulator.requests.filter((request) => request.method === 'POST' && request.path === `/agents/${DATA_AGENT}/leads`);
		expect(batches.map((request) => (request.json as unknown[]).length)).toEqual([100, 20]);
		expect(output(run.data.resultData.runData, 'Conversations').map((item) => item.json)).toEqual(emulator.conversations(DATA_AGENT));
		expect(Object.keys(output(run.data.resultData.runData, 'Analytics')[0].json).sort()).toEqual(['averageCost', 'conversations']);
	});
});

describe(`n8n ${N8N_1X_VERSION}: the ChatDash Tool under the AI Agent (version 3) with the scripted model`, () => {
	test('a call for a missing coupon: the 404 comes back to the model as the tool result, and the agent answers', async () => {
		const { run, stdout, stderr } = await n8n.execute('e1xAiMissing');
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.status).toBe('success');
		const message = `Coupon "NOPE" was not found in connected account "${ACCOUNT}"`;
		const [toolMessage] = toolMessages(stub, 'stub-1x-missing');
		expect(toolMessage).toBeDefined();
		expect(JSON.parse(toolMessage.content)).toEqual([{ error: message }]);
		expect(toolResults(run.data.resultData.runData, UPDATE_TOOL_NODE)).toEqual([[{ error: message }]]);
		const answer = agentOutput(run.data.resultData.runData) as string;
		expect(answer).toContain('I could not rename it.');
		expect(answer).toContain(JSON.stringify(message).slice(1, -1));
		expect(JSON.stringify(stub.requests.map((request) => [request.headers, request.raw]))).not.toContain(API_KEY);
		expectNoKeyIn(stdout + stderr);
	});

	test('a successful call renames the coupon; the model reads the coupon', async () => {
		const { run } = await n8n.execute('e1xAiRename');
		expect(run.status).toBe('success');
		const renamed = emulator.coupon(ACCOUNT, 'WELCOME10');
		expect(renamed?.name).toBe('Welcome back');
		const [toolMessage] = toolMessages(stub, 'stub-1x-rename');
		expect(JSON.parse(toolMessage.content)).toEqual([renamed]);
		expect(agentOutput(run.data.resultData.runData)).toBe(quote([JSON.stringify([renamed])]));
	});
});

describe(`n8n ${N8N_1X_VERSION}: n8n start`, () => {
	const prodUrl = () => `${n8n.url()}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;

	/**
	 * n8n answers /healthz/readiness, and serves the production URL, before the trigger's calls to
	 * ChatDash are done: wait for the trigger's "subscription ready" line (1.x activates the
	 * workflow, and so calls the trigger, on every start).
	 */
	const waitForSubscriptionReady = (since: number) =>
		n8n.waitForLog(subscriptionReadyLine(prodUrl()), { since, what: `the ChatDash Trigger at ${prodUrl()} to be registered` });

	beforeAll(async () => {
		await n8n.start();
		await session.login(true);
		await waitForSubscriptionReady(0);
	}, 3 * 60 * 1000);

	test('n8n’s credential test succeeds with the right key and fails with a wrong one', async () => {
		const test = (apiKey: string) =>
			session.rest('POST', '/rest/credentials/test', {
				credentials: { ...E2E_CREDENTIAL, type: 'chatDashApi', data: { apiKey, baseUrl: emulator.baseUrl } },
			});
		expect((await test(API_KEY)).body!.data.status).toBe('OK');
		const wrong = await test('cd_wrong_key');
		expect(wrong.body!.data.status).toBe('Error');
		// n8n 1.x shows its own text for a 401 in a credential test, not the credential's (2.x shows
		// CREDENTIAL_TEST_MESSAGES.keyRejected: real-n8n.e2e.test.ts).
		expect(wrong.body!.data.message).not.toBe(CREDENTIAL_TEST_MESSAGES.keyRejected);
		expect(wrong.body!.data.message).toMatch(/credentials/i);
		expectNoKeyIn(JSON.stringify(wrong.body));
	});

	test('activation (update:workflow --active=true) registered one subscription; each delivery runs the workflow once', async () => {
		const subscriptions = emulator.webhookSubscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ clientId: CLIENT_ID, agentId: AGENT, webhookUrl: prodUrl() });
		expect([...subscriptions[0].events].sort()).toEqual(SUBSCRIBED);
		for (const [index, event] of SUBSCRIBED.entries()) {
			expect((await emulator.deliver(event)).map((delivery) => delivery.status)).toEqual([200]);
			const ids = await session.waitForExecutions(TRIGGER_WORKFLOW, index + 1);
			expect(ids).toHaveLength(index + 1);
			expect(await session.executionItems(ids.at(-1)!, RECEIVER_NODE_NAME)).toEqual([emulator.sampleEvent(event)]);
		}
	});

	test('a restart keeps exactly one subscription; deactivating empties it; reactivating reuses it', async () => {
		const [subscription] = emulator.webhookSubscriptions();
		const posts = () => emulator.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/webhooks')).length;
		const postsBefore = posts();
		const sinceRestart = n8n.logMark();
		await n8n.stop();
		await n8n.start();
		await session.login();
		await waitForSubscriptionReady(sinceRestart);
		expect(emulator.webhookSubscriptions().map((entry) => entry._id)).toEqual([subscription._id]);
		expect(posts()).toBe(postsBefore);
		expect((await emulator.deliver('call.ended')).map((delivery) => delivery.status)).toEqual([200]);
		await session.waitForExecutions(TRIGGER_WORKFLOW, SUBSCRIBED.length + 1);

		// 1.x: PATCH the workflow's `active` flag (what the editor's toggle does).
		const workflow = await session.rest('GET', `/rest/workflows/${TRIGGER_WORKFLOW}`);
		const versionId = workflow.body!.data.versionId as string;
		expect((await session.rest('PATCH', `/rest/workflows/${TRIGGER_WORKFLOW}`, { active: false, versionId })).status).toBe(200);
		await waitUntil(() => emulator.webhookSubscription(subscription._id)?.events.length === 0, 'the subscription to have no events');
		await waitUntil(
			async () => (await emulator.postTo(prodUrl(), emulator.sampleEvent('call.ended'))).status === 404,
			'the production URL to stop answering',
		);

		const current = await session.rest('GET', `/rest/workflows/${TRIGGER_WORKFLOW}`);
		const sinceReactivation = n8n.logMark();
		const reactivated = await session.rest('PATCH', `/rest/workflows/${TRIGGER_WORKFLOW}`, { active: true, versionId: current.body!.data.versionId });
		expect(reactivated.status).toBe(200);
		await waitForSubscriptionReady(sinceReactivation);
		expect(emulator.webhookSubscription(subscription._id)?.events.length).toBe(SUBSCRIBED.length);
		expect(emulator.webhookSubscriptions().map((entry) => entry._id)).toEqual([subscription._id]);
		expect((await emulator.deliver('call.missed')).map((delivery) => delivery.status)).toEqual([200]);
		await session.waitForExecutions(TRIGGER_WORKFLOW, SUBSCRIBED.length + 2);
	});

	test('n8n’s log shows no error loading the package and never a key', () => {
		const log = n8n.serverLog();
		expect(log).not.toMatch(/n8n-nodes-chatdash[^\n]*(error|fail)/i);
		expectNoKeyIn(log);
	});
});
