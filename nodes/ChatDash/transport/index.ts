import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IHookFunctions,
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

type ChatDashContext = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * A credential the transport sends with, and how HTTP failures speak of it. The wording around
 * these sentences is shared by the node and the trigger; only what differs between the agency key
 * and a client key (where each is found, what the user can change) is given here.
 */
export interface ApiCredential {
	/** n8n's credential type. */
	type: string;
	/** Its display name, as errors name it. */
	name: string;
	/** The label of its key field. */
	keyField: string;
	advice: {
		/** 401/403, after "Check the <keyField> in the '<name>' credential: ". */
		key: string;
		/** 404, when the request names no better (which IDs to check). */
		notFound: string;
		/** 429, after ChatDash's wait: whether the call is sent again, and what the user can change. */
		rateLimited: string;
		/** 5xx, after "The request reached ChatDash but failed on its side.". */
		serverError: string;
		/** Any other 4xx: which values to check. */
		rejected: string;
	};
}

/** The agency key (credentials/ChatDashApi.credentials.ts), which the ChatDash node sends with. */
export const AGENCY_CREDENTIAL: ApiCredential = {
	type: 'chatDashApi',
	name: 'ChatDash API',
	keyField: 'API Key',
	advice: {
		key: "it must be the agency API key from your ChatDash agency profile, without a 'Bearer' prefix.",
		notFound: "Check the IDs in the node's fields.",
		rateLimited:
			"A 429 means ChatDash did not apply the request, so the node sends it again after that wait, up to 'Max Attempts' (under Options): raise it, or lower 'Concurrency'.",
		serverError: 'Try again later; if it keeps failing, contact ChatDash support.',
		rejected: 'Check the values in the node fields against what ChatDash accepts.',
	},
};

/**
 * What the transport needs to send one call: where, what, and how to read the answer. What the
 * router does around a call (batching, read-back, follow-up steps) is in actions/operation.ts's
 * ChatDashRequest, which extends this.
 */
export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path after the base URL, one entry per segment. Each entry is encoded into exactly one segment. */
	path: readonly string[];
	/** JSON body; an array for endpoints that take many records at once (see ChatDashRequest's `batch`). */
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
}

/** The documented maximum page size of the Stripe Connect list endpoints. */
export const MAX_PAGE_SIZE = 100;

type ChatDashCredentials = ICredentialDataDecryptedObject & { apiKey: string; baseUrl?: string };

/** The credential's Base URL, or ChatDash's when it is left empty. */
export function baseUrlOf(data: ICredentialDataDecryptedObject | undefined): string {
	const baseUrl = data?.baseUrl;
	return typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : CHATDASH_DEFAULT_BASE_URL;
}

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
 * Maps an HTTP status to a message that says what to do, in the same words for the node and the
 * trigger; the credential supplies its name and its own advice. The ChatDash docs document only
 * 200 and 500 `{"error": "..."}`; the wording for 3xx/401/403/404/4xx/429 follows what
 * Stripe-style APIs send and relies on the body's own message where one exists.
 */
export function describeHttpFailure(
	response: RawResponse,
	{ credential = AGENCY_CREDENTIAL, notFoundMessage }: { credential?: ApiCredential; notFoundMessage?: string },
): { message: string; description: string } {
	const status = response.statusCode;
	if (isRedirect(status)) return describeRedirect(response, credential.name);
	const { advice } = credential;
	const apiMessage = extractApiMessage(response.body);
	const said = apiMessage ? ` ChatDash said: "${apiMessage}".` : '';
	if (status === 401 || status === 403) {
		return {
			message: `ChatDash rejected the API key (HTTP ${status})`,
			description: `Check the ${credential.keyField} in the '${credential.name}' credential: ${advice.key}${said}`,
		};
	}
	if (status === 404) {
		return {
			message: notFoundMessage ?? 'ChatDash could not find the requested resource (HTTP 404)',
			description: `${advice.notFound}${said}`,
		};
	}
	if (status === 429) {
		const wait = describeRetryAfter(headerValue(response.headers, 'retry-after'));
		return {
			message: 'ChatDash rate limit reached (HTTP 429)',
			description: (wait ? `ChatDash asked to wait ${wait} before retrying. ` : '') + advice.rateLimited + said,
		};
	}
	if (status >= 500) {
		return {
			message: `ChatDash server error (HTTP ${status})${apiMessage ? `: ${apiMessage}` : ''}`,
			description: `The request reached ChatDash but failed on its side. ${advice.serverError}`,
		};
	}
	return {
		message: apiMessage
			? `ChatDash rejected the request (HTTP ${status}): ${apiMessage}`
			: `ChatDash rejected the request (HTTP ${status})`,
		description: advice.rejected,
	};
}

/**
 * How a failure's message and description count the tries (what each gave, e.g. "HTTP 503"):
 * nothing for a single try, unless `sayOnce`.
 */
function attemptsWording(tries: readonly string[], sayOnce: boolean): { attemptsNote: string; afterAttempts: string } {
	if (tries.length > 1) return { attemptsNote: ` Tried ${tries.length} times: ${tries.join(', ')}.`, afterAttempts: ` after ${tries.length} attempts` };
	return { attemptsNote: sayOnce && tries.length === 1 ? ' Tried once.' : '', afterAttempts: '' };
}

/**
 * The error for an answer that is not a success, node and trigger alike. Built from the status
 * and the redacted body only, so the request headers, and with them the key, never reach the
 * error n8n stores and shows. `step` (the trigger's) says what was being done; `tries` (the
 * node's) lists the attempts.
 */
export function httpFailureError(
	context: ChatDashContext | IHookFunctions,
	response: RawResponse,
	details: {
		credential: ApiCredential;
		apiKey: string | undefined;
		notFoundMessage?: string;
		step?: string;
		tries?: string[];
		itemIndex?: number;
	},
): NodeApiError {
	const { credential, apiKey, notFoundMessage, step, tries = [], itemIndex } = details;
	// A rate limit always says how many tries were made (one, with Max Attempts 1): the user's
	// fix is Max Attempts or Concurrency, and the count tells which.
	const { attemptsNote, afterAttempts } = attemptsWording(tries, response.statusCode === 429);
	const { message, description } = describeHttpFailure(response, { credential, notFoundMessage });
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(response.statusCode), body: redactSecret(response.body, apiKey) } as JsonObject,
		{
			message: redactSecret(`${step ? `Could not ${step}: ` : ''}${message}${afterAttempts}`, apiKey),
			description: redactSecret(`${description}${attemptsNote}`, apiKey),
			httpCode: String(response.statusCode),
			itemIndex,
		},
	);
}

/** Per-try timeout unless the node's Timeout option says otherwise; the trigger's calls use it as is. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The n8n request options of one ChatDash call, node and trigger alike: JSON both ways, every
 * status handed back rather than thrown (this transport words the failures), and redirects
 * refused (see describeRedirect).
 */
export function requestOptions(
	baseUrl: string,
	request: Pick<ApiRequest, 'method' | 'path' | 'qs' | 'body'>,
	timeoutMs = DEFAULT_TIMEOUT_MS,
): IHttpRequestOptions {
	return {
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
}

export type Outcome =
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
 * One try of an authenticated ChatDash request, for the node and the trigger alike (each names its
 * credential type): the only place that calls n8n's authenticated HTTP helper. A connection that
 * fails is an outcome, not an exception, so the caller decides whether to try again.
 * `credentialsDecrypted`, when given, saves n8n a credential lookup per request.
 */
export async function sendOnce(
	context: ChatDashContext | IHookFunctions,
	credentialType: string,
	options: IHttpRequestOptions,
	credentialsDecrypted?: ICredentialsDecrypted,
): Promise<Outcome> {
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			{ ...options, headers: { ...options.headers } },
			credentialsDecrypted ? { credentialsDecrypted } : undefined,
		)) as RawResponse;
		return { kind: 'response', response };
	} catch (error) {
		const reason = error as { code?: string; message?: string; cause?: { code?: string } };
		return { kind: 'network', code: reason.cause?.code ?? reason.code, message: reason.message ?? '' };
	}
}

/**
 * The error for a connection that failed, in the same words for the node and the trigger. The
 * code goes into the description, not the message, and not as `code`: NodeApiError replaces any
 * message that mentions a well-known code with a generic sentence.
 */
export function networkFailureError(
	context: ChatDashContext | IHookFunctions,
	outcome: Extract<Outcome, { kind: 'network' }>,
	details: { baseUrl: string; apiKey: string | undefined; credential: ApiCredential; tries?: string[]; itemIndex?: number },
): NodeApiError {
	const { baseUrl, apiKey, credential, tries = [], itemIndex } = details;
	const { attemptsNote, afterAttempts } = attemptsWording(tries, false);
	return new NodeApiError(context.getNode(), { networkError: outcome.code ?? null } as JsonObject, {
		message: `Could not reach ChatDash at ${baseUrl}${afterAttempts}`,
		description: redactSecret(
			`${outcome.code ? `The connection failed (${outcome.code}). ` : ''}Check the Base URL in the '${credential.name}' credential and the network between n8n and ChatDash.${attemptsNote} ${outcome.message}`.trim(),
			apiKey,
		),
		itemIndex,
	});
}

/**
 * A ChatDash API client for one node execution: credentials (the agency key unless `credential`
 * names another) are read once, every request carries the key (through n8n's
 * httpRequestWithAuthentication), and transient failures are retried per the RetryPolicy (see
 * retry.ts for what may be retried). Failures become httpFailureError's NodeApiError.
 */
export function createChatDashClient(
	context: ChatDashContext,
	options: { credential?: ApiCredential; retry?: Partial<RetryPolicy>; timeoutMs?: number } = {},
) {
	const credential = options.credential ?? AGENCY_CREDENTIAL;
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	let credentialsPromise: Promise<ICredentialsDecrypted<ChatDashCredentials>> | undefined;

	async function loadCredentials(): Promise<ICredentialsDecrypted<ChatDashCredentials>> {
		const data = (await context.getCredentials(credential.type)) as unknown as ChatDashCredentials;
		const reference = context.getNode().credentials?.[credential.type];
		return { id: reference?.id ?? '', name: reference?.name ?? '', type: credential.type, data };
	}

	/** Sends the request (retrying transient failures) and returns the parsed body. */
	async function send(request: ApiRequest, itemIndex?: number): Promise<unknown> {
		const credentials = await (credentialsPromise ??= loadCredentials());
		const apiKey = credentials.data?.apiKey;
		const baseUrl = baseUrlOf(credentials.data);
		const httpOptions = requestOptions(baseUrl, request, timeoutMs);

		const tries: string[] = [];
		let mayHaveBeenDone = false;
		for (let attempt = 1; ; attempt++) {
			const outcome = await sendOnce(context, credential.type, httpOptions, credentials);
			if (outcome.kind === 'response' && outcome.response.statusCode < 300) return outcome.response.body;
			if (mayHaveBeenDone && request.goneAfterRetry && outcome.kind === 'response' && outcome.response.statusCode === 404) {
				return request.goneAfterRetry;
			}
			tries.push(describeFailure(outcome));
			const failure = asFailure(outcome);
			mayHaveBeenDone ||= mayHaveBeenApplied(failure);
			if (attempt >= policy.maxAttempts || !mayRetry(request.method, failure)) {
				throw outcome.kind === 'network'
					? networkFailureError(context, outcome, { baseUrl, apiKey, credential, tries, itemIndex })
					: httpFailureError(context, outcome.response, {
							credential,
							apiKey,
							notFoundMessage: request.notFoundMessage,
							tries,
							itemIndex,
						});
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
	async function sendList(request: ApiRequest, itemIndex?: number): Promise<IDataObject[]> {
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

	return { send, sendList, policy };
}

/**
 * Downloads (recordings)
 * ----------------------
 * A file at a URL ChatDash gave (a conversation's recording `url`), fetched WITHOUT the ChatDash
 * credential and without any ChatDash header: plain `helpers.httpRequest`, never
 * `httpRequestWithAuthentication`. The body is handed on as a stream, counted as it passes, so a
 * long call is never held whole in memory here.
 *
 * - Only http and https URLs are fetched; anything else (file:, ftp:, data:, …) is refused before
 *   any request. Redirects are followed by this code (n8n's own following is off), only to
 *   http(s) targets and at most MAX_DOWNLOAD_REDIRECTS hops.
 * - Transient failures before the body starts (429, 5xx, dropped or refused connections,
 *   timeouts) are retried per retry.ts: a GET may be resent. Once the body has started, a failure
 *   is reported, not retried (the bytes are already on their way into n8n's binary store).
 * - `maxBytes`: a Content-Length above it is refused before the body is read; a body that grows
 *   past it is cut off with an error. A body shorter than its Content-Length is an error.
 * - `timeoutMs` bounds one whole try: from sending until the last byte.
 */
export const MAX_DOWNLOAD_REDIRECTS = 5;

type DownloadProblem =
	| { kind: 'scheme'; scheme: string; redirected: boolean }
	| { kind: 'badUrl' }
	| { kind: 'status'; status: number; host: string; tries: string[] }
	| { kind: 'network'; code: string | undefined; host: string; tries: string[] }
	| { kind: 'tooManyRedirects'; host: string }
	| { kind: 'tooLarge'; maxBytes: number; declared?: number }
	| { kind: 'truncated'; received: number; expected?: number }
	| { kind: 'timeout'; timeoutMs: number };

/** How a download's errors name things: the file, and the node options that set its limits. */
export interface DownloadLabels {
	/** e.g. `the recording of conversation "…"` */
	what: string;
	/** the option that sets `maxBytes`, e.g. "Max Recording Size (MB)" */
	sizeOption: string;
	/** the option that sets `timeoutMs`, e.g. "Download Timeout" */
	timeoutOption: string;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

/**
 * The error for a failed download, in the user's terms. Built from the problem only: no request
 * header, and of the URL only its host (a recording link may carry a signed token).
 */
function downloadError(
	context: IExecuteFunctions,
	problem: DownloadProblem,
	labels: DownloadLabels,
	itemIndex: number,
): NodeApiError {
	const { what } = labels;
	const retried = 'tries' in problem && problem.tries.length > 1;
	const afterTries = retried ? ` after ${problem.tries.length} attempts` : '';
	const triesNote = retried ? ` Tried ${problem.tries.length} times: ${problem.tries.join(', ')}.` : '';
	const error = (message: string, description: string, httpCode?: number) =>
		new NodeApiError(context.getNode(), { download: problem.kind } as JsonObject, {
			message,
			description,
			itemIndex,
			...(httpCode ? { httpCode: String(httpCode) } : {}),
		});
	switch (problem.kind) {
		case 'scheme':
			return error(
				problem.redirected
					? `Not downloading ${what}: the host redirected to a "${problem.scheme}" link`
					: `Not downloading ${what}: its link is a "${problem.scheme}" link`,
				`Only http and https links are downloaded; ${problem.redirected ? 'the redirect was not followed' : 'nothing was requested'}.`,
			);
		case 'badUrl':
			return error(`Not downloading ${what}: its link is not a valid URL`, 'Nothing was requested.');
		case 'status':
			if (problem.status === 403 || problem.status === 404) {
				return error(
					`The recording host refused ${what} (HTTP ${problem.status}): the link may have expired`,
					`${problem.host} answered ${problem.status}. Recording links can expire: run the node again, which re-reads the conversation from ChatDash for its current link. If it keeps failing, check the recording in ChatDash.`,
					problem.status,
				);
			}
			return error(
				`The recording host answered HTTP ${problem.status} for ${what}${afterTries}`,
				`${problem.host} did not send the file.${triesNote} Try again later.`,
				problem.status,
			);
		case 'network':
			return error(
				`Could not reach the host of ${what}${afterTries}`,
				`The connection to ${problem.host} failed${problem.code ? ` (${problem.code})` : ''}.${triesNote}`,
			);
		case 'tooManyRedirects':
			return error(
				`Not downloading ${what}: more than ${MAX_DOWNLOAD_REDIRECTS} redirects`,
				`${problem.host} kept redirecting; the last redirect was not followed.`,
			);
		case 'tooLarge':
			return error(
				`${what[0].toUpperCase()}${what.slice(1)} is larger than the ${labels.sizeOption} (${megabytes(problem.maxBytes)})`,
				(problem.declared !== undefined
					? `The host announced ${problem.declared} bytes (${megabytes(problem.declared)}); nothing was downloaded.`
					: `The download was stopped at ${megabytes(problem.maxBytes)}.`) +
					` Raise '${labels.sizeOption}' under Options to download it.`,
			);
		case 'truncated':
			// `received` counts the bytes passed on; a connection that breaks off may have brought
			// a few more that were never read, so the message does not claim an exact count.
			return error(
				problem.expected !== undefined
					? `The download of ${what} was cut short: less than the ${problem.expected} bytes announced arrived`
					: `The download of ${what} broke off before the end`,
				problem.expected !== undefined
					? `The host closed the connection before the length it announced (Content-Length); ${problem.received} bytes had been passed on. Nothing was kept. Run the node again.`
					: `The host closed the connection before the end of the file; ${problem.received} bytes had been passed on. Nothing was kept. Run the node again.`,
			);
		case 'timeout':
			return error(
				`The download of ${what} took longer than the ${labels.timeoutOption} (${problem.timeoutMs / 1000} s)`,
				`Raise '${labels.timeoutOption}' under Options for long recordings or a slow host.`,
			);
	}
}

/** The stream n8n's HTTP helpers return with `encoding: 'stream'` (a Node.js Readable). */
type BodyStream = NodeJS.ReadableStream & {
	destroy(error?: Error): void;
	readableEnded?: boolean;
	on(event: string, listener: (...args: unknown[]) => void): BodyStream;
};

export interface DownloadedBody {
	/** The body, counted and checked as it is read; fails with the NodeApiError of the problem. */
	stream: BodyStream;
	/** The Content-Type's media type, lower-cased, without parameters; undefined when absent. */
	mimeType?: string;
	/** Content-Length, when the host sent one. */
	contentLength?: number;
	/** The URL the body came from (after redirects). */
	finalUrl: URL;
	/** The error that ended the stream, if any (a consumer may rewrap the stream's own error). */
	failure(): NodeApiError | undefined;
}

const HTTP_SCHEMES = new Set(['http:', 'https:']);

/** The URL if it may be downloaded (http or https); otherwise the problem. */
function parseDownloadUrl(value: string, base?: URL): URL | DownloadProblem {
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		return { kind: 'badUrl' };
	}
	if (!HTTP_SCHEMES.has(url.protocol)) return { kind: 'scheme', scheme: url.protocol, redirected: base !== undefined };
	return url;
}

const isStream = (body: unknown): body is BodyStream =>
	!!body && typeof (body as BodyStream).on === 'function' && typeof (body as BodyStream).destroy === 'function';

/** Reads and discards a body that is not used (an error page, a redirect), freeing the socket. */
function discard(body: unknown) {
	if (isStream(body)) {
		body.on('error', () => {});
		body.resume();
	}
}

export interface DownloadOptions {
	timeoutMs: number;
	maxBytes: number;
	retry?: Partial<RetryPolicy>;
	labels: DownloadLabels;
	itemIndex: number;
}

export async function downloadFile(
	context: IExecuteFunctions,
	address: string,
	options: DownloadOptions,
): Promise<DownloadedBody> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
	const fail = (problem: DownloadProblem) => downloadError(context, problem, options.labels, options.itemIndex);
	const firstUrl = parseDownloadUrl(address);
	if (!(firstUrl instanceof URL)) throw fail(firstUrl);
	const tries: string[] = [];
	for (let attempt = 1; ; attempt++) {
		// One deadline per try, from sending until the last byte of the body.
		const deadline = AbortSignal.timeout(options.timeoutMs);
		let url = firstUrl;
		let outcome: Outcome | undefined;
		for (let hop = 0; !outcome; hop++) {
			let response: RawResponse;
			try {
				response = (await context.helpers.httpRequest({
					method: 'GET',
					url: url.href,
					// Identity, so that Content-Length counts the bytes this code sees.
					headers: { 'accept-encoding': 'identity' },
					encoding: 'stream',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
					timeout: options.timeoutMs,
					abortSignal: deadline,
				})) as RawResponse;
			} catch (error) {
				if (deadline.aborted) throw fail({ kind: 'timeout', timeoutMs: options.timeoutMs });
				const reason = error as { code?: string; cause?: { code?: string } };
				outcome = { kind: 'network', code: reason.cause?.code ?? reason.code, message: '' };
				break;
			}
			const location = headerValue(response.headers, 'location');
			if (isRedirect(response.statusCode) && location) {
				discard(response.body);
				if (hop >= MAX_DOWNLOAD_REDIRECTS) throw fail({ kind: 'tooManyRedirects', host: url.host });
				const next = parseDownloadUrl(location, url);
				if (!(next instanceof URL)) throw fail(next);
				url = next;
				continue;
			}
			if (response.statusCode >= 300) {
				discard(response.body);
				outcome = { kind: 'response', response: { ...response, body: undefined } };
				break;
			}
			return checkedBody(response, url, options, deadline, fail);
		}
		tries.push(describeFailure(outcome));
		const failure = asFailure(outcome);
		if (attempt >= policy.maxAttempts || !mayRetry('GET', failure)) {
			throw fail(
				outcome.kind === 'response'
					? { kind: 'status', status: outcome.response.statusCode, host: url.host, tries }
					: { kind: 'network', code: outcome.code, host: url.host, tries },
			);
		}
		const retryAfter =
			outcome.kind === 'response'
				? parseRetryAfter(headerValue(outcome.response.headers, 'retry-after'), Date.now())
				: undefined;
		await sleep(retryDelay(attempt, retryAfter, policy, Math.random));
	}
}

/** `Readable.from` of the Node.js stream class the body is an instance of (no import needed). */
type ReadableFrom = (iterable: AsyncIterable<unknown>) => BodyStream;
function readableFromOf(stream: object): ReadableFrom | undefined {
	for (let proto = Object.getPrototypeOf(stream); proto; proto = Object.getPrototypeOf(proto)) {
		const constructor = (proto as { constructor?: { name?: string; from?: unknown } }).constructor;
		if (constructor?.name === 'Readable' && typeof constructor.from === 'function') {
			return (constructor.from as ReadableFrom).bind(constructor);
		}
	}
	return undefined;
}

/**
 * The body of a 2xx answer, passed on through a counting stream (Readable.from over the body,
 * so the consumer's pace sets the reading pace and nothing piles up here): past `maxBytes` it
 * fails with `tooLarge`, a break or an end before Content-Length with `truncated`, the try's
 * deadline with `timeout`.
 */
function checkedBody(
	response: RawResponse,
	url: URL,
	options: DownloadOptions,
	deadline: AbortSignal,
	toError: (problem: DownloadProblem) => NodeApiError,
): DownloadedBody {
	const declared = Number(headerValue(response.headers, 'content-length'));
	const contentLength = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
	const body = response.body;
	const from = isStream(body) ? readableFromOf(body) : undefined;
	if (!isStream(body) || !from) throw toError({ kind: 'truncated', received: 0, expected: contentLength });
	if (contentLength !== undefined && contentLength > options.maxBytes) {
		body.destroy();
		throw toError({ kind: 'tooLarge', maxBytes: options.maxBytes, declared: contentLength });
	}
	let received = 0;
	let failure: NodeApiError | undefined;
	const stop = (problem: DownloadProblem) => {
		failure ??= toError(problem);
		body.destroy(failure);
		return failure;
	};
	const onDeadline = () => stop({ kind: 'timeout', timeoutMs: options.timeoutMs });
	deadline.addEventListener('abort', onDeadline, { once: true });
	async function* counted() {
		try {
			for await (const chunk of body as AsyncIterable<{ length: number }>) {
				received += chunk.length;
				if (received > options.maxBytes) throw stop({ kind: 'tooLarge', maxBytes: options.maxBytes });
				yield chunk;
			}
		} catch {
			// Whatever broke the body off (a reset, a close before Content-Length): say what arrived.
			throw (failure ??= toError({ kind: 'truncated', received, expected: contentLength }));
		} finally {
			deadline.removeEventListener('abort', onDeadline);
		}
		if (contentLength !== undefined && received < contentLength) {
			throw (failure ??= toError({ kind: 'truncated', received, expected: contentLength }));
		}
	}
	const contentType = headerValue(response.headers, 'content-type');
	const mimeType = contentType?.split(';')[0].trim().toLowerCase() || undefined;
	return { stream: from(counted()), mimeType, contentLength, finalUrl: url, failure: () => failure };
}
