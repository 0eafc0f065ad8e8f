/**
 * Product → Create, Get, Get Many and Update, and the product list search, through n8n's real
 * engine against the emulator: the exact requests, the output (as ChatDash answered, paired with
 * its input item), refusals before anything is sent, 404 wording, paging, expressions and
 * Continue On Fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId, fromList, requestsSent } from '../helpers/parameters';

const API_KEY = 'cd_agency_products_K7';
const ACCOUNT = 'acct_products';
const BIG = 'acct_big_catalogue';
const PATH = `/stripe/connect/accounts/${ACCOUNT}/products`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const bigIds = Array.from({ length: 237 }, (_, i) => `prod_B${String(i).padStart(3, '0')}`);

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		stripe: {
			[ACCOUNT]: {
				products: [
					{ productId: 'prod_STARTER', productName: 'Starter Plan', description: 'Up to 100 minutes included', creationDate: 1700000000 },
					{ productId: 'prod_PRO', productName: 'Pro Plan', creationDate: 1710000000 },
					{ productId: 'prod_LEGACY', productName: 'Legacy Plan', status: 'archived', creationDate: 1690000000 },
				],
			},
			[BIG]: { products: bigIds.map((productId) => ({ productId, productName: `Plan ${productId}` })) },
		},
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'product', accountId: ACCOUNT });

const sent = () => requestsSent(emulator);

describe('Product → Create', () => {
	const create = (parameters: INodeParameters = {}) => ({ operation: 'create', pricingModel: 'base', currency: 'usd', ...parameters });

	test('required fields only: pricing_model and currency, output as ChatDash answered', async () => {
		const { output, error } = await run(create({ currency: ' USD ' }));
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['POST', PATH, {}, { data: { pricing_model: 'base', currency: 'usd' } }]]);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
		const created = emulator.products(ACCOUNT)[3];
		expect(created).toMatchObject({ productName: null, pricing: { pricingModel: 'base', currency: 'usd' }, status: 'active' });
		expect(output).toEqual([{ json: { product: created }, pairedItem: { item: 0 } }]);
	});

	test('name and description are sent exactly as entered; the product is then gettable and listable', async () => {
		const { output } = await run(
			create({ pricingModel: 'oneTime', additionalFields: { name: ' Setup Fee ', description: 'One-off onboarding' } }),
		);
		expect(emulator.requests[0].json).toEqual({
			data: { pricing_model: 'oneTime', currency: 'usd', name: ' Setup Fee ', description: 'One-off onboarding' },
		});
		const productId = (output[0].json.product as { productId: string }).productId;
		emulator.clearRequests();
		const got = await run({ operation: 'get', productId: byId(productId) });
		expect(got.output[0].json).toMatchObject({ productId, productName: ' Setup Fee ', description: 'One-off onboarding' });
		const listed = await run({ operation: 'getAll', returnAll: true });
		expect(listed.output.map((item) => item.json.productId)).toContain(productId);
	});

	test.each([
		[{ currency: 'dollars' }, 'The Currency must be a three-letter currency code such as usd, not "dollars"'],
		[{ currency: '={{ "" }}' }, 'The Currency must be a three-letter currency code such as usd, not ""'],
		[{ pricingModel: '={{ "monthly" }}' }, 'The Pricing Model must be one of base, usage, oneTime, not "monthly"'],
		[{ additionalFields: { name: '={{ "  " }}' } }, 'The Name is empty'],
		[{ additionalFields: { description: '' } }, 'The Description is empty'],
		[{ accountId: '={{ "" }}' }, 'The Account ID is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(create(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown account → a 404 naming it', async () => {
		const { error } = await run(create({ accountId: 'acct_missing' }));
		expect(error?.message).toBe('Connected account "acct_missing" was not found');
	});

	test('a 503 after sending is NOT retried: the product may already exist', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run(create());
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test('expressions over 3 items; Continue On Fail turns the bad item into an error item in its place', async () => {
		const items = [
			{ name: 'Basic', model: 'base', currency: 'usd' },
			{ name: 'Broken', model: 'base', currency: 'euros' },
			{ name: 'Metered', model: 'usage', currency: 'eur' },
		];
		const { output, error } = await run(
			create({ pricingModel: '={{ $json.model }}', currency: '={{ $json.currency }}', additionalFields: { name: '={{ $json.name }}' } }),
			items,
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => request.json).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
			{ data: { pricing_model: 'base', currency: 'usd', name: 'Basic' } },
			{ data: { pricing_model: 'usage', currency: 'eur', name: 'Metered' } },
		]);
		expect(output.map((item) => [(item.json.product as { productName?: string } | undefined)?.productName ?? item.json.error, item.pairedItem])).toEqual([
			['Basic', { item: 0 }],
			['The Currency must be a three-letter currency code such as usd, not "euros"', { item: 1 }],
			['Metered', { item: 2 }],
		]);
	});
});

describe('Product → Get', () => {
	test('sends GET …/products/{productId} and outputs the product unchanged', async () => {
		const { output, error } = await run({ operation: 'get', productId: byId('prod_STARTER') });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', `${PATH}/prod_STARTER`, {}, undefined]]);
		expect(output).toEqual([{ json: emulator.product(ACCOUNT, 'prod_STARTER'), pairedItem: { item: 0 } }]);
		expect(output[0].json).toEqual({
			productId: 'prod_STARTER',
			productName: 'Starter Plan',
			description: 'Up to 100 minutes included',
			taxBehavior: 'exclusive',
			pricing: { amount: '2999', billingCycle: 'month', currency: 'usd', pricingModel: 'base', metrics: 'minutes', usageLimit: 100, overage: '15' },
			creationDate: 1700000000,
			activeSubscriptionsCount: 0,
			status: 'active',
		});
	});

	test('From list mode gives the same request; an ID with a slash stays one path segment', async () => {
		await run({ operation: 'get', productId: fromList('prod_PRO') });
		await run({ operation: 'get', productId: byId('a/b') });
		expect(emulator.requests.map((request) => request.rawPath)).toEqual([
			`/v1/public${PATH}/prod_PRO`,
			`/v1/public${PATH}/a%2Fb`,
		]);
	});

	test('an unknown product → a 404 naming product and account', async () => {
		const { error } = await run({ operation: 'get', productId: byId('prod_NOPE') });
		expect(error?.message).toBe(`Product "prod_NOPE" was not found in connected account "${ACCOUNT}"`);
	});

	test('an empty Product is refused before sending', async () => {
		const { error } = await run({ operation: 'get', productId: byId('={{ "  " }}') });
		expect(error?.message).toBe('The Product is empty');
		expect(emulator.requests).toEqual([]);
	});

	test('expressions over 3 items, in order and paired; Continue On Fail keeps the others', async () => {
		const { output } = await run(
			{ operation: 'get', productId: byId('={{ $json.product }}') },
			[{ product: 'prod_PRO' }, { product: 'prod_NOPE' }, { product: 'prod_LEGACY' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.productId ?? item.json.error, item.pairedItem])).toEqual([
			['prod_PRO', { item: 0 }],
			[`Product "prod_NOPE" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
			['prod_LEGACY', { item: 2 }],
		]);
	});
});

describe('Product → Get Many', () => {
	const getMany = (parameters: INodeParameters = {}) => ({ operation: 'getAll', returnAll: false, limit: 50, ...parameters });

	test('no filters: only limit is sent; ChatDash lists the active products, one item each', async () => {
		const { output, error } = await run(getMany());
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', PATH, { limit: '50' }, undefined]]);
		expect(output).toEqual(
			['prod_STARTER', 'prod_PRO'].map((id) => ({ json: emulator.product(ACCOUNT, id), pairedItem: { item: 0 } })),
		);
	});

	test('every filter: status, created_start and created_end in unix seconds', async () => {
		const { output } = await run(
			getMany({
				filters: { status: 'all', createdAfter: '2023-11-14T22:13:20.000Z', createdBefore: '2024-03-09T16:00:00.000Z' },
			}),
		);
		expect(emulator.requests[0].query).toEqual({ limit: '50', status: 'all', created_start: '1700000000', created_end: '1710000000' });
		expect(output.map((item) => item.json.productId)).toEqual(['prod_STARTER', 'prod_PRO']);

		const archived = await run(getMany({ filters: { status: 'archived' } }));
		expect(emulator.requests[1].query).toEqual({ limit: '50', status: 'archived' });
		expect(archived.output.map((item) => item.json.productId)).toEqual(['prod_LEGACY']);
	});

	test.each([
		[{ filters: { status: '={{ "deleted" }}' } }, 'The Status must be one of active, archived, all, not "deleted"'],
		[{ filters: { createdAfter: 'last spring' } }, 'The Created After must be a date, not "last spring"'],
		[{ filters: { createdBefore: '={{ "soon" }}' } }, 'The Created Before must be a date, not "soon"'],
		[{ filters: { createdAfter: '2025-01-02T00:00:00Z', createdBefore: '2025-01-01T00:00:00Z' } }, 'The Created After date is later than the Created Before date'],
		[{ limit: '={{ 0 }}' }, 'The Limit must be a whole number of 1 or more, not 0'],
		[{ accountId: '={{ $json.missing ?? "" }}' }, 'The Account ID is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(getMany(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('Return All: 237 products in pages of 100, following next_cursor (a productId)', async () => {
		const { output } = await run(getMany({ accountId: BIG, returnAll: true }));
		expect(output.map((item) => item.json)).toEqual(emulator.products(BIG));
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', starting_after: 'prod_B099' },
			{ limit: '100', starting_after: 'prod_B199' },
		]);
	});

	test('Limit 10: one request with limit=10; Limit 150: 100 then 50', async () => {
		const ten = await run(getMany({ accountId: BIG, limit: 10 }));
		expect(ten.output.map((item) => item.json.productId)).toEqual(bigIds.slice(0, 10));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ limit: '10' }]);

		emulator.clearRequests();
		const many = await run(getMany({ accountId: BIG, limit: 150 }));
		expect(many.output.map((item) => item.json.productId)).toEqual(bigIds.slice(0, 150));
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', starting_after: 'prod_B099' },
		]);
	});

	test('expressions over 3 items: each item’s products, in order and paired; Continue On Fail', async () => {
		const { output } = await run(
			getMany({ accountId: '={{ $json.account }}', limit: 2, filters: { status: '={{ $json.status }}' } }),
			[
				{ account: ACCOUNT, status: 'archived' },
				{ account: 'acct_missing', status: 'all' },
				{ account: BIG, status: 'active' },
			],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.productId ?? item.json.error, item.pairedItem])).toEqual([
			['prod_LEGACY', { item: 0 }],
			['Connected account "acct_missing" was not found', { item: 1 }],
			['prod_B000', { item: 2 }],
			['prod_B001', { item: 2 }],
		]);
	});

	test('an unknown account stops the node with a message naming it', async () => {
		const { error } = await run(getMany({ accountId: 'acct_missing' }));
		expect(error?.message).toBe('Connected account "acct_missing" was not found');
	});
});

describe('Product → Update', () => {
	const update = (parameters: INodeParameters = {}) => ({ operation: 'update', productId: byId('prod_STARTER'), ...parameters });

	test('name only: PUT with {"data":{"name"}}; output is ChatDash’s {"product": …}', async () => {
		const { output, error } = await run(update({ updateFields: { name: 'Starter Plan Updated' } }));
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['PUT', `${PATH}/prod_STARTER`, {}, { data: { name: 'Starter Plan Updated' } }]]);
		const updated = emulator.product(ACCOUNT, 'prod_STARTER');
		expect(updated).toMatchObject({ productName: 'Starter Plan Updated', description: 'Up to 100 minutes included' });
		expect(output).toEqual([{ json: { product: updated }, pairedItem: { item: 0 } }]);
	});

	test('name and description, sent exactly as entered', async () => {
		await run(update({ updateFields: { description: '  Updated description', name: 'Starter' } }));
		expect(emulator.requests[0].json).toEqual({ data: { name: 'Starter', description: '  Updated description' } });
		expect(emulator.product(ACCOUNT, 'prod_STARTER')?.description).toBe('  Updated description');
	});

	test.each([
		[{ updateFields: {} }, 'Nothing to update: add Name or Description under Update Fields'],
		[{ updateFields: { name: '={{ "" }}' } }, 'The Name is empty'],
		[{ updateFields: { description: '={{ { "a": 1 } }}' } }, 'The Description must be text, but the expression gave an object'],
		[{ productId: byId('={{ "" }}'), updateFields: { name: 'X' } }, 'The Product is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(update(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown product → a 404 naming product and account', async () => {
		const { error } = await run(update({ productId: byId('prod_NOPE'), updateFields: { name: 'X' } }));
		expect(error?.message).toBe(`Product "prod_NOPE" was not found in connected account "${ACCOUNT}"`);
	});

	test('expressions over 3 items, in order and paired; Continue On Fail sends the others', async () => {
		const { output } = await run(
			update({ productId: byId('={{ $json.id }}'), updateFields: { name: '={{ $json.name }}' } }),
			[
				{ id: 'prod_STARTER', name: 'Starter 2027' },
				{ id: 'prod_PRO', name: '' },
				{ id: 'prod_LEGACY', name: 'Legacy 2027' },
			],
			'continueRegularOutput',
		);
		expect(emulator.requests.map((request) => request.segments[5]).sort()).toEqual(['prod_LEGACY', 'prod_STARTER']);
		expect(output.map((item) => [(item.json.product as { productName?: string } | undefined)?.productName ?? item.json.error, item.pairedItem])).toEqual([
			['Starter 2027', { item: 0 }],
			['The Name is empty', { item: 1 }],
			['Legacy 2027', { item: 2 }],
		]);
		expect(emulator.product(ACCOUNT, 'prod_PRO')?.productName).toBe('Pro Plan');
	});
});

describe('product list search (From list)', () => {
	const searchProducts = new ChatDash().methods.listSearch.searchProducts;
	const context = (accountId: string) =>
		createLoadOptionsContext(
			{ resource: 'product', operation: 'get', accountId, productId: fromList('') },
			{ apiKey: API_KEY, baseUrl: emulator.baseUrl },
			'parameters.productId',
		);

	test('lists the account’s products, archived ones included, as "productName (productId)", valued by productId', async () => {
		const result = await searchProducts.call(context(ACCOUNT));
		expect(result).toEqual({
			results: [
				{ name: 'Starter Plan (prod_STARTER)', value: 'prod_STARTER' },
				{ name: 'Pro Plan (prod_PRO)', value: 'prod_PRO' },
				{ name: 'Legacy Plan (prod_LEGACY)', value: 'prod_LEGACY' },
			],
			paginationToken: undefined,
		});
		expect(sent()).toEqual([['GET', PATH, { limit: '100', status: 'all' }, undefined]]);
	});

	test('filters by name or ID, case-insensitively', async () => {
		expect((await searchProducts.call(context(ACCOUNT), 'pro plan')).results.map((r) => r.value)).toEqual(['prod_PRO']);
		expect((await searchProducts.call(context(ACCOUNT), 'STARTER')).results.map((r) => r.value)).toEqual(['prod_STARTER']);
		expect((await searchProducts.call(context(ACCOUNT), 'nothing-like-this')).results).toEqual([]);
	});

	test('pages with the API’s cursor', async () => {
		const first = await searchProducts.call(context(BIG));
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('prod_B099');
		const second = await searchProducts.call(context(BIG), undefined, first.paginationToken as string);
		expect(second.results[0]).toEqual({ name: 'Plan prod_B100 (prod_B100)', value: 'prod_B100' });
		expect(emulator.requests[1].query).toEqual({ limit: '100', starting_after: 'prod_B099', status: 'all' });
	});

	test('asks for the Account ID first when it is empty, sending nothing', async () => {
		await expect(searchProducts.call(context(''))).rejects.toThrow('Enter an Account ID first');
		expect(emulator.requests).toEqual([]);
	});
});
