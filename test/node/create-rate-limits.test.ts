/**
 * Every create family against a rate limit: a 429 means ChatDash did not apply the request, so the
 * POST is resent (after Retry-After) and exactly one record results; a 5xx may have been applied,
 * so the POST is not resent. Through n8n's real engine against the emulator's scripted faults.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_rate_limits_R4';
const ACCOUNT = 'acct_rate_limits';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
const CONVERSATION = 'conv_rate';
const CLIENT = '6650a1000000000000000301';
const PRODUCT = 'prod_RATE';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		clients: [{ _id: CLIENT, name: 'Acme Dental', language: 'en', isSaasClient: false }],
		agents: [{ _id: AGENT, name: 'Support bot' }],
		agentData: { [AGENT]: { conversations: [{ _id: CONVERSATION, name: 'Alice' }] } },
		accounts: { [ACCOUNT]: [{ id: 'BASE10', name: 'Base', percent_off: 10 }] },
		stripe: { [ACCOUNT]: { products: [{ productId: PRODUCT, productName: 'Setup Fee', pricing: { amount: '10000', currency: 'usd' } }] } },
	} as never);
});

afterEach(async () => {
	await emulator.close();
});

const agent = byId(AGENT);

/** One row per create family: its parameters, and the records of its kind the emulator holds (none for Analyze). */
const families: Array<[string, INodeParameters, ((emulator: Emulator) => unknown[]) | undefined]> = [
	['Client → Create', { resource: 'client', operation: 'create', name: 'Carebridge', language: 'en', memberName: 'Jane', loginId: 'jane', password: 'pw-Rate-1' }, (e) => e.clients()],
	['Client Member → Add', { resource: 'clientMember', operation: 'create', clientId: byId(CLIENT), name: 'Carol', loginId: 'carol', password: 'pw-Rate-2' }, (e) => e.members(CLIENT)],
	['Agent → Create', { resource: 'agent', operation: 'create', name: 'Receptionist', platform: 'botpress' }, (e) => e.agents()],
	['Conversation → Create', { resource: 'conversation', operation: 'create', agentId: agent, additionalFields: { name: 'Once' } }, (e) => e.conversations(AGENT)],
	['Conversation → Analyze', { resource: 'conversation', operation: 'analyze', agentId: agent, conversationId: CONVERSATION, analysis: 'summarize' }, undefined],
	['Message → Add', { resource: 'message', operation: 'add', agentId: agent, conversationId: CONVERSATION, source: 'fields', messages: { message: [{ sender: 'user', text: 'Hi' }] } }, (e) => e.messages(AGENT, CONVERSATION) ?? []],
	['Lead → Create', { resource: 'lead', operation: 'create', agentId: agent, phone: '+14155550123' }, (e) => e.leads(AGENT)],
	['Lead Tag → Create', { resource: 'leadTag', operation: 'create', agentId: agent, label: 'Hot' }, (e) => e.tags(AGENT)],
	['Product → Create', { resource: 'product', operation: 'create', accountId: ACCOUNT, pricingModel: 'base', currency: 'usd' }, (e) => e.products(ACCOUNT)],
	['Coupon → Create', { resource: 'coupon', operation: 'create', accountId: ACCOUNT, name: 'Summer', discountType: 'percentOff', percentOff: 25, duration: 'once' }, (e) => e.coupons(ACCOUNT)],
	['Promotion Code → Create', { resource: 'promotionCode', operation: 'create', accountId: ACCOUNT, couponId: byId('BASE10'), code: 'SUMMER20' }, (e) => e.promotionCodes(ACCOUNT)],
	['Invoice → Create', { resource: 'invoice', operation: 'create', accountId: ACCOUNT, clientId: byId(CLIENT), productId: byId(PRODUCT), collectionMethod: 'send_invoice', daysUntilDue: 30 }, (e) => e.invoices(ACCOUNT)],
	['Subscription → Create', { resource: 'subscription', operation: 'create', accountId: ACCOUNT, clientId: byId(CLIENT), agentIds: AGENT, productId: byId(PRODUCT) }, (e) => e.subscriptions(ACCOUNT)],
];

const run = (parameters: INodeParameters, maxAttempts = 3) =>
	runChatDashNode({
		items: [{ row: 1 }],
		parameters: { ...parameters, options: { maxAttempts } },
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
	});

const posts = () => emulator.requests.filter((request) => request.method === 'POST');

describe.each(families)('%s', (_name, parameters, records) => {
	test('a 429 is resent after Retry-After: exactly one record is created, output paired; a 503 is not resent', async () => {
		const before = records?.(emulator).length ?? 0;
		emulator.addFault({ match: (request) => request.method === 'POST', times: 2, status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': '0' } });
		const { output, error } = await run(parameters);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json.error).toBeUndefined();
		// Three tries of the same POST: two refused, one applied.
		const tries = posts();
		expect(tries.map((request) => [request.status, request.faulted ?? false])).toEqual([
			[429, true],
			[429, true],
			[tries[2].status, false],
		]);
		expect(tries[2].status).toBeLessThan(300);
		expect(new Set(tries.map((request) => `${request.path} ${request.body}`)).size).toBe(1);
		if (records) expect(records(emulator).length).toBe(before + 1);

		// The same create answered 503: it may have been applied, so it is not sent again.
		emulator.clearRequests();
		emulator.addFault({ match: (request) => request.method === 'POST', times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const failed = await run(parameters, 5);
		expect(failed.error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(posts()).toHaveLength(1);
		if (records) expect(records(emulator).length).toBe(before + 1);
	});
});

test('after the last 429 the error gives the wait with its unit and how many tries were made', async () => {
	emulator.addFault({ match: (request) => request.method === 'POST', status: 429, headers: { 'retry-after': '1' } });
	const { error } = await run({ resource: 'lead', operation: 'create', agentId: agent, phone: '+14155550123' }, 2);
	expect(error?.message).toBe('ChatDash rate limit reached (HTTP 429) after 2 attempts');
	expect(error?.description).toContain('ChatDash asked to wait 1 second before retrying.');
	expect(error?.description).toContain('Tried 2 times: HTTP 429, HTTP 429.');
	expect(emulator.leads(AGENT)).toEqual([]);
	const [first, second] = posts();
	expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
});
