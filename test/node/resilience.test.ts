/**
 * Bulk updates against a flaky API: retries (with Retry-After), timeouts, bounded concurrency,
 * and a 1,000-item fault matrix, all through n8n's real engine against the misbehaving emulator.
 */
import type { INodeParameters } from 'n8n-workflow';

import { renameCouponsParameters } from '../../scripts/lib/workflows';
import { startEmulator } from '../emulator/chatdash-emulator';
import { consoleCapture } from '../helpers/console-capture';
import { runChatDashNode } from '../helpers/engine';

const API_KEY = 'cd_agency_resilience_Q7w2';
const ACCOUNT = 'acct_resilience';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const couponIds = (count: number) => Array.from({ length: count }, (_, i) => `C${String(i).padStart(4, '0')}`);

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		accounts: { [ACCOUNT]: couponIds(1000).map((id) => ({ id, name: `old ${id}` })) },
	});
});

afterEach(async () => {
	await emulator.close();
});

function renameAll(ids: string[], options: INodeParameters = {}, onError?: 'continueRegularOutput') {
	return runChatDashNode({
		items: ids.map((id) => ({ id, newName: `new ${id}` })),
		parameters: renameCouponsParameters(ACCOUNT, options) as INodeParameters,
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
		onError,
	});
}

const isOnce = (path: string) => (request: { path: string }) => request.path === path;
const couponPath = (id: string) => `/stripe/connect/accounts/${ACCOUNT}/coupons/${id}`;

describe('retries of transient failures', () => {
	test('429 with Retry-After in seconds: waits that long, then succeeds', async () => {
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '1' } });
		const { output, error } = await renameAll(['C0000']);
		expect(error).toBeUndefined();
		expect(output[0].json.name).toBe('new C0000');
		const [first, second] = emulator.requests;
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
	});

	test('429 with Retry-After as an HTTP date: waits until then', async () => {
		const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, status: 429, headers: { 'retry-after': at.toUTCString() } });
		const { output } = await renameAll(['C0000']);
		expect(output[0].json.name).toBe('new C0000');
		expect(emulator.requests[1].receivedAt).toBeGreaterThanOrEqual(at.getTime() - 50);
	});

	test.each([
		['503 with ChatDash’s error body', { status: 503, body: { error: 'An unexpected error occurred' } }],
		['500', { status: 500, body: { error: 'An unexpected error occurred' } }],
		['502 with an HTML page', { status: 502, body: '<html><h1>Bad Gateway</h1></html>' }],
		['504 with a plain-text body', { status: 504, body: 'upstream timed out' }],
		['a connection reset', { action: 'reset' as const }],
	])('%s twice, then success: the item is updated on the third try', async (_name, fault) => {
		emulator.addFault({ match: isOnce(couponPath('C0001')), times: 2, ...fault });
		const { output, error } = await renameAll(['C0000', 'C0001', 'C0002'], { concurrency: 1 });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.name)).toEqual(['new C0000', 'new C0001', 'new C0002']);
		expect(emulator.requests.map((request) => request.segments[5])).toEqual(['C0000', 'C0001', 'C0001', 'C0001', 'C0002']);
	});

	test('a hung request times out (option Timeout) and is retried', async () => {
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, action: 'hang' });
		const started = Date.now();
		const { output, error } = await renameAll(['C0000'], { timeout: 300 });
		expect(error).toBeUndefined();
		expect(output[0].json.name).toBe('new C0000');
		expect(emulator.stats.hangs).toBe(1);
		expect(emulator.requests).toHaveLength(2);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('after the last try, the error says how many tries and why they failed', async () => {
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, action: 'reset' });
		emulator.addFault({ match: isOnce(couponPath('C0000')), status: 429, headers: { 'retry-after': '0' } });
		const { error, run } = await renameAll(['C0000'], { maxAttempts: 3 });
		expect(JSON.stringify(run)).not.toContain(API_KEY);
		expect(error?.message).toBe('ChatDash rate limit reached (HTTP 429) after 3 attempts');
		expect(error?.description).toMatch(/Tried 3 times: HTTP 503, (ECONNRESET|[A-Z_]+), HTTP 429\./);
		expect(emulator.requests).toHaveLength(3);
	});

	test('Max Attempts 1 turns retries off', async () => {
		emulator.addFault({ match: isOnce(couponPath('C0000')), status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await renameAll(['C0000'], { maxAttempts: 1 });
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test.each([
		[404, 'NOPE'],
		[400, 'C0000'],
		[401, 'C0000'],
		[422, 'C0000'],
	])('a permanent %d is not retried', async (status, id) => {
		if (status !== 404) emulator.addFault({ status, body: { error: { message: 'permanent' } } });
		const { error } = await renameAll([id]);
		expect((error as unknown as { httpCode: string }).httpCode).toBe(String(status));
		expect(emulator.requests).toHaveLength(1);
	});
});

describe('bounded concurrency', () => {
	test.each([
		[{}, 4],
		[{ concurrency: 1 }, 1],
		[{ concurrency: 8 }, 8],
	])('options %j → at most %d requests in flight, output in input order, paired', async (options, expected) => {
		emulator.setLatency(40);
		const ids = couponIds(32);
		const { output, error } = await renameAll(ids, options);
		expect(error).toBeUndefined();
		expect(emulator.stats.maxInFlight).toBe(expected);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
	});

	test('answers arriving out of order still come out in input order', async () => {
		// Early items answer slowest: without reordering, the output would be reversed.
		emulator.addFault({ match: isOnce(couponPath('C0000')), times: 1, action: 'hang' });
		const { output } = await renameAll(couponIds(6), { concurrency: 6, timeout: 400 });
		expect(output.map((item) => item.json.id)).toEqual(couponIds(6));
	});

	test('an invalid Concurrency from an expression is refused before anything is sent', async () => {
		const { error } = await renameAll(couponIds(2), { concurrency: '={{ 0 }}' });
		expect(error?.message).toBe('The Concurrency must be a whole number of 1 or more, not 0');
		expect(emulator.requests).toEqual([]);
	});

	test('Continue On Fail with concurrency marks exactly the failing items', async () => {
		const ids = couponIds(60).map((id, index) => (index % 7 === 3 ? `MISSING${index}` : id));
		const { output, error } = await renameAll(ids, { concurrency: 8 }, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(output).toHaveLength(60);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (index % 7 === 3) expect(item.json.error).toBe(`Coupon "MISSING${index}" was not found in connected account "${ACCOUNT}"`);
			else expect(item.json).toMatchObject({ id: ids[index], name: `new ${ids[index]}` });
		});
	});
});

describe('fault matrix: 1,000 updates with 10% 429, 5% 503, 2% resets, 1% hangs', () => {
	const profile = { seed: 20261123, rate429: 0.1, rate503: 0.05, rateReset: 0.02, rateHang: 0.01, retryAfterSeconds: 1 };
	// With 18% of tries failing, 5 tries (the default) leave about 1 item in 5,000 failed; the
	// matrix allows 8 tries so that "nothing lost" is a property of the node, not of the seed.
	const options = { concurrency: 25, maxAttempts: 8, timeout: 1000 };

	test('every coupon ends with the requested name; 1,000 items out, in order, paired; no request to a wrong path', async () => {
		emulator.setFaultProfile(profile);
		const ids = couponIds(1000);
		const { output, error, run } = await renameAll(ids, options);

		expect(error).toBeUndefined();
		expect(JSON.stringify(run)).not.toContain(API_KEY);
		expect(consoleCapture().lines.join('\n')).not.toContain(API_KEY);
		expect(output).toHaveLength(1000);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(output.every((item, index) => item.json.name === `new ${ids[index]}`)).toBe(true);
		expect(emulator.coupons(ACCOUNT).every((coupon) => coupon.name === `new ${coupon.id}`)).toBe(true);

		const wrongPaths = emulator.requests.filter(
			(request) => !/^\/v1\/public\/stripe\/connect\/accounts\/acct_resilience\/coupons\/C\d{4}$/.test(request.rawPath) || request.method !== 'PUT',
		);
		expect(wrongPaths).toEqual([]);
		// The faults really happened.
		expect(emulator.requests.length).toBeGreaterThan(1150);
		expect(emulator.stats.resets).toBeGreaterThan(10);
		expect(emulator.stats.hangs).toBeGreaterThan(3);
	}, 120_000);

	test('with permanent 404s under Continue On Fail, exactly those items are error items', async () => {
		emulator.setFaultProfile(profile);
		const ids = couponIds(300).map((id, index) => (index % 25 === 0 ? `GONE${index}` : id));
		const { output, error, run } = await renameAll(ids, options, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(JSON.stringify(run)).not.toContain(API_KEY);
		const failed = output.flatMap((item, index) => (item.json.error ? [index] : []));
		expect(failed).toEqual(ids.flatMap((id, index) => (id.startsWith('GONE') ? [index] : [])));
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (!ids[index].startsWith('GONE')) expect(item.json.name).toBe(`new ${ids[index]}`);
		});
	}, 120_000);
});
