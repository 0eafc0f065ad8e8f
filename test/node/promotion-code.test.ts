/**
 * Coupon → Create, Promotion Code → Create and Promotion Code → Get Many through n8n's real
 * engine against the emulator: request shapes, validation before sending, output, and the rule
 * that a POST is not resent once it may have reached ChatDash.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_create_W9';
const ACCOUNT = 'acct_create';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY, accounts: { [ACCOUNT]: [{ id: 'BASE10', name: 'Base', percent_off: 10 }] } });
});

afterEach(async () => {
	await emulator.close();
});

function run(parameters: INodeParameters, items: Array<Record<string, unknown>> = [{}], onError?: 'continueRegularOutput') {
	return runChatDashNode({
		items: items as never,
		parameters: { accountId: ACCOUNT, ...parameters },
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
		onError,
	});
}

const createCoupon = (parameters: INodeParameters) => ({ resource: 'coupon', operation: 'create', name: 'Summer Sale', ...parameters });

describe('Coupon → Create', () => {
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

describe('Promotion Code → Create', () => {
	test('code and every documented optional field, in the documented sample’s shape', async () => {
		const { output, error } = await run({
			resource: 'promotionCode',
			operation: 'create',
			couponId: byId('BASE10'),
			code: 'SUMMER20',
			additionalFields: {
				customer: 'cus_TppcYxuTJKLNnG',
				maxRedemptions: 10,
				expiresAt: '2026-02-03T17:39:00.000Z',
				firstTimeTransaction: true,
				minimumAmount: 1000,
				minimumAmountCurrency: 'usd',
			},
		});
		expect(error).toBeUndefined();
		const [request] = emulator.requests;
		expect([request.method, request.path]).toEqual(['POST', `/stripe/connect/accounts/${ACCOUNT}/promotion-codes`]);
		expect(request.json).toEqual({
			data: {
				coupon: 'BASE10',
				code: 'SUMMER20',
				customer: 'cus_TppcYxuTJKLNnG',
				max_redemptions: 10,
				expires_at: Date.parse('2026-02-03T17:39:00.000Z') / 1000,
				restrictions: { first_time_transaction: true, minimum_amount: 1000, minimum_amount_currency: 'usd' },
			},
		});
		expect(output[0].json).toEqual(emulator.promotionCodes(ACCOUNT)[0]);
		expect(output[0].json).toMatchObject({ object: 'promotion_code', code: 'SUMMER20', coupon: { id: 'BASE10' } });
	});

	test('an empty Code is left out, so one is generated', async () => {
		const { output } = await run({ resource: 'promotionCode', operation: 'create', couponId: byId('BASE10'), code: '' });
		expect(emulator.requests[0].json).toEqual({ data: { coupon: 'BASE10' } });
		expect(typeof output[0].json.code).toBe('string');
	});

	test('an unknown coupon → a 404 that names coupon and account', async () => {
		const { error } = await run({ resource: 'promotionCode', operation: 'create', couponId: byId('NOPE') });
		expect(error?.message).toBe(`Coupon "NOPE" was not found in connected account "${ACCOUNT}"`);
	});

	test('a Code of only spaces is refused before sending', async () => {
		const { error } = await run({ resource: 'promotionCode', operation: 'create', couponId: byId('BASE10'), code: '={{ "   " }}' });
		expect(error?.message).toBe('The Code is empty');
		expect(emulator.requests).toEqual([]);
	});
});

describe('Promotion Code → Get Many', () => {
	beforeEach(async () => {
		emulator.seed(ACCOUNT, [{ id: 'OTHER' }]);
		// 120 codes for BASE10, 2 for OTHER, created through the node itself.
		const items = [
			...Array.from({ length: 120 }, (_, index) => ({ coupon: 'BASE10', code: `B${index}` })),
			{ coupon: 'OTHER', code: 'O1' },
			{ coupon: 'OTHER', code: 'O2' },
		];
		const { error } = await run(
			{ resource: 'promotionCode', operation: 'create', couponId: byId('={{ $json.coupon }}'), code: '={{ $json.code }}', options: { concurrency: 1 } },
			items,
		);
		expect(error).toBeUndefined();
		emulator.clearRequests();
	});

	test('Return All: every code of that coupon only, following the cursor', async () => {
		const { output } = await run({ resource: 'promotionCode', operation: 'getAll', couponId: byId('BASE10'), returnAll: true });
		expect(output.map((item) => item.json.code)).toEqual(Array.from({ length: 120 }, (_, index) => `B${index}`));
		expect(emulator.requests.map((request) => [request.path, request.query.limit, request.query.starting_after])).toEqual([
			[`/stripe/connect/accounts/${ACCOUNT}/coupons/BASE10/promotion-codes`, '100', undefined],
			[`/stripe/connect/accounts/${ACCOUNT}/coupons/BASE10/promotion-codes`, '100', output[99].json.id],
		]);
	});

	test('Limit 5: five codes, one request', async () => {
		const { output } = await run({ resource: 'promotionCode', operation: 'getAll', couponId: byId('OTHER'), returnAll: false, limit: 5 });
		expect(output.map((item) => item.json.code)).toEqual(['O1', 'O2']);
		expect(emulator.requests.map((request) => request.query)).toEqual([{ limit: '5' }]);
	});
});
