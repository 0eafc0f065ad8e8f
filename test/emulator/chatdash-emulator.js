// @ts-check
/**
 * A ChatDash API emulator: a real HTTP server on loopback, in the spirit of stripe-mock.
 *
 * It answers the documented endpoints with the documented shapes (see ../shared/chatdash-api/):
 *   GET  /clients
 *   GET  /stripe/connect/accounts/{accountId}/coupons            (limit, starting_after)
 *   PUT  /stripe/connect/accounts/{accountId}/coupons/{couponId} ({"data":{"name":…}})
 * holds coupons per connected account in memory, checks the Authorization header against one
 * agency key, and records every request exactly as it arrived (method, raw path, headers, body).
 *
 * ASSUMPTIONS where the ChatDash docs are silent (they document only 200 and 500 {"error": "…"}):
 *   - a missing or wrong key gets 401, an unknown account or coupon 404, a malformed body or query
 *     400; each with a Stripe-style body {"error": {"type", "message"}}. The key is never echoed.
 *   - list order is insertion order; `next_cursor` is the last returned ID, to be passed back as
 *     `starting_after` (the evident intent of the docs, not stated in words).
 */
const http = require('node:http');

const API_PREFIX = '/v1/public';
const DEFAULT_LIST_LIMIT = 50; // documented default for List Coupons
const MAX_LIST_LIMIT = 100; // documented maximum

/**
 * @typedef {{
 *   id: string, object: 'coupon', amount_off: number|null, created: number, currency: string|null,
 *   duration: string, duration_in_months: number|null, livemode: boolean,
 *   max_redemptions: number|null, metadata: Record<string, unknown>, name: string,
 *   percent_off: number|null, redeem_by: number|null, times_redeemed: number, valid: boolean
 * }} Coupon
 * @typedef {{ method: string, rawPath: string, path: string, segments: string[],
 *   query: Record<string, string>, headers: http.IncomingHttpHeaders, body: string, json: unknown }} RecordedRequest
 * @typedef {{ match?: (request: RecordedRequest) => boolean, status: number, body?: unknown,
 *   headers?: Record<string, string>, times?: number }} Fault
 */

/**
 * A coupon with every documented field; `overrides` win.
 * @param {Partial<Coupon> & { id: string }} overrides
 * @returns {Coupon}
 */
function makeCoupon(overrides) {
	const { id, ...rest } = overrides;
	return {
		id,
		object: 'coupon',
		amount_off: null,
		created: 1700000000,
		currency: null,
		duration: 'once',
		duration_in_months: null,
		livemode: false,
		max_redemptions: null,
		metadata: {},
		name: overrides.id,
		percent_off: 25,
		redeem_by: null,
		times_redeemed: 0,
		valid: true,
		...rest,
	};
}

/** @param {string} type @param {string} message */
function stripeStyleError(type, message) {
	return { error: { type, message } };
}

/**
 * @param {{ apiKey: string, accounts?: Record<string, Array<Partial<Coupon> & { id: string }>>,
 *   clients?: Array<Record<string, unknown>>, port?: number, host?: string }} options
 */
async function startEmulator(options) {
	/** @type {Map<string, Map<string, Coupon>>} */
	const accounts = new Map();
	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {Fault[]} */
	const faults = [];
	const clients = options.clients ?? [
		{ _id: 'client_1', name: 'Acme Dental', language: 'en', isSaasClient: false },
	];

	/** @param {string} accountId @param {Array<Partial<Coupon> & { id: string }>} coupons */
	function seed(accountId, coupons) {
		const store = accounts.get(accountId) ?? new Map();
		for (const coupon of coupons) store.set(coupon.id, makeCoupon(coupon));
		accounts.set(accountId, store);
	}
	for (const [accountId, coupons] of Object.entries(options.accounts ?? {})) seed(accountId, coupons);

	/**
	 * @param {http.ServerResponse} res @param {number} status @param {unknown} body
	 * @param {Record<string, string>} [headers]
	 */
	function send(res, status, body, headers = {}) {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json',
			'content-length': Buffer.byteLength(text),
			...headers,
		});
		res.end(text);
	}

	/** @param {RecordedRequest} request @returns {{ status: number, body: unknown, headers?: Record<string,string> }} */
	function route(request) {
		const fault = faults.find((candidate) => !candidate.match || candidate.match(request));
		if (fault) {
			if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
			return { status: fault.status, body: fault.body ?? '', headers: fault.headers };
		}
		if (request.headers.authorization !== options.apiKey) {
			return {
				status: 401,
				body: stripeStyleError('invalid_request_error', 'Invalid API key provided.'),
			};
		}
		const s = request.segments;
		if (request.method === 'GET' && s.length === 1 && s[0] === 'clients') {
			return { status: 200, body: clients };
		}
		const isCoupons = s.length >= 5 && s[0] === 'stripe' && s[1] === 'connect' && s[2] === 'accounts' && s[4] === 'coupons';
		if (isCoupons && s.length === 5 && request.method === 'GET') return listCoupons(s[3], request.query);
		if (isCoupons && s.length === 6 && request.method === 'PUT') return updateCoupon(s[3], s[5], request.json);
		return { status: 404, body: stripeStyleError('invalid_request_error', `Unrecognized request URL (${request.method}: ${request.path}).`) };
	}

	/** @param {string} accountId */
	function noSuchAccount(accountId) {
		return { status: 404, body: stripeStyleError('invalid_request_error', `No such account: '${accountId}'`) };
	}

	/** @param {string} accountId @param {Record<string, string>} query */
	function listCoupons(accountId, query) {
		const store = accounts.get(accountId);
		if (!store) return noSuchAccount(accountId);
		const limit = query.limit === undefined ? DEFAULT_LIST_LIMIT : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
			return { status: 400, body: stripeStyleError('invalid_request_error', `Invalid limit: must be an integer between 1 and ${MAX_LIST_LIMIT}`) };
		}
		const all = [...store.values()];
		let start = 0;
		if (query.starting_after !== undefined) {
			const index = all.findIndex((coupon) => coupon.id === query.starting_after);
			if (index < 0) return { status: 400, body: stripeStyleError('invalid_request_error', `Invalid starting_after: no such coupon '${query.starting_after}'`) };
			start = index + 1;
		}
		const data = all.slice(start, start + limit);
		const hasMore = start + limit < all.length;
		return { status: 200, body: { data, has_more: hasMore, next_cursor: hasMore ? data[data.length - 1].id : null } };
	}

	/** @param {string} accountId @param {string} couponId @param {unknown} json */
	function updateCoupon(accountId, couponId, json) {
		const store = accounts.get(accountId);
		if (!store) return noSuchAccount(accountId);
		const coupon = store.get(couponId);
		if (!coupon) return { status: 404, body: stripeStyleError('invalid_request_error', `No such coupon: '${couponId}'`) };
		const data = /** @type {{ data?: { name?: unknown } } | undefined} */ (json)?.data;
		if (!data || typeof data !== 'object' || typeof data.name !== 'string') {
			return { status: 400, body: stripeStyleError('invalid_request_error', 'Body must be {"data": {"name": string}}') };
		}
		const unknownFields = Object.keys(data).filter((key) => key !== 'name');
		if (unknownFields.length) {
			return { status: 400, body: stripeStyleError('invalid_request_error', `Received unknown parameter: data[${unknownFields[0]}]`) };
		}
		coupon.name = data.name;
		return { status: 200, body: coupon };
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const rawPath = req.url ?? '';
			const [pathPart, queryPart = ''] = rawPath.split('?', 2);
			const body = Buffer.concat(chunks).toString('utf8');
			let json;
			try {
				json = body ? JSON.parse(body) : undefined;
			} catch {
				json = undefined;
			}
			const path = pathPart.startsWith(API_PREFIX) ? pathPart.slice(API_PREFIX.length) : pathPart;
			/** @type {string[]} */
			let segments;
			try {
				segments = path.split('/').filter((segment, index) => index > 0 || segment !== '').map(decodeURIComponent);
			} catch {
				segments = [];
			}
			/** @type {RecordedRequest} */
			const request = {
				method: req.method ?? '',
				rawPath,
				path,
				segments,
				query: Object.fromEntries(new URLSearchParams(queryPart)),
				headers: req.headers,
				body,
				json,
			};
			requests.push(request);
			if (!pathPart.startsWith(`${API_PREFIX}/`)) {
				send(res, 404, stripeStyleError('invalid_request_error', 'Unknown API prefix'));
				return;
			}
			const answer = route(request);
			send(res, answer.status, answer.body, answer.headers);
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined));
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const origin = `http://${address.address}:${address.port}`;

	return {
		origin,
		/** What the credential's Base URL should be set to. */
		baseUrl: `${origin}${API_PREFIX}`,
		port: address.port,
		/** Every request received, oldest first. */
		requests,
		seed,
		/** @param {string} accountId @returns {Coupon[]} */
		coupons: (accountId) => [...(accounts.get(accountId)?.values() ?? [])].map((coupon) => ({ ...coupon })),
		/** @param {string} accountId @param {string} couponId @returns {Coupon | undefined} */
		coupon: (accountId, couponId) => {
			const coupon = accounts.get(accountId)?.get(couponId);
			return coupon && { ...coupon };
		},
		/** Makes matching requests fail with the given status and body (`times` limits how often). @param {Fault} fault */
		addFault: (fault) => faults.push(fault),
		clearRequests: () => requests.splice(0, requests.length),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startEmulator, makeCoupon, API_PREFIX };
