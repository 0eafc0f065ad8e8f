// @ts-check
/**
 * The shared core of the ChatDash emulator: routing, answers in ChatDash's (and, where the docs are
 * silent, Stripe's) style, the documented cursor pagination, and deterministic fault draws.
 * Resource modules (`stripe-*.js`, …) build on it; `chatdash-emulator.js` puts them together.
 */

/**
 * @typedef {{ method: string, rawPath: string, path: string, segments: string[],
 *   query: Record<string, string>, headers: import('node:http').IncomingHttpHeaders, body: string, json: unknown,
 *   receivedAt: number, status?: number, faulted?: boolean }} RecordedRequest
 *   `status`: the HTTP status answered (none for a reset or a hang); `faulted`: answered by a
 *   scripted fault or the fault profile, so no route saw it (nothing was applied).
 * @typedef {{ status: number, body: unknown, headers?: Record<string, string> }} Answer
 * @typedef {{ params: Record<string, string>, query: Record<string, string>, json: any, request: RecordedRequest }} Call
 * @typedef {{ method: string, path: string, handle: (call: Call) => Answer, clientKey?: boolean }} Route
 *   `path` after the API prefix, e.g. `stripe/connect/accounts/:accountId/products/:productId`;
 *   a `:name` segment matches any one segment and is passed decoded in `params`. `clientKey`: the
 *   route takes a client API key (Webhook Subscriptions), not the agency key; dispatch's
 *   `authorize` checks the key before `handle` runs.
 * @typedef {{ routes: Route[], api?: Record<string, unknown> }} EmulatorModule
 * @typedef {{
 *   options: Record<string, any>,
 *   nextNumber: () => number,
 *   now: () => number,
 *   addAccount: (accountId: string) => void,
 *   accountMissing: (accountId: string) => Answer | undefined,
 *   shared: Record<string, any>,
 *   origin: string,
 * }} EmulatorContext
 *   What every module shares: the start options, one counter for generated IDs, the clock (unix
 *   seconds), the set of known connected accounts (an unknown account is a 404 everywhere), and
 *   `shared`, where a module publishes lookups other modules use at request time (e.g. the products
 *   module sets `shared.product(accountId, productId)` for subscriptions to check their product).
 *   `origin`: the emulator's own http://host:port, set before any module is made (for links the
 *   emulator serves itself, such as recordings).
 * @typedef {{ prefix: string, serve: (request: RecordedRequest, req: import('node:http').IncomingMessage,
 *   res: import('node:http').ServerResponse) => void }} OutsideRoute
 *   A route outside the API prefix, answered by the module itself (raw HTTP), with no key check.
 */

/** @param {string} type @param {string} message */
function stripeStyleError(type, message) {
	return { error: { type, message } };
}

/**
 * ASSUMPTION (docs silent): a malformed body or query gets 400 with a Stripe-style body.
 * @param {string} message @returns {Answer}
 */
const invalid = (message) => ({ status: 400, body: stripeStyleError('invalid_request_error', message) });

/**
 * ASSUMPTION (docs silent): an unknown object gets 404 with Stripe's wording.
 * @param {string} what e.g. "subscription" @param {string} id @returns {Answer}
 */
const noSuch = (what, id) => ({ status: 404, body: stripeStyleError('invalid_request_error', `No such ${what}: '${id}'`) });

/** @param {unknown} body @param {number} [status] @returns {Answer} */
const ok = (body, status = 200) => ({ status, body });

/**
 * The `data` envelope of a Stripe Connect request body, or a 400 answer.
 * @param {unknown} json @param {string[]} allowed the fields this endpoint accepts
 * @returns {{ data: Record<string, any> } | { answer: Answer }}
 */
function envelope(json, allowed) {
	const data = /** @type {any} */ (json)?.data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) return { answer: invalid('Body must be {"data": {...}}') };
	const unknown = Object.keys(data).filter((key) => !allowed.includes(key));
	if (unknown.length) return { answer: invalid(`Received unknown parameter: data[${unknown[0]}]`) };
	return { data };
}

/**
 * One page of `all` per the documented cursor parameters (`limit` 1..100, `starting_after`):
 * `{[key]: entries, has_more, next_cursor}` where `next_cursor` is the last returned ID (the
 * entry's `idKey`: `id`, or `productId` for products).
 * @param {Array<Record<string, any>>} all @param {Record<string, string>} query
 * @param {{ key?: string, defaultLimit?: number, idKey?: string }} [shape]
 * @returns {Answer}
 */
function page(all, query, shape = {}) {
	const { key = 'data', defaultLimit = 50, idKey = 'id' } = shape;
	const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
		return invalid('Invalid limit: must be an integer between 1 and 100');
	}
	let start = 0;
	if (query.starting_after !== undefined) {
		const index = all.findIndex((entry) => entry[idKey] === query.starting_after);
		if (index < 0) return invalid(`Invalid starting_after: no such object '${query.starting_after}'`);
		start = index + 1;
	}
	const entries = all.slice(start, start + limit);
	const hasMore = start + limit < all.length;
	return ok({ [key]: entries, has_more: hasMore, next_cursor: hasMore ? entries[entries.length - 1][idKey] : null });
}

/**
 * Unix seconds from a `created_start`/`created_end`-style query value, or a 400 answer.
 * @param {string | undefined} value @param {string} name
 * @returns {{ seconds?: number } | { answer: Answer }}
 */
function unixSecondsQuery(value, name) {
	if (value === undefined) return {};
	if (!/^\d+$/.test(value)) return { answer: invalid(`Invalid ${name}: must be unix seconds`) };
	return { seconds: Number(value) };
}

/**
 * Finds the route for a request and calls it, or answers 404 for an unknown URL. `authorize`
 * answers instead of the route when the request may not use it (a wrong key).
 * @param {Route[]} routes @param {RecordedRequest} request
 * @param {(route: Route) => Answer | undefined} [authorize]
 * @returns {Answer}
 */
function dispatch(routes, request, authorize = () => undefined) {
	for (const route of routes) {
		if (route.method !== request.method) continue;
		const pattern = route.path.split('/');
		if (pattern.length !== request.segments.length) continue;
		/** @type {Record<string, string>} */
		const params = {};
		const matches = pattern.every((piece, index) => {
			const segment = request.segments[index];
			if (piece.startsWith(':')) {
				params[piece.slice(1)] = segment;
				return true;
			}
			return piece === segment;
		});
		if (matches) return authorize(route) ?? route.handle({ params, query: request.query, json: request.json, request });
	}
	return {
		status: 404,
		body: stripeStyleError('invalid_request_error', `Unrecognized request URL (${request.method}: ${request.path}).`),
	};
}

/**
 * A number in [0, 1) from a string, the same every time (FNV-1a, mixed, then scaled).
 * @param {string} text
 */
function uniformHash(text) {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	// FNV alone barely moves when only the last character changes (the occurrence counter), so
	// the result is mixed with MurmurHash3's finalizer.
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b) >>> 0;
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
	hash ^= hash >>> 16;
	return (hash >>> 0) / 0x100000000;
}

/**
 * @typedef {{ seed: number, rate429?: number, rate503?: number, rateReset?: number,
 *   rateHang?: number, retryAfterSeconds?: number, match?: (request: RecordedRequest) => boolean }} FaultProfile
 *   Random-looking but deterministic faults: whether the n-th request to a path fails, and how,
 *   depends only on (seed, method, path, n), not on arrival order or timing.
 */

/**
 * The fault a profile assigns to the `occurrence`-th request (1-based) of `method path`, if any.
 * @param {FaultProfile} profile @param {string} method @param {string} path @param {number} occurrence
 * @returns {'429' | '503' | 'reset' | 'hang' | undefined}
 */
function profileFault(profile, method, path, occurrence) {
	let draw = uniformHash(`${profile.seed}|${method}|${path}|${occurrence}`);
	for (const [fault, rate] of /** @type {const} */ ([
		['429', profile.rate429],
		['503', profile.rate503],
		['reset', profile.rateReset],
		['hang', profile.rateHang],
	])) {
		if (draw < (rate ?? 0)) return fault;
		draw -= rate ?? 0;
	}
	return undefined;
}

/** A zero-padded number, for generated IDs. @param {number} number @param {number} [width] */
const padded = (number, width = 6) => String(number).padStart(width, '0');

/**
 * @template T
 * @typedef {{ of: (accountId: string) => Map<string, T>, all: (accountId: string) => T[], find: (accountId: string, id: string) => T | undefined }} PerAccountStore
 */

/**
 * Records of one kind (coupons, products, …) per connected account, each account's in insertion
 * order. `of` gives an account's map, made empty on first use; `all` and `find` only read.
 * @template T
 * @returns {PerAccountStore<T>}
 */
function perAccountStore() {
	/** @type {Map<string, Map<string, T>>} */
	const accounts = new Map();
	return {
		of: (accountId) => {
			let store = accounts.get(accountId);
			if (!store) accounts.set(accountId, (store = new Map()));
			return store;
		},
		all: (accountId) => [...(accounts.get(accountId)?.values() ?? [])],
		find: (accountId, id) => accounts.get(accountId)?.get(id),
	};
}

module.exports = {
	stripeStyleError,
	invalid,
	noSuch,
	ok,
	envelope,
	page,
	unixSecondsQuery,
	dispatch,
	uniformHash,
	profileFault,
	padded,
	perAccountStore,
};
