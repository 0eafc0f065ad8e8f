// @ts-check
/**
 * Emulated Webhook Subscriptions (https://docs.chat-dash.com/api-reference/webhooks/pages/post-webhook-subscriptions, https://docs.chat-dash.com/api-reference/webhooks/pages/get-webhook-subscriptions,
 * https://docs.chat-dash.com/api-reference/webhooks/pages/get-webhook-subscription, https://docs.chat-dash.com/api-reference/webhooks/pages/put-webhook-subscription-events) and the
 * deliveries of the call events (https://help.chat-dash.com/en/help/articles/4675125-webhook-events):
 *   GET  /webhooks/subscriptions?clientId=…                bare array of subscriptions
 *   GET  /webhooks/subscriptions/{subscriptionId}          the subscription
 *   POST /webhooks/subscriptions                           {clientId, agentId, webhookUrl, events} → the subscription
 *   PUT  /webhooks/subscriptions/{subscriptionId}/events   {add?, remove?} → the updated subscription
 * A subscription is {_id, clientId, agentId, webhookUrl, events, createdAt, updatedAt}.
 *
 * Authorization: unlike every other ChatDash endpoint, these take a CLIENT API key (starts with
 * `CD.CL.`), sent raw. Each route declares `clientKey: true`, and the emulator's dispatch answers
 * 401 to any other key (the agency key included) before a handler runs.
 *
 * State lives in the emulator process, so it survives restarts of n8n. `deliver(event)` POSTs the
 * documented sample payload of `event` (JSON versions of the help article's samples, below) to the
 * webhook URL of every subscription that has that event, and resolves to the HTTP statuses.
 *
 * Options: `clientApiKey` (the one valid client key), `clientId` (the client that key belongs to;
 * default `client_1`, the default client of agency-clients.js), `webhookSubscriptions` (seeds:
 * subscription objects), `refuseEmptyEvents` (true: a PUT …/events leaving no event answers 400).
 *
 * ASSUMPTIONS where the docs are silent (they show only the success answers):
 *   - a missing or wrong key 401; a clientId other than the key's client 403; an unknown
 *     subscription 404; a malformed body (unknown fields included: the agent field is sent as the
 *     documented `agentId`) 400; each Stripe-style {"error": {"type", "message"}} (core.js).
 *   - Create answers 201 (the docs show no number: "2XX").
 *   - `add` of an event already there and `remove` of one not there are no-ops; removing every
 *     event is accepted (unless `refuseEmptyEvents`) and leaves a subscription that receives nothing.
 *   - Deliveries are POSTs with Content-Type application/json, no signature, no retries.
 *   - Dates are ISO 8601 strings; `messages` of call.ended holds four objects (the sample prints
 *     `[Object]` four times): here `{}` each, since their content is not shown.
 */
const core = require('./core');

const { invalid, noSuch, ok, padded, stripeStyleError } = core;

const EVENTS = ['call.started', 'call.missed', 'call.ended', 'call.inbound'];
const SAMPLE_DATE = '2025-08-14T18:18:58.015+00:00';

/** The help article's samples, as JSON. @type {Record<string, Record<string, unknown>>} */
const SAMPLE_EVENTS = {
	'call.started': {
		event: 'call.started',
		conversation: {
			platformId: 'Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6',
			channel: 'outbound',
			agentNumber: '+12137771234',
			customerNumber: '+12137771235',
			metadata: {},
			startedAt: SAMPLE_DATE,
		},
	},
	'call.missed': {
		event: 'call.missed',
		conversation: {
			_id: 'oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD',
			platformId: 'Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6',
			channel: 'outbound',
			agentNumber: '+12137771234',
			customerNumber: '+12137771235',
			endedReason: 'dial_no_answer',
			metadata: {},
			startedAt: SAMPLE_DATE,
			endedAt: SAMPLE_DATE,
		},
	},
	'call.ended': {
		event: 'call.ended',
		conversation: {
			_id: 'oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD',
			platformId: 'Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6',
			channel: 'outbound',
			agentNumber: '+12137771234',
			customerNumber: '+12137771235',
			cost: 0.18,
			duration: 1.23,
			url: 'https://recording-url...',
			endedReason: 'dial_no_answer',
			noAnswer: false,
			summary: 'This call...',
			evaluation: { isSuccess: true },
			messages: [{}, {}, {}, {}],
			customAnalysis: {},
			metadata: {},
			startedAt: SAMPLE_DATE,
			endedAt: SAMPLE_DATE,
		},
	},
	'call.inbound': {
		event: 'call.inbound',
		agentNumber: '+12137771234',
		customerNumber: '+12137771235',
	},
};

/**
 * @typedef {{ _id: string, clientId: string, agentId: string, webhookUrl: string, events: string[],
 *   createdAt: string, updatedAt: string }} WebhookSubscription
 * @typedef {{ url: string, subscriptionId: string, status: number, body: string }} Delivery
 */

/** @param {unknown} value */
const isText = (value) => typeof value === 'string' && value.trim() !== '';
/** @param {unknown} value */
const isObject = (value) => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
/** @param {unknown} value @returns {value is string[]} */
const isEventList = (value) => Array.isArray(value) && value.every((event) => EVENTS.includes(event));

/** @param {WebhookSubscription} subscription */
const copy = (subscription) => ({ ...subscription, events: [...subscription.events] });

/**
 * @param {import('./core').EmulatorContext} context
 */
function webhookSubscriptions(context) {
	const keyClientId = context.options.clientId ?? 'client_1';
	/** @type {Map<string, WebhookSubscription>} */
	const subscriptions = new Map();
	let refuseEmptyEvents = Boolean(context.options.refuseEmptyEvents);
	/** @type {Delivery[]} */
	const deliveries = [];

	const nowIso = () => new Date().toISOString();

	/** @param {Array<Partial<WebhookSubscription>>} list */
	function seedWebhookSubscriptions(list) {
		for (const entry of list) {
			const created = nowIso();
			const subscription = {
				_id: entry._id ?? padded(context.nextNumber(), 24),
				clientId: entry.clientId ?? keyClientId,
				agentId: entry.agentId ?? 'agent_1',
				webhookUrl: entry.webhookUrl ?? 'https://example.com/hook',
				events: [...(entry.events ?? ['call.ended'])],
				createdAt: entry.createdAt ?? created,
				updatedAt: entry.updatedAt ?? created,
			};
			subscriptions.set(subscription._id, subscription);
		}
	}
	seedWebhookSubscriptions(context.options.webhookSubscriptions ?? []);

	/** @param {string} clientId @returns {import('./core').Answer | undefined} */
	function otherClient(clientId) {
		if (clientId === keyClientId) return undefined;
		return { status: 403, body: stripeStyleError('invalid_request_error', `This client API key does not belong to client '${clientId}'`) };
	}

	/** @param {string} id @returns {WebhookSubscription | import('./core').Answer} */
	function lookUp(id) {
		const subscription = subscriptions.get(id);
		if (!subscription || subscription.clientId !== keyClientId) return noSuch('webhook subscription', id);
		return subscription;
	}

	/** @type {Array<import('./core').Route & { clientKey: true }>} */
	const routes = [
		{
			method: 'GET',
			path: 'webhooks/subscriptions',
			clientKey: true,
			handle: (call) => {
				if (!isText(call.query.clientId)) return invalid('Missing required param: clientId');
				const forbidden = otherClient(call.query.clientId);
				if (forbidden) return forbidden;
				return ok([...subscriptions.values()].filter((entry) => entry.clientId === call.query.clientId).map(copy));
			},
		},
		{
			method: 'GET',
			path: 'webhooks/subscriptions/:subscriptionId',
			clientKey: true,
			handle: (call) => {
				const found = lookUp(call.params.subscriptionId);
				return 'status' in found ? found : ok(copy(found));
			},
		},
		{
			method: 'POST',
			path: 'webhooks/subscriptions',
			clientKey: true,
			handle: (call) => {
				const body = call.json;
				if (!isObject(body)) return invalid('Body must be a JSON object');
				const allowed = ['clientId', 'agentId', 'webhookUrl', 'events'];
				const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
				if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
				if (!isText(body.clientId)) return invalid('Missing required param: clientId');
				if (!isText(body.agentId)) return invalid('Missing required param: agentId');
				if (!isText(body.webhookUrl)) return invalid('Missing required param: webhookUrl');
				try {
					new URL(body.webhookUrl);
				} catch {
					return invalid('Invalid webhookUrl: must be a URI');
				}
				if (!isEventList(body.events) || body.events.length === 0) {
					return invalid(`Invalid events: at least one of ${EVENTS.join(', ')}`);
				}
				const forbidden = otherClient(body.clientId);
				if (forbidden) return forbidden;
				const created = nowIso();
				/** @type {WebhookSubscription} */
				const subscription = {
					_id: padded(context.nextNumber(), 24),
					clientId: body.clientId,
					agentId: body.agentId,
					webhookUrl: body.webhookUrl,
					events: [...new Set(/** @type {string[]} */ (body.events))],
					createdAt: created,
					updatedAt: created,
				};
				subscriptions.set(subscription._id, subscription);
				return ok(copy(subscription), 201);
			},
		},
		{
			method: 'PUT',
			path: 'webhooks/subscriptions/:subscriptionId/events',
			clientKey: true,
			handle: (call) => {
				const found = lookUp(call.params.subscriptionId);
				if ('status' in found) return found;
				const body = call.json;
				if (!isObject(body)) return invalid('Body must be a JSON object');
				const unknown = Object.keys(body).filter((key) => key !== 'add' && key !== 'remove');
				if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
				const add = body.add ?? [];
				const remove = body.remove ?? [];
				if (!isEventList(add)) return invalid(`Invalid add: events are ${EVENTS.join(', ')}`);
				if (!isEventList(remove)) return invalid(`Invalid remove: events are ${EVENTS.join(', ')}`);
				const next = [...found.events.filter((event) => !remove.includes(event))];
				for (const event of add) if (!next.includes(event)) next.push(event);
				if (next.length === 0 && refuseEmptyEvents) return invalid('A subscription needs at least one event');
				found.events = next;
				found.updatedAt = nowIso();
				return ok(copy(found));
			},
		},
	];

	/**
	 * POSTs a JSON body to a URL. @param {string} url @param {unknown} payload
	 * @returns {Promise<{ status: number, body: string }>}
	 */
	async function post(url, payload) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: typeof payload === 'string' ? payload : JSON.stringify(payload),
		});
		return { status: response.status, body: await response.text() };
	}

	const api = {
		/** Every subscription (copies), in creation order. */
		webhookSubscriptions: () => [...subscriptions.values()].map(copy),
		/** @param {string} id */
		webhookSubscription: (id) => {
			const subscription = subscriptions.get(id);
			return subscription ? copy(subscription) : undefined;
		},
		seedWebhookSubscriptions,
		/** Makes a subscription vanish (as if removed on ChatDash's side). @param {string} id */
		removeWebhookSubscription: (id) => subscriptions.delete(id),
		/** @param {boolean} refuse whether a PUT …/events leaving no event answers 400 */
		setRefuseEmptyEvents: (refuse) => {
			refuseEmptyEvents = refuse;
		},
		/** The documented sample payload of an event (a copy). @param {string} event */
		sampleEvent: (event) => JSON.parse(JSON.stringify(SAMPLE_EVENTS[event])),
		/**
		 * Delivers the sample payload of `event` (or `options.payload`) to every subscription that has
		 * the event (only those with a URL in `options.only`, when given), one after the other.
		 * @param {string} event @param {{ only?: string[], payload?: unknown }} [options]
		 * @returns {Promise<Delivery[]>}
		 */
		deliver: async (event, options = {}) => {
			if (!EVENTS.includes(event)) throw new Error(`Unknown call event "${event}": one of ${EVENTS.join(', ')}`);
			const targets = [...subscriptions.values()].filter(
				(entry) => entry.events.includes(event) && (!options.only || options.only.includes(entry.webhookUrl)),
			);
			/** @type {Delivery[]} */
			const results = [];
			for (const target of targets) {
				const answer = await post(target.webhookUrl, options.payload ?? SAMPLE_EVENTS[event]);
				const delivery = { url: target.webhookUrl, subscriptionId: target._id, ...answer };
				deliveries.push(delivery);
				results.push(delivery);
			}
			return results;
		},
		/** POSTs any body to a URL, subscribed or not (for refusals). @param {string} url @param {unknown} payload */
		postTo: post,
		/** Every delivery made by `deliver`, oldest first. */
		deliveries,
	};

	return { routes, api };
}

module.exports = { webhookSubscriptions, SAMPLE_EVENTS, WEBHOOK_EVENTS: EVENTS };
