/** Coupon → Get Many through n8n's real engine: cursor pagination, Return All and Limit. */
import type { INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';

const API_KEY = 'cd_agency_list_M3';
const BIG = 'acct_big';
const SMALL = 'acct_small';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
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
