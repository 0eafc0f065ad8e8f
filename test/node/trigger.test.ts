/**
 * The ChatDash Trigger in n8n-core's real HookContext / WebhookContext, over real HTTP to the
 * emulated Webhook Subscriptions (test/emulator/webhook-subscriptions.js).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { REDIRECT_TEST_MESSAGE } from '../../credentials/ChatDashApi.credentials';
import { CLIENT_CREDENTIAL_TEST_MESSAGES, ChatDashClientApi } from '../../credentials/ChatDashClientApi.credentials';
import { isUnreachableFromInternet, subscriptionReadyMessage } from '../../nodes/ChatDashTrigger/subscription';
import { startEmulator } from '../emulator/chatdash-emulator';
import { installRecordingLogger, logged, triggerWorkflow, type TriggerSetup } from '../helpers/trigger-harness';

const CLIENT_KEY = 'CD.CL.client-key-Hq83Zt1';
const AGENCY_KEY = 'cd_agency_key_Pp20';
const CLIENT_ID = 'client_1';
const AGENT = 'agent_42';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeAll(() => installRecordingLogger());

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
	logged.splice(0, logged.length);
});

afterEach(async () => {
	await emulator.close();
});

function setup(overrides: Partial<TriggerSetup> & { events?: string[]; agentId?: string; apiKey?: string } = {}): TriggerSetup {
	return {
		parameters: { agentId: overrides.agentId ?? AGENT, events: overrides.events ?? ['call.ended', 'call.missed'] },
		credentials: { apiKey: overrides.apiKey ?? CLIENT_KEY, clientId: CLIENT_ID, baseUrl: emulator.baseUrl },
		webhookBase: overrides.webhookBase,
	};
}

const calls = () => emulator.requests.map((request) => `${request.method} ${request.rawPath.replace('/v1/public', '')}`);

describe('publish (checkExists → create)', () => {
	test('nothing in ChatDash yet: lists, then creates one subscription for the production URL with the node’s events', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		expect(calls()).toEqual([`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`, 'POST /webhooks/subscriptions']);
		const post = emulator.requests[1];
		expect(post.json).toEqual({ clientId: CLIENT_ID, agentId: AGENT, webhookUrl: wf.productionUrl, events: ['call.ended', 'call.missed'] });
		expect(emulator.requests.map((request) => request.headers.authorization)).toEqual([CLIENT_KEY, CLIENT_KEY]);
		const [subscription] = emulator.webhookSubscriptions();
		expect(wf.staticData()).toEqual({ subscriptionId: subscription._id, webhookUrl: wf.productionUrl, agentId: AGENT });
		expect(logged.filter((entry) => entry.level === 'warn')).toEqual([]);
		// Logged once ChatDash delivers: what users (and the real-n8n suites) wait for.
		expect(logged.filter((entry) => entry.level === 'info').map((entry) => entry.message)).toEqual([
			subscriptionReadyMessage(subscription._id, wf.productionUrl, AGENT, ['call.ended', 'call.missed']),
		]);
		expect(subscriptionReadyMessage(subscription._id, wf.productionUrl, AGENT, ['call.ended', 'call.missed'])).toBe(
			`ChatDash Trigger: webhook subscription ${subscription._id} is ready: ChatDash delivers call.ended, call.missed of agent ${AGENT} to ${wf.productionUrl}`,
		);
	});

	test('published again with its static data: found by ID, nothing created or changed', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		emulator.clearRequests();
		await wf.register({ activation: 'init' });
		const id = emulator.webhookSubscriptions()[0]._id;
		expect(calls()).toEqual([`GET /webhooks/subscriptions/${id}`]);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
	});

	test('without static data (fresh database, test listen): found by webhook URL and agent, not created twice', async () => {
		await triggerWorkflow(setup()).register();
		emulator.clearRequests();
		const fresh = triggerWorkflow(setup());
		expect(await fresh.checkExists()).toBe(true);
		expect(calls()).toEqual([`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`]);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
		expect(fresh.staticData().subscriptionId).toBe(emulator.webhookSubscriptions()[0]._id);
	});

	test('a subscription for the same URL but another agent, or the same agent but another URL, is not this node’s', async () => {
		const wf = triggerWorkflow(setup());
		emulator.seedWebhookSubscriptions([
			{ _id: 'other-agent', agentId: 'agent_7', webhookUrl: wf.productionUrl, events: ['call.ended', 'call.missed'] },
			{ _id: 'other-url', agentId: AGENT, webhookUrl: 'https://elsewhere.example.com/hook', events: ['call.ended'] },
		]);
		await wf.register();
		expect(emulator.webhookSubscriptions().map((entry) => entry._id)).toEqual(['other-agent', 'other-url', expect.any(String)]);
		expect(wf.staticData().subscriptionId).not.toMatch(/^other-/);
		expect(emulator.webhookSubscription('other-agent')?.events).toEqual(['call.ended', 'call.missed']);
	});

	test('events changed in the node: brought in line with one PUT …/events (add and remove)', async () => {
		const wf = triggerWorkflow(setup());
		emulator.seedWebhookSubscriptions([
			{ _id: 'sub1', agentId: AGENT, webhookUrl: wf.productionUrl, events: ['call.started', 'call.ended'] },
		]);
		await wf.register();
		expect(calls()).toEqual([`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`, 'PUT /webhooks/subscriptions/sub1/events']);
		expect(emulator.requests[1].json).toEqual({ add: ['call.missed'], remove: ['call.started'] });
		expect(emulator.webhookSubscription('sub1')?.events.sort()).toEqual(['call.ended', 'call.missed']);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
	});

	test('only additions: the PUT carries only `add`', async () => {
		const wf = triggerWorkflow(setup({ events: ['call.ended', 'call.inbound'] }));
		emulator.seedWebhookSubscriptions([{ _id: 'sub1', agentId: AGENT, webhookUrl: wf.productionUrl, events: ['call.ended'] }]);
		await wf.register();
		expect(emulator.requests[1].json).toEqual({ add: ['call.inbound'] });
	});

	test('the remembered subscription vanished in ChatDash (404): re-created, the new ID remembered', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		const oldId = wf.staticData().subscriptionId as string;
		emulator.removeWebhookSubscription(oldId);
		emulator.clearRequests();
		await wf.register({ activation: 'init' });
		expect(calls()).toEqual([
			`GET /webhooks/subscriptions/${oldId}`,
			`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`,
			'POST /webhooks/subscriptions',
		]);
		const [subscription] = emulator.webhookSubscriptions();
		expect(subscription._id).not.toBe(oldId);
		expect(wf.staticData().subscriptionId).toBe(subscription._id);
	});

	test('the agent changed in the node: the remembered subscription is not reused for the new agent', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		const oldId = wf.staticData().subscriptionId;
		wf.node.parameters.agentId = 'agent_99';
		await wf.register({ activation: 'update' });
		const subscriptions = emulator.webhookSubscriptions();
		expect(subscriptions.map((entry) => entry.agentId)).toEqual([AGENT, 'agent_99']);
		expect(wf.staticData().subscriptionId).not.toBe(oldId);
	});

	test('a test listen creates its subscription for the test URL, and the next listen reuses it', async () => {
		const first = triggerWorkflow(setup());
		await first.register({ isTest: true, activation: 'manual' });
		expect(emulator.webhookSubscriptions().map((entry) => entry.webhookUrl)).toEqual([first.testUrl]);
		await first.delete({ isTest: true, activation: 'manual' });
		expect(emulator.webhookSubscriptions()[0].events).toEqual([]);
		const second = triggerWorkflow(setup());
		emulator.clearRequests();
		await second.register({ isTest: true, activation: 'manual' });
		expect(calls()).toEqual([
			`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`,
			`PUT /webhooks/subscriptions/${emulator.webhookSubscriptions()[0]._id}/events`,
		]);
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
		expect(emulator.webhookSubscriptions()[0].events.sort()).toEqual(['call.ended', 'call.missed']);
	});

	test.each([
		['http://127.0.0.1:5678', true],
		['http://localhost:5678', true],
		['http://192.168.1.20:5678', true],
		['http://10.0.0.5', true],
		['https://n8n.example.com', false],
	])('webhook base %s: warning in n8n’s log about WEBHOOK_URL = %s, and the subscription is still created', async (base, warns) => {
		const wf = triggerWorkflow(setup({ webhookBase: base }));
		await wf.register();
		const warnings = logged.filter((entry) => entry.level === 'warn');
		if (warns) {
			expect(warnings).toHaveLength(1);
			expect(warnings[0].message).toContain(wf.productionUrl);
			expect(warnings[0].message).toMatch(/ChatDash's servers cannot reach/);
			expect(warnings[0].message).toContain('WEBHOOK_URL');
		} else {
			expect(warnings).toEqual([]);
		}
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
	});

	test('isUnreachableFromInternet', () => {
		expect(['http://[::1]:5678/x', 'http://172.16.0.1/x', 'http://169.254.1.1/', 'http://n8n.local/x', 'http://[fd00::1]/'].map(isUnreachableFromInternet)).toEqual([
			true,
			true,
			true,
			true,
			true,
		]);
		expect(['http://172.32.0.1/x', 'https://8.8.8.8/', 'https://hooks.example.org/'].map(isUnreachableFromInternet)).toEqual([false, false, false]);
	});
});

describe('refusals', () => {
	test('the agency key instead of the client key: 401, the error says which key is wanted and never shows the key', async () => {
		const wf = triggerWorkflow(setup({ apiKey: AGENCY_KEY }));
		const error = await wf.register().then(
			() => undefined,
			(reason: Error & { description?: string }) => reason,
		);
		// The node's wording for a rejected key, after the step the trigger was taking.
		expect(error?.message).toBe(`Could not list the webhook subscriptions of client "${CLIENT_ID}": ChatDash rejected the API key (HTTP 401)`);
		expect(error?.description).toMatch(/^Check the Client API Key in the 'ChatDash Client API' credential:/);
		expect(error?.description).toMatch(/client API key \(starts with CD\.CL\.\), not the agency key/);
		expect(JSON.stringify(error)).not.toContain(AGENCY_KEY);
		expect(emulator.webhookSubscriptions()).toEqual([]);
		expect(JSON.stringify(logged)).not.toContain(AGENCY_KEY);
	});

	test('create refused (403, a Client ID the key does not belong to): the error names the step, nothing remembered', async () => {
		await emulator.close();
		emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: 'client_other' });
		const wrongClient = triggerWorkflow({ ...setup(), credentials: { apiKey: CLIENT_KEY, clientId: CLIENT_ID, baseUrl: emulator.baseUrl } });
		await expect(wrongClient.create()).rejects.toThrow('Could not create the webhook subscription: ChatDash rejected the API key (HTTP 403)');
		expect(wrongClient.staticData()).toEqual({});
	});

	test('no Agent ID or no event: refused before anything is sent', async () => {
		await expect(triggerWorkflow(setup({ agentId: '  ' })).register()).rejects.toThrow('Enter an Agent ID');
		await expect(triggerWorkflow(setup({ events: [] })).register()).rejects.toThrow('Select at least one event');
		expect(emulator.requests).toEqual([]);
	});

	test('a redirect is reported, not followed: the client key never goes to the address it names', async () => {
		const elsewhere = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
		try {
			const location = `${elsewhere.baseUrl}/webhooks/subscriptions`;
			emulator.addFault({ status: 308, body: '', headers: { location } });
			const error = await triggerWorkflow(setup()).register().then(
				() => undefined,
				(reason: Error & { description?: string }) => reason,
			);
			expect(error?.message).toBe(`ChatDash answered with a redirect (HTTP 308) to ${location}`);
			expect(error?.description).toContain("Check the Base URL in the 'ChatDash Client API' credential");
			expect(emulator.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
			expect(elsewhere.webhookSubscriptions()).toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});

	test('ChatDash unreachable: the error names the Base URL, not the key', async () => {
		const base = emulator.baseUrl;
		await emulator.close();
		const wf = triggerWorkflow(setup());
		const error = await wf.register().then(
			() => undefined,
			(reason: Error) => reason,
		);
		expect(error?.message).toBe(`Could not reach ChatDash at ${base}`);
		expect(JSON.stringify(error)).not.toContain(CLIENT_KEY);
		emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
	});
});

describe('unpublish (delete)', () => {
	test('removes all events of the subscription (ChatDash has no delete) and forgets it; publishing again reuses it', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		const id = wf.staticData().subscriptionId as string;
		emulator.clearRequests();
		expect(await wf.delete()).toBe(true);
		expect(calls()).toEqual([`GET /webhooks/subscriptions/${id}`, `PUT /webhooks/subscriptions/${id}/events`]);
		expect(emulator.requests[1].json).toEqual({ remove: ['call.ended', 'call.missed'] });
		expect(emulator.webhookSubscription(id)?.events).toEqual([]);
		expect(wf.staticData()).toEqual({});

		emulator.clearRequests();
		await wf.register();
		expect(calls()).toEqual([`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`, `PUT /webhooks/subscriptions/${id}/events`]);
		expect(emulator.requests[1].json).toEqual({ add: ['call.ended', 'call.missed'] });
		expect(emulator.webhookSubscriptions()).toHaveLength(1);
		expect(wf.staticData().subscriptionId).toBe(id);
	});

	test('ChatDash refuses an empty event list: a warning in n8n’s log says so, delete answers false', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		emulator.setRefuseEmptyEvents(true);
		expect(await wf.delete()).toBe(false);
		const warnings = logged.filter((entry) => entry.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].message).toMatch(/refused to remove the last events \(call\.ended, call\.missed\).*HTTP 400.*no way to delete a subscription/);
	});

	test('the subscription already vanished: nothing to do, no error', async () => {
		const wf = triggerWorkflow(setup());
		await wf.register();
		emulator.removeWebhookSubscription(wf.staticData().subscriptionId as string);
		emulator.clearRequests();
		expect(await wf.delete()).toBe(true);
		expect(calls()).toHaveLength(1);
		expect(wf.staticData()).toEqual({});
	});

	test('without static data: found by URL and agent and emptied; nothing found, nothing sent but the list', async () => {
		await triggerWorkflow(setup()).register();
		expect(await triggerWorkflow(setup()).delete()).toBe(true);
		expect(emulator.webhookSubscriptions()[0].events).toEqual([]);
		await emulator.close();
		emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
		expect(await triggerWorkflow(setup()).delete()).toBe(true);
		expect(calls()).toEqual([`GET /webhooks/subscriptions?clientId=${CLIENT_ID}`]);
	});

	test('a server error while emptying is thrown, not swallowed', async () => {
		const wf = triggerWorkflow(setup());
		emulator.seedWebhookSubscriptions([{ _id: 'sub1', agentId: AGENT, webhookUrl: wf.productionUrl, events: ['call.ended'] }]);
		Object.assign(wf.staticData(), { subscriptionId: 'sub1', webhookUrl: wf.productionUrl, agentId: AGENT });
		await emulator.close();
		await expect(wf.delete()).rejects.toThrow(/Could not reach ChatDash/);
		emulator = await startEmulator({ apiKey: AGENCY_KEY, clientApiKey: CLIENT_KEY, clientId: CLIENT_ID });
	});
});

describe('deliveries (webhook())', () => {
	const events = ['call.ended', 'call.missed', 'call.inbound'];

	test.each(['call.ended', 'call.missed', 'call.inbound'])('%s (selected): one item, the payload as sent, `event` at the top level', async (event) => {
		const wf = triggerWorkflow(setup({ events }));
		const payload = emulator.sampleEvent(event);
		const { result, response } = await wf.receive(payload);
		expect(response).toEqual({ ended: false });
		expect(result.workflowData).toEqual([[{ json: payload }]]);
		expect(result.workflowData![0][0].json.event).toBe(event);
	});

	test('call.inbound keeps its flat shape', async () => {
		const wf = triggerWorkflow(setup({ events }));
		const { result } = await wf.receive(emulator.sampleEvent('call.inbound'));
		expect(result.workflowData![0][0].json).toEqual({ event: 'call.inbound', agentNumber: '+12137771234', customerNumber: '+12137771235' });
	});

	test('an event the node is not set to starts nothing (n8n answers 200)', async () => {
		const wf = triggerWorkflow(setup({ events }));
		const { result, response } = await wf.receive(emulator.sampleEvent('call.started'));
		expect(result).toEqual({});
		expect(response).toEqual({ ended: false });
	});

	test.each([
		['an array', [{ event: 'call.ended' }]],
		['a string', 'call.ended'],
		['null', null],
		['a number', 42],
		['an object without event', { conversation: {} }],
	])('a body that is %s: 400, nothing started', async (_label, body) => {
		const wf = triggerWorkflow(setup({ events }));
		const { result, response } = await wf.receive(body);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(400);
		expect(response.ended).toBe(true);
		expect(result.workflowData).toBeUndefined();
	});

	test('payloads (phone numbers) are never logged at info level or above', async () => {
		const wf = triggerWorkflow(setup({ events }));
		for (const event of ['call.ended', 'call.started', 'call.inbound']) await wf.receive(emulator.sampleEvent(event));
		await wf.receive([1]);
		const visible = logged.filter((entry) => entry.level !== 'debug');
		expect(JSON.stringify(visible)).not.toContain('+1213777');
	});
});

describe('emulator and credential', () => {
	test('the emulator refuses the agency key with 401 on every subscription endpoint', async () => {
		const headers = { authorization: AGENCY_KEY, 'content-type': 'application/json' };
		const statuses = await Promise.all([
			fetch(`${emulator.baseUrl}/webhooks/subscriptions?clientId=${CLIENT_ID}`, { headers }),
			fetch(`${emulator.baseUrl}/webhooks/subscriptions/x`, { headers }),
			fetch(`${emulator.baseUrl}/webhooks/subscriptions`, { method: 'POST', headers, body: '{}' }),
			fetch(`${emulator.baseUrl}/webhooks/subscriptions/x/events`, { method: 'PUT', headers, body: '{}' }),
		]).then((responses) => responses.map((response) => response.status));
		expect(statuses).toEqual([401, 401, 401, 401]);
	});

	test('the credential tests with GET /webhooks/subscriptions?clientId=…; a 401 says to use the client key', async () => {
		const credential = new ChatDashClientApi();
		expect(credential.test.request).toMatchObject({ url: '/webhooks/subscriptions', method: 'GET', qs: { clientId: '={{$credentials.clientId}}' } });
		const rule401 = credential.test.rules?.find((rule) => rule.type === 'responseCode' && rule.properties.value === 401);
		expect(rule401?.properties.message).toBe(CLIENT_CREDENTIAL_TEST_MESSAGES.keyRejected);
		expect(CLIENT_CREDENTIAL_TEST_MESSAGES.keyRejected).toMatch(/use the client API key \(starts with CD\.CL\.\), not the agency key/);
		// A redirect is not followed, as in the trigger's own requests.
		expect(credential.test.request.disableFollowRedirect).toBe(true);
		const rule308 = credential.test.rules?.find((rule) => rule.type === 'responseCode' && rule.properties.value === 308);
		expect(rule308?.properties.message).toBe(REDIRECT_TEST_MESSAGE);
		const authenticate = credential.authenticate as (credentials: IDataObject, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		const request = await authenticate({ apiKey: CLIENT_KEY }, { url: '', headers: {} });
		expect(request.headers).toEqual({ Authorization: CLIENT_KEY });
	});

	test('deliver() posts the sample to subscribed URLs for subscribed events only', async () => {
		const received: unknown[] = [];
		const http = await import('node:http');
		const server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ url: req.url, body: JSON.parse(body) });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		emulator.seedWebhookSubscriptions([
			{ _id: 'a', webhookUrl: `http://127.0.0.1:${port}/a`, events: ['call.ended'] },
			{ _id: 'b', webhookUrl: `http://127.0.0.1:${port}/b`, events: ['call.missed'] },
		]);
		expect((await emulator.deliver('call.ended')).map((delivery) => [delivery.subscriptionId, delivery.status])).toEqual([['a', 200]]);
		expect(await emulator.deliver('call.started')).toEqual([]);
		expect(received).toEqual([{ url: '/a', body: emulator.sampleEvent('call.ended') }]);
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});
});
