/**
 * Transaction → Get and Transaction → Get Many through n8n's real engine against the emulator:
 * the exact requests (filters only when set, dates as unix seconds), cursor paging for Return All
 * and Limit, output as ChatDash answered, validation before sending, 404 wording, expressions over
 * several items, Continue On Fail; and the Transaction "From list" search.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';

const API_KEY = 'cd_agency_transactions_T5';
const BIG = 'acct_big';
const SMALL = 'acct_small';
const T0 = 1700000000;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
/** 237 transactions one hour apart; every third one is Ann's, the others Bob's. */
const bigTransactions = ids('pi_B', 237).map((id, index) => ({
	id,
	amount: 1000 + index,
	created: T0 + index * 3600,
	customer:
		index % 3 === 0
			? { id: 'cus_ann', email: 'ann@example.com', name: 'Ann' }
			: { id: 'cus_bob', email: 'bob@example.com', name: 'Bob' },
}));
const smallTransactions = [
	{
		id: 'pi_3ABC123DEF456GHI',
		amount: 10000,
		currency: 'usd',
		status: 'succeeded',
		description: 'Subscription creation',
		customer: { id: 'cus_ABC123XYZ', email: 'john@example.com', name: 'John Doe' },
		created: T0,
	},
	{ id: 'pi_refund', status: 'canceled', description: 'Setup fee', customer: { id: 'cus_x', email: 'x@example.com', name: 'X' } },
	{ id: 'pi_plain', description: null, customer: { id: 'cus_y', email: null, name: null } },
];

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		stripe: {
			[BIG]: { transactions: bigTransactions },
			[SMALL]: { transactions: smallTransactions },
			acct_empty: {},
		},
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { accountId: SMALL });

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const getTransaction = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'transaction',
	operation: 'get',
	transactionId: locator('pi_3ABC123DEF456GHI'),
	...parameters,
});
const getMany = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'transaction',
	operation: 'getAll',
	accountId: BIG,
	...parameters,
});
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('Transaction → Get', () => {
	test('sends one GET and outputs the transaction as ChatDash returns it', async () => {
		const { output, error } = await run(getTransaction());
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.rawPath, request.body, request.headers.authorization])).toEqual([
			['GET', `/v1/public/stripe/connect/accounts/${SMALL}/transactions/pi_3ABC123DEF456GHI`, '', API_KEY],
		]);
		expect(output).toEqual([{ json: smallTransactions[0], pairedItem: { item: 0 } }]);
	});

	test('a transaction picked From list is sent as its ID', async () => {
		const { output } = await run(getTransaction({ transactionId: locator('pi_refund', 'list') }));
		expect(emulator.requests[0].path).toBe(`/stripe/connect/accounts/${SMALL}/transactions/pi_refund`);
		expect(output[0].json).toMatchObject({ id: 'pi_refund', status: 'canceled' });
	});

	test('expressions over 3 items: ordered, paired output', async () => {
		const { output } = await run(
			getTransaction({ accountId: '={{ $json.account }}', transactionId: locator('={{ $json.transaction }}') }),
			[
				{ account: SMALL, transaction: 'pi_plain' },
				{ account: BIG, transaction: 'pi_B100' },
				{ account: SMALL, transaction: 'pi_3ABC123DEF456GHI' },
			],
		);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['pi_plain', { item: 0 }],
			['pi_B100', { item: 1 }],
			['pi_3ABC123DEF456GHI', { item: 2 }],
		]);
	});

	test.each([
		[{ transactionId: locator('={{ "" }}') }, 'The Transaction is empty'],
		[{ transactionId: locator('={{ 42.5 > 1 }}') }, 'The Transaction must be text, but the expression gave a boolean'],
		[{ transactionId: locator('.') }, 'The Transaction cannot be "."'],
		[{ accountId: '={{ "  " }}' }, 'The Account ID is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(getTransaction(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown transaction or account → a 404 that names both', async () => {
		const unknown = await run(getTransaction({ transactionId: locator('pi_nope') }));
		expect(unknown.error?.message).toBe(`Transaction "pi_nope" was not found in connected account "${SMALL}"`);
		expect(unknown.error?.description).toContain("No such payment_intent: 'pi_nope'");
		const noAccount = await run(getTransaction({ accountId: 'acct_missing' }));
		expect(noAccount.error?.message).toBe('Transaction "pi_3ABC123DEF456GHI" was not found in connected account "acct_missing"');
	});

	test('Continue On Fail: failing items become error items paired with them; the others still come', async () => {
		const { output } = await run(
			getTransaction({ transactionId: locator('={{ $json.transaction }}') }),
			[{ transaction: 'pi_refund' }, { transaction: 'pi_nope' }, { transaction: ' ' }, { transaction: 'pi_plain' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['pi_refund', { item: 0 }],
			[`Transaction "pi_nope" was not found in connected account "${SMALL}"`, { item: 1 }],
			['The Transaction is empty', { item: 2 }],
			['pi_plain', { item: 3 }],
		]);
		expect(emulator.requests).toHaveLength(3);
	});
});

describe('Transaction → Get Many', () => {
	test('Return All: 237 transactions in pages of 100 following the cursor, one item each, in order', async () => {
		const { output, error } = await run(getMany({ returnAll: true }));
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual(emulator.transactions(BIG));
		expect(output).toHaveLength(237);
		expect(output.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', `/stripe/connect/accounts/${BIG}/transactions`, { limit: '100' }],
			['GET', `/stripe/connect/accounts/${BIG}/transactions`, { limit: '100', starting_after: 'pi_B099' }],
			['GET', `/stripe/connect/accounts/${BIG}/transactions`, { limit: '100', starting_after: 'pi_B199' }],
		]);
	});

	test('Limit 10: 10 items with one request', async () => {
		const { output } = await run(getMany({ returnAll: false, limit: 10 }));
		expect(output.map((item) => item.json.id)).toEqual(ids('pi_B', 10));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ limit: '10' }]);
	});

	test('Limit 150: two pages, 100 then 50', async () => {
		const { output } = await run(getMany({ returnAll: false, limit: 150 }));
		expect(output.map((item) => item.json.id)).toEqual(ids('pi_B', 150));
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', starting_after: 'pi_B099' },
		]);
	});

	test('the default Limit is 50 and stops when has_more is false', async () => {
		const small = await run(getMany({ accountId: SMALL }));
		expect(small.output.map((item) => item.json)).toEqual(smallTransactions.map((seed) => expect.objectContaining(seed)));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ limit: '50' }]);
		const empty = await run(getMany({ accountId: 'acct_empty', returnAll: true }));
		expect(empty.error).toBeUndefined();
		expect(empty.output).toEqual([]);
	});

	test('every filter: customer, and the dates as unix seconds in created_start / created_end', async () => {
		const { output, error } = await run(
			getMany({
				returnAll: true,
				filters: { customer: 'cus_ann', createdAfter: iso(T0 + 30 * 3600), createdBefore: iso(T0 + 60 * 3600) },
			}),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100', customer: 'cus_ann', created_start: String(T0 + 30 * 3600), created_end: String(T0 + 60 * 3600) },
		]);
		// Ann's are every third, 30 to 60 inclusive (the emulator's ASSUMPTION: inclusive bounds).
		expect(output.map((item) => item.json.id)).toEqual(['pi_B030', 'pi_B033', 'pi_B036', 'pi_B039', 'pi_B042', 'pi_B045', 'pi_B048', 'pi_B051', 'pi_B054', 'pi_B057', 'pi_B060']);
	});

	test('one filter alone is sent alone; an empty Customer ID and empty dates are not sent', async () => {
		await run(getMany({ limit: 5, filters: { createdAfter: '2023-11-15T00:00:00+01:00' } }));
		await run(getMany({ limit: 5, filters: { customer: '={{ "" }}', createdAfter: '', createdBefore: '' } }));
		await run(getMany({ limit: 5, filters: { customer: ' cus_bob ' } }));
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '5', created_start: String(Date.parse('2023-11-14T23:00:00Z') / 1000) },
			{ limit: '5' },
			{ limit: '5', customer: 'cus_bob' },
		]);
	});

	test('Return All with a filter follows the cursor through the filtered list', async () => {
		const { output } = await run(getMany({ returnAll: true, filters: { customer: 'cus_bob' } }));
		expect(output).toHaveLength(158);
		expect(output.every((item) => (item.json.customer as { id: string }).id === 'cus_bob')).toBe(true);
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100', customer: 'cus_bob' },
			{ limit: '100', customer: 'cus_bob', starting_after: output[99].json.id },
		]);
	});

	test.each([
		[{ filters: { createdAfter: 'yesterday-ish' } }, 'The Created After must be a date, not "yesterday-ish"'],
		[{ filters: { createdBefore: '={{ 1700000000 }}' } }, 'The Created Before must be a date, not 1700000000'],
		[
			{ filters: { createdAfter: '2024-02-01T00:00:00Z', createdBefore: '2024-01-01T00:00:00Z' } },
			'The Created After date is later than the Created Before date',
		],
		[{ filters: { customer: '={{ "   " }}' } }, 'The Customer ID is empty'],
		[{ filters: { customer: '={{ {"id": "cus_ann"} }}' } }, 'The Customer ID must be text, but the expression gave an object'],
		[{ returnAll: false, limit: '={{ 0 }}' }, 'The Limit must be a whole number of 1 or more, not 0'],
		[{ accountId: '={{ "" }}' }, 'The Account ID is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(getMany(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('expressions over 3 items: each item’s own account and filter, outputs paired and in order', async () => {
		const { output } = await run(
			getMany({ accountId: '={{ $json.account }}', limit: 2, filters: { customer: '={{ $json.customer }}' } }),
			[
				{ account: BIG, customer: 'cus_ann' },
				{ account: SMALL, customer: 'cus_x' },
				{ account: BIG, customer: 'cus_bob' },
			],
		);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['pi_B000', { item: 0 }],
			['pi_B003', { item: 0 }],
			['pi_refund', { item: 1 }],
			['pi_B001', { item: 2 }],
			['pi_B002', { item: 2 }],
		]);
	});

	test('an unknown account → a clear error; with Continue On Fail only that item fails', async () => {
		const stopped = await run(getMany({ accountId: 'acct_missing' }));
		expect(stopped.error?.message).toBe('Connected account "acct_missing" was not found');
		emulator.clearRequests();

		const continued = await run(
			getMany({ accountId: '={{ $json.account }}', limit: 1, filters: { createdAfter: '={{ $json.after }}' } }),
			[
				{ account: SMALL, after: iso(T0) },
				{ account: 'acct_missing', after: iso(T0) },
				{ account: SMALL, after: 'not a date' },
				{ account: BIG, after: iso(T0 + 3600) },
			],
			'continueRegularOutput',
		);
		expect(continued.output.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['pi_3ABC123DEF456GHI', { item: 0 }],
			['Connected account "acct_missing" was not found', { item: 1 }],
			['The Created After must be a date, not "not a date"', { item: 2 }],
			['pi_B001', { item: 3 }],
		]);
		expect(emulator.requests).toHaveLength(3);
	});
});

describe('transaction list search (Transaction → From list)', () => {
	const searchTransactions = new ChatDash().methods.listSearch.searchTransactions;
	const context = (accountId: string) =>
		createLoadOptionsContext(
			{ ...getTransaction({ accountId }), transactionId: { __rl: true, mode: 'list', value: '' } },
			{ apiKey: API_KEY, baseUrl: emulator.baseUrl },
			'parameters.transactionId',
		);

	test('lists the account’s transactions: description, customer email and ID', async () => {
		const result = await searchTransactions.call(context(SMALL));
		expect(result).toEqual({
			results: [
				{ name: 'Subscription creation – john@example.com (pi_3ABC123DEF456GHI)', value: 'pi_3ABC123DEF456GHI' },
				{ name: 'Setup fee – x@example.com (pi_refund)', value: 'pi_refund' },
				{ name: 'pi_plain', value: 'pi_plain' },
			],
			paginationToken: undefined,
		});
		expect(emulator.requests.map((request) => [request.path, request.query, request.headers.authorization])).toEqual([
			[`/stripe/connect/accounts/${SMALL}/transactions`, { limit: '100' }, API_KEY],
		]);
	});

	test('filters by description, email or ID, case-insensitively', async () => {
		expect((await searchTransactions.call(context(SMALL), 'SETUP')).results.map((r) => r.value)).toEqual(['pi_refund']);
		expect((await searchTransactions.call(context(SMALL), 'john@')).results.map((r) => r.value)).toEqual(['pi_3ABC123DEF456GHI']);
		expect((await searchTransactions.call(context(SMALL), 'pi_pl')).results.map((r) => r.value)).toEqual(['pi_plain']);
		expect((await searchTransactions.call(context(SMALL), 'nothing-like-this')).results).toEqual([]);
	});

	test('pages through large accounts with the API’s cursor', async () => {
		const first = await searchTransactions.call(context(BIG));
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'ann@example.com (pi_B000)', value: 'pi_B000' });
		expect(first.paginationToken).toBe('pi_B099');
		const second = await searchTransactions.call(context(BIG), undefined, first.paginationToken as string);
		expect(second.results[0].value).toBe('pi_B100');
		expect(second.paginationToken).toBe('pi_B199');
		const third = await searchTransactions.call(context(BIG), undefined, second.paginationToken as string);
		expect(third.results).toHaveLength(37);
		expect(third.paginationToken).toBeUndefined();
		expect(emulator.requests[1].query).toEqual({ limit: '100', starting_after: 'pi_B099' });
	});

	test('asks for the Account ID first when it is empty; an unknown account gives a clear error', async () => {
		await expect(searchTransactions.call(context(''))).rejects.toThrow('Enter an Account ID first');
		expect(emulator.requests).toEqual([]);
		await expect(searchTransactions.call(context('acct_missing'))).rejects.toThrow('Connected account "acct_missing" was not found');
	});
});
