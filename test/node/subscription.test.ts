/**
 * The Subscription resource through n8n's real engine against the emulator: Create, Get,
 * Get Many, Get Many by Customer, Update, Delete (incl. a retried Delete whose first try was
 * applied) and the subscription list search.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { subscriptionViews } from '../emulator/stripe-subscriptions';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId, requestsSent } from '../helpers/parameters';

const API_KEY = 'cd_agency_subs_K8';
const ACCOUNT = 'acct_subs';
const BIG = 'acct_subs_big';
const BASE = `/stripe/connect/accounts/${ACCOUNT}/subscriptions`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		stripe: {
			[ACCOUNT]: {
				products: ['prod_ABC123XYZ', 'prod_1', 'prod_2', 'prod_3', 'prod_new', 'prod_x'].map((productId) => ({
					productId,
					productName: `Product ${productId.slice(5)}`,
				})),
				subscriptions: [
					{ id: 'sub_alice', customer: { id: 'cus_alice', email: 'alice@example.com' }, product: { id: 'prod_pro', name: 'Pro Plan' } },
					{ id: 'sub_bob', customer: { id: 'cus_bob', email: 'bob@example.com' }, product: { id: 'prod_lite', name: 'Lite' } },
					{ id: 'sub_bob_old', status: 'canceled', customer: { id: 'cus_bob', email: 'bob@example.com' } },
					{ id: 'sub_sched_carol', customer: { id: 'cus_carol', email: 'carol@example.com' } },
				],
			},
			[BIG]: {
				subscriptions: [
					...ids('sub_A', 237).map((id) => ({ id, customer: { id: 'cus_many', email: 'many@example.com' } })),
					...ids('sub_C', 5).map((id) => ({ id, status: 'canceled' })),
				],
			},
		},
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'subscription', accountId: ACCOUNT });

const sent = () => requestsSent(emulator);
const paired = (output: Array<{ json: Record<string, unknown>; pairedItem?: unknown }>, key = 'id') =>
	output.map((item) => [item.json.error ?? item.json[key], item.pairedItem]);

describe('Subscription → Create', () => {
	const create = (parameters: INodeParameters = {}): INodeParameters => ({
		operation: 'create',
		clientId: byId('64abc123def456789012345a'),
		agentIds: '64abc123def456789012345b',
		productId: byId('prod_ABC123XYZ'),
		...parameters,
	});

	test('the required fields: the documented shape, selectedProduct as an object; outputs the created subscription', async () => {
		const { output, error } = await run(create());
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			[
				'POST',
				BASE,
				{},
				{
					data: {
						clientId: '64abc123def456789012345a',
						agentIds: ['64abc123def456789012345b'],
						selectedProduct: { productId: 'prod_ABC123XYZ' },
					},
				},
			],
		]);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
		const id = output[0].json.id as string;
		expect(id).toMatch(/^sub_\d+$/);
		expect(output).toEqual([{ json: subscriptionViews.create(emulator.subscription(ACCOUNT, id)!), pairedItem: { item: 0 } }]);
	});

	test('every additional field, as in the documented cURL sample (start date as unix seconds)', async () => {
		const { output, error } = await run(
			create({
				agentIds: ' agent_1 , agent_2,, ',
				additionalFields: {
					startDate: '2031-01-31T12:00:00.000Z',
					pricingMetrics: 'minutes',
					couponId: 'SUMMER20',
					taxEnabled: false,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests[0].json).toEqual({
			data: {
				clientId: '64abc123def456789012345a',
				agentIds: ['agent_1', 'agent_2'],
				selectedProduct: {
					productId: 'prod_ABC123XYZ',
					startDate: Date.parse('2031-01-31T12:00:00.000Z') / 1000,
					pricing: { metrics: 'minutes' },
				},
				couponId: 'SUMMER20',
				taxSettings: { enabled: false },
			},
		});
		// A future start date gives a subscription schedule, as in the docs' sample.
		expect(output[0].json).toMatchObject({ type: 'schedule', status: 'not_started', coupon: 'SUMMER20' });
		expect(output[0].json.id).toMatch(/^sub_sched_/);
	});

	test('agent IDs from an expression giving an array', async () => {
		await run(create({ agentIds: '={{ ["a1", "a2", "a3"] }}' }));
		expect((emulator.requests[0].json as { data: { agentIds: string[] } }).data.agentIds).toEqual(['a1', 'a2', 'a3']);
	});

	test.each([
		[{ clientId: byId('={{ "  " }}') }, 'The Client is empty'],
		[{ agentIds: ' , ' }, 'The Agent IDs list is empty: give at least one ID'],
		[{ agentIds: '={{ [{ "id": 1 }] }}' }, 'The Agent IDs entry 1 must be text, but the expression gave an object'],
		[{ productId: byId('={{ " " }}') }, 'The Product is empty'],
		[{ additionalFields: { startDate: 'next tuesday' } }, 'The Start Date must be a date, not "next tuesday"'],
		[{ additionalFields: { taxEnabled: '={{ "maybe" }}' } }, 'The Tax Enabled must be true or false, not "maybe"'],
		[{ accountId: '={{ "" }}' }, 'The Account ID is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(create(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('a product the account does not have: ChatDash’s rejection comes back with its message', async () => {
		const { error } = await run(create({ productId: byId('prod_unknown') }));
		expect(error?.message).toBe("ChatDash rejected the request (HTTP 400): No such product: 'prod_unknown'");
		expect(emulator.subscriptions(ACCOUNT)).toHaveLength(4);
	});

	test('an unknown account → the account is named', async () => {
		const { error } = await run(create({ accountId: 'acct_missing' }));
		expect(error?.message).toBe('Connected account "acct_missing" was not found');
	});

	test('a 503 after sending is NOT retried: the subscription may exist', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run(create({ options: { maxAttempts: 3 } }));
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test('the created subscription shows in Get, Get Many and by customer', async () => {
		const { output } = await run(create({ clientId: byId('client77') }));
		const id = output[0].json.id as string;
		const got = await run({ operation: 'get', subscriptionId: byId(id) });
		expect(got.output[0].json).toMatchObject({ id, customer: 'cus_client77' });
		const many = await run({ operation: 'getAll', returnAll: true });
		expect(many.output.map((item) => item.json.id)).toContain(id);
		const mine = await run({ operation: 'getAllByCustomer', customerId: 'cus_client77', returnAll: true });
		expect(mine.output.map((item) => item.json.id)).toEqual([id]);
	});

	test('expressions over 3 items, paired in order; with Continue On Fail a bad item becomes an error item', async () => {
		const items = [
			{ client: 'c1', agents: 'a1', product: 'prod_1' },
			{ client: '', agents: 'a2', product: 'prod_2' },
			{ client: 'c3', agents: 'a3,a4', product: 'prod_3' },
		];
		const parameters = create({
			clientId: byId('={{ $json.client }}'),
			agentIds: '={{ $json.agents }}',
			productId: byId('={{ $json.product }}'),
		});
		const { output } = await run(parameters, items, 'continueRegularOutput');
		expect(output.map((item) => [item.json.error ?? (item.json.product as { id: string }).id, item.pairedItem])).toEqual([
			['prod_1', { item: 0 }],
			['The Client is empty', { item: 1 }],
			['prod_3', { item: 2 }],
		]);
		expect(emulator.requests.map((request) => (request.json as { data: { clientId: string } }).data.clientId)).toEqual(['c1', 'c3']);
		expect(output[2].json.agents).toBe('a3, a4');
	});
});

describe('Subscription → Get', () => {
	test('sends GET …/subscriptions/{id} and outputs the subscription (customer as an ID)', async () => {
		const { output, error } = await run({ operation: 'get', subscriptionId: byId('sub_alice') });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', `${BASE}/sub_alice`, {}, undefined]]);
		expect(output).toEqual([{ json: subscriptionViews.get(emulator.subscription(ACCOUNT, 'sub_alice')!), pairedItem: { item: 0 } }]);
		expect(output[0].json.customer).toBe('cus_alice');
	});

	test('a 404 names the subscription and the account', async () => {
		const { error } = await run({ operation: 'get', subscriptionId: byId('sub_nope') });
		expect(error?.message).toBe(`Subscription "sub_nope" was not found in connected account "${ACCOUNT}"`);
	});

	test('an empty Subscription is refused before sending', async () => {
		const { error } = await run({ operation: 'get', subscriptionId: byId('  ') });
		expect(error?.message).toBe('The Subscription is empty');
		expect(emulator.requests).toEqual([]);
	});

	test('3 items by expression, paired; Continue On Fail keeps the others', async () => {
		const { output } = await run(
			{ operation: 'get', subscriptionId: byId('={{ $json.sub }}') },
			[{ sub: 'sub_bob' }, { sub: 'sub_nope' }, { sub: 'sub_alice' }],
			'continueRegularOutput',
		);
		expect(paired(output)).toEqual([
			['sub_bob', { item: 0 }],
			[`Subscription "sub_nope" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
			['sub_alice', { item: 2 }],
		]);
	});
});

describe('Subscription → Get Many', () => {
	const getMany = (parameters: INodeParameters, items?: Array<Record<string, unknown>>, onError?: 'continueRegularOutput') =>
		run({ operation: 'getAll', accountId: BIG, ...parameters }, items, onError);

	test('Return All: 237 active subscriptions in pages of 100 following the cursor, status always sent', async () => {
		const { output, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(237);
		expect(output.map((item) => item.json)).toEqual(
			emulator.subscriptions(BIG).filter((s) => s.status === 'active').map(subscriptionViews.list),
		);
		expect(output.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		const path = `/stripe/connect/accounts/${BIG}/subscriptions`;
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', path, { status: 'active', limit: '100' }],
			['GET', path, { status: 'active', limit: '100', starting_after: 'sub_A099' }],
			['GET', path, { status: 'active', limit: '100', starting_after: 'sub_A199' }],
		]);
	});

	test('Limit 10: one request with limit=10', async () => {
		const { output } = await getMany({ returnAll: false, limit: 10 });
		expect(output.map((item) => item.json.id)).toEqual(ids('sub_A', 10));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ status: 'active', limit: '10' }]);
	});

	test('Limit 150: 100 then 50', async () => {
		const { output } = await getMany({ returnAll: false, limit: 150 });
		expect(output).toHaveLength(150);
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ status: 'active', limit: '100' },
			{ status: 'active', limit: '50', starting_after: 'sub_A099' },
		]);
	});

	test('Status filters by one status; Scheduled lists schedules', async () => {
		const canceled = await getMany({ status: 'canceled', returnAll: true });
		expect(canceled.output.map((item) => item.json.id)).toEqual(ids('sub_C', 5));
		expect(emulator.requests[0].query).toEqual({ status: 'canceled', limit: '100' });
		const scheduled = await getMany({ accountId: ACCOUNT, status: 'scheduled', returnAll: true });
		expect(scheduled.output.map((item) => item.json.id)).toEqual(['sub_sched_carol']);
	});

	test('an unknown status from an expression is refused before sending, naming the field', async () => {
		const { error } = await getMany({ status: '={{ "expired" }}', returnAll: true });
		expect(error?.message).toMatch(/^The Status must be one of active, canceled, .*, unpaid, not "expired"$/);
		expect(emulator.requests).toEqual([]);
	});

	test('an invalid Limit is refused before sending', async () => {
		const { error } = await getMany({ returnAll: false, limit: '={{ 0 }}' });
		expect(error?.message).toBe('The Limit must be a whole number of 1 or more, not 0');
		expect(emulator.requests).toEqual([]);
	});

	test('one item per account, paired; an unknown account is an error item with Continue On Fail', async () => {
		const { output } = await getMany(
			{ accountId: '={{ $json.account }}', returnAll: false, limit: 2 },
			[{ account: ACCOUNT }, { account: 'acct_missing' }, { account: BIG }],
			'continueRegularOutput',
		);
		expect(paired(output)).toEqual([
			['sub_alice', { item: 0 }],
			['sub_bob', { item: 0 }],
			['Connected account "acct_missing" was not found', { item: 1 }],
			['sub_A000', { item: 2 }],
			['sub_A001', { item: 2 }],
		]);
	});
});

describe('Subscription → Get Many by Customer', () => {
	const byCustomer = (parameters: INodeParameters, items?: Array<Record<string, unknown>>, onError?: 'continueRegularOutput') =>
		run({ operation: 'getAllByCustomer', returnAll: true, ...parameters }, items, onError);
	const path = `${BASE}/by-customer`;

	test('by Customer ID: only customerId is sent (no limit, no cursor); the customer’s subscriptions', async () => {
		const { output, error } = await byCustomer({ customerId: 'cus_bob' });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', path, { customerId: 'cus_bob' }, undefined]]);
		expect(output).toEqual(
			['sub_bob', 'sub_bob_old'].map((id) => ({ json: subscriptionViews.list(emulator.subscription(ACCOUNT, id)!), pairedItem: { item: 0 } })),
		);
	});

	test('by Email: only email is sent', async () => {
		const { output } = await byCustomer({ email: 'alice@example.com' });
		expect(sent()).toEqual([['GET', path, { email: 'alice@example.com' }, undefined]]);
		expect(output.map((item) => item.json.id)).toEqual(['sub_alice']);
	});

	test('Limit is applied to what comes back, without sending a limit', async () => {
		const { output } = await byCustomer({ accountId: BIG, customerId: 'cus_many', returnAll: false, limit: 10 });
		expect(output.map((item) => item.json.id)).toEqual(ids('sub_A', 10));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ customerId: 'cus_many' }]);
	});

	test('a cursor is followed only when an answer carries one', async () => {
		const entry = (id: string) => subscriptionViews.list(emulator.subscription(ACCOUNT, id)!);
		emulator.addFault({
			match: (request) => request.query.starting_after === undefined,
			times: 1,
			status: 200,
			body: { subscriptions: [entry('sub_alice')], has_more: true, next_cursor: 'sub_alice' },
		});
		emulator.addFault({
			match: (request) => request.query.starting_after === 'sub_alice',
			times: 1,
			status: 200,
			body: { subscriptions: [entry('sub_bob')], has_more: false, next_cursor: null },
		});
		const { output } = await byCustomer({ customerId: 'cus_x' });
		expect(output.map((item) => item.json.id)).toEqual(['sub_alice', 'sub_bob']);
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ customerId: 'cus_x' },
			{ customerId: 'cus_x', starting_after: 'sub_alice' },
		]);
	});

	test.each([
		[{}, 'Enter a Customer ID or an Email'],
		[{ customerId: 'cus_bob', email: 'bob@example.com' }, 'Enter only one of Customer ID and Email'],
		[{ email: 'not-an-email' }, 'The Email must be an email address, not "not-an-email"'],
		[{ customerId: '={{ {} }}' }, 'The Customer ID must be text, but the expression gave an object'],
	])('%j → %s, nothing sent', async (fields, message) => {
		const { error } = await byCustomer(fields as INodeParameters);
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown customer gives no items; an unknown account names the account', async () => {
		expect((await byCustomer({ customerId: 'cus_nobody' })).output).toEqual([]);
		const { error } = await byCustomer({ accountId: 'acct_missing', customerId: 'cus_bob' });
		expect(error?.message).toBe('Connected account "acct_missing" was not found');
	});

	test('3 items by expression, paired; a refused item becomes an error item with Continue On Fail', async () => {
		const { output } = await byCustomer(
			{ customerId: '={{ $json.customer }}', email: '={{ $json.email }}' },
			[{ customer: 'cus_alice', email: '' }, { customer: '', email: '' }, { customer: '', email: 'bob@example.com' }],
			'continueRegularOutput',
		);
		expect(paired(output)).toEqual([
			['sub_alice', { item: 0 }],
			['Enter a Customer ID or an Email', { item: 1 }],
			['sub_bob', { item: 2 }],
			['sub_bob_old', { item: 2 }],
		]);
		expect(emulator.requests.map((request) => request.query)).toEqual([{ customerId: 'cus_alice' }, { email: 'bob@example.com' }]);
	});
});

describe('Subscription → Update', () => {
	const update = (parameters: INodeParameters): INodeParameters => ({
		operation: 'update',
		subscriptionId: byId('sub_alice'),
		...parameters,
	});

	test('every field, in the documented sample’s names and shapes; outputs the updated subscription', async () => {
		const { output, error } = await run(
			update({
				updateFields: {
					productId: 'prod_new',
					startDate: '2030-06-01T00:00:00.000Z',
					taxEnabled: true,
					taxCountry: 'US',
					taxPostalCode: '94102',
					cancelAtPeriodEnd: true,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			[
				'PUT',
				`${BASE}/sub_alice`,
				{},
				{
					data: {
						productId: 'prod_new',
						startDate: Date.parse('2030-06-01T00:00:00.000Z') / 1000,
						taxSettings: { enabled: true, country: 'US', postalCode: '94102' },
						cancelAtPeriodEnd: true,
					},
				},
			],
		]);
		const stored = emulator.subscription(ACCOUNT, 'sub_alice')!;
		expect(stored).toMatchObject({ cancel_at_period_end: true, automatic_tax: true, product: { id: 'prod_new' } });
		expect(output).toEqual([{ json: subscriptionViews.update(stored), pairedItem: { item: 0 } }]);
	});

	test('only the fields set are sent', async () => {
		await run(update({ updateFields: { cancelAtPeriodEnd: false } }));
		expect(emulator.requests[0].json).toEqual({ data: { cancelAtPeriodEnd: false } });
	});

	test.each([
		[{}, 'Nothing to update'],
		[{ updateFields: { taxCountry: '  ' } }, 'Nothing to update'],
		[{ updateFields: { startDate: 'soon' } }, 'The Start Date must be a date, not "soon"'],
		[{ updateFields: { cancelAtPeriodEnd: '={{ "yes" }}' } }, 'The Cancel at Period End must be true or false, not "yes"'],
		[
			{ subscriptionId: byId('sub_sched_carol'), updateFields: { productId: 'prod_x' } },
			'Updating the subscription schedule "sub_sched_carol" needs both Product ID and Start Date',
		],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(update(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('"Nothing to update" names the fields one can set', async () => {
		const { error } = await run(update({}));
		expect(error?.description).toBe(
			'Add at least one field under Update Fields: Cancel at Period End, Product ID, Start Date, Tax Country, Tax Enabled or Tax Postal Code. Nothing was sent to ChatDash for item 1.',
		);
	});

	test('a schedule with Product ID and Start Date is sent', async () => {
		const { error } = await run(
			update({ subscriptionId: byId('sub_sched_carol'), updateFields: { productId: 'prod_x', startDate: '2030-01-01T00:00:00Z' } }),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests[0].json).toEqual({ data: { productId: 'prod_x', startDate: 1893456000 } });
	});

	test('a 404 names the subscription and the account', async () => {
		const { error } = await run(update({ subscriptionId: byId('sub_gone'), updateFields: { cancelAtPeriodEnd: true } }));
		expect(error?.message).toBe(`Subscription "sub_gone" was not found in connected account "${ACCOUNT}"`);
	});

	test('3 items by expression, paired; Continue On Fail', async () => {
		const { output } = await run(
			update({ subscriptionId: byId('={{ $json.sub }}'), updateFields: { cancelAtPeriodEnd: '={{ $json.cancel }}' } }),
			[{ sub: 'sub_alice', cancel: true }, { sub: 'sub_bob', cancel: 'perhaps' }, { sub: 'sub_bob_old', cancel: false }],
			'continueRegularOutput',
		);
		expect(paired(output)).toEqual([
			['sub_alice', { item: 0 }],
			['The Cancel at Period End must be true or false, not "perhaps"', { item: 1 }],
			['sub_bob_old', { item: 2 }],
		]);
		expect(emulator.requests.map((request) => request.path)).toEqual([`${BASE}/sub_alice`, `${BASE}/sub_bob_old`]);
	});
});

describe('Subscription → Delete', () => {
	const remove = (subscriptionId = 'sub_alice', options: INodeParameters = {}): INodeParameters => ({
		operation: 'delete',
		subscriptionId: byId(subscriptionId),
		options,
	});

	test('sends DELETE and outputs {id, canceled}; the subscription is gone afterwards', async () => {
		const { output, error } = await run(remove());
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['DELETE', `${BASE}/sub_alice`, {}, undefined]]);
		expect(emulator.requests[0].body).toBe('');
		expect(output).toEqual([{ json: { id: 'sub_alice', canceled: true }, pairedItem: { item: 0 } }]);
		expect(emulator.subscription(ACCOUNT, 'sub_alice')).toBeUndefined();
		const { error: getError } = await run({ operation: 'get', subscriptionId: byId('sub_alice') });
		expect(getError?.message).toBe(`Subscription "sub_alice" was not found in connected account "${ACCOUNT}"`);
	});

	test('a plain 404 on the first try is an error naming subscription and account', async () => {
		const { error } = await run(remove('sub_x', { maxAttempts: 3 }));
		expect(error?.message).toBe(`Subscription "sub_x" was not found in connected account "${ACCOUNT}"`);
		expect(emulator.requests).toHaveLength(1);
	});

	test.each([
		['a reset connection', { action: 'reset' as const }],
		['a 503', { status: 503, body: { error: 'An unexpected error occurred' } }],
	])('%s whose try was applied, then a 404 on the retry → deleted on an earlier attempt', async (_name, fault) => {
		// The first try is carried out, but its answer is lost.
		expect(emulator.deleteSubscription(ACCOUNT, 'sub_alice')).toBe(true);
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, ...fault });
		const { output, error } = await run(remove('sub_alice', { maxAttempts: 3 }));
		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { id: 'sub_alice', canceled: true, deletedOnEarlierAttempt: true }, pairedItem: { item: 0 } }]);
		expect(emulator.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
	});

	test('a 429 then a 404 is an error: a 429 means the first try was not carried out', async () => {
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, status: 429, headers: { 'retry-after': '0' } });
		const { error } = await run(remove('sub_x', { maxAttempts: 3 }));
		expect(error?.message).toBe(`Subscription "sub_x" was not found in connected account "${ACCOUNT}" after 2 attempts`);
		expect(emulator.requests).toHaveLength(2);
	});

	test('a 503 then success outputs ChatDash’s answer', async () => {
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, status: 503, body: { error: 'busy' } });
		const { output } = await run(remove('sub_bob', { maxAttempts: 3 }));
		expect(output.map((item) => item.json)).toEqual([{ id: 'sub_bob', canceled: true }]);
	});

	test('3 items by expression, paired; Continue On Fail', async () => {
		const { output } = await run(
			{ operation: 'delete', subscriptionId: byId('={{ $json.sub }}') },
			[{ sub: 'sub_alice' }, { sub: 'sub_nope' }, { sub: 'sub_bob' }],
			'continueRegularOutput',
		);
		expect(paired(output)).toEqual([
			['sub_alice', { item: 0 }],
			[`Subscription "sub_nope" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
			['sub_bob', { item: 2 }],
		]);
		expect(emulator.subscriptions(ACCOUNT).map((s) => s.id)).toEqual(['sub_bob_old', 'sub_sched_carol']);
	});

	test('an empty Subscription is refused before sending', async () => {
		const { error } = await run(remove('={{ "" }}'));
		expect(error?.message).toBe('The Subscription is empty');
		expect(emulator.requests).toEqual([]);
	});
});

describe('subscription list search', () => {
	const searchSubscriptions = new ChatDash().methods.listSearch.searchSubscriptions;
	const context = (accountId: string) =>
		createLoadOptionsContext(
			{ resource: 'subscription', operation: 'get', accountId, subscriptionId: { __rl: true, mode: 'list', value: '' } },
			{ apiKey: API_KEY, baseUrl: emulator.baseUrl },
			'parameters.subscriptionId',
		);

	test('labels: customer email, product and ID (the account’s active subscriptions, the API default)', async () => {
		const result = await searchSubscriptions.call(context(ACCOUNT));
		expect(result).toEqual({
			results: [
				{ name: 'alice@example.com – Pro Plan (sub_alice)', value: 'sub_alice' },
				{ name: 'bob@example.com – Lite (sub_bob)', value: 'sub_bob' },
			],
			paginationToken: undefined,
		});
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([[BASE, { limit: '100' }]]);
	});

	test('filters by the text, case-insensitively', async () => {
		expect((await searchSubscriptions.call(context(ACCOUNT), 'BOB')).results.map((r) => r.value)).toEqual(['sub_bob']);
		expect((await searchSubscriptions.call(context(ACCOUNT), 'pro plan')).results.map((r) => r.value)).toEqual(['sub_alice']);
		expect((await searchSubscriptions.call(context(ACCOUNT), 'nothing-like-this')).results).toEqual([]);
	});

	test('pages with the API’s cursor', async () => {
		const first = await searchSubscriptions.call(context(BIG));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('sub_A099');
		const second = await searchSubscriptions.call(context(BIG), undefined, first.paginationToken as string);
		expect(second.results[0].value).toBe('sub_A100');
		expect(emulator.requests[1].query).toEqual({ limit: '100', starting_after: 'sub_A099' });
	});

	test('asks for the Account ID first', async () => {
		await expect(searchSubscriptions.call(context(''))).rejects.toThrow('Enter an Account ID first');
		expect(emulator.requests).toEqual([]);
	});
});
