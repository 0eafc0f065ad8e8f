import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { CHATDASH_DEFAULT_BASE_URL } from '../../../credentials/ChatDashApi.credentials';
import {
	DEFAULT_RETRY_POLICY,
	mayHaveBeenApplied,
	mayRetry,
	parseRetryAfter,
	retryDelay,
	type Failure,
	type RetryPolicy,
} from './retry';

export const CHATDASH_CREDENTIAL_TYPE = 'chatDashApi';

type ChatDashContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Everything an operation decides about a call; the transport decides how it goes over the wire. */
export interface ChatDashRequest {
	method: IHttpRequestMethods;
	/** Path after the base URL, one entry per segment. Each entry is encoded into exactly one segment. */
	path: readonly string[];
	/** JSON body; an array for endpoints that take many records at once (see `batch`). */
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** What a 404 means for this call, in the user's terms (which IDs to check). */
	notFoundMessage?: string;
	/**
	 * For list endpoints: follow the cursor (`has_more`, `next_cursor` → `starting_after`) and
	 * return the entries under `key`, all of them or the first `limit`. `sendsLimit: false` for an
	 * endpoint that documents no `limit` query parameter: the limit is then applied to what
	 * ChatDash returns. Without `key` the answer is a bare array (the lists outside Stripe
	 * Connect, which document no paging): one request, no paging parameters, Limit applied here.
	 */
	list?: { key?: string; returnAll: boolean; limit: number; sendsLimit?: boolean };
	/**
	 * For a DELETE: what to output when a retry answers 404 after an earlier try that may have been
	 * carried out (a 5xx, a dropped connection, a timeout). That 404 means the earlier try deleted
	 * it; reporting it as "not found" would tell the user the delete failed when it succeeded.
	 */
	goneAfterRetry?: IDataObject;
	/**
	 * For a create whose answer carries no ID (ChatDash answers some creates with only
	 * `{"message": …}`): a list request to read back, and how to recognise the created record in
	 * it. Exactly one match is output in place of the message; none or several, and the message is
	 * output with `identified: false` and the reason. Never a guess between candidates.
	 */
	identify?: { list: ChatDashRequest; match: (entry: IDataObject) => boolean; what: string };
	/**
	 * For endpoints that take many records in one JSON array body (Create Leads): the record this
	 * item contributes. The router sends the records of items with the same method and path
	 * together, up to `maxSize` per request, in input order, and pairs the i-th record ChatDash
	 * answers with the i-th item of the batch. `body` is then ignored.
	 */
	batch?: { record: IDataObject; maxSize: number };
	/** Applied to every object output (e.g. to leave out secrets the user did not ask for). */
	present?: (entry: IDataObject) => IDataObject;
}

/** The documented maximum page size of the Stripe Connect list endpoints. */
export const MAX_PAGE_SIZE = 100;

type ChatDashCredentials = ICredentialDataDecryptedObject & { apiKey: string; baseUrl?: string };

export type ChatDashClient = ReturnType<typeof createChatDashClient>;

/** What n8n's HTTP helpers give back with `returnFullResponse: true`. */
export interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

const REDACTED = '[redacted]';

/**
 * Joins the base URL and path segments. Each segment is percent-encoded on its own, so an ID such
 * as `a/b`, `?x=1` or `#frag` stays one segment. `.` and `..` are refused: URL parsers resolve them
 * (even as `%2E%2E`), which would send the request to another path.
 */
export function buildUrl(baseUrl: string, segments: readonly string[]): string {
	const base = baseUrl.trim().replace(/\/+$/, '');
	const encoded = segments.map((segment) => {
		if (segment === '' || segment === '.' || segment === '..') {
			throw new Error(`Path segment ${JSON.stringify(segment)} cannot be sent`);
		}
		return encodeURIComponent(segment);
	});
	return `${base}/${encoded.join('/')}`;
}

/** Replaces every occurrence of the secret in a string or (deeply) in a JSON value. */
export function redactSecret<T>(value: T, secret: string | undefined): T {
	if (!secret || value === undefined || value === null) return value;
	if (typeof value === 'string') return value.split(secret).join(REDACTED) as T;
	if (typeof value !== 'object') return value;
	return JSON.parse(redactSecret(JSON.stringify(value), secret)) as T;
}

/** The human-readable message in an error body, whatever shape the server chose. */
export function extractApiMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return text ? text.slice(0, 300) : undefined;
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	for (const key of ['error', 'message', 'detail']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object') {
			const nested = extractApiMessage(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

function headerValue(headers: RawResponse['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export const isRedirect = (status: number) => status >= 300 && status < 400;

/**
 * The message for a redirect. Neither node follows one (`disableFollowRedirect`): n8n would resend
 * the Authorization header to wherever it points, and a 301/302 may turn the method into a GET.
 * ChatDash's docs document no redirects.
 */
export function describeRedirect(
	response: RawResponse,
	credentialName: string,
): { message: string; description: string } {
	const location = headerValue(response.headers, 'location');
	return {
		message: `ChatDash answered with a redirect (HTTP ${response.statusCode})${location ? ` to ${location}` : ''}`,
		description:
			`Redirects are not followed, so the key is never sent anywhere but the Base URL. Check the Base URL in the '${credentialName}' credential` +
			(location ? '; if the address above is ChatDash’s API, use it as the Base URL.' : '.'),
	};
}

/**
 * A Retry-After value in words, with its unit: "1 second", "2.5 seconds", or "until <HTTP date>".
 * Undefined when absent; an unreadable value is quoted as sent.
 */
export function describeRetryAfter(value: string | undefined): string | undefined {
	const text = value?.trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return `${Number(text)} ${Number(text) === 1 ? 'second' : 'seconds'}`;
	return Number.isNaN(Date.parse(text)) ? `"${text}"` : `until ${text}`;
}

/**
 * Maps an HTTP status to a message that says what to do. The ChatDash docs document only 200 and
 * 500 `{"error": "..."}`; the wording for 3xx/401/403/404/4xx/429 follows what Stripe-style APIs send
 * and relies on the body's own message where one exists.
 */
export function describeHttpFailure(
	response: RawResponse,
	request: Pick<ChatDashRequest, 'notFoundMessage'>,
): { message: string; description: string } {
	const status = response.statusCode;
	if (isRedirect(status)) return describeRedirect(response, 'ChatDash API');
	const apiMessage = extractApiMessage(response.body);
	const said = apiMessage ? ` ChatDash said: "${apiMessage}".` : '';
	if (status === 401 || status === 403) {
		return {
			message: `ChatDash rejected the API key (HTTP ${status})`,
			description:
				"Check the API Key in the 'ChatDash API' credential: it must be the agency API key from your ChatDash agency profile, without a 'Bearer' prefix." +
				said,
		};
	}
	if (status === 404) {
		return {
			message: request.notFoundMessage ?? 'ChatDash could not find the requested resource (HTTP 404)',
			description: `Check the IDs in the node's fields.${said}`,
		};
	}
	if (status === 429) {
		const wait = describeRetryAfter(headerValue(response.headers, 'retry-after'));
		return {
			message: 'ChatDash rate limit reached (HTTP 429)',
			description:
				(wait ? `ChatDash asked to wait ${wait} before retrying. ` : '') +
				"A 429 means ChatDash did not apply the request, so the node sends it again after that wait, up to 'Max Attempts' (under Options): raise it, or lower 'Concurrency'." +
				said,
		};
	}
	if (status >= 500) {
		return {
			message: `ChatDash server error (HTTP ${status})${apiMessage ? `: ${apiMessage}` : ''}`,
			description:
				'The request reached ChatDash but failed on its side. Try again later; if it keeps failing, contact ChatDash support.',
		};
	}
	return {
		message: apiMessage
			? `ChatDash rejected the request (HTTP ${status}): ${apiMessage}`
			: `ChatDash rejected the request (HTTP ${status})`,
		description: 'Check the values in the node fields against what ChatDash accepts.',
	};
}

/** Per-try timeout unless the node's Timeout option says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

type Outcome =
	| { kind: 'response'; response: RawResponse }
	| { kind: 'network'; code: string | undefined; message: string };

function describeFailure(outcome: Outcome): string {
	return outcome.kind === 'response' ? `HTTP ${outcome.response.statusCode}` : (outcome.code ?? 'network error');
}

function asFailure(outcome: Outcome): Failure {
	return outcome.kind === 'response'
		? { kind: 'status', status: outcome.response.statusCode }
		: { kind: 'network', code: outcome.code };
}

/**
 * A ChatDash API client for one node execution: credentials are read once, every request carries
 * the key (through n8n's httpRequestWithAuthentication), and transient failures are retried per
 * the RetryPolicy (see retry.ts for what may be retried).
 *
 * Failures become a NodeApiError built only from the status and the (redacted) response body, so
 * the request headers, and with them the API key, never reach the error n8n stores and shows.
 */
export function createChatDashClient(
	context: ChatDashContext,
	options: { retry?: Partial<RetryPolicy>; timeoutMs?: number } = {},
) {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	let credentialsPromise: Promise<ICredentialsDecrypted<ChatDashCredentials>> | undefined;

	async function loadCredentials(): Promise<ICredentialsDecrypted<ChatDashCredentials>> {
		const data = (await context.getCredentials(CHATDASH_CREDENTIAL_TYPE)) as unknown as ChatDashCredentials;
		const reference = context.getNode().credentials?.[CHATDASH_CREDENTIAL_TYPE];
		return { id: reference?.id ?? '', name: reference?.name ?? '', type: CHATDASH_CREDENTIAL_TYPE, data };
	}

	async function sendOnce(
		options: IHttpRequestOptions,
		credentials: ICredentialsDecrypted<ChatDashCredentials>,
	): Promise<Outcome> {
		try {
			// Passing the decrypted credentials saves n8n a credential lookup per request.
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CHATDASH_CREDENTIAL_TYPE,
				{ ...options, headers: { ...options.headers } },
				{ credentialsDecrypted: credentials },
			)) as RawResponse;
			return { kind: 'response', response };
		} catch (error) {
			const reason = error as { code?: string; message?: string; cause?: { code?: string } };
			return { kind: 'network', code: reason.cause?.code ?? reason.code, message: reason.message ?? '' };
		}
	}

	/** Sends the request (retrying transient failures) and returns the parsed body. */
	async function send(request: ChatDashRequest, itemIndex?: number): Promise<unknown> {
		const credentials = await (credentialsPromise ??= loadCredentials());
		const apiKey = credentials.data?.apiKey;
		const baseUrl = credentials.data?.baseUrl?.trim() || CHATDASH_DEFAULT_BASE_URL;
		const httpOptions: IHttpRequestOptions = {
			method: request.method,
			url: buildUrl(baseUrl, request.path),
			qs: request.qs,
			body: request.body,
			json: true,
			timeout: timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// An error, not followed (see describeRedirect). Following none also saves n8n's
			// redirect wrapper on every request (~0.25 ms CPU per item in the bench).
			disableFollowRedirect: true,
		};

		const tries: string[] = [];
		let mayHaveBeenDone = false;
		for (let attempt = 1; ; attempt++) {
			const outcome = await sendOnce(httpOptions, credentials);
			if (outcome.kind === 'response' && outcome.response.statusCode < 300) return outcome.response.body;
			if (mayHaveBeenDone && request.goneAfterRetry && outcome.kind === 'response' && outcome.response.statusCode === 404) {
				return request.goneAfterRetry;
			}
			tries.push(describeFailure(outcome));
			const failure = asFailure(outcome);
			mayHaveBeenDone ||= mayHaveBeenApplied(failure);
			if (attempt >= policy.maxAttempts || !mayRetry(request.method, failure)) {
				throw failureError(context, outcome, request, { baseUrl, apiKey, tries, itemIndex });
			}
			const retryAfter =
				outcome.kind === 'response'
					? parseRetryAfter(headerValue(outcome.response.headers, 'retry-after'), Date.now())
					: undefined;
			await sleep(retryDelay(attempt, retryAfter, policy, Math.random));
		}
	}

	/**
	 * Sends a list request page by page. The docs say `next_cursor` is "Cursor for the next page"
	 * and `starting_after` "returns results after this ID"; passing one as the other is their
	 * evident intent, not stated in words.
	 */
	async function sendList(request: ChatDashRequest, itemIndex?: number): Promise<IDataObject[]> {
		const { key, returnAll, limit } = request.list!;
		const sendsLimit = key !== undefined && request.list!.sendsLimit !== false;
		const entries: IDataObject[] = [];
		let cursor: string | undefined;
		do {
			const qs: IDataObject = { ...request.qs };
			if (sendsLimit) qs.limit = returnAll ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, limit - entries.length);
			if (cursor) qs.starting_after = cursor;
			const page = (await send({ ...request, qs }, itemIndex)) as IDataObject | undefined;
			const pageEntries = key === undefined ? page : page?.[key];
			if (!Array.isArray(pageEntries)) {
				throw new NodeApiError(context.getNode(), { body: (page ?? null) as JsonObject }, {
					message: 'ChatDash answered with an unexpected list',
					description: key === undefined ? 'Expected a JSON array.' : `Expected the entries under "${key}".`,
					itemIndex,
				});
			}
			entries.push(...(pageEntries as IDataObject[]));
			cursor =
				key !== undefined && page?.has_more && typeof page.next_cursor === 'string' ? page.next_cursor : undefined;
		} while (cursor && (returnAll || entries.length < limit));
		return returnAll ? entries : entries.slice(0, limit);
	}

	return { send, sendList };
}

function failureError(
	context: ChatDashContext,
	outcome: Outcome,
	request: ChatDashRequest,
	details: { baseUrl: string; apiKey: string | undefined; tries: string[]; itemIndex?: number },
): NodeApiError {
	const { baseUrl, apiKey, tries, itemIndex } = details;
	// A rate limit always says how many tries were made (one, with Max Attempts 1): the user's
	// fix is Max Attempts or Concurrency, and the count tells which.
	const rateLimited = outcome.kind === 'response' && outcome.response.statusCode === 429;
	const attemptsNote =
		tries.length > 1 ? ` Tried ${tries.length} times: ${tries.join(', ')}.` : rateLimited ? ' Tried once.' : '';
	const afterAttempts = tries.length > 1 ? ` after ${tries.length} attempts` : '';
	if (outcome.kind === 'network') {
		// The code goes into the description, not the message, and not as `code`: NodeApiError
		// replaces any message that mentions a well-known code with a generic sentence.
		return new NodeApiError(context.getNode(), { networkError: outcome.code ?? null } as JsonObject, {
			message: `Could not reach ChatDash at ${baseUrl}${afterAttempts}`,
			description: redactSecret(
				`${outcome.code ? `The connection failed (${outcome.code}). ` : ''}Check the Base URL in the 'ChatDash API' credential and the network between n8n and ChatDash.${attemptsNote} ${outcome.message}`.trim(),
				apiKey,
			),
			itemIndex,
		});
	}
	const { response } = outcome;
	const { message, description } = describeHttpFailure(response, request);
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(response.statusCode), body: redactSecret(response.body, apiKey) } as JsonObject,
		{
			message: redactSecret(`${message}${afterAttempts}`, apiKey),
			description: redactSecret(`${description}${attemptsNote}`, apiKey),
			httpCode: String(response.statusCode),
			itemIndex,
		},
	);
}
