/**
 * The ChatDash Trigger inside a real n8n 2.41.1 (`n8n start`, the package installed from its
 * `npm pack` tarball), with WEBHOOK_URL on loopback and the emulated Webhook Subscriptions:
 * publish → one subscription; each delivery → one execution; restart → still one; unpublish →
 * no events left; publish again → the same subscription; test listens reuse their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createN8nInstance, packPackage } from '../../scripts/lib/n8n-instance';
import { waitUntil } from '../../scripts/lib/wait';
import { startEmulator } from '../emulator/chatdash-emulator';
import {
	RECEIVER_NODE_NAME,
	subscriptionReadyLine,
	TRIGGER_E2E_CREDENTIAL,
	TRIGGER_NODE_NAME,
	triggerToCodeWorkflow,
	waitUntilServing,
} from './trigger-workflows';
import { restSession } from './n8n-rest';

const CLIENT_KEY = 'CD.CL.e2e-client-key-7Jq2';
/** The agency key the emulator's other endpoints take; the trigger never sends it. */
const AGENCY_KEY = 'cd_agency_trigger_e2e_Lm5';
const CLIENT_ID = 'client_e2e';
const AGENT = 'agent_e2e';
const PROD_WORKFLOW = 'e2eTriggerProd';
const PROD_WEBHOOK_ID = '7d1e0c55-8f0a-4e41-9b6f-1a2b3c4d5e01';
const TEST_WORKFLOW = 'e2eTriggerListen';
const TEST_WEBHOOK_ID = '7d1e0c55-8f0a-4e41-9b6f-1a2b3c4d5e02';
const SUBSCRIBED = ['call.ended', 'call.inbound', 'call.missed'];
const INSTALL_TIMEOUT = 30 * 60 * 1000;

type Instance = Awaited<ReturnType<typeof createN8nInstance>>;
type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let workDir: string;
let emulator: Emulator;
let n8n: Instance;
const session = restSession(() => n8n.url(), 'chatdash-trigger-e2e');
const { rest, executionIds, waitForExecutions } = session;
const login = () => session.login();

const progress = (line: string) => process.stderr.write(`[e2e trigger] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const receivedItems = (executionId: string) => session.executionItems(executionId, RECEIVER_NODE_NAME);

/**
 * Waits until the trigger at `url` has finished registering with ChatDash (its "subscription
 * ready" line in n8n's log after `since`). n8n answers its health check, and even serves the
 * webhook URL, before the trigger's calls to ChatDash are done.
 */
function waitForSubscriptionReady(url: string, since: number) {
	return n8n.waitForLog(subscriptionReadyLine(url), { since, what: `the ChatDash Trigger at ${url} to be registered` });
}

async function restart(published = true) {
	const since = n8n.logMark();
	await n8n.stop();
	await n8n.start();
	await login();
	if (published) {
		await waitUntilServing(emulator, prodUrl());
		return;
	}
	await n8n.waitForLog('Editor is now accessible via', { since, what: 'n8n to finish starting' });
	// Unpublished, nothing may register: no state to wait for, so a fixed pause gives n8n's
	// start-up activation pass the time to do something wrong before the test checks it did not.
	await sleep(10_000);
}

const prodUrl = () => `${n8n.url()}/webhook/${PROD_WEBHOOK_ID}/webhook`;
const testUrl = () => `${n8n.url()}/webhook-test/${TEST_WEBHOOK_ID}/webhook`;
const subscriptionsFor = (url: string) => emulator.webhookSubscriptions().filter((entry) => entry.webhookUrl === url);

const eventsOf = (subscriptionId: string) => emulator.webhookSubscription(subscriptionId)?.events.length;

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-trigger-e2e-'));
	emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
	const tarball = await packPackage(workDir);
	n8n = await createN8nInstance({
		tarball,
		log: progress,
		home: path.join(workDir, 'n8n-home'),
		env: (port) => ({ WEBHOOK_URL: `http://127.0.0.1:${port}/` }),
	});
	await n8n.importCredentials([
		{ ...TRIGGER_E2E_CREDENTIAL, type: 'chatDashClientApi', data: { apiKey: CLIENT_KEY, clientId: CLIENT_ID, baseUrl: emulator.baseUrl } },
	]);
	await n8n.importWorkflows([
		triggerToCodeWorkflow(PROD_WORKFLOW, PROD_WEBHOOK_ID, { agentId: AGENT, events: SUBSCRIBED }),
		triggerToCodeWorkflow(TEST_WORKFLOW, TEST_WEBHOOK_ID, { agentId: AGENT, events: ['call.ended'] }),
	]);
	const published = await n8n.cli(['publish:workflow', `--id=${PROD_WORKFLOW}`]);
	expect(published.code).toBe(0);
	await n8n.start();
	await session.login(true);
	await waitForSubscriptionReady(prodUrl(), 0);
}, INSTALL_TIMEOUT);

afterAll(async () => {
	await n8n?.stop();
	await emulator?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a published workflow with ChatDash Trigger → Code', () => {
	test('publishing registered exactly one subscription for <WEBHOOK_URL>webhook/<webhookId>/webhook with the chosen events', () => {
		const subscriptions = emulator.webhookSubscriptions();
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ clientId: CLIENT_ID, agentId: AGENT, webhookUrl: prodUrl() });
		expect([...subscriptions[0].events].sort()).toEqual(SUBSCRIBED);
		const posts = emulator.requests.filter((request) => request.method === 'POST');
		expect(posts.map((request) => request.headers.authorization)).toEqual([CLIENT_KEY]);
		// WEBHOOK_URL is on loopback: n8n's log carries the warning.
		expect(n8n.serverLog()).toMatch(/loopback or private address, which ChatDash's servers cannot reach[^\n]*WEBHOOK_URL/);
	});

	test('each subscribed event → one execution whose output is the payload; an unsubscribed one → none', async () => {
		let expected = 0;
		for (const event of SUBSCRIBED) {
			const deliveries = await emulator.deliver(event);
			expect(deliveries.map((delivery) => [delivery.url, delivery.status])).toEqual([[prodUrl(), 200]]);
			expected++;
			const ids = await waitForExecutions(PROD_WORKFLOW, expected);
			expect(ids).toHaveLength(expected);
			const newest = ids.map(Number).sort((a, b) => b - a)[0];
			expect(await receivedItems(String(newest))).toEqual([emulator.sampleEvent(event)]);
		}
		// Nobody subscribed to call.started: ChatDash sends nothing.
		expect(await emulator.deliver('call.started')).toEqual([]);
		// Sent anyway (e.g. before a change of events reached ChatDash): 200, nothing runs.
		expect((await emulator.postTo(prodUrl(), emulator.sampleEvent('call.started'))).status).toBe(200);
		// Not a JSON object: 400, nothing runs.
		expect((await emulator.postTo(prodUrl(), [1, 2])).status).toBe(400);
		// "Nothing more runs" has no state to wait for: a pause in which a wrong execution would start.
		await sleep(2000);
		expect(await executionIds(PROD_WORKFLOW)).toHaveLength(SUBSCRIBED.length);
		expect(n8n.serverLog()).not.toContain('+12137771235');
	});

	test('restarting n8n keeps exactly one subscription (nothing created)', async () => {
		const postsBefore = emulator.requests.filter((request) => request.method === 'POST').length;
		await restart();
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
		expect(emulator.requests.filter((request) => request.method === 'POST')).toHaveLength(postsBefore);
		expect((await emulator.deliver('call.ended')).map((delivery) => delivery.status)).toEqual([200]);
		expect(await waitForExecutions(PROD_WORKFLOW, SUBSCRIBED.length + 1)).toHaveLength(SUBSCRIBED.length + 1);
	});

	test('unpublishing leaves the subscription with no events, also after a restart; publishing again reuses it', async () => {
		const [subscription] = emulator.webhookSubscriptions();
		expect((await rest('POST', `/rest/workflows/${PROD_WORKFLOW}/deactivate`, {})).status).toBe(200);
		// n8n 2.41 applies (un)publishing through its publication outbox, a moment after the answer.
		await waitUntil(() => eventsOf(subscription._id) === 0, 'the subscription to lose its events', { timeoutMs: 60_000 });
		await restart(false);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
		expect(emulator.webhookSubscription(subscription._id)?.events).toEqual([]);
		expect((await emulator.postTo(prodUrl(), emulator.sampleEvent('call.ended'))).status).toBe(404);

		const workflow = await rest('GET', `/rest/workflows/${PROD_WORKFLOW}`);
		const versionId = workflow.body!.data.versionId as string;
		const since = n8n.logMark();
		const activated = await rest('POST', `/rest/workflows/${PROD_WORKFLOW}/activate`, { versionId });
		expect(activated.status).toBe(200);
		await waitForSubscriptionReady(prodUrl(), since);
		expect(emulator.webhookSubscriptions().map((entry) => entry._id)).toEqual([subscription._id]);
		expect([...emulator.webhookSubscription(subscription._id)!.events].sort()).toEqual(SUBSCRIBED);
		expect((await emulator.deliver('call.missed')).map((delivery) => delivery.status)).toEqual([200]);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
	});
});

describe('listening for a test event in the editor', () => {
	async function listen() {
		const since = n8n.logMark();
		const answer = await rest('POST', `/rest/workflows/${TEST_WORKFLOW}/run`, { triggerToStartFrom: { name: TRIGGER_NODE_NAME } });
		expect(answer.status).toBe(200);
		expect(answer.body!.data).toEqual({ waitingForWebhook: true });
		await waitForSubscriptionReady(testUrl(), since);
	}

	test('two listens reuse one subscription for the /webhook-test/ URL; each test event empties it afterwards', async () => {
		await listen();
		expect(subscriptionsFor(testUrl())).toHaveLength(1);
		const [subscription] = subscriptionsFor(testUrl());
		expect(subscription.events).toEqual(['call.ended']);

		expect((await emulator.deliver('call.ended', { only: [testUrl()] })).map((delivery) => delivery.status)).toEqual([200]);
		await waitUntil(() => eventsOf(subscription._id) === 0, 'the test subscription to lose its events after the test event');
		expect(emulator.webhookSubscription(subscription._id)?.events).toEqual([]);

		await listen();
		expect(subscriptionsFor(testUrl()).map((entry) => entry._id)).toEqual([subscription._id]);
		expect(emulator.webhookSubscription(subscription._id)?.events).toEqual(['call.ended']);
		expect((await emulator.deliver('call.ended', { only: [testUrl()] })).map((delivery) => delivery.status)).toEqual([200]);
		await waitUntil(() => eventsOf(subscription._id) === 0, 'the test subscription to lose its events after the test event');
		expect(emulator.webhookSubscription(subscription._id)?.events).toEqual([]);
		expect(emulator.webhookSubscriptions()).toHaveLength(2);
	});

	test('n8n’s log never shows the client key', () => {
		expect(n8n.serverLog()).not.toContain(CLIENT_KEY);
	});
});
