/**
 * Invoice → Create and Invoice → Get through n8n's real engine against the emulator: the exact
 * requests, the output as ChatDash answered, validation before sending, 404 wording, expressions
 * over several items and Continue On Fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { nodeRunner, runChatDashNode } from '../helpers/engine';

const API_KEY = 'cd_agency_invoice_K8';
const ACCOUNT = 'acct_invoices';
const CLIENT = '64abc123def456789012345a';
const PRODUCT = 'prod_ABC123XYZ';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const paidInvoice = {
	id: 'in_1ABC123DEF456GHI',
	amount: 10000,
	currency: 'usd',
	status: 'paid',
	number: 'GJXQAHMC-0001',
	customer: { id: 'cus_ABC123XYZ', email: 'john@example.com', name: 'John Doe' },
	description: '',
	created: 1700000000,
};

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		stripe: {
			[ACCOUNT]: {
				invoices: [paidInvoice, { id: 'in_open', status: 'open' }, { id: 'in_void', status: 'void' }],
				// For the products module's `product` lookup, when it exists (amount and currency of the invoice).
				products: [
					{ productId: PRODUCT, productName: 'Setup Fee', pricing: { amount: '10000', currency: 'usd' } },
					{ productId: 'prod_B', productName: 'Onboarding', pricing: { amount: '5000', currency: 'usd' } },
				],
			},
		},
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { accountId: ACCOUNT });

const locator = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const createInvoice = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'create',
	clientId: locator(CLIENT),
	productId: locator(PRODUCT),
	collectionMethod: 'send_invoice',
	daysUntilDue: 30,
	...parameters,
});
const getInvoice = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'invoice',
	operation: 'get',
	invoiceId: 'in_1ABC123DEF456GHI',
	...parameters,
});

describe('Invoice → Create', () => {
	test('sends exactly the documented sample shape and outputs the invoice ChatDash returns', async () => {
		const { output, error } = await run(createInvoice());
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const [request] = emulator.requests;
		expect([request.method, request.rawPath]).toEqual(['POST', `/v1/public/stripe/connect/accounts/${ACCOUNT}/invoices`]);
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(API_KEY);
		expect(request.json).toEqual({
			data: { clientId: CLIENT, productId: PRODUCT, collection_method: 'send_invoice', days_until_due: 30 },
		});
		const created = emulator.invoices(ACCOUNT).find((invoice) => invoice.id === output[0].json.id);
		// A new invoice is a draft for the product's one-time price (emulator: from the product's pricing).
		expect(created).toMatchObject({ status: 'draft', amount: 10000, currency: 'usd' });
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	test('a product picked From list is sent as its ID', async () => {
		const { output, error } = await run(createInvoice({ productId: locator('prod_B', 'list'), daysUntilDue: 7 }));
		expect(error).toBeUndefined();
		expect(output[0].json.amount).toBe(5000);
		expect(emulator.requests[0].json).toEqual({
			data: { clientId: CLIENT, productId: 'prod_B', collection_method: 'send_invoice', days_until_due: 7 },
		});
	});

	test('expressions over 3 items: one invoice per item, in order, paired with its item', async () => {
		const items = [
			{ client: 'client_a', product: PRODUCT, days: 14 },
			{ client: 'client_b', product: 'prod_B', days: '30' },
			{ client: 'client_c', product: PRODUCT, days: 60 },
		];
		const { output, error } = await run(
			createInvoice({
				clientId: locator('={{ $json.client }}'),
				productId: locator('={{ $json.product }}'),
				daysUntilDue: '={{ $json.days }}',
				options: { concurrency: 1 },
			}),
			items,
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => request.json)).toEqual([
			{ data: { clientId: 'client_a', productId: PRODUCT, collection_method: 'send_invoice', days_until_due: 14 } },
			{ data: { clientId: 'client_b', productId: 'prod_B', collection_method: 'send_invoice', days_until_due: 30 } },
			{ data: { clientId: 'client_c', productId: PRODUCT, collection_method: 'send_invoice', days_until_due: 60 } },
		]);
		const stored = emulator.invoices(ACCOUNT).slice(3);
		expect(output).toEqual(stored.map((json, item) => ({ json, pairedItem: { item } })));
	});

	test.each([
		[{ clientId: locator('={{ "" }}') }, 'The Client is empty'],
		[{ clientId: locator('={{ "   " }}') }, 'The Client is empty'],
		[{ productId: locator('={{ "" }}') }, 'The Product is empty'],
		[{ productId: locator('={{ {} }}') }, 'The Product must be text, but the expression gave an object'],
		[{ accountId: '={{ $json.missing }}' }, 'The Account ID must be text, but the expression gave nothing'],
		[{ daysUntilDue: '={{ 0 }}' }, 'The Days Until Due must be a whole number of 1 or more, not 0'],
		[{ daysUntilDue: '={{ 2.5 }}' }, 'The Days Until Due must be a whole number of 1 or more, not 2.5'],
		[{ daysUntilDue: '={{ "soon" }}' }, 'The Days Until Due must be a whole number of 1 or more, not "soon"'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(createInvoice(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown account → a 404 that names the account, product and client', async () => {
		const { error } = await run(createInvoice({ accountId: 'acct_missing' }));
		expect(error?.message).toBe(
			`Connected account "acct_missing", product "${PRODUCT}" or client "${CLIENT}" was not found`,
		);
	});

	test('an unknown product → the same 404 wording, with ChatDash’s own message in the details', async () => {
		const { error } = await run(createInvoice({ productId: locator('prod_nope') }));
		expect(error?.message).toBe(`Connected account "${ACCOUNT}", product "prod_nope" or client "${CLIENT}" was not found`);
		expect(error?.description).toContain("No such product: 'prod_nope'");
	});

	test('an unknown client (emulator started with a client list) → the same 404 wording', async () => {
		const withClients = await startEmulator({
			apiKey: API_KEY,
			clients: [{ _id: CLIENT, name: 'Acme Dental', language: 'en', isSaasClient: false }],
			stripe: { [ACCOUNT]: { products: [{ productId: PRODUCT, productName: 'Setup Fee' }] } },
		});
		try {
			const parameters = { accountId: ACCOUNT, ...createInvoice({ clientId: locator('={{ $json.client }}') }) };
			const credentials = { apiKey: API_KEY, baseUrl: withClients.baseUrl };
			const known = await runChatDashNode({ items: [{ client: CLIENT }], parameters, credentials });
			expect(known.error).toBeUndefined();
			expect(known.output[0].json.customer).toMatchObject({ name: 'Acme Dental' });
			const unknown = await runChatDashNode({ items: [{ client: 'client_nope' }], parameters, credentials });
			expect(unknown.error?.message).toBe(
				`Connected account "${ACCOUNT}", product "${PRODUCT}" or client "client_nope" was not found`,
			);
		} finally {
			await withClients.close();
		}
	});

	test('Continue On Fail: a bad item becomes an error item paired with it; the others are created', async () => {
		const { output } = await run(
			createInvoice({ daysUntilDue: '={{ $json.days }}' }),
			[{ days: 10 }, { days: -1 }, { days: 20 }],
			'continueRegularOutput',
		);
		expect(emulator.requests.map((request) => (request.json as { data: { days_until_due: number } }).data.days_until_due)).toEqual([
			10, 20,
		]);
		expect(output.map((item) => [item.json.error ?? item.json.object ?? item.json.status, item.pairedItem])).toEqual([
			['draft', { item: 0 }],
			['The Days Until Due must be a whole number of 1 or more, not -1', { item: 1 }],
			['draft', { item: 2 }],
		]);
	});

	test('a 503 after sending is NOT retried: the invoice may already exist', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run(createInvoice());
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});
});

describe('Invoice → Get', () => {
	test('sends one GET and outputs the invoice as ChatDash returns it', async () => {
		const { output, error } = await run(getInvoice());
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.rawPath, request.body])).toEqual([
			['GET', `/v1/public/stripe/connect/accounts/${ACCOUNT}/invoices/in_1ABC123DEF456GHI`, ''],
		]);
		expect(output).toEqual([{ json: paidInvoice, pairedItem: { item: 0 } }]);
	});

	test('gets the invoice a Create just made (Invoice ID {{ $json.id }})', async () => {
		const created = await run(createInvoice());
		const { output } = await run(getInvoice({ invoiceId: '={{ $json.id }}' }), [created.output[0].json]);
		expect(output[0].json).toEqual(created.output[0].json);
	});

	test('expressions over 3 items: ordered, paired output', async () => {
		const { output } = await run(getInvoice({ invoiceId: '={{ $json.invoice }}' }), [
			{ invoice: 'in_void' },
			{ invoice: ' in_1ABC123DEF456GHI ' },
			{ invoice: 'in_open' },
		]);
		expect(output.map((item) => [item.json.id, item.json.status, item.pairedItem])).toEqual([
			['in_void', 'void', { item: 0 }],
			['in_1ABC123DEF456GHI', 'paid', { item: 1 }],
			['in_open', 'open', { item: 2 }],
		]);
	});

	test('an ID with a slash stays one path segment', async () => {
		const { error } = await run(getInvoice({ invoiceId: 'in_a/../b' }));
		expect(emulator.requests[0].rawPath).toBe(`/v1/public/stripe/connect/accounts/${ACCOUNT}/invoices/in_a%2F..%2Fb`);
		expect(error?.message).toBe(`Invoice "in_a/../b" was not found in connected account "${ACCOUNT}"`);
	});

	test.each([
		[{ invoiceId: '={{ "" }}' }, 'The Invoice ID is empty'],
		[{ invoiceId: '={{ null }}' }, 'The Invoice ID must be text, but the expression gave null'],
		[{ invoiceId: '..' }, 'The Invoice ID cannot be ".."'],
		[{ accountId: '={{ [] }}' }, 'The Account ID must be text, but the expression gave an array'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(getInvoice(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown invoice or account → a 404 that names both', async () => {
		const unknownInvoice = await run(getInvoice({ invoiceId: 'in_nope' }));
		expect(unknownInvoice.error?.message).toBe(`Invoice "in_nope" was not found in connected account "${ACCOUNT}"`);
		expect(unknownInvoice.error?.description).toContain("No such invoice: 'in_nope'");
		const unknownAccount = await run(getInvoice({ accountId: 'acct_missing' }));
		expect(unknownAccount.error?.message).toBe('Invoice "in_1ABC123DEF456GHI" was not found in connected account "acct_missing"');
	});

	test('Continue On Fail: the missing invoice becomes an error item paired with it; the others still come', async () => {
		const { output } = await run(
			getInvoice({ invoiceId: '={{ $json.invoice }}' }),
			[{ invoice: 'in_open' }, { invoice: 'in_nope' }, { invoice: '' }, { invoice: 'in_void' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['in_open', { item: 0 }],
			[`Invoice "in_nope" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
			['The Invoice ID is empty', { item: 2 }],
			['in_void', { item: 3 }],
		]);
		expect(emulator.requests).toHaveLength(3);
	});
});
