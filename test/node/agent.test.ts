/**
 * Agent → Create, Get, Get Many, Update, Assign to Client, Unassign From Client, through n8n's real
 * engine against the emulator: exact requests, output, refusals with nothing sent, 404 wording,
 * the read-back of a create, and the agent platform's secrets (apiKey, platformCredentials) kept
 * out of the output unless Include Platform Credentials is on.
 *
 * Secrets are never printed into a failure message: checks for their absence use
 * `includes(...) === false`, and request bodies that carry them are compared with toEqual against
 * an object built here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner, type RunResult } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'CD.agency0agents0test0key00000000';
const CLIENT_A = '65c000000000000000000a01';
const CLIENT_B = '65c000000000000000000b02';
const AGENT_1 = '65a100000000000000000001';
const AGENT_2 = '65a100000000000000000002';
const AGENT_3 = '65a100000000000000000003';
/** The agent platforms' secrets the seeded agents carry. */
const SEEDED_KEY = 'vf.DialogKey.SEEDED.s3cr3t.0001';
const SEEDED_WORKSPACE_SECRET = 'ws-secret-SEEDED-0002';
/** What a test creates an agent with. */
const NEW_KEY = 'sk-platform-NEW-s3cr3t-0003';
const NEW_CREDENTIAL = 'bp-bot-secret-NEW-0004';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		clients: [
			{ _id: CLIENT_A, name: 'Acme Dental', language: 'en', isSaasClient: false },
			{ _id: CLIENT_B, name: 'Bright Smiles', language: 'en', isSaasClient: false },
		],
		agents: [
			{
				_id: AGENT_1,
				clientId: CLIENT_A,
				name: 'Front Desk',
				platform: 'botpress',
				apiId: 'https://webhook.botpress.cloud/abc',
				apiKey: SEEDED_KEY,
				platformCredentials: { botId: 'bot_1', workspaceId: SEEDED_WORKSPACE_SECRET },
				agentConfig: { usingExternalWidget: true, useImportWebhook: false, isTemplate: false, isSaas: false },
			},
			{ _id: AGENT_2, clientId: null, name: 'Night Line', platform: 'vapi', apiId: 'asst_2', apiKey: SEEDED_KEY },
			{ _id: AGENT_3, clientId: CLIENT_B, name: 'Sales Bot', platform: 'openai', apiId: 'asst_3', apiKey: SEEDED_KEY },
		],
	} as never);
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'agent' });

const withCredentials = { options: { includePlatformCredentials: true } };

/** An agent as the node outputs it by default. */
function withoutSecrets(agent: IDataObject | undefined): IDataObject {
	const { apiKey: _key, platformCredentials: _credentials, ...rest } = agent ?? {};
	return rest;
}

/**
 * Which secrets appear anywhere in the serialized run (output items, error items, errors with their
 * messages, descriptions and stacks). Left out: the node's own configuration (`parameters` of a
 * node object), which n8n keeps with every execution whatever the node does, and which holds
 * what the user typed into the node.
 */
function leaks(result: RunResult, secrets: string[] = [SEEDED_KEY, SEEDED_WORKSPACE_SECRET, NEW_KEY, NEW_CREDENTIAL]): string[] {
	const serialized = JSON.stringify(result.run, function (this: Record<string, unknown>, key, value: unknown) {
		if (key === 'parameters' && typeof this.type === 'string' && 'typeVersion' in this) return undefined;
		return value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value;
	});
	// Only which secret leaked is named (by position), never its text.
	return secrets.flatMap((secret, index) => (serialized.includes(secret) ? [`secret #${index + 1}`] : []));
}

const requestLine = () => emulator.requests.map((request) => `${request.method} ${request.rawPath}`);

describe('Agent → Create', () => {
	const createParameters = (overrides: INodeParameters = {}): INodeParameters => ({
		operation: 'create',
		name: 'Acme Receptionist',
		platform: 'botpress',
		...overrides,
	});

	test('sends every documented field, reads the agents back, outputs the created agent without its secrets', async () => {
		const result = await run(
			createParameters({
				additionalFields: {
					apiId: 'https://webhook.botpress.cloud/new',
					apiKey: NEW_KEY,
					platformCredentials: `{"botId": "bot_9", "workspaceId": "${NEW_CREDENTIAL}"}`,
					usingExternalWidget: true,
					useImportWebhook: false,
					isTemplate: false,
					isSaas: true,
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requestLine()).toEqual(['POST /v1/public/agents', 'GET /v1/public/agents']);
		const expectedBody = {
			name: 'Acme Receptionist',
			platform: 'botpress',
			apiId: 'https://webhook.botpress.cloud/new',
			apiKey: NEW_KEY,
			platformCredentials: { botId: 'bot_9', workspaceId: NEW_CREDENTIAL },
			agentConfig: { usingExternalWidget: true, useImportWebhook: false, isTemplate: false, isSaas: true },
		};
		expect(emulator.requests[0].json).toEqual(expectedBody);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);

		const created = emulator.agents().find((agent) => agent.name === 'Acme Receptionist');
		expect(created?._id).toMatch(/^[0-9a-f]{24}$/);
		expect(result.output).toEqual([{ json: withoutSecrets(created as never), pairedItem: { item: 0 } }]);
		expect(Object.keys(result.output[0].json)).not.toContain('apiKey');
		expect(Object.keys(result.output[0].json)).not.toContain('platformCredentials');
		expect(leaks(result)).toEqual([]);
	});

	test('only name and platform when nothing else is added; agentConfig holds only the flags added', async () => {
		await run(createParameters({ platform: 'n8n' }));
		expect(emulator.requests[0].json).toEqual({ name: 'Acme Receptionist', platform: 'n8n' });
		emulator.clearRequests();
		await run(createParameters({ name: 'Widget Bot', platform: 'openai', additionalFields: { isTemplate: true } }));
		expect(emulator.requests[0].json).toEqual({ name: 'Widget Bot', platform: 'openai', agentConfig: { isTemplate: true } });
	});

	test('with Include Platform Credentials the created agent is output whole', async () => {
		const result = await run(
			createParameters({ additionalFields: { apiKey: NEW_KEY, platformCredentials: { botId: 'b', workspaceId: NEW_CREDENTIAL } }, ...withCredentials }),
		);
		const created = emulator.agents().find((agent) => agent.name === 'Acme Receptionist');
		expect(result.output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		expect(result.output[0].json.apiKey === NEW_KEY).toBe(true);
	});

	test('an agent of the same name on another platform does not make it ambiguous', async () => {
		emulator.seedAgents([{ _id: '65a1000000000000000000aa', name: 'Acme Receptionist', platform: 'vapi' }]);
		const { output } = await run(createParameters());
		const created = emulator.agents().filter((agent) => agent.name === 'Acme Receptionist' && agent.platform === 'botpress');
		expect(created).toHaveLength(1);
		expect(output[0].json).toEqual(withoutSecrets(created[0] as never));
	});

	test('two agents already named so: ChatDash’s message, identified: false and why; nothing but the POST and the GET sent', async () => {
		emulator.seedAgents([
			{ _id: '65a1000000000000000000aa', name: 'Acme Receptionist', platform: 'botpress', apiKey: SEEDED_KEY },
			{ _id: '65a1000000000000000000bb', name: 'Acme Receptionist', platform: 'botpress', apiKey: SEEDED_KEY },
		]);
		const result = await run(createParameters({ additionalFields: { apiKey: NEW_KEY } }));
		expect(result.error).toBeUndefined();
		expect(result.output).toEqual([
			{
				json: {
					message: 'Agent created successfully',
					identified: false,
					whyNotIdentified: 'Created, but 3 records match the botpress agent named "Acme Receptionist"; none was picked, to avoid guessing',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestLine()).toEqual(['POST /v1/public/agents', 'GET /v1/public/agents']);
		expect(leaks(result)).toEqual([]);
	});

	test.each([
		[{ name: '={{ "  " }}' }, 'The Name is empty'],
		[{ platform: '={{ "dialogflow" }}' }, 'The Platform must be one of botpress, custom, elevenlabs, flowise, n8n, openai, retell, vapi, vectorshift, voiceflow, not "dialogflow"'],
		[{ additionalFields: { apiKey: '' } }, 'The API Key is empty'],
		[{ additionalFields: { apiId: '={{ [] }}' } }, 'The API ID must be text, but the expression gave an array'],
		[{ additionalFields: { platformCredentials: `{"workspaceId": "${NEW_CREDENTIAL}"` } }, 'The Platform Credentials must be a JSON object, e.g. {"botId": "…", "workspaceId": "…"}'],
		[{ additionalFields: { platformCredentials: `["${NEW_CREDENTIAL}"]` } }, 'The Platform Credentials must be a JSON object, e.g. {"botId": "…", "workspaceId": "…"}'],
		[{ additionalFields: { isSaas: '={{ "yes" }}' } }, 'The Is SaaS must be true or false, not "yes"'],
		[{ options: { includePlatformCredentials: '={{ "maybe" }}' } }, 'The Include Platform Credentials must be true or false, not "maybe"'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const result = await run(createParameters(overrides as INodeParameters));
		expect(result.error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
		expect(leaks(result)).toEqual([]);
	});

	test('a 503 after sending is not retried (the agent may exist); the error holds no secret', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' } });
		const result = await run(createParameters({ additionalFields: { apiKey: NEW_KEY } }), [{}], 'continueRegularOutput');
		expect(result.output).toEqual([
			{
				json: {
					error: 'ChatDash server error (HTTP 503): An unexpected error occurred',
					details: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(emulator.requests).toHaveLength(1);
		expect(leaks(result)).toEqual([]);
	});
});

describe('Agent → Get', () => {
	test('GET /agents/{agentId}; the agent without apiKey and platformCredentials by default', async () => {
		const result = await run({ operation: 'get', agentId: byId(AGENT_1) });
		expect(result.error).toBeUndefined();
		expect(requestLine()).toEqual([`GET /v1/public/agents/${AGENT_1}`]);
		expect(emulator.requests[0].json).toBeUndefined();
		expect(result.output).toEqual([{ json: withoutSecrets(emulator.agent(AGENT_1) as never), pairedItem: { item: 0 } }]);
		expect(result.output[0].json).toEqual({
			_id: AGENT_1,
			clientId: CLIENT_A,
			name: 'Front Desk',
			platform: 'botpress',
			apiId: 'https://webhook.botpress.cloud/abc',
			agentConfig: { usingExternalWidget: true, useImportWebhook: false, isTemplate: false, isSaas: false },
		});
		expect(leaks(result)).toEqual([]);
	});

	test('with Include Platform Credentials: the agent as ChatDash returns it', async () => {
		const { output } = await run({ operation: 'get', agentId: { __rl: true, mode: 'list', value: AGENT_1 }, ...withCredentials });
		expect(output).toEqual([{ json: emulator.agent(AGENT_1), pairedItem: { item: 0 } }]);
		expect(output[0].json.apiKey === SEEDED_KEY).toBe(true);
	});

	test('an unknown agent: 404 naming it', async () => {
		const { error } = await run({ operation: 'get', agentId: byId('65a1000000000000000000ff') });
		expect(error?.message).toBe('Agent "65a1000000000000000000ff" was not found');
	});

	test.each([
		['={{ "" }}', 'The Agent is empty'],
		['..', 'The Agent cannot be ".."'],
		['={{ {} }}', 'The Agent must be text, but the expression gave an object'],
	])('Agent %j → %s, nothing sent', async (value, message) => {
		const { error } = await run({ operation: 'get', agentId: byId(value) });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an ID with a slash stays one path segment', async () => {
		await run({ operation: 'get', agentId: byId('a/b') }, [{}], 'continueRegularOutput');
		expect(requestLine()).toEqual(['GET /v1/public/agents/a%2Fb']);
	});

	test('expressions over 3 items: ordered, paired; with Continue On Fail a bad item becomes its error item', async () => {
		const items = [{ id: AGENT_3 }, { id: '' }, { id: AGENT_1 }];
		const result = await run({ operation: 'get', agentId: byId('={{ $json.id }}') }, items, 'continueRegularOutput');
		expect(result.output.map((item) => [item.json._id ?? item.json.error, item.pairedItem])).toEqual([
			[AGENT_3, { item: 0 }],
			['The Agent is empty', { item: 1 }],
			[AGENT_1, { item: 2 }],
		]);
		expect(requestLine().sort()).toEqual([`GET /v1/public/agents/${AGENT_1}`, `GET /v1/public/agents/${AGENT_3}`]);
		expect(leaks(result)).toEqual([]);

		emulator.clearRequests();
		const stopped = await run({ operation: 'get', agentId: byId('={{ $json.id }}') }, items);
		expect(stopped.error?.message).toBe('The Agent is empty');
		expect(emulator.requests).toEqual([]);
	});
});

describe('Agent → Get Many', () => {
	const getMany = (overrides: INodeParameters = {}) => ({ operation: 'getAll', returnAll: true, ...overrides });

	test('all agents: one GET /agents without paging parameters, each agent without its secrets', async () => {
		const result = await run(getMany());
		expect(requestLine()).toEqual(['GET /v1/public/agents']);
		expect(emulator.requests[0].query).toEqual({});
		expect(result.output).toEqual(emulator.agents().map((agent) => ({ json: withoutSecrets(agent as never), pairedItem: { item: 0 } })));
		expect(leaks(result)).toEqual([]);
	});

	test('one client’s agents: GET /clients/{clientId}/agents', async () => {
		const { output } = await run(getMany({ filterByClient: true, clientId: byId(CLIENT_A) }));
		expect(requestLine()).toEqual([`GET /v1/public/clients/${CLIENT_A}/agents`]);
		expect(output.map((item) => item.json._id)).toEqual([AGENT_1]);
	});

	test('with Include Platform Credentials: each agent as ChatDash returns it', async () => {
		const { output } = await run(getMany(withCredentials));
		expect(output.map((item) => item.json)).toEqual(emulator.agents());
	});

	test('Limit is applied to the one answer (the docs document no paging); Return All takes all 150', async () => {
		emulator.seedAgents(Array.from({ length: 147 }, (_, i) => ({ _id: `65a2${String(i).padStart(20, '0')}`, name: `Bulk ${i}` })));
		const limited = await run(getMany({ returnAll: false, limit: 10 }));
		expect(limited.output).toHaveLength(10);
		expect(limited.output[9].json.name).toBe('Bulk 6');
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([['/agents', {}]]);

		emulator.clearRequests();
		const all = await run(getMany());
		expect(all.output).toHaveLength(150);
		expect(emulator.requests).toHaveLength(1);
	});

	test('an unknown client: 404 naming it', async () => {
		// Whether the emulator knows the client depends on the clients module; the wording is the node's.
		emulator.addFault({ match: (request) => request.path.endsWith('/agents'), status: 404, body: { error: { type: 'invalid_request_error', message: "No such client: 'nope'" } } });
		const { error } = await run(getMany({ filterByClient: true, clientId: byId('nope') }));
		expect(error?.message).toBe('Client "nope" was not found');
	});

	test.each([
		[{ filterByClient: true, clientId: byId('={{ " " }}') }, 'The Client is empty'],
		[{ returnAll: false, limit: '={{ 0 }}' }, 'The Limit must be a whole number of 1 or more, not 0'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(getMany(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('one input item per client: agents paired with their client’s item, in input order', async () => {
		const { output } = await run(getMany({ filterByClient: true, clientId: byId('={{ $json.client }}') }), [
			{ client: CLIENT_B },
			{ client: CLIENT_A },
			{ client: CLIENT_B },
		]);
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual([
			[AGENT_3, { item: 0 }],
			[AGENT_1, { item: 1 }],
			[AGENT_3, { item: 2 }],
		]);
	});
});

describe('Agent → Update', () => {
	const update = (updateFields: INodeParameters, agentId = AGENT_1): INodeParameters => ({ operation: 'update', agentId: byId(agentId), updateFields });

	test('sends only the fields added; outputs ChatDash’s message; the agent is changed', async () => {
		const result = await run(
			update({
				name: 'Front Desk 2',
				apiId: 'https://webhook.botpress.cloud/v2',
				apiKey: NEW_KEY,
				platformCredentials: { botId: 'bot_2', workspaceId: NEW_CREDENTIAL },
				useImportWebhook: true,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requestLine()).toEqual([`PUT /v1/public/agents/${AGENT_1}`]);
		const expectedBody = {
			name: 'Front Desk 2',
			apiId: 'https://webhook.botpress.cloud/v2',
			apiKey: NEW_KEY,
			platformCredentials: { botId: 'bot_2', workspaceId: NEW_CREDENTIAL },
			agentConfig: { useImportWebhook: true },
		};
		expect(emulator.requests[0].json).toEqual(expectedBody);
		expect(result.output).toEqual([{ json: { message: 'Agent updated successfully' }, pairedItem: { item: 0 } }]);
		const stored = emulator.agent(AGENT_1);
		expect([stored?.name, stored?.agentConfig]).toEqual([
			'Front Desk 2',
			{ usingExternalWidget: true, useImportWebhook: true, isTemplate: false, isSaas: false },
		]);
		expect(stored?.apiKey === NEW_KEY).toBe(true);
		expect(leaks(result)).toEqual([]);
	});

	test('nothing to change: refused naming the fields one can set, nothing sent', async () => {
		const { error } = await run(update({}));
		expect(error?.message).toBe(
			'Nothing to update: add API ID, API Key, Is SaaS, Is Template, Name, Platform Credentials, Use Import Webhook, Using External Widget under Update Fields',
		);
		expect(emulator.requests).toEqual([]);
	});

	test.each([
		[{ name: '' }, 'The Name is empty'],
		[{ platformCredentials: '{oops' }, 'The Platform Credentials must be a JSON object, e.g. {"botId": "…", "workspaceId": "…"}'],
		[{ usingExternalWidget: '={{ 1 }}' }, 'The Using External Widget must be true or false, not 1'],
	])('%j → %s, nothing sent', async (updateFields, message) => {
		const { error } = await run(update(updateFields as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown agent: 404 naming it', async () => {
		const { error } = await run(update({ name: 'x' }, '65a1000000000000000000ff'));
		expect(error?.message).toBe('Agent "65a1000000000000000000ff" was not found');
	});

	test('should ChatDash answer with the agent, its secrets are still left out', async () => {
		emulator.addFault({ status: 200, body: { message: 'Agent updated successfully', agent: undefined, ...emulator.agent(AGENT_1) } });
		const result = await run(update({ name: 'x' }));
		expect(Object.keys(result.output[0].json).sort()).toEqual(['_id', 'agentConfig', 'apiId', 'clientId', 'message', 'name', 'platform']);
		expect(leaks(result)).toEqual([]);
	});

	test('a retried PUT (503 then success) is sent again', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' }, times: 1 });
		const { output } = await run({ ...update({ name: 'Retried' }), options: { maxAttempts: 2 } });
		expect(output[0].json).toEqual({ message: 'Agent updated successfully' });
		expect(emulator.requests).toHaveLength(2);
	});
});

describe('Agent → Assign to Client', () => {
	const assign = (agentIds: unknown, clientId = CLIENT_B) => ({ operation: 'assign', clientId: byId(clientId), agentIds: agentIds as string });

	test('two agents picked by expression: one PUT /agents/assign; visible in Fetch Client Agents', async () => {
		const result = await run(assign('={{ $json.agents }}'), [{ agents: [AGENT_1, AGENT_2] }]);
		expect(result.error).toBeUndefined();
		expect(requestLine()).toEqual(['PUT /v1/public/agents/assign']);
		expect(emulator.requests[0].json).toEqual({ agentIds: [AGENT_1, AGENT_2], clientId: CLIENT_B });
		expect(result.output).toEqual([{ json: { message: 'Agent assigned to client successfully' }, pairedItem: { item: 0 } }]);

		emulator.clearRequests();
		const { output } = await run({ operation: 'getAll', returnAll: true, filterByClient: true, clientId: byId(CLIENT_B) });
		expect(output.map((item) => item.json._id)).toEqual([AGENT_1, AGENT_2, AGENT_3]);
		// "Agents can only be assigned to one client": AGENT_1 left CLIENT_A (the emulator's ASSUMPTION).
		expect(emulator.agent(AGENT_1)?.clientId).toBe(CLIENT_B);
	});

	test.each([
		[` ${AGENT_1} ,\n${AGENT_2}, ${AGENT_1},`, [AGENT_1, AGENT_2]],
		[`["${AGENT_2}"]`, [AGENT_2]],
		[`={{ ["${AGENT_2}", 7] }}`, [AGENT_2, '7']],
	])('the list %j is sent as %j', async (agentIds, expected) => {
		await run(assign(agentIds), [{}], 'continueRegularOutput');
		expect(emulator.requests[0].json).toEqual({ agentIds: expected, clientId: CLIENT_B });
	});

	test.each([
		['={{ "" }}', 'The Agent IDs list is empty: give at least one ID'],
		[' , ', 'The Agent IDs list is empty: give at least one ID'],
		['[]', 'The Agent IDs list is empty: give at least one ID'],
		['={{ [] }}', 'The Agent IDs list is empty: give at least one ID'],
		[`={{ ["${AGENT_1}", " "] }}`, 'The Agent IDs entry 2 is empty'],
		['[not json', 'The Agent IDs must be a JSON array of IDs, e.g. ["id1", "id2"], or IDs separated by commas'],
		['={{ {} }}', 'The Agent IDs must be a list of IDs (text or an array), but the expression gave an object'],
	])('Agent IDs %j → %s, nothing sent', async (agentIds, message) => {
		const { error } = await run(assign(agentIds));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an empty Client is refused, nothing sent', async () => {
		const { error } = await run(assign(AGENT_1, '={{ "" }}'));
		expect(error?.message).toBe('The Client is empty');
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown agent: 404 naming the client and the agents; nothing assigned', async () => {
		const { error } = await run(assign(`${AGENT_2}, 65a1000000000000000000ff`));
		expect(error?.message).toBe(`Client "${CLIENT_B}" or one of the agents "${AGENT_2}", "65a1000000000000000000ff" was not found`);
		expect(emulator.agent(AGENT_2)?.clientId).toBeNull();
	});

	test('Continue On Fail over 3 items: the empty list becomes an error item, the others are sent', async () => {
		const { output } = await run(
			assign('={{ $json.agents }}', '={{ $json.client }}'),
			[
				{ agents: [AGENT_2], client: CLIENT_A },
				{ agents: [], client: CLIENT_A },
				{ agents: AGENT_3, client: CLIENT_A },
			],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			['Agent assigned to client successfully', { item: 0 }],
			['The Agent IDs list is empty: give at least one ID', { item: 1 }],
			['Agent assigned to client successfully', { item: 2 }],
		]);
		expect(emulator.requests.map((request) => request.json).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
			{ agentIds: [AGENT_2], clientId: CLIENT_A },
			{ agentIds: [AGENT_3], clientId: CLIENT_A },
		]);
	});
});

describe('Agent → Unassign From Client', () => {
	const unassign = (agentId: string, clientId: string) => ({ operation: 'unassign', agentId: byId(agentId), clientId: byId(clientId) });

	test('PUT /agents/{agentId}/unassign {"clientId"}; the agent leaves Fetch Client Agents', async () => {
		const result = await run(unassign(AGENT_1, CLIENT_A));
		expect(result.error).toBeUndefined();
		expect(requestLine()).toEqual([`PUT /v1/public/agents/${AGENT_1}/unassign`]);
		expect(emulator.requests[0].json).toEqual({ clientId: CLIENT_A });
		expect(result.output).toEqual([{ json: { message: 'Agent unassigned from client successfully' }, pairedItem: { item: 0 } }]);
		expect(emulator.agent(AGENT_1)?.clientId).toBeNull();

		const { output } = await run({ operation: 'getAll', returnAll: true, filterByClient: true, clientId: byId(CLIENT_A) });
		expect(output).toEqual([]);
	});

	test('an agent not assigned to that client: ChatDash’s own message (emulator ASSUMPTION: 400)', async () => {
		const { error } = await run(unassign(AGENT_3, CLIENT_A));
		expect(error?.message).toBe(`ChatDash rejected the request (HTTP 400): Agent '${AGENT_3}' is not assigned to client '${CLIENT_A}'`);
		expect(emulator.agent(AGENT_3)?.clientId).toBe(CLIENT_B);
	});

	test('an unknown agent: 404 naming the agent and the client', async () => {
		const { error } = await run(unassign('65a1000000000000000000ff', CLIENT_A));
		expect(error?.message).toBe(`Agent "65a1000000000000000000ff" or client "${CLIENT_A}" was not found`);
	});

	test.each([
		[['={{ "" }}', CLIENT_A], 'The Agent is empty'],
		[[AGENT_1, '={{ " " }}'], 'The Client is empty'],
	])('%j → %s, nothing sent', async ([agentId, clientId], message) => {
		const { error } = await run(unassign(agentId, clientId));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('expressions over 3 items: ordered and paired', async () => {
		const { output } = await run(unassign('={{ $json.agent }}', '={{ $json.client }}'), [
			{ agent: AGENT_1, client: CLIENT_A },
			{ agent: AGENT_2, client: CLIENT_A },
			{ agent: AGENT_3, client: CLIENT_B },
		], 'continueRegularOutput');
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			['Agent unassigned from client successfully', { item: 0 }],
			[`ChatDash rejected the request (HTTP 400): Agent '${AGENT_2}' is not assigned to client '${CLIENT_A}'`, { item: 1 }],
			['Agent unassigned from client successfully', { item: 2 }],
		]);
	});
});

describe('Agent and Client pickers (From list)', () => {
	const { searchAgents, searchClients } = new ChatDash().methods.listSearch;
	const context = () =>
		createLoadOptionsContext({ resource: 'agent', operation: 'get' }, { apiKey: API_KEY, baseUrl: emulator.baseUrl }, 'parameters.agentId');

	test('agents: "name (ID)" labels, the ID as value, one GET /agents, no pagination token', async () => {
		const result = await searchAgents.call(context());
		expect(result).toEqual({
			results: [
				{ name: `Front Desk (${AGENT_1})`, value: AGENT_1 },
				{ name: `Night Line (${AGENT_2})`, value: AGENT_2 },
				{ name: `Sales Bot (${AGENT_3})`, value: AGENT_3 },
			],
		});
		expect(requestLine()).toEqual(['GET /v1/public/agents']);
		expect(JSON.stringify(result).includes(SEEDED_KEY)).toBe(false);
	});

	test('agents: filtered by name or ID, case-insensitively', async () => {
		expect((await searchAgents.call(context(), 'night')).results.map((entry) => entry.value)).toEqual([AGENT_2]);
		expect((await searchAgents.call(context(), '0003')).results.map((entry) => entry.value)).toEqual([AGENT_3]);
		expect((await searchAgents.call(context(), 'nothing like it')).results).toEqual([]);
	});

	test('clients (for Client fields): "name (ID)" labels', async () => {
		const result = await searchClients.call(context(), 'bright');
		expect(result.results).toEqual([{ name: `Bright Smiles (${CLIENT_B})`, value: CLIENT_B }]);
	});
});
