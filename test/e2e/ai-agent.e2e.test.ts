/**
 * The ChatDash Tool driven by n8n's AI Agent in a real n8n 2.41.1 (the packed tarball, installed
 * as users install community packages), with n8n's OpenAI Chat Model talking to a scripted
 * OpenAI-compatible stub (test/e2e/openai-stub.js) instead of a model service. The stub answers
 * the agent's first request with a tool call and the follow-up, which carries the tool result,
 * with a final message quoting it. Run after `npm run build`.
 *
 * No environment flag is set: n8n 2.41.1 offers every installed community node that is
 * `usableAsTool` as a tool (the 1.x flag N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE no longer exists).
 *
 * The same n8n then runs (`n8n start`) a published workflow with n8n's MCP Server Trigger and two
 * ChatDash Tools, driven by the official MCP SDK client as an MCP client (a desktop assistant)
 * would: Bearer Auth on the endpoint, the tool list with schemas, a call, an error as a result.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createN8nInstance, packPackage } from '../../scripts/lib/n8n-instance';
import { startEmulator } from '../emulator/chatdash-emulator';
import {
	MCP_BEARER_CREDENTIAL,
	OPENAI_STUB_CREDENTIAL,
	agentWorkflow,
	couponListTool,
	couponUpdateTool,
	mcpServerWorkflow,
} from './ai-workflows';
import { waitUntil } from '../../scripts/lib/wait';
import { agentOutput, quote, toolMessages, toolResults } from './ai-runs';
import { restSession } from './n8n-rest';
import { startOpenAiStub } from './openai-stub';
import { E2E_CREDENTIAL } from './workflows';

const API_KEY = 'cd_agency_ai_e2e_Qm71ZxR4pL';
const OPENAI_KEY = 'sk-stub-not-a-real-key';
const ACCOUNT = 'acct_ai_e2e';
const LIST_ACCOUNT = 'acct_ai_list';
const LIST_COUPONS = Array.from({ length: 40 }, (_, index) => ({ id: `L${String(index).padStart(3, '0')}`, name: `List ${index}` }));
const INSTALL_TIMEOUT = 30 * 60 * 1000;
const MCP_WORKFLOW = 'aiMcpServer';
const MCP_PATH = 'chatdash-coupons';
const MCP_TOKEN = 'mcp-endpoint-token-e2e-5Hw2';

const UPDATE_TOOL_NODE = 'Update a coupon in ChatDash';
const LIST_TOOL_NODE = 'Get many coupons in ChatDash';
/** n8n's tool name is the node's name with every run of other characters than [A-Za-z0-9_-] turned into `_`. */
const UPDATE_TOOL = 'Update_a_coupon_in_ChatDash';
const LIST_TOOL = 'Get_many_coupons_in_ChatDash';

type Instance = Awaited<ReturnType<typeof createN8nInstance>>;
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Stub = Awaited<ReturnType<typeof startOpenAiStub>>;

let workDir: string;
let emulator: Emulator;
let stub: Stub;
let n8n: Instance;

const progress = (line: string) => process.stderr.write(`[e2e ai] ${line}\n`);

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-ai-e2e-'));
	emulator = await startEmulator({
		apiKey: API_KEY,
		accounts: {
			[ACCOUNT]: [
				{ id: 'SUMMER20', name: 'Summer Sale' },
				{ id: 'WELCOME10', name: 'Welcome' },
			],
			[LIST_ACCOUNT]: LIST_COUPONS,
		},
	});
	stub = await startOpenAiStub({
		scripts: {
			'stub-rename': [
				{ toolCalls: [{ name: UPDATE_TOOL, arguments: { couponId: 'SUMMER20', name: 'Autumn 20' } }] },
				{ reply: quote },
			],
			'stub-missing': [
				{ toolCalls: [{ name: UPDATE_TOOL, arguments: { couponId: 'NOPE', name: 'Ghost' } }] },
				{ reply: (results) => `I could not rename it. ${quote(results)}` },
			],
			'stub-list': [{ toolCalls: [{ name: LIST_TOOL, arguments: { limit: 3 } }] }, { reply: quote }],
		},
	});
	const tarball = await packPackage(workDir);
	n8n = await createN8nInstance({ tarball, log: progress, home: path.join(workDir, 'n8n-home') });
	await n8n.importCredentials([
		{ ...E2E_CREDENTIAL, type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
		{ ...OPENAI_STUB_CREDENTIAL, type: 'openAiApi', data: { apiKey: OPENAI_KEY, url: stub.baseUrl } },
		{ ...MCP_BEARER_CREDENTIAL, type: 'httpBearerAuth', data: { token: MCP_TOKEN } },
	]);
	await n8n.importWorkflows([
		agentWorkflow('aiRenameCoupon', {
			model: 'stub-rename',
			prompt: 'Rename the coupon SUMMER20 to "Autumn 20".',
			toolNodeName: UPDATE_TOOL_NODE,
			toolParameters: couponUpdateTool(ACCOUNT),
		}),
		agentWorkflow('aiRenameMissing', {
			model: 'stub-missing',
			prompt: 'Rename the coupon NOPE to "Ghost".',
			toolNodeName: UPDATE_TOOL_NODE,
			toolParameters: couponUpdateTool(ACCOUNT),
		}),
		agentWorkflow('aiListCoupons', {
			model: 'stub-list',
			prompt: 'Show me three coupons.',
			toolNodeName: LIST_TOOL_NODE,
			toolParameters: couponListTool(LIST_ACCOUNT),
		}),
		mcpServerWorkflow(MCP_WORKFLOW, {
			path: MCP_PATH,
			webhookId: '9e2a4c1d-5b6f-4a7e-8c9d-0e1f2a3b4c5d',
			tools: [
				{ name: 'Rename coupon', parameters: couponUpdateTool(ACCOUNT) },
				{ name: 'List coupons', parameters: couponListTool(LIST_ACCOUNT) },
			],
		}),
	]);
	await n8n.activate(MCP_WORKFLOW);
}, INSTALL_TIMEOUT);

afterAll(async () => {
	await n8n?.stop();
	await emulator?.close();
	await stub?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function expectNoChatDashKeyAtTheStub() {
	const everything = JSON.stringify(stub.requests.map((request) => ({ headers: request.headers, raw: request.raw })));
	expect(everything).not.toContain(API_KEY);
}

/** Keeps what n8n sent to the model, for the docs and the report. */
function record(name: string, value: unknown) {
	const folder = process.env.CHATDASH_AI_E2E_RECORD;
	if (folder) writeFileSync(path.join(folder, `${name}.json`), JSON.stringify(value, null, 2));
}

describe('AI Agent → OpenAI Chat Model (scripted stub) → ChatDash Tool', () => {
	test('Coupon → Update: the model’s tool call renames the coupon, the agent quotes the result', async () => {
		const { run, stdout, stderr } = await n8n.execute('aiRenameCoupon');
		expect(run.status).toBe('success');

		// ChatDash received exactly the PUT the scripted call asked for.
		const sent = emulator.requests.filter((request) => request.segments[3] === ACCOUNT);
		expect(sent.map((request) => [request.method, request.rawPath, request.json])).toEqual([
			['PUT', `/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/SUMMER20`, { data: { name: 'Autumn 20' } }],
		]);
		expect(sent[0].headers.authorization).toBe(API_KEY);
		const renamed = emulator.coupon(ACCOUNT, 'SUMMER20');
		expect(renamed?.name).toBe('Autumn 20');

		// The model saw one tool, named after the node, described by the operation's action, with the
		// $fromAI parameters and their descriptions.
		const [first, followUp] = stub.completions('stub-rename');
		expect(stub.completions('stub-rename')).toHaveLength(2);
		record('update-request', first.body);
		expect(first.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
		expect(first.body.tools).toEqual([
			{
				type: 'function',
				function: {
					name: UPDATE_TOOL,
					description: 'Update a coupon in ChatDash',
					parameters: expect.objectContaining({
						type: 'object',
						properties: {
							couponId: { type: 'string', description: 'The ID of the coupon to rename, e.g. SUMMER20' },
							name: { type: 'string', description: 'The new display name of the coupon' },
						},
						required: ['couponId', 'name'],
					}),
					strict: false,
				},
			},
		]);

		// The follow-up carries the tool result: the coupon as ChatDash answered it.
		const [toolMessage] = toolMessages(stub, 'stub-rename');
		expect(toolMessage.tool_call_id).toBeDefined();
		expect(JSON.parse(toolMessage.content)).toEqual([renamed]);
		expect(followUp.body.messages.some((message: { role: string }) => message.role === 'tool')).toBe(true);
		expect(toolResults(run.data.resultData.runData, UPDATE_TOOL_NODE)).toEqual([[renamed]]);

		const output = agentOutput(run.data.resultData.runData);
		expect(output).toBe(quote([JSON.stringify([renamed])]));
		expect(output).toContain('"name":"Autumn 20"');

		expectNoChatDashKeyAtTheStub();
		expect(stdout + stderr).not.toContain(API_KEY);
	});

	test('a call for a missing coupon: the tool result is the clear 404 message and the agent still answers', async () => {
		const before = emulator.requests.length;
		const { run } = await n8n.execute('aiRenameMissing');
		expect(run.status).toBe('success');

		const sent = emulator.requests.slice(before);
		expect(sent.map((request) => [request.method, request.rawPath, request.json])).toEqual([
			['PUT', `/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/NOPE`, { data: { name: 'Ghost' } }],
		]);
		const message = `Coupon "NOPE" was not found in connected account "${ACCOUNT}"`;
		const [toolMessage] = toolMessages(stub, 'stub-missing');
		record('missing-tool-message', toolMessage);
		expect(JSON.parse(toolMessage.content)).toEqual([{ error: message }]);
		expect(toolResults(run.data.resultData.runData, UPDATE_TOOL_NODE)).toEqual([[{ error: message }]]);

		const output = agentOutput(run.data.resultData.runData) as string;
		expect(output).toContain('I could not rename it.');
		expect(output).toContain(JSON.stringify(message).slice(1, -1));
		expect(emulator.coupon(ACCOUNT, 'WELCOME10')?.name).toBe('Welcome');
		expectNoChatDashKeyAtTheStub();
	});

	test('Coupon → Get Many with a limit the model chose: one request with that limit, the coupons as the tool result', async () => {
		const { run } = await n8n.execute('aiListCoupons');
		expect(run.status).toBe('success');

		const sent = emulator.requests.filter((request) => request.segments[3] === LIST_ACCOUNT);
		expect(sent.map((request) => [request.method, request.rawPath, request.query])).toEqual([
			['GET', `/v1/public/stripe/connect/accounts/${LIST_ACCOUNT}/coupons?limit=3`, { limit: '3' }],
		]);

		const [first] = stub.completions('stub-list');
		record('list-request', first.body);
		expect(first.body.tools).toEqual([
			{
				type: 'function',
				function: {
					name: LIST_TOOL,
					description: 'Get many coupons in ChatDash',
					parameters: expect.objectContaining({
						type: 'object',
						properties: { limit: { type: 'number', description: 'How many coupons to return, 1 to 100' } },
						required: ['limit'],
					}),
					strict: false,
				},
			},
		]);

		// The list reaches the model as one JSON array of the coupons, as many as the limit: n8n sends
		// the tool's whole output, the Limit field bounds it.
		const expected = emulator.coupons(LIST_ACCOUNT).slice(0, 3);
		const [toolMessage] = toolMessages(stub, 'stub-list');
		record('list-tool-message', toolMessage);
		expect(JSON.parse(toolMessage.content)).toEqual(expected);
		expect(agentOutput(run.data.resultData.runData)).toBe(quote([JSON.stringify(expected)]));
		expectNoChatDashKeyAtTheStub();
	});
});

describe('MCP Server Trigger (Streamable HTTP, Bearer Auth) → two ChatDash Tools, driven by the MCP SDK client', () => {
	const session = restSession(() => n8n.url(), 'chatdash-mcp-e2e');
	const endpoint = () => new URL(`${n8n.url()}/mcp/${MCP_PATH}`);
	let client: Client;
	/** Everything the MCP client received, to check that the API key is never in it. */
	const received: unknown[] = [];

	beforeAll(async () => {
		await n8n.start();
		await session.login(true);
		// n8n answers /healthz/readiness before it activates published workflows: wait for the endpoint.
		await waitUntil(
			async () => {
				const response = await fetch(endpoint(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
				await response.text();
				return response.status !== 404;
			},
			'the MCP endpoint to be registered',
			{ timeoutMs: 90_000 },
		);
		client = new Client({ name: 'chatdash-e2e-mcp-client', version: '1.0.0' });
		await client.connect(
			new StreamableHTTPClientTransport(endpoint(), { requestInit: { headers: { authorization: `Bearer ${MCP_TOKEN}` } } }),
		);
	}, 3 * 60 * 1000);

	afterAll(async () => {
		await client?.close();
	});

	test('without the token, the endpoint refuses the client', async () => {
		const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
		await expect(anonymous.connect(new StreamableHTTPClientTransport(endpoint()))).rejects.toThrow();
		const wrong = await fetch(endpoint(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: 'Bearer wrong' },
			body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
		});
		expect([401, 403]).toContain(wrong.status);
	});

	test('lists both tools, named after their nodes, described, with the $fromAI parameters as their schemas', async () => {
		const { tools } = await client.listTools();
		received.push(tools);
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		expect(Object.keys(byName).sort()).toEqual(['List_coupons', 'Rename_coupon']);
		expect(byName.Rename_coupon.description).toMatch(/coupon/i);
		expect(byName.List_coupons.description).toMatch(/coupon/i);
		expect(byName.Rename_coupon.inputSchema).toMatchObject({
			type: 'object',
			properties: {
				couponId: { type: 'string', description: 'The ID of the coupon to rename, e.g. SUMMER20' },
				name: { type: 'string', description: 'The new display name of the coupon' },
			},
			required: expect.arrayContaining(['couponId', 'name']),
		});
		expect(byName.List_coupons.inputSchema).toMatchObject({
			properties: { limit: { type: 'number', description: 'How many coupons to return, 1 to 100' } },
		});
	});

	test('a call renames the coupon; the result is the coupon as ChatDash answered it', async () => {
		const before = emulator.requests.length;
		const result = await client.callTool({ name: 'Rename_coupon', arguments: { couponId: 'WELCOME10', name: 'Welcome via MCP' } });
		received.push(result);
		const renamed = emulator.coupon(ACCOUNT, 'WELCOME10');
		expect(renamed?.name).toBe('Welcome via MCP');
		const sent = emulator.requests.slice(before);
		expect(sent.map((request) => [request.method, request.rawPath, request.json, request.headers.authorization])).toEqual([
			['PUT', `/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/WELCOME10`, { data: { name: 'Welcome via MCP' } }, API_KEY],
		]);
		const [content] = result.content as Array<{ type: string; text: string }>;
		expect(content.type).toBe('text');
		expect(content.text).toContain('"name":"Welcome via MCP"');
		expect(result.isError ?? false).toBe(false);
	});

	test('a call for a missing coupon: the clear 404 message comes back as the result', async () => {
		const result = await client.callTool({ name: 'Rename_coupon', arguments: { couponId: 'NOPE', name: 'Ghost' } });
		received.push(result);
		const text = (result.content as Array<{ text: string }>).map((entry) => entry.text).join('\n');
		// The result is the tool's output as JSON text: the message inside it, its quotes escaped.
		expect(text.replace(/\\"/g, '"')).toContain(`Coupon "NOPE" was not found in connected account "${ACCOUNT}"`);
	});

	test('the API key never reaches the MCP client nor n8n’s log', () => {
		expect(JSON.stringify(received)).not.toContain(API_KEY);
		expect(n8n.serverLog()).not.toContain(API_KEY);
	});
});
