/**
 * The node under its AI-tool type (`n8n-nodes-chatdash.chatDashTool`, the ChatDash Tool an AI Agent
 * or n8n's MCP Server Trigger uses), executed by n8n's real engine against the emulator. An API or
 * validation error is the tool's result (`{ error, details? }`, the same text the node throws
 * elsewhere) rather than an exception, so that an agent's model reads it on every n8n line (n8n
 * 1.x's AI Agent would otherwise end the run). The real agents are in test/e2e/ai-agent.e2e.test.ts
 * (n8n 2.41.1) and test/e2e/n8n-1x.e2e.test.ts (n8n 1.123.x).
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId, requestsSent } from '../helpers/parameters';

const API_KEY = 'cd_agency_tool_Zt8Qm2Lx';
const ACCOUNT = 'acct_tool_engine';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		accounts: { [ACCOUNT]: [{ id: 'SUMMER20', name: 'Summer Sale' }, { id: 'WELCOME10', name: 'Welcome' }] },
	});
});

afterEach(async () => {
	await emulator.close();
});

const credentials = (apiKey = API_KEY) => ({ apiKey, baseUrl: emulator.baseUrl });

const rename = (couponId: string, name = 'Autumn 20'): INodeParameters => ({
	resource: 'coupon',
	operation: 'update',
	accountId: ACCOUNT,
	couponId: byId(couponId),
	name,
});

/** The same node and input, once as the ChatDash node and once as the ChatDash Tool. */
async function bothWays(parameters: INodeParameters, items = [{}], apiKey = API_KEY) {
	const asNode = await runChatDashNode({ items, parameters, credentials: credentials(apiKey) });
	const asTool = await runChatDashNode({ items, parameters, credentials: credentials(apiKey), asTool: true });
	return { asNode, asTool };
}

test('a 404 is the tool result, with the text the node throws elsewhere; the run succeeds', async () => {
	const { asNode, asTool } = await bothWays(rename('NOPE'));
	const message = `Coupon "NOPE" was not found in connected account "${ACCOUNT}"`;

	expect(asNode.error?.message).toBe(message);
	expect(asNode.run.status).toBe('error');

	expect(asTool.error).toBeUndefined();
	expect(asTool.run.status).toBe('success');
	expect(asTool.output).toHaveLength(1);
	expect(asTool.output[0].json.error).toBe(message);
	// Only the message, as n8n 2.x's AI Agent passes a thrown error on; the details advise a person.
	expect(asTool.output[0].json).toEqual({ error: message });
	expect(asTool.output[0].pairedItem).toEqual({ item: 0 });
	// Both sent the one PUT; nothing was changed.
	expect(requestsSent(emulator)).toEqual([
		['PUT', `/stripe/connect/accounts/${ACCOUNT}/coupons/NOPE`, {}, { data: { name: 'Autumn 20' } }],
		['PUT', `/stripe/connect/accounts/${ACCOUNT}/coupons/NOPE`, {}, { data: { name: 'Autumn 20' } }],
	]);
});

test('a validation error (an empty coupon ID) is the tool result, and nothing is sent', async () => {
	const { asNode, asTool } = await bothWays(rename('  '));

	expect(asNode.error?.message).toMatch(/Coupon/);
	expect(asTool.error).toBeUndefined();
	expect(asTool.output.map((item) => item.json.error)).toEqual([asNode.error?.message]);
	expect(emulator.requests).toHaveLength(0);
});

test('a rejected key is the tool result; the key is not in it', async () => {
	const wrongKey = 'cd_agency_wrong_Kq93Lz';
	const { asNode, asTool } = await bothWays(rename('SUMMER20'), [{}], wrongKey);

	expect(asNode.error).toBeDefined();
	expect(asTool.error).toBeUndefined();
	expect(asTool.output.map((item) => item.json.error)).toEqual([asNode.error?.message]);
	expect(JSON.stringify(asTool.output)).not.toContain(wrongKey);
	expect(JSON.stringify(asTool.output)).not.toContain(API_KEY);
});

test('a bad option is the tool result too, not an exception', async () => {
	const { asNode, asTool } = await bothWays({ ...rename('SUMMER20'), options: { concurrency: 0 } });

	expect(asNode.error?.message).toBe('The Concurrency must be a whole number of 1 or more, not 0');
	expect(asTool.output.map((item) => item.json.error)).toEqual([asNode.error?.message]);
	expect(emulator.requests).toHaveLength(0);
});

test('several items: the failing one is an error item in its place, the others go through', async () => {
	const parameters = rename('={{ $json.couponId }}', '={{ $json.name }}');
	const items = [
		{ couponId: 'SUMMER20', name: 'Autumn 20' },
		{ couponId: 'NOPE', name: 'Ghost' },
		{ couponId: 'WELCOME10', name: 'Hello' },
	];
	const { output, error } = await runChatDashNode({ items, parameters, credentials: credentials(), asTool: true });

	expect(error).toBeUndefined();
	expect(output.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
		['SUMMER20', { item: 0 }],
		[`Coupon "NOPE" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
		['WELCOME10', { item: 2 }],
	]);
	expect(emulator.coupon(ACCOUNT, 'SUMMER20')?.name).toBe('Autumn 20');
	expect(emulator.coupon(ACCOUNT, 'WELCOME10')?.name).toBe('Hello');
});

test('a success is the same as the node’s', async () => {
	const asNode = await runChatDashNode({ items: [{}], parameters: rename('SUMMER20', 'One'), credentials: credentials() });
	const asTool = await runChatDashNode({
		items: [{}],
		parameters: rename('SUMMER20', 'One'),
		credentials: credentials(),
		asTool: true,
	});
	expect(asTool.error).toBeUndefined();
	expect(asTool.output).toEqual(asNode.output);
	expect(asTool.output[0].json).toMatchObject({ id: 'SUMMER20', name: 'One' });
});
