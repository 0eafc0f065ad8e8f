/**
 * Promotion Code → Create and Promotion Code → Get Many through n8n's real engine against the
 * emulator: request shapes, validation before sending, output, and cursor paging per coupon.
 */

import { startEmulator } from '../emulator/chatdash-emulator';
import { nodeRunner } from '../helpers/engine';
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

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { accountId: ACCOUNT });

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
