/**
 * Hostile input for every ID field beyond Coupon → Update's (which hostile-input.test.ts covers
 * with the name field): each of the shared hostile values, given through an expression, is sent as
 * exactly one path segment, in its place in the operation's path, or refused with a message naming
 * the field; nothing ever reaches another path. The table grows by one row per ID field.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { idCases } from '../helpers/hostile-values';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_hostile_ids_Q7';
const ACCOUNT = 'acct_hostile';
const AGENT = 'agent_hostile';
const CLIENT = 'client_hostile';
const HOSTILE = '={{ $json.value }}';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ apiKey: API_KEY, stripe: { [ACCOUNT]: {} } });
});

afterAll(async () => {
	await emulator.close();
});

beforeEach(() => emulator.clearRequests());

/**
 * One ID field: the operation that reads it, its other parameters, and where the ID goes:
 * `path` is the expected path with `*` where the hostile segment stands.
 */
interface IdField {
	field: string;
	label: string;
	parameters: INodeParameters;
	method: string;
	path: string[];
}

const stripe = (...rest: string[]) => ['stripe', 'connect', 'accounts', ACCOUNT, ...rest];

const fields: IdField[] = [
	{ field: 'productId', label: 'Product', method: 'GET', path: stripe('products', '*'), parameters: { resource: 'product', operation: 'get', accountId: ACCOUNT, productId: byId(HOSTILE) } },
	{
		field: 'subscriptionId',
		label: 'Subscription',
		method: 'GET',
		path: stripe('subscriptions', '*'),
		parameters: { resource: 'subscription', operation: 'get', accountId: ACCOUNT, subscriptionId: byId(HOSTILE) },
	},
	{
		field: 'subscriptionId (Delete)',
		label: 'Subscription',
		method: 'DELETE',
		path: stripe('subscriptions', '*'),
		parameters: { resource: 'subscription', operation: 'delete', accountId: ACCOUNT, subscriptionId: byId(HOSTILE) },
	},
	{ field: 'invoiceId', label: 'Invoice ID', method: 'GET', path: stripe('invoices', '*'), parameters: { resource: 'invoice', operation: 'get', accountId: ACCOUNT, invoiceId: HOSTILE } },
	{
		field: 'transactionId',
		label: 'Transaction',
		method: 'GET',
		path: stripe('transactions', '*'),
		parameters: { resource: 'transaction', operation: 'get', accountId: ACCOUNT, transactionId: byId(HOSTILE) },
	},
	{ field: 'clientId', label: 'Client', method: 'GET', path: ['clients', '*'], parameters: { resource: 'client', operation: 'get', clientId: byId(HOSTILE) } },
	{
		field: 'memberId',
		label: 'Member',
		method: 'PUT',
		path: ['clients', CLIENT, 'members', '*'],
		parameters: { resource: 'clientMember', operation: 'update', clientId: byId(CLIENT), memberId: byId(HOSTILE), updateFields: { name: 'New name' } },
	},
	{ field: 'agentId', label: 'Agent', method: 'GET', path: ['agents', '*'], parameters: { resource: 'agent', operation: 'get', agentId: byId(HOSTILE) } },
	{
		field: 'agentId (Lead Tag → Create)',
		label: 'Agent',
		method: 'POST',
		path: ['agents', '*', 'leads', 'tags'],
		parameters: { resource: 'leadTag', operation: 'create', agentId: byId(HOSTILE), label: 'Hot' },
	},
	{
		field: 'conversationId',
		label: 'Conversation ID',
		method: 'GET',
		path: ['agents', AGENT, 'conversations', '*'],
		parameters: { resource: 'conversation', operation: 'get', agentId: byId(AGENT), conversationId: HOSTILE },
	},
	{
		field: 'leadId',
		label: 'Lead ID',
		method: 'PUT',
		path: ['agents', AGENT, 'leads', '*'],
		parameters: { resource: 'lead', operation: 'update', agentId: byId(AGENT), leadId: HOSTILE, updateFields: { phone: '+15550100' } },
	},
	{
		field: 'tagId',
		label: 'Tag',
		method: 'PUT',
		path: ['agents', AGENT, 'leads', 'tags', '*'],
		parameters: { resource: 'leadTag', operation: 'update', agentId: byId(AGENT), tagId: byId(HOSTILE), label: 'Hot' },
	},
];

test(`the suite covers every ID field with ${idCases.length} inputs`, () => {
	expect(idCases.length).toBeGreaterThanOrEqual(30);
	expect(fields.length).toBeGreaterThanOrEqual(12);
});

test.each(fields.map((entry) => [entry.field, entry] as const))(
	'%s: each input is one exact path segment in its place, or refused by name',
	async (_name, { label, parameters, method, path }) => {
		const { output, error, run } = await runChatDashNode({
			items: idCases.map(([value]) => ({ value })) as IDataObject[],
			parameters: { ...parameters, options: { maxAttempts: 1 } },
			credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
			onError: 'continueRegularOutput',
		});
		expect(error).toBeUndefined();
		expect(JSON.stringify(run)).not.toContain(API_KEY);
		expect(output).toHaveLength(idCases.length);

		const position = path.indexOf('*');
		const accepted = idCases.filter(([, expectation]) => 'segment' in expectation);
		expect(emulator.requests).toHaveLength(accepted.length);
		for (const request of emulator.requests) {
			expect(request.method).toBe(method);
			expect(request.rawPath).not.toMatch(/[#]/);
			expect(request.segments).toHaveLength(path.length);
			expect(request.segments.map((segment, index) => (index === position ? '*' : segment))).toEqual(path);
		}
		const sentSegments = emulator.requests.map((request) => request.segments[position]).sort();
		expect(sentSegments).toEqual(accepted.map(([, expectation]) => (expectation as { segment: string }).segment).sort());

		idCases.forEach(([value, expectation], index) => {
			expect(output[index].pairedItem).toEqual({ item: index });
			if ('refused' in expectation) {
				expect({ value, error: output[index].json.error }).toEqual({ value, error: `The ${label} ${expectation.refused}` });
			} else {
				// Sent: whatever ChatDash answered (here mostly "not found"), never a refusal of the field.
				expect({ value, refusal: String(output[index].json.error ?? '').startsWith(`The ${label} `) }).toEqual({ value, refusal: false });
			}
		});
	},
);
