/**
 * The Coupon resource through n8n's real engine against the ChatDash emulator over loopback:
 * Update (request shape, ID encoding, validation, HTTP failures, Continue On Fail, the key kept
 * secret, the coupon list search), Get Many (cursor pagination, Return All and Limit) and Create
 * (request shapes, validation before sending, and the rule that a POST is not resent once it may
 * have reached ChatDash). Each operation has its own emulator fixtures.
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { consoleCapture } from '../helpers/console-capture';
import { createLoadOptionsContext, nodeRunner, runChatDashNode } from '../helpers/engine';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('Coupon → Update', () => {
	const API_KEY = 'cd_agency_live_7Hq2xPz9LmW4';
	const ACCOUNT = 'acct_1Nv0FGQ9RKHgCVdK';

	let emulator: Emulator;
	/** Everything n8n's engine logged during the test (it logs node errors to the console). */
	let logged: string[];

	beforeEach(async () => {
		logged = consoleCapture().lines;
		logged.length = 0;
		emulator = await startEmulator({
			apiKey: API_KEY,
			accounts: {
				[ACCOUNT]: [
					{ id: 'SUMMER20', name: 'Summer Sale', percent_off: 20 },
					{ id: 'WELCOME10', name: 'Welcome', percent_off: 10 },
					{ id: 'VIP50', name: 'VIP', amount_off: 5000, currency: 'usd', percent_off: null },
				],
				acct_other: [{ id: 'SUMMER20', name: 'Other account coupon' }],
			},
		});
	});

	afterEach(async () => {
		await emulator.close();
	});

	/** n8n's logger (winston) writes through streams, a few ticks after the call. */
	async function flushLogs() {
		for (let tick = 0; tick < 5; tick++) await new Promise((resolve) => setImmediate(resolve));
	}

	function credentials(overrides: Record<string, string> = {}) {
		return { apiKey: API_KEY, baseUrl: emulator.baseUrl, ...overrides };
	}

	function updateParameters(overrides: INodeParameters = {}): INodeParameters {
		return {
			resource: 'coupon',
			operation: 'update',
			accountId: ACCOUNT,
			couponId: { __rl: true, mode: 'id', value: 'SUMMER20' },
			name: 'Winter Sale',
			...overrides,
		};
	}

	const byIdExpression = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

	describe('happy path', () => {
		test('sends one PUT with the raw key and {"data":{"name"}} and outputs the returned coupon', async () => {
			const { output, error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters(),
				credentials: credentials(),
			});

			expect(error).toBeUndefined();
			expect(emulator.requests).toHaveLength(1);
			const [request] = emulator.requests;
			expect(request.method).toBe('PUT');
			expect(request.rawPath).toBe(`/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/SUMMER20`);
			expect(request.headers.authorization).toBe(API_KEY);
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(JSON.parse(request.body)).toEqual({ data: { name: 'Winter Sale' } });

			const stored = emulator.coupon(ACCOUNT, 'SUMMER20');
			expect(stored?.name).toBe('Winter Sale');
			expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
			expect(Object.keys(output[0].json).sort()).toEqual(
				[
					'amount_off', 'created', 'currency', 'duration', 'duration_in_months', 'id', 'livemode',
					'max_redemptions', 'metadata', 'name', 'object', 'percent_off', 'redeem_by',
					'times_redeemed', 'valid',
				].sort(),
			);
		});

		test('a coupon picked "From list" is sent by its ID', async () => {
			const { output } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({
					couponId: { __rl: true, mode: 'list', value: 'VIP50', cachedResultName: 'VIP (VIP50)' },
				}),
				credentials: credentials(),
			});
			expect(emulator.requests[0].segments).toEqual(['stripe', 'connect', 'accounts', ACCOUNT, 'coupons', 'VIP50']);
			expect(output[0].json).toMatchObject({ id: 'VIP50', name: 'Winter Sale', amount_off: 5000 });
		});

		test('3 items with expressions in every field → 3 requests with per-item values, output in input order', async () => {
			const items = [
				{ account: ACCOUNT, coupon: 'SUMMER20', newName: 'Autumn 20' },
				{ account: 'acct_other', coupon: 'SUMMER20', newName: 'Other renamed' },
				{ account: ACCOUNT, coupon: 'VIP50', newName: 'VIP forever' },
			];
			const { output, error } = await runChatDashNode({
				items,
				parameters: updateParameters({
					accountId: '={{ $json.account }}',
					couponId: byIdExpression('={{ $json.coupon }}'),
					name: '={{ $json.newName }}',
				}),
				credentials: credentials(),
			});

			expect(error).toBeUndefined();
			expect(emulator.requests.map((r) => [r.segments[3], r.segments[5], JSON.parse(r.body).data.name])).toEqual(
				items.map((item) => [item.account, item.coupon, item.newName]),
			);
			expect(output.map((item) => [item.json.id, item.json.name, item.pairedItem])).toEqual([
				['SUMMER20', 'Autumn 20', { item: 0 }],
				['SUMMER20', 'Other renamed', { item: 1 }],
				['VIP50', 'VIP forever', { item: 2 }],
			]);
			expect(emulator.coupon(ACCOUNT, 'SUMMER20')?.name).toBe('Autumn 20');
			expect(emulator.coupon('acct_other', 'SUMMER20')?.name).toBe('Other renamed');
		});

		test('the name is sent exactly as given, spaces and unicode included', async () => {
			const name = '  Été 🎉 "quoted" \\ 50% off  ';
			const { output } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ name }),
				credentials: credentials(),
			});
			expect(JSON.parse(emulator.requests[0].body)).toEqual({ data: { name } });
			expect(output[0].json.name).toBe(name);
		});

		test('a trailing slash on the Base URL does not change the path', async () => {
			await runChatDashNode({
				items: [{}],
				parameters: updateParameters(),
				credentials: credentials({ baseUrl: `${emulator.baseUrl}/` }),
			});
			expect(emulator.requests[0].rawPath).toBe(`/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/SUMMER20`);
		});
	});

	describe('IDs are encoded into exactly one path segment', () => {
		const awkwardIds = ['a/b', '../x', '?x=1', '#frag', '%2F', 'with space', 'ünï©ødé', '🎟️coupon', 'a\\b', 'x;y=z', '..%2F..%2Fclients'];

		test.each(awkwardIds)('coupon ID %j', async (couponId) => {
			emulator.seed(ACCOUNT, [{ id: couponId, name: 'before' }]);
			const { output, error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ couponId: byIdExpression(couponId) }),
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(emulator.requests).toHaveLength(1);
			const [request] = emulator.requests;
			expect(request.rawPath.startsWith(`/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/`)).toBe(true);
			expect(request.segments).toEqual(['stripe', 'connect', 'accounts', ACCOUNT, 'coupons', couponId]);
			expect(request.rawPath).not.toContain('?');
			expect(output[0].json).toMatchObject({ id: couponId, name: 'Winter Sale' });
		});

		test.each(awkwardIds)('account ID %j', async (accountId) => {
			emulator.seed(accountId, [{ id: 'SUMMER20' }]);
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ accountId }),
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(emulator.requests.map((r) => r.segments)).toEqual([
				['stripe', 'connect', 'accounts', accountId, 'coupons', 'SUMMER20'],
			]);
			expect(emulator.coupon(accountId, 'SUMMER20')?.name).toBe('Winter Sale');
		});

		test('leading and trailing spaces around an ID are trimmed', async () => {
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ accountId: `  ${ACCOUNT}\t`, couponId: byIdExpression(' SUMMER20 ') }),
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(emulator.requests[0].segments.slice(3)).toEqual([ACCOUNT, 'coupons', 'SUMMER20']);
		});

		test('a numeric ID from an expression is sent as text', async () => {
			emulator.seed(ACCOUNT, [{ id: '12345' }]);
			const { output } = await runChatDashNode({
				items: [{ id: 12345 }],
				parameters: updateParameters({ couponId: byIdExpression('={{ $json.id }}') }),
				credentials: credentials(),
			});
			expect(emulator.requests[0].segments[5]).toBe('12345');
			expect(output[0].json.id).toBe('12345');
		});
	});

	describe('validation: nothing is sent for bad input', () => {
		test.each([
			['accountId', { accountId: '={{ $json.value }}' }, '', 'The Account ID is empty'],
			['accountId', { accountId: '={{ $json.value }}' }, '   ', 'The Account ID is empty'],
			['couponId', { couponId: byIdExpression('={{ $json.value }}') }, '', 'The Coupon is empty'],
			['couponId', { couponId: byIdExpression('={{ $json.value }}') }, ' \t ', 'The Coupon is empty'],
			['couponId', { couponId: { __rl: true, mode: 'list', value: '={{ $json.value }}' } }, '', 'The Coupon is empty'],
			['name', { name: '={{ $json.value }}' }, '', 'The Name is empty'],
			['name', { name: '={{ $json.value }}' }, '\n  ', 'The Name is empty'],
			['couponId', { couponId: byIdExpression('={{ $json.value }}') }, '..', 'The Coupon cannot be ".."'],
			['accountId', { accountId: '={{ $json.value }}' }, '.', 'The Account ID cannot be "."'],
			['name', { name: '={{ $json.value }}' }, { a: 1 }, 'The Name must be text, but the expression gave an object'],
			['accountId', { accountId: '={{ $json.value }}' }, [1, 2], 'The Account ID must be text, but the expression gave an array'],
			['couponId', { couponId: byIdExpression('={{ $json.value }}') }, null, 'The Coupon must be text, but the expression gave null'],
			['couponId', { couponId: byIdExpression('={{ $json.value }}') }, true, 'The Coupon must be text, but the expression gave a boolean'],
			['couponId', { couponId: byIdExpression('={{ "a" + String.fromCharCode(0xd800) }}') }, '', 'The Coupon contains an invalid (unpaired surrogate) character'],
		])('%s from %j given %j → %s', async (_field, overrides, value, message) => {
			const { error, output } = await runChatDashNode({
				items: [{ value }],
				parameters: updateParameters(overrides as INodeParameters),
				credentials: credentials(),
			});
			expect(error?.message).toBe(message);
			expect(error?.description).toContain('nothing was sent to ChatDash');
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(0);
			expect(output).toEqual([]);
			expect(emulator.requests).toEqual([]);
		});

		// A literal empty required field never reaches the node: n8n's engine refuses the workflow.
		test.each([
			[{ accountId: '' }, 'Parameter "Account ID" is required'],
			[{ couponId: byIdExpression('') }, 'Parameter "Coupon" is required'],
			[{ name: '' }, 'Parameter "Name" is required'],
		])('literal %j: n8n itself refuses to run (%s)', async (overrides, message) => {
			await expect(
				runChatDashNode({ items: [{}], parameters: updateParameters(overrides as INodeParameters), credentials: credentials() }),
			).rejects.toThrow(message);
			expect(emulator.requests).toEqual([]);
		});

		test('one invalid item among valid ones stops the node before any request is sent', async () => {
			const { error } = await runChatDashNode({
				items: [{ name: 'A' }, { name: 'B' }, { name: ' ' }, { name: 'D' }],
				parameters: updateParameters({ name: '={{ $json.name }}' }),
				credentials: credentials(),
			});
			expect(error?.message).toBe('The Name is empty');
			expect(error?.description).toContain('item 3');
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(2);
			expect(emulator.requests).toEqual([]);
			expect(emulator.coupon(ACCOUNT, 'SUMMER20')?.name).toBe('Summer Sale');
		});
	});

	describe('HTTP failures give messages that say what to fix', () => {
		test('401 (wrong key) → check the API key in the credential', async () => {
			const { error, output } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters(),
				credentials: credentials({ apiKey: 'cd_wrong_key_123' }),
			});
			expect(error?.message).toBe('ChatDash rejected the API key (HTTP 401)');
			expect(error?.description).toContain("Check the API Key in the 'ChatDash API' credential");
			expect((error as unknown as { httpCode: string }).httpCode).toBe('401');
			expect(output).toEqual([]);
			expect(emulator.coupon(ACCOUNT, 'SUMMER20')?.name).toBe('Summer Sale');
		});

		test('403 → the same credential advice', async () => {
			emulator.addFault({ status: 403, body: { error: 'Forbidden' } });
			const { error } = await runChatDashNode({ items: [{}], parameters: updateParameters(), credentials: credentials() });
			expect(error?.message).toBe('ChatDash rejected the API key (HTTP 403)');
		});

		test('404 → names both the coupon and the account', async () => {
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ couponId: byIdExpression('NOPE') }),
				credentials: credentials(),
			});
			expect(error?.message).toBe(`Coupon "NOPE" was not found in connected account "${ACCOUNT}"`);
			expect(error?.description).toContain("No such coupon: 'NOPE'");
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(0);
		});

		test('400 → the API’s own message', async () => {
			emulator.addFault({ status: 400, body: { error: { type: 'invalid_request_error', message: 'Name too long' } } });
			const { error } = await runChatDashNode({ items: [{}], parameters: updateParameters(), credentials: credentials() });
			expect(error?.message).toBe('ChatDash rejected the request (HTTP 400): Name too long');
		});

		test('422 → the API’s own message', async () => {
			emulator.addFault({ status: 422, body: { message: 'Coupon is archived' } });
			const { error } = await runChatDashNode({ items: [{}], parameters: updateParameters(), credentials: credentials() });
			expect(error?.message).toBe('ChatDash rejected the request (HTTP 422): Coupon is archived');
		});

		test('429 → rate limited, with Retry-After (retries off)', async () => {
			emulator.addFault({ status: 429, body: { error: 'Too many requests' }, headers: { 'retry-after': '30' } });
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ options: { maxAttempts: 1 } }),
				credentials: credentials(),
			});
			expect(error?.message).toBe('ChatDash rate limit reached (HTTP 429)');
			expect(error?.description).toContain('wait 30');
		});

		test('500 with the documented body → ChatDash’s error text and the status', async () => {
			emulator.addFault({ status: 500, body: { error: 'An unexpected error occurred' } });
			const { error } = await runChatDashNode({ items: [{}], parameters: updateParameters(), credentials: credentials() });
			expect(error?.message).toBe('ChatDash server error (HTTP 500): An unexpected error occurred after 5 attempts');
			expect(error?.description).toContain('Tried 5 times: HTTP 500, HTTP 500, HTTP 500, HTTP 500, HTTP 500.');
			expect((error as unknown as { httpCode: string }).httpCode).toBe('500');
			expect(emulator.requests).toHaveLength(5);
		});

		test('502 with an HTML body → status and the page text, no markup', async () => {
			emulator.addFault({ status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters({ options: { maxAttempts: 1 } }),
				credentials: credentials(),
			});
			expect(error?.message).toBe('ChatDash server error (HTTP 502): 502 Bad Gateway');
		});

		test('a redirect is reported, not followed: the key never goes to the address it names', async () => {
			const elsewhere = await startEmulator({ apiKey: API_KEY });
			try {
				for (const status of [301, 307, 308]) {
					const location = `${elsewhere.baseUrl}/stripe/connect/accounts/${ACCOUNT}/coupons/SUMMER20`;
					emulator.addFault({ status, body: '', headers: { location }, times: 1 });
					const { error } = await runChatDashNode({ items: [{}], parameters: updateParameters(), credentials: credentials() });
					expect(error?.message).toBe(`ChatDash answered with a redirect (HTTP ${status}) to ${location}`);
					expect(error?.description).toContain("Check the Base URL in the 'ChatDash API' credential");
					expect((error as unknown as { httpCode: string }).httpCode).toBe(String(status));
				}
				// Not retried either: one request per run, none elsewhere, nothing changed.
				expect(emulator.requests).toHaveLength(3);
				expect(elsewhere.requests).toHaveLength(0);
				expect(emulator.coupon(ACCOUNT, 'SUMMER20')?.name).toBe('Summer Sale');
			} finally {
				await elsewhere.close();
			}
		});

		test('nothing listening at the Base URL → says which URL could not be reached', async () => {
			const closed = await startEmulator({ apiKey: API_KEY });
			const deadBaseUrl = closed.baseUrl;
			await closed.close();
			const { error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters(),
				credentials: credentials({ baseUrl: deadBaseUrl }),
			});
			expect(error?.message).toBe(`Could not reach ChatDash at ${deadBaseUrl} after 5 attempts`);
			expect(error?.description).toContain('The connection failed (ECONNREFUSED)');
			expect(error?.description).toContain('Tried 5 times: ECONNREFUSED, ECONNREFUSED');
			expect(error?.description).toContain("Check the Base URL in the 'ChatDash API' credential");
		});
	});

	describe('Continue On Fail', () => {
		const mixedItems = [
			{ coupon: 'SUMMER20', newName: 'One' },
			{ coupon: 'MISSING', newName: 'Two' },
			{ coupon: 'WELCOME10', newName: ' ' },
			{ coupon: 'VIP50', newName: 'Four' },
		];
		const mixedParameters = updateParameters({
			couponId: byIdExpression('={{ $json.coupon }}'),
			name: '={{ $json.newName }}',
		});

		test('regular output: failing items become error items in place, paired; the others are updated', async () => {
			const { output, error } = await runChatDashNode({
				items: mixedItems,
				parameters: mixedParameters,
				credentials: credentials(),
				onError: 'continueRegularOutput',
			});
			expect(error).toBeUndefined();
			expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(output[0].json).toMatchObject({ id: 'SUMMER20', name: 'One' });
			expect(output[1].json).toEqual({
				error: `Coupon "MISSING" was not found in connected account "${ACCOUNT}"`,
				details: expect.stringContaining('Check the IDs'),
			});
			expect(output[2].json).toEqual({ error: 'The Name is empty', details: expect.stringContaining('item 3') });
			expect(output[3].json).toMatchObject({ id: 'VIP50', name: 'Four' });
			// The invalid item 3 was never sent; the 404 item was.
			expect(emulator.requests.map((r) => r.segments[5])).toEqual(['SUMMER20', 'MISSING', 'VIP50']);
			expect(emulator.coupon(ACCOUNT, 'WELCOME10')?.name).toBe('Welcome');
		});

		test('error output: failing items go to the error branch, paired with their input', async () => {
			const { output, errorOutput, error } = await runChatDashNode({
				items: mixedItems,
				parameters: mixedParameters,
				credentials: credentials(),
				onError: 'continueErrorOutput',
			});
			expect(error).toBeUndefined();
			expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
				['SUMMER20', { item: 0 }],
				['VIP50', { item: 3 }],
			]);
			expect(errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
				[`Coupon "MISSING" was not found in connected account "${ACCOUNT}"`, { item: 1 }],
				['The Name is empty', { item: 2 }],
			]);
		});

		test('without it, the first failure stops the node with the item named', async () => {
			const { error } = await runChatDashNode({
				items: [mixedItems[0], mixedItems[1], mixedItems[3]],
				parameters: mixedParameters,
				credentials: credentials(),
			});
			expect(error?.message).toContain('"MISSING" was not found');
			expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		});
	});

	describe('the API key stays secret', () => {
		test.each([
			['success', () => ({})],
			['401 that echoes the key', () => emulator.addFault({ status: 401, body: { error: `Invalid API key ${API_KEY}` } })],
			['404', () => ({})],
			['500 that echoes the key', () => emulator.addFault({ status: 500, body: `<h1>Error for key ${API_KEY}</h1>` })],
			['400 with the key in a nested body', () => emulator.addFault({ status: 400, body: { error: { message: `bad ${API_KEY}`, key: API_KEY } } })],
		])('%s: the key appears nowhere in the serialized run or the logs', async (scenario, arrange) => {
			arrange();
			for (const onError of [undefined, 'continueRegularOutput'] as const) {
				const { run } = await runChatDashNode({
					items: [{}, {}],
					parameters: updateParameters({ couponId: byIdExpression(scenario === '404' ? 'NOPE' : 'SUMMER20') }),
					credentials: credentials(),
					onError,
				});
				const serialized = JSON.stringify(run, (_key, value: unknown) =>
					value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
				);
				expect(serialized).not.toContain(API_KEY);
			}
			await flushLogs();
			expect(logged.join('\n')).not.toContain(API_KEY);
			if (scenario !== 'success') expect(logged.length).toBeGreaterThan(0);
			// The key did go over the wire, so the checks above could have caught it.
			expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
		});

		test('a network failure does not reveal the key either', async () => {
			const { run, error } = await runChatDashNode({
				items: [{}],
				parameters: updateParameters(),
				credentials: credentials({ baseUrl: 'http://127.0.0.1:1/v1/public' }),
			});
			expect(error).toBeDefined();
			expect(JSON.stringify(run)).not.toContain(API_KEY);
			await flushLogs();
			expect(logged.length).toBeGreaterThan(0);
			expect(logged.join('\n')).not.toContain(API_KEY);
		});
	});

	describe('coupon list search', () => {
		const searchCoupons = new ChatDash().methods.listSearch.searchCoupons;

		test('lists the account’s coupons with name and ID', async () => {
			const context = createLoadOptionsContext(updateParameters(), credentials());
			const result = await searchCoupons.call(context);
			expect(result).toEqual({
				results: [
					{ name: 'Summer Sale (SUMMER20)', value: 'SUMMER20' },
					{ name: 'Welcome (WELCOME10)', value: 'WELCOME10' },
					{ name: 'VIP (VIP50)', value: 'VIP50' },
				],
				paginationToken: undefined,
			});
			expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
			expect(emulator.requests[0].query).toEqual({ limit: '100' });
		});

		test('filters by name or ID, case-insensitively', async () => {
			const context = createLoadOptionsContext(updateParameters(), credentials());
			expect((await searchCoupons.call(context, 'vip')).results.map((r) => r.value)).toEqual(['VIP50']);
			expect((await searchCoupons.call(context, 'welcome1')).results.map((r) => r.value)).toEqual(['WELCOME10']);
			expect((await searchCoupons.call(context, 'nothing-like-this')).results).toEqual([]);
		});

		test('pages through large accounts with the API’s cursor', async () => {
			emulator.seed('acct_big', Array.from({ length: 150 }, (_, i) => ({ id: `C${String(i).padStart(3, '0')}` })));
			const context = createLoadOptionsContext(updateParameters({ accountId: 'acct_big' }), credentials());
			const first = await searchCoupons.call(context);
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('C099');
			const second = await searchCoupons.call(context, undefined, first.paginationToken as string);
			expect(second.results).toHaveLength(50);
			expect(second.results[0].value).toBe('C100');
			expect(second.paginationToken).toBeUndefined();
			expect(emulator.requests[1].query).toEqual({ limit: '100', starting_after: 'C099' });
		});

		test('asks for the Account ID first when it is empty', async () => {
			const context = createLoadOptionsContext(updateParameters({ accountId: '' }), credentials());
			await expect(searchCoupons.call(context)).rejects.toThrow('Enter an Account ID first');
			expect(emulator.requests).toEqual([]);
		});

		test('an unknown account gives a clear error', async () => {
			const context = createLoadOptionsContext(updateParameters({ accountId: 'acct_missing' }), credentials());
			await expect(searchCoupons.call(context)).rejects.toThrow('Connected account "acct_missing" was not found');
		});
	});
});

describe('Coupon → Get Many', () => {
	const API_KEY = 'cd_agency_list_M3';
	const BIG = 'acct_big';
	const SMALL = 'acct_small';

	let emulator: Emulator;

	const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

	beforeEach(async () => {
		emulator = await startEmulator({
			apiKey: API_KEY,
			accounts: {
				[BIG]: ids('B', 237).map((id) => ({ id, name: `Coupon ${id}` })),
				[SMALL]: ids('S', 3).map((id) => ({ id })),
				acct_empty: [],
			},
		});
	});

	afterEach(async () => {
		await emulator.close();
	});

	function getMany(parameters: INodeParameters, items: Array<Record<string, string>> = [{}], onError?: 'continueRegularOutput') {
		return runChatDashNode({
			items,
			parameters: { resource: 'coupon', operation: 'getAll', accountId: BIG, ...parameters },
			credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
			onError,
		});
	}

	test('Return All: 237 coupons in pages of 100 following the cursor, one item each, in order', async () => {
		const { output, error } = await getMany({ returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(237);
		expect(output.map((item) => item.json)).toEqual(emulator.coupons(BIG));
		expect(output.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', `/stripe/connect/accounts/${BIG}/coupons`, { limit: '100' }],
			['GET', `/stripe/connect/accounts/${BIG}/coupons`, { limit: '100', starting_after: 'B099' }],
			['GET', `/stripe/connect/accounts/${BIG}/coupons`, { limit: '100', starting_after: 'B199' }],
		]);
	});

	test('Limit 10: 10 items with one request', async () => {
		const { output } = await getMany({ returnAll: false, limit: 10 });
		expect(output.map((item) => item.json.id)).toEqual(ids('B', 10));
		expect(emulator.requests.map((request) => request.query)).toEqual([{ limit: '10' }]);
	});

	test('Limit 150: two pages, 100 then 50', async () => {
		const { output } = await getMany({ returnAll: false, limit: 150 });
		expect(output).toHaveLength(150);
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', starting_after: 'B099' },
		]);
	});

	test('Limit above what exists: everything, and it stops when has_more is false', async () => {
		const { output } = await getMany({ accountId: SMALL, returnAll: false, limit: 50 });
		expect(output.map((item) => item.json.id)).toEqual(ids('S', 3));
		expect(emulator.requests).toHaveLength(1);
	});

	test('an account without coupons gives no items', async () => {
		const { output, error } = await getMany({ accountId: 'acct_empty', returnAll: true });
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('one input item per account: each account’s coupons, paired with their input item', async () => {
		const { output } = await getMany({ accountId: '={{ $json.account }}', returnAll: true }, [{ account: SMALL }, { account: BIG }]);
		expect(output).toHaveLength(240);
		expect(output.slice(0, 3).map((item) => [item.json.id, item.pairedItem])).toEqual(
			ids('S', 3).map((id) => [id, { item: 0 }]),
		);
		expect(output.slice(3).every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
	});

	test('an unknown account → a clear error; with Continue On Fail only that item fails', async () => {
		const stopped = await getMany({ accountId: 'acct_missing', returnAll: true });
		expect(stopped.error?.message).toBe('Connected account "acct_missing" was not found');

		const continued = await getMany(
			{ accountId: '={{ $json.account }}', returnAll: false, limit: 2 },
			[{ account: 'acct_missing' }, { account: SMALL }],
			'continueRegularOutput',
		);
		expect(continued.output.map((item) => [item.json.error ?? item.json.id, item.pairedItem])).toEqual([
			['Connected account "acct_missing" was not found', { item: 0 }],
			['S000', { item: 1 }],
			['S001', { item: 1 }],
		]);
	});

	test('an invalid Limit from an expression is refused before anything is sent', async () => {
		const { error } = await getMany({ returnAll: false, limit: '={{ 0 }}' });
		expect(error?.message).toBe('The Limit must be a whole number of 1 or more, not 0');
		expect(emulator.requests).toEqual([]);
	});

	test('a list answer without `data` is reported, not turned into nothing', async () => {
		emulator.addFault({ status: 200, body: { items: [] } });
		const { error } = await getMany({ returnAll: true });
		expect(error?.message).toBe('ChatDash answered with an unexpected list');
	});
});

describe('Coupon → Create', () => {
	const API_KEY = 'cd_agency_create_W9';
	const ACCOUNT = 'acct_create';

	let emulator: Emulator;

	beforeEach(async () => {
		emulator = await startEmulator({ apiKey: API_KEY, accounts: { [ACCOUNT]: [{ id: 'BASE10', name: 'Base', percent_off: 10 }] } });
	});

	afterEach(async () => {
		await emulator.close();
	});

	const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { accountId: ACCOUNT });

	const createCoupon = (parameters: INodeParameters) => ({ resource: 'coupon', operation: 'create', name: 'Summer Sale', ...parameters });

	test('percent off, once: sends exactly the documented sample shape and outputs the created coupon', async () => {
		const { output, error } = await run(createCoupon({ discountType: 'percentOff', percentOff: 25, duration: 'once' }));
		expect(error).toBeUndefined();
		const [request] = emulator.requests;
		expect([request.method, request.path]).toEqual(['POST', `/stripe/connect/accounts/${ACCOUNT}/coupons`]);
		expect(request.headers.authorization).toBe(API_KEY);
		expect(request.json).toEqual({ data: { name: 'Summer Sale', percent_off: 25, duration: 'once' } });
		const created = emulator.coupons(ACCOUNT).find((coupon) => coupon.name === 'Summer Sale');
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	test('amount off with currency, repeating, with the additional fields (dates as unix seconds)', async () => {
		await run(
			createCoupon({
				discountType: 'amountOff',
				amountOff: 500,
				currency: 'USD',
				duration: 'repeating',
				durationInMonths: 3,
				additionalFields: { maxRedemptions: 100, redeemBy: '2027-01-31T12:00:00.000Z', metadata: '{"campaign": "summer", "wave": 2}' },
			}),
		);
		expect(emulator.requests[0].json).toEqual({
			data: {
				name: 'Summer Sale',
				amount_off: 500,
				currency: 'usd',
				duration: 'repeating',
				duration_in_months: 3,
				max_redemptions: 100,
				redeem_by: Date.parse('2027-01-31T12:00:00.000Z') / 1000,
				metadata: { campaign: 'summer', wave: '2' },
			},
		});
	});

	test.each([
		[{ discountType: 'percentOff', percentOff: '={{ 0 }}' }, 'The Percent Off must be a number from 1 to 100, not 0'],
		[{ discountType: 'percentOff', percentOff: '={{ 120 }}' }, 'The Percent Off must be a number from 1 to 100, not 120'],
		[{ discountType: 'amountOff', amountOff: '={{ 2.5 }}', currency: 'usd' }, 'The Amount Off must be a whole number of 1 or more, not 2.5'],
		[{ discountType: 'amountOff', amountOff: 500, currency: 'dollars' }, 'The Currency must be a three-letter currency code such as usd, not "dollars"'],
		[{ duration: 'repeating', durationInMonths: '={{ 0 }}' }, 'The Duration in Months must be a whole number of 1 or more, not 0'],
		[{ additionalFields: { redeemBy: 'next tuesday' } }, 'The Redeem By must be a date, not "next tuesday"'],
		[{ additionalFields: { maxRedemptions: '={{ -3 }}' } }, 'The Max Redemptions must be a whole number of 1 or more, not -3'],
		[{ additionalFields: { metadata: '{"campaign": ' } }, 'The Metadata must be a JSON object, e.g. {"campaign": "summer"}'],
		[{ additionalFields: { metadata: '{"nested": {"a": 1}}' } }, 'The Metadata value of "nested" must be text or a number'],
		[{ name: '={{ "  " }}' }, 'The Name is empty'],
	])('%j → %s, nothing sent', async (overrides, message) => {
		const { error } = await run(createCoupon({ discountType: 'percentOff', percentOff: 10, duration: 'once', ...overrides } as INodeParameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('a 503 after sending is NOT retried: the coupon may already exist', async () => {
		emulator.addFault({ status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run(createCoupon({ discountType: 'percentOff', percentOff: 10, duration: 'once' }));
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test('a reset connection is NOT retried either; a refused one is (it never reached ChatDash)', async () => {
		emulator.addFault({ action: 'reset' });
		const reset = await run(createCoupon({ discountType: 'percentOff', percentOff: 10, duration: 'once' }));
		expect(reset.error?.message).toMatch(/^Could not reach ChatDash/);
		expect(emulator.requests).toHaveLength(1);

		const closed = await startEmulator({ apiKey: API_KEY });
		const deadBaseUrl = closed.baseUrl;
		await closed.close();
		const refused = await runChatDashNode({
			items: [{}],
			parameters: { accountId: ACCOUNT, ...createCoupon({ discountType: 'percentOff', percentOff: 10, duration: 'once', options: { maxAttempts: 3 } }) },
			credentials: { apiKey: API_KEY, baseUrl: deadBaseUrl },
		});
		expect(refused.error?.message).toBe(`Could not reach ChatDash at ${deadBaseUrl} after 3 attempts`);
	});

	test('the ChatDash rejection of a bad combination comes back with its own message', async () => {
		// Not reachable from the editor (the node sends one discount), but from a proxy or a changed API:
		emulator.addFault({ status: 400, body: { error: { message: 'Exactly one of percent_off or amount_off is required' } } });
		const { error } = await run(createCoupon({ discountType: 'percentOff', percentOff: 10, duration: 'once' }));
		expect(error?.message).toBe('ChatDash rejected the request (HTTP 400): Exactly one of percent_off or amount_off is required');
	});
});
