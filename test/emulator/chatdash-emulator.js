// @ts-check
/**
 * A ChatDash API emulator: a real HTTP server on loopback, in the spirit of stripe-mock.
 *
 * It answers the documented endpoints with the documented shapes (ChatDash's API reference, https://docs.chat-dash.com/api-reference),
 * one module per area on a shared core (core.js: routing, errors, cursor paging, fault draws):
 *   agency-clients.js        clients and their members (GET /clients is also the credential test's call)
 *   agency-agents.js         agents and their assignment to clients
 *   agent-conversations.js   an agent's conversations, their messages, AI analysis, and the
 *                            recordings their `url` points at (outside the API prefix, no key)
 *   agent-leads.js           an agent's leads and lead tags
 *   agent-analytics.js       an agent's analytics query
 *   webhook-subscriptions.js call-event subscriptions (client API key) and deliveries to subscribers
 *   stripe-coupons.js        coupons and promotion codes of connected accounts
 *   stripe-products.js       products
 *   stripe-subscriptions.js  subscriptions
 *   stripe-invoices.js       invoices
 *   stripe-transactions.js   transactions
 * It checks the Authorization header against one agency key and records every request exactly as
 * it arrived (method, raw path, headers, body). Each module keeps its own state, seeded from the
 * start options, and says next to its handlers where it follows Stripe because the docs are silent.
 *
 * For resilience tests it can misbehave on demand, deterministically: added latency, scripted
 * faults (429 with Retry-After, 5xx with ChatDash's {"error": …} body, HTML or other non-JSON
 * bodies, connection resets, hung requests) and a seeded fault profile for whole runs.
 *
 * ASSUMPTIONS where the ChatDash docs are silent (they document only 200 and 500 {"error": "…"}):
 *   - a missing or wrong key gets 401, an unknown account or object 404, a malformed body or query
 *     400; each with a Stripe-style body {"error": {"type", "message"}}. The key is never echoed.
 *   - `next_cursor` is the last returned ID, to be passed back as `starting_after` (the evident
 *     intent of the docs, not stated in words).
 */
const http = require('node:http');

const { agencyAgents } = require('./agency-agents');
const { agentAnalytics } = require('./agent-analytics');
const { agentConversations } = require('./agent-conversations');
const { agentLeads } = require('./agent-leads');
const { agencyClients } = require('./agency-clients');
const core = require('./core');
const { stripeCoupons, makeCoupon } = require('./stripe-coupons');
const { stripeInvoices } = require('./stripe-invoices');
const { stripeProducts } = require('./stripe-products');
const { stripeSubscriptions } = require('./stripe-subscriptions');
const { stripeTransactions } = require('./stripe-transactions');
const { webhookSubscriptions } = require('./webhook-subscriptions');

const API_PREFIX = '/v1/public';
const DELIVER_PREFIX = '/_emulator/deliver/';

/**
 * @typedef {import('./core').RecordedRequest} RecordedRequest
 * @typedef {import('./core').FaultProfile} FaultProfile
 * @typedef {{ match?: (request: RecordedRequest) => boolean, times?: number } & (
 *   { status: number, body?: unknown, headers?: Record<string, string> } |
 *   { action: 'reset' | 'hang' })} Fault
 *   A scripted misbehaviour: an HTTP answer, a connection reset, or a request left hanging
 *   (never answered; the client must time out). `times` limits how often it fires.
 */

/**
 * @param {{ apiKey: string, accounts?: Record<string, Array<Partial<import('./stripe-coupons').Coupon> & { id: string }>>,
 *   stripe?: Record<string, Record<string, Array<Record<string, any>>>>,
 *   clients?: Array<Record<string, unknown>>, agents?: Array<Record<string, unknown>>,
 *   agentData?: Record<string, Record<string, Array<Record<string, any>>>>,
 *   clientApiKey?: string, clientId?: string, webhookSubscriptions?: Array<Record<string, any>>,
 *   refuseEmptyEvents?: boolean, port?: number, host?: string }} options
 *   `accounts`: connected accounts and their coupons. `stripe`: per connected account, seeds for
 *   the other Stripe modules (`products`, `subscriptions`, `invoices`, `transactions`; see each
 *   module); every account named in either is known, any other answers 404. `clients` (each
 *   may carry `members`) and `agents` seed the agency modules; `agentData[agentId]` the
 *   agent-scoped ones (`conversations`, `leads`, `tags`). `clientApiKey` (a `CD.CL.` key) and
 *   `clientId` are the one client key the Webhook Subscriptions accept and its client.
 */
async function startEmulator(options) {
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

	/** Connected accounts the emulator knows. @type {Set<string>} */
	const knownAccounts = new Set(Object.keys(options.stripe ?? {}));
	let counter = 0;
	/** @type {import('./core').EmulatorContext} */
	const context = {
		options,
		nextNumber: () => ++counter,
		now: () => Math.floor(Date.now() / 1000),
		addAccount: (accountId) => knownAccounts.add(accountId),
		accountMissing: (accountId) => (knownAccounts.has(accountId) ? undefined : core.noSuch('account', accountId)),
		shared: {},
		origin: '',
	};
	// Listening first, so that modules know the emulator's own address while seeding (recording
	// links). Requests use the modules below only once they arrive, after all of this has run.
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
			const outside = outsideRoutes.find((candidate) => pathPart.startsWith(candidate.prefix));
			if (outside) {
				outside.serve(request, req, res);
				return;
			}
			if (req.method === 'POST' && pathPart.startsWith(DELIVER_PREFIX)) {
				deliverOnRequest(decodeURIComponent(pathPart.slice(DELIVER_PREFIX.length)), res);
				return;
			}
			const answer = pathPart.startsWith(`${API_PREFIX}/`)
				? route(request)
				: { status: 404, body: core.stripeStyleError('invalid_request_error', 'Unknown API prefix') };
			if ('status' in answer) request.status = answer.status;
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
	context.origin = origin;
	const clients = agencyClients(context);
	const agents = agencyAgents(context);
	const conversations = agentConversations(context);
	const leads = agentLeads(context);
	const analytics = agentAnalytics(context);
	const hooks = webhookSubscriptions(context);
	const coupons = stripeCoupons(context);
	const products = stripeProducts(context);
	const subscriptions = stripeSubscriptions(context);
	const invoices = stripeInvoices(context);
	const transactions = stripeTransactions(context);
	/** @type {import('./core').Route[]} */
	const routes = [
		...clients.routes,
		...agents.routes,
		...conversations.routes,
		...leads.routes,
		...analytics.routes,
		...hooks.routes,
		...coupons.routes,
		...products.routes,
		...subscriptions.routes,
		...invoices.routes,
		...transactions.routes,
	];
	/** Routes outside the API prefix that take no key (recording downloads). */
	const outsideRoutes = [conversations.outside];

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
			request.faulted = true;
			if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
			if ('action' in fault) return { action: fault.action };
			return { status: fault.status, body: fault.body ?? '', headers: fault.headers };
		}
		if (profile && (!profile.match || profile.match(request))) {
			const key = `${request.method} ${request.path}`;
			const occurrence = (occurrences.get(key) ?? 0) + 1;
			occurrences.set(key, occurrence);
			const drawn = core.profileFault(profile, request.method, request.path, occurrence);
			if (drawn) request.faulted = true;
			if (drawn === '429') {
				return {
					status: 429,
					body: core.stripeStyleError('rate_limit_error', 'Too many requests. Please retry later.'),
					headers: { 'retry-after': String(profile.retryAfterSeconds ?? 1) },
				};
			}
			// The documented error body (https://docs.chat-dash.com/api-reference/stripe/pages/put-stripe-connect-coupon, '500'), here with a 503.
			if (drawn === '503') return { status: 503, body: { error: 'An unexpected error occurred' } };
			if (drawn) return { action: drawn };
		}
		// Every route wants the agency key but the Webhook Subscriptions routes (`clientKey`), which
		// want the client API key (and refuse every key when the emulator was given none).
		return core.dispatch(routes, request, (found) => {
			const { authorization } = request.headers;
			if (found.clientKey) {
				return options.clientApiKey && authorization === options.clientApiKey
					? undefined
					: { status: 401, body: core.stripeStyleError('invalid_request_error', 'Invalid client API key provided.') };
			}
			return authorization === options.apiKey
				? undefined
				: { status: 401, body: core.stripeStyleError('invalid_request_error', 'Invalid API key provided.') };
		});
	}

	/**
	 * The emulator's own control endpoint (outside the API): `POST /_emulator/deliver/<event>`
	 * delivers the documented sample of that call event to the subscribed URLs, so a person can fire
	 * a ChatDash Trigger from a shell (`npm run demo -- --ui` prints the command).
	 * @param {string} event @param {http.ServerResponse} res
	 */
	function deliverOnRequest(event, res) {
		hooks.api
			.deliver(event)
			.then((deliveries) => send(res, 200, { event, deliveries: deliveries.map(({ url, status }) => ({ url, status })) }))
			.catch((error) => send(res, 400, { error: String(error instanceof Error ? error.message : error) }));
	}


	return {
		origin,
		/** What the credential's Base URL should be set to. */
		baseUrl: `${origin}${API_PREFIX}`,
		port: address.port,
		/** Every request received, oldest first. */
		requests,
		...clients.api,
		...agents.api,
		...conversations.api,
		...leads.api,
		...analytics.api,
		...hooks.api,
		...coupons.api,
		...products.api,
		...subscriptions.api,
		...invoices.api,
		...transactions.api,
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
				conversations.stopRecordingTimers();
				for (const socket of hungSockets) socket.destroy();
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startEmulator, makeCoupon, API_PREFIX };
