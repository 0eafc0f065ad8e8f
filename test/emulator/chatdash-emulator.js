// @ts-check
/**
 * A ChatDash API emulator: a real HTTP server on loopback, in the spirit of stripe-mock.
 *
 * It answers the documented endpoints with the documented shapes (see ../shared/chatdash-api/):
 *   GET  /clients
 *   GET  /stripe/connect/accounts/{accountId}/coupons            (limit, starting_after)
 *   POST /stripe/connect/accounts/{accountId}/coupons            ({"data":{name, percent_off | amount_off+currency, duration, …}})
 *   PUT  /stripe/connect/accounts/{accountId}/coupons/{couponId} ({"data":{"name":…}})
 *   GET  /stripe/connect/accounts/{accountId}/coupons/{couponId}/promotion-codes (limit, starting_after)
 *   POST /stripe/connect/accounts/{accountId}/promotion-codes    ({"data":{coupon, code?, …}})
 * holds coupons per connected account in memory, checks the Authorization header against one
 * agency key, and records every request exactly as it arrived (method, raw path, headers, body).
 *
 * For resilience tests it can misbehave on demand, deterministically: added latency, scripted
 * faults (429 with Retry-After, 5xx with ChatDash's {"error": …} body, HTML or other non-JSON
 * bodies, connection resets, hung requests) and a seeded fault profile for whole runs.
 *
 * ASSUMPTIONS where the ChatDash docs are silent (they document only 200 and 500 {"error": "…"}):
 *   - a missing or wrong key gets 401, an unknown account or coupon 404, a malformed body or query
 *     400; each with a Stripe-style body {"error": {"type", "message"}}. The key is never echoed.
 *   - Create answers 201 (the docs say "Created"; the number is not shown). Its request schema is
 *     cut off in the docs after amount_off: the emulator accepts the fields of the documented
 *     coupon object (currency, duration, duration_in_months, max_redemptions, redeem_by, metadata)
 *     and checks them as Stripe does (exactly one of percent_off / amount_off, currency with
 *     amount_off, duration_in_months with "repeating").
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
 *   query: Record<string, string>, headers: http.IncomingHttpHeaders, body: string, json: unknown,
 *   receivedAt: number }} RecordedRequest
 * @typedef {{ match?: (request: RecordedRequest) => boolean, times?: number } & (
 *   { status: number, body?: unknown, headers?: Record<string, string> } |
 *   { action: 'reset' | 'hang' })} Fault
 *   A scripted misbehaviour: an HTTP answer, a connection reset, or a request left hanging
 *   (never answered; the client must time out). `times` limits how often it fires.
 * @typedef {{ seed: number, rate429?: number, rate503?: number, rateReset?: number,
 *   rateHang?: number, retryAfterSeconds?: number, match?: (request: RecordedRequest) => boolean }} FaultProfile
 *   Random-looking but deterministic faults: whether the n-th request to a path fails, and how,
 *   depends only on (seed, method, path, n), not on arrival order or timing.
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
	/** Promotion codes per account, in creation order. @type {Map<string, Array<Record<string, any>>>} */
	const promotionCodes = new Map();
	let createdCount = 0;
	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {Fault[]} */
	const faults = [];
	/** @type {FaultProfile | undefined} */
	let profile;
	let latencyMs = 0;
	/** How often each `method path` has been requested, for the fault profile. */
	const occurrences = new Map();
	const stats = { inFlight: 0, maxInFlight: 0, resets: 0, hangs: 0 };
	/** @type {Set<import('node:net').Socket>} */
	const hungSockets = new Set();
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

	/**
	 * @param {RecordedRequest} request
	 * @returns {{ status: number, body: unknown, headers?: Record<string,string> } | { action: 'reset' | 'hang' }}
	 */
	function route(request) {
		const fault = faults.find((candidate) => !candidate.match || candidate.match(request));
		if (fault) {
			if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
			if ('action' in fault) return { action: fault.action };
			return { status: fault.status, body: fault.body ?? '', headers: fault.headers };
		}
		if (profile && (!profile.match || profile.match(request))) {
			const key = `${request.method} ${request.path}`;
			const occurrence = (occurrences.get(key) ?? 0) + 1;
			occurrences.set(key, occurrence);
			const drawn = profileFault(profile, request.method, request.path, occurrence);
			if (drawn === '429') {
				return {
					status: 429,
					body: stripeStyleError('rate_limit_error', 'Too many requests. Please retry later.'),
					headers: { 'retry-after': String(profile.retryAfterSeconds ?? 1) },
				};
			}
			// The documented error body (put-stripe-connect-coupon.yaml, '500'), here with a 503.
			if (drawn === '503') return { status: 503, body: { error: 'An unexpected error occurred' } };
			if (drawn) return { action: drawn };
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
		if (isCoupons && s.length === 5 && request.method === 'POST') return createCoupon(s[3], request.json);
		if (isCoupons && s.length === 6 && request.method === 'PUT') return updateCoupon(s[3], s[5], request.json);
		if (isCoupons && s.length === 7 && s[6] === 'promotion-codes' && request.method === 'GET') {
			return listPromotionCodes(s[3], s[5], request.query);
		}
		const isPromotionCodes = s.length === 5 && s[0] === 'stripe' && s[1] === 'connect' && s[2] === 'accounts' && s[4] === 'promotion-codes';
		if (isPromotionCodes && request.method === 'POST') return createPromotionCode(s[3], request.json);
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
		return page([...store.values()], query);
	}

	/**
	 * One page of `all` per the documented cursor parameters.
	 * @template {{ id: string }} T @param {T[]} all @param {Record<string, string>} query
	 */
	function page(all, query) {
		const limit = query.limit === undefined ? DEFAULT_LIST_LIMIT : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
			return { status: 400, body: stripeStyleError('invalid_request_error', `Invalid limit: must be an integer between 1 and ${MAX_LIST_LIMIT}`) };
		}
		let start = 0;
		if (query.starting_after !== undefined) {
			const index = all.findIndex((entry) => entry.id === query.starting_after);
			if (index < 0) return { status: 400, body: stripeStyleError('invalid_request_error', `Invalid starting_after: no such object '${query.starting_after}'`) };
			start = index + 1;
		}
		const data = all.slice(start, start + limit);
		const hasMore = start + limit < all.length;
		return { status: 200, body: { data, has_more: hasMore, next_cursor: hasMore ? data[data.length - 1].id : null } };
	}

	/** @param {string} message */
	const invalid = (message) => ({ status: 400, body: stripeStyleError('invalid_request_error', message) });

	/** @param {string} accountId @param {unknown} json */
	function createCoupon(accountId, json) {
		const store = accounts.get(accountId);
		if (!store) return noSuchAccount(accountId);
		const data = /** @type {Record<string, any> | undefined} */ (/** @type {any} */ (json)?.data);
		if (!data || typeof data !== 'object') return invalid('Body must be {"data": {...}}');
		const allowed = ['id', 'name', 'percent_off', 'amount_off', 'currency', 'duration', 'duration_in_months', 'max_redemptions', 'redeem_by', 'metadata'];
		const unknown = Object.keys(data).filter((key) => !allowed.includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: data[${unknown[0]}]`);
		const hasPercent = data.percent_off !== undefined;
		const hasAmount = data.amount_off !== undefined;
		if (hasPercent === hasAmount) return invalid('Exactly one of percent_off or amount_off is required');
		if (hasPercent && !(typeof data.percent_off === 'number' && data.percent_off > 0 && data.percent_off <= 100)) return invalid('percent_off must be a number between 1 and 100');
		if (hasAmount && !(Number.isInteger(data.amount_off) && data.amount_off > 0)) return invalid('amount_off must be a positive integer');
		if (hasAmount && typeof data.currency !== 'string') return invalid('currency is required with amount_off');
		const duration = data.duration ?? 'once';
		if (!['once', 'repeating', 'forever'].includes(duration)) return invalid(`Invalid duration: ${duration}`);
		if ((duration === 'repeating') !== (data.duration_in_months !== undefined)) return invalid('duration_in_months is required with, and only with, duration "repeating"');
		const id = data.id ?? `cpn_${String(++createdCount).padStart(6, '0')}`;
		if (store.has(id)) return invalid(`Coupon already exists: '${id}'`);
		const coupon = makeCoupon({
			id,
			name: data.name ?? id,
			percent_off: hasPercent ? data.percent_off : null,
			amount_off: hasAmount ? data.amount_off : null,
			currency: hasAmount ? data.currency : null,
			duration,
			duration_in_months: data.duration_in_months ?? null,
			max_redemptions: data.max_redemptions ?? null,
			redeem_by: data.redeem_by ?? null,
			metadata: data.metadata ?? {},
			created: Math.floor(Date.now() / 1000),
		});
		store.set(id, coupon);
		return { status: 201, body: coupon };
	}

	/** @param {string} accountId @param {unknown} json */
	function createPromotionCode(accountId, json) {
		const store = accounts.get(accountId);
		if (!store) return noSuchAccount(accountId);
		const data = /** @type {Record<string, any> | undefined} */ (/** @type {any} */ (json)?.data);
		if (!data || typeof data !== 'object') return invalid('Body must be {"data": {...}}');
		const allowed = ['coupon', 'code', 'customer', 'max_redemptions', 'expires_at', 'restrictions'];
		const unknown = Object.keys(data).filter((key) => !allowed.includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: data[${unknown[0]}]`);
		if (typeof data.coupon !== 'string') return invalid('coupon is required');
		const coupon = store.get(data.coupon);
		if (!coupon) return { status: 404, body: stripeStyleError('invalid_request_error', `No such coupon: '${data.coupon}'`) };
		const codes = promotionCodes.get(accountId) ?? [];
		const code = data.code ?? `PROMO${String(++createdCount).padStart(6, '0')}`;
		if (codes.some((existing) => existing.code === code && existing.active)) return invalid(`An active promotion code '${code}' already exists`);
		const restrictions = data.restrictions ?? {};
		const promotionCode = {
			id: `promo_${String(++createdCount).padStart(8, '0')}`,
			object: 'promotion_code',
			active: true,
			code,
			coupon: { ...coupon },
			created: Math.floor(Date.now() / 1000),
			customer: data.customer ?? null,
			customer_account: null,
			expires_at: data.expires_at ?? null,
			livemode: false,
			max_redemptions: data.max_redemptions ?? null,
			metadata: {},
			restrictions: {
				first_time_transaction: restrictions.first_time_transaction ?? false,
				minimum_amount: restrictions.minimum_amount ?? null,
				minimum_amount_currency: restrictions.minimum_amount_currency ?? null,
			},
			times_redeemed: 0,
		};
		codes.push(promotionCode);
		promotionCodes.set(accountId, codes);
		return { status: 201, body: promotionCode };
	}

	/** @param {string} accountId @param {string} couponId @param {Record<string, string>} query */
	function listPromotionCodes(accountId, couponId, query) {
		const store = accounts.get(accountId);
		if (!store) return noSuchAccount(accountId);
		if (!store.has(couponId)) return { status: 404, body: stripeStyleError('invalid_request_error', `No such coupon: '${couponId}'`) };
		const codes = (promotionCodes.get(accountId) ?? []).filter((code) => code.coupon.id === couponId);
		// The coupon inside each code is the coupon as it is now (a renamed coupon shows its new name).
		return page(codes.map((code) => ({ ...code, id: String(code.id), coupon: { ...store.get(couponId) } })), query);
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
				receivedAt: Date.now(),
			};
			requests.push(request);
			stats.inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			let done = false;
			const finish = () => {
				if (!done) {
					done = true;
					stats.inFlight--;
				}
			};
			res.on('close', finish);
			const answer = pathPart.startsWith(`${API_PREFIX}/`)
				? route(request)
				: { status: 404, body: stripeStyleError('invalid_request_error', 'Unknown API prefix') };
			if ('action' in answer && answer.action === 'hang') {
				stats.hangs++;
				hungSockets.add(req.socket);
				req.socket.once('close', () => hungSockets.delete(req.socket));
				return;
			}
			const respond = () => {
				if ('action' in answer) {
					stats.resets++;
					req.socket.resetAndDestroy();
					finish();
					return;
				}
				send(res, answer.status, answer.body, answer.headers);
			};
			// setTimeout(fn, 0) waits about 1 ms: without latency, answer at once.
			if (latencyMs > 0) setTimeout(respond, latencyMs);
			else respond();
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
		/** @param {string} accountId */
		promotionCodes: (accountId) => (promotionCodes.get(accountId) ?? []).map((code) => ({ ...code })),
		/** Makes matching requests misbehave (`times` limits how often). @param {Fault} fault */
		addFault: (fault) => faults.push(fault),
		/** Seeded random faults on every matching request; undefined turns them off. @param {FaultProfile | undefined} next */
		setFaultProfile: (next) => {
			profile = next;
			occurrences.clear();
		},
		/** Delay before every answer, like a distant server. @param {number} ms */
		setLatency: (ms) => {
			latencyMs = ms;
		},
		/** In-flight counts and how many resets and hangs were served. */
		stats,
		clearRequests: () => requests.splice(0, requests.length),
		close: () =>
			new Promise((resolve) => {
				for (const socket of hungSockets) socket.destroy();
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startEmulator, makeCoupon, API_PREFIX };
