import { forEachWithConcurrency } from '../../nodes/ChatDash/helpers/concurrency';
import {
	backoffDelay,
	DEFAULT_RETRY_POLICY,
	isTransient,
	mayHaveBeenApplied,
	mayRetry,
	parseRetryAfter,
	retryDelay,
} from '../../nodes/ChatDash/transport/retry';

describe('which failures are retried', () => {
	test.each([429, 500, 502, 503, 504])('HTTP %d is transient', (status) => {
		expect(isTransient({ kind: 'status', status })).toBe(true);
	});

	test.each([400, 401, 403, 404, 409, 422, 501])('HTTP %d is permanent', (status) => {
		expect(isTransient({ kind: 'status', status })).toBe(false);
	});

	test.each(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE'])('%s is transient', (code) => {
		expect(isTransient({ kind: 'network', code })).toBe(true);
	});

	test('an unknown or missing network code is not retried', () => {
		expect(isTransient({ kind: 'network', code: 'ERR_TLS_CERT_ALTNAME_INVALID' })).toBe(false);
		expect(isTransient({ kind: 'network', code: undefined })).toBe(false);
	});

	test('PUT and GET retry every transient failure', () => {
		for (const method of ['PUT', 'GET'] as const) {
			expect(mayRetry(method, { kind: 'status', status: 503 })).toBe(true);
			expect(mayRetry(method, { kind: 'network', code: 'ECONNRESET' })).toBe(true);
		}
	});

	test('POST retries only when the request provably was not carried out: refused connection or 429', () => {
		expect(mayRetry('POST', { kind: 'network', code: 'ECONNREFUSED' })).toBe(true);
		expect(mayRetry('POST', { kind: 'network', code: 'ENOTFOUND' })).toBe(true);
		expect(mayRetry('POST', { kind: 'status', status: 429 })).toBe(true);
		expect(mayRetry('POST', { kind: 'network', code: 'ECONNRESET' })).toBe(false);
		expect(mayRetry('POST', { kind: 'network', code: 'ECONNABORTED' })).toBe(false);
		expect(mayRetry('POST', { kind: 'network', code: 'ETIMEDOUT' })).toBe(false);
		expect(mayRetry('POST', { kind: 'network', code: undefined })).toBe(false);
	});

	test.each([500, 502, 503, 504])('POST is never resent after HTTP %d (it may have been applied)', (status) => {
		expect(mayRetry('POST', { kind: 'status', status })).toBe(false);
		expect(mayRetry('PATCH', { kind: 'status', status })).toBe(false);
	});

	test.each(['GET', 'HEAD', 'PUT', 'DELETE', 'POST', 'PATCH'] as const)('a 429 is resent for %s (ChatDash did not apply it)', (method) => {
		expect(mayRetry(method, { kind: 'status', status: 429 })).toBe(true);
	});

	test('a permanent 4xx is resent for no method, 429 aside', () => {
		for (const method of ['GET', 'PUT', 'DELETE', 'POST'] as const) {
			for (const status of [400, 401, 404, 409, 422]) expect(mayRetry(method, { kind: 'status', status })).toBe(false);
		}
	});
});

describe('whether a failed try may have been carried out (a retried DELETE then answering 404)', () => {
	test.each([500, 502, 503, 504])('HTTP %d: maybe (the request reached ChatDash)', (status) => {
		expect(mayHaveBeenApplied({ kind: 'status', status })).toBe(true);
	});

	test('HTTP 429 and 4xx: no', () => {
		for (const status of [400, 404, 429]) expect(mayHaveBeenApplied({ kind: 'status', status })).toBe(false);
	});

	test('a reset, a timeout or an unknown network failure: maybe; a connection never opened: no', () => {
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', undefined]) {
			expect(mayHaveBeenApplied({ kind: 'network', code })).toBe(true);
		}
		for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']) {
			expect(mayHaveBeenApplied({ kind: 'network', code })).toBe(false);
		}
	});
});

describe('how long to wait', () => {
	const now = Date.parse('2026-11-23T12:00:00Z');

	test('Retry-After in seconds or as an HTTP date', () => {
		expect(parseRetryAfter('3', now)).toBe(3000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
		expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	test('backoff doubles per try, is capped, and is jittered below its ceiling', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
		expect(backoffDelay(3, policy, () => 0)).toBe(0);
		expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
	});

	test('a server-requested wait wins over backoff, up to its cap', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, maxRetryAfterMs: 10_000 };
		expect(retryDelay(1, 2000, policy, () => 1)).toBe(2000);
		expect(retryDelay(1, 3_600_000, policy, () => 1)).toBe(10_000);
		expect(retryDelay(1, undefined, policy, () => 1)).toBe(policy.baseDelayMs);
	});
});

describe('forEachWithConcurrency', () => {
	const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	test('never runs more than the limit at once, and runs every index once', async () => {
		let running = 0;
		let peak = 0;
		const seen: number[] = [];
		await forEachWithConcurrency(20, 3, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await tick(index % 4);
			seen.push(index);
			running--;
		});
		expect(peak).toBe(3);
		expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	test('after a failure no new work starts, and the lowest failing index is thrown', async () => {
		const started: number[] = [];
		await expect(
			forEachWithConcurrency(50, 4, async (index) => {
				started.push(index);
				await tick(index === 2 ? 5 : 1);
				if (index === 2 || index === 3) throw new Error(`failed ${index}`);
			}),
		).rejects.toThrow('failed 2');
		expect(started.length).toBeLessThan(50);
	});

	test('zero items do nothing', async () => {
		const worker = jest.fn();
		await forEachWithConcurrency(0, 4, worker);
		expect(worker).not.toHaveBeenCalled();
	});
});
