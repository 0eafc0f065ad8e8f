/**
 * When and how long to wait before sending a ChatDash request again. Pure functions, so the
 * policy can be read and tested on its own; the transport applies it.
 *
 * Only transient failures are retried: 429, 500, 502, 503, 504, a dropped or refused connection,
 * and a timeout. What may be retried depends on the method:
 *   - A 429 is retried whatever the method: it means the request was refused, not carried out
 *     (the Stripe-style meaning of "Too Many Requests"; ChatDash documents no 429), so resending
 *     it cannot apply anything twice. The wait is the server's Retry-After (capped), else backoff.
 *   - GET, PUT and DELETE are idempotent: sending them twice has the effect of sending them once,
 *     so every transient failure is retried (Coupon → Update is a PUT).
 *   - POST (the Create operations) is not: besides a 429, a POST is only retried when the request
 *     provably never reached the server (connection refused, name not resolved). A reset, a
 *     timeout or a 5xx after sending may mean it was applied; resending could create a duplicate.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';

export interface RetryPolicy {
	/** Total tries, the first included. 1 means no retry. */
	maxAttempts: number;
	/** First backoff step; doubles each retry (full jitter below it). */
	baseDelayMs: number;
	/** Upper bound of one backoff wait. */
	maxDelayMs: number;
	/** Upper bound of a server-requested wait (Retry-After). */
	maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 250,
	maxDelayMs: 8_000,
	maxRetryAfterMs: 60_000,
};

const TRANSIENT_STATUSES = new Set([429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);
/** Connection failures that happen before a single byte of the request reached the server. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_NETWORK_CODES = new Set([
	...NEVER_SENT_CODES,
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

export type Failure = { kind: 'status'; status: number } | { kind: 'network'; code: string | undefined };

export function isTransient(failure: Failure): boolean {
	return failure.kind === 'status'
		? TRANSIENT_STATUSES.has(failure.status)
		: failure.code !== undefined && TRANSIENT_NETWORK_CODES.has(failure.code);
}

/** Whether this failure of this method may be retried without risking a second effect. */
export function mayRetry(method: IHttpRequestMethods, failure: Failure): boolean {
	if (!isTransient(failure)) return false;
	if (IDEMPOTENT_METHODS.has(method)) return true;
	return !mayHaveBeenApplied(failure);
}

/**
 * Whether a failed try may nonetheless have been carried out by ChatDash: a 5xx, a dropped
 * connection or a timeout after the request was sent. A 429 is taken as "not done" (the
 * Stripe-style meaning; ChatDash documents no 429), and so is a connection that never opened.
 */
export function mayHaveBeenApplied(failure: Failure): boolean {
	if (failure.kind === 'status') return failure.status >= 500;
	return failure.code === undefined || !NEVER_SENT_CODES.has(failure.code);
}

/**
 * The wait a Retry-After header asks for, in ms: delta-seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/** Exponential backoff with full jitter; `attempt` is the number of tries made so far (1, 2, ...). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(random() * ceiling);
}

/** How long to wait before the next try: the server's Retry-After (capped) wins over backoff. */
export function retryDelay(
	attempt: number,
	retryAfterMs: number | undefined,
	policy: RetryPolicy,
	random: () => number,
): number {
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
	return backoffDelay(attempt, policy, random);
}
