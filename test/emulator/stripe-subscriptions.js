// @ts-check
/**
 * Emulated Stripe Connect subscriptions:
 *   POST   /stripe/connect/accounts/{accountId}/subscriptions
 *          ({"data":{clientId, agentIds[], selectedProduct:{productId, startDate?, pricing?}, couponId?, taxSettings?}})
 *   GET    /stripe/connect/accounts/{accountId}/subscriptions                  (status, limit, starting_after)
 *   GET    /stripe/connect/accounts/{accountId}/subscriptions/by-customer      (customerId | email)
 *   GET    /stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId}
 *   PUT    /stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId}
 *          ({"data":{productId?, startDate?, taxSettings?, cancelAtPeriodEnd?}})
 *   DELETE /stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId} → {id, canceled: true}
 *
 * Each endpoint answers in its documented shape (see `views`): Get gives `customer` as the
 * customer ID plus pricing/totalPrice/totalUsage; the list, create and update answers give
 * `customer` as {id, email}; create and update add priceIds and startDate.
 * Seeds: `options.stripe[accountId].subscriptions` (partial records; `makeSubscription` fills in the
 * rest) or `seedSubscriptions(accountId, list)`.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - Create answers 200 (the docs say "OK"). Its request schema is cut off in the docs: the
 *     emulator accepts the fields of the documented cURL sample and nothing else. With a
 *     selectedProduct.startDate in the future it creates a subscription schedule (id sub_sched_…,
 *     type "schedule", status "not_started", as the docs' sample); otherwise an active subscription.
 *     The product must exist when the products module publishes `shared.product` (else any ID is
 *     accepted); a missing one is a 400 "No such product" (Stripe answers 400 for a missing object
 *     named in the body). The customer is the client's admin member: the emulator derives it from
 *     clientId as {id: "cus_<clientId>", email: "admin@<clientId>.example"}.
 *   - Get Many filters by one status (default active); "scheduled" matches subscription schedules.
 *     Its default limit is 100 (documented). List order is insertion order.
 *   - By customer: exactly one of customerId / email, else 400; any other query parameter (limit,
 *     starting_after: undocumented here) is a 400, as Stripe refuses unknown parameters. An unknown
 *     customer gives an empty list; the answer is never paged (has_more false, next_cursor null).
 *   - Update on a schedule (ID containing "sched") needs productId and startDate (documented);
 *     otherwise a 400. Unknown fields are a 400.
 *   - An unknown subscription is a 404 (Stripe style); Delete removes it, so a second Delete or a
 *     Get then answers 404.
 */
const { envelope, invalid, noSuch, ok, padded, page, perAccountStore } = require('./core');

const STATUSES = ['scheduled', 'trialing', 'active', 'incomplete', 'incomplete_expired', 'past_due', 'canceled', 'unpaid', 'paused'];

/**
 * The emulator's record of a subscription: every field any endpoint answers with.
 * @typedef {{
 *   id: string, type: string, status: string, cancelAtPeriodEndDisplay: string|null,
 *   customer: { id: string, email: string|null }, current_period_start: number|null,
 *   current_period_end: number|null, created: number, collection_method: string,
 *   cancel_at_period_end: boolean, canceled_at: number|null, product: { id: string, name: string },
 *   automatic_tax: boolean, coupon: string, agents: string, priceIds: string[], startDate: number|null,
 *   pricing: Record<string, unknown>, totalPrice: number, totalUsage: number
 * }} Subscription
 */

/**
 * A subscription with every field (defaults from the docs' samples); `overrides` win.
 * @param {Partial<Subscription> & { id: string }} overrides
 * @returns {Subscription}
 */
function makeSubscription(overrides) {
	const { id, ...rest } = overrides;
	const schedule = id.includes('sched');
	return {
		id,
		type: schedule ? 'schedule' : 'subscription',
		status: schedule ? 'not_started' : 'active',
		cancelAtPeriodEndDisplay: null,
		customer: { id: 'cus_ABC123XYZ', email: 'customer@example.com' },
		current_period_start: 1700000000,
		current_period_end: 1702600000,
		created: 1700000000,
		collection_method: 'charge_automatically',
		cancel_at_period_end: false,
		canceled_at: null,
		product: { id: 'prod_ABC123XYZ', name: 'Pro Plan' },
		automatic_tax: false,
		coupon: '',
		agents: 'Agent 1, Agent 2',
		priceIds: ['price_ABC123', 'price_DEF456'],
		startDate: 1700000000,
		pricing: {
			amount: '2999',
			billingCycle: 'month',
			currency: 'usd',
			pricingModel: 'base',
			metrics: 'minutes',
			usageLimit: 100,
			overage: '15',
		},
		totalPrice: 2999,
		totalUsage: 45.5,
		...rest,
	};
}

/** The fields of the list sample (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-subscriptions), in its order. @param {Subscription} s */
function listView(s) {
	return {
		id: s.id,
		type: s.type,
		status: s.status,
		cancelAtPeriodEndDisplay: s.cancelAtPeriodEndDisplay,
		customer: { ...s.customer },
		current_period_start: s.current_period_start,
		current_period_end: s.current_period_end,
		created: s.created,
		collection_method: s.collection_method,
		cancel_at_period_end: s.cancel_at_period_end,
		canceled_at: s.canceled_at,
		product: { ...s.product },
		automatic_tax: s.automatic_tax,
		coupon: s.coupon,
		agents: s.agents,
	};
}

/**
 * What each endpoint answers with, from the record.
 * Get: `customer` is the ID, plus pricing, totalPrice, totalUsage (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-subscription).
 * Create: the create sample's fields (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-subscriptions).
 * Update: the list fields plus priceIds and startDate (https://docs.chat-dash.com/api-reference/stripe/pages/put-stripe-connect-subscription).
 */
const views = {
	list: listView,
	/** @param {Subscription} s */
	get: (s) => ({
		...listView(s),
		customer: s.customer.id,
		pricing: { ...s.pricing },
		totalPrice: s.totalPrice,
		totalUsage: s.totalUsage,
	}),
	/** @param {Subscription} s */
	create: (s) => ({
		id: s.id,
		type: s.type,
		status: s.status,
		customer: { ...s.customer },
		current_period_start: s.current_period_start,
		current_period_end: s.current_period_end,
		startDate: s.startDate,
		created: s.created,
		collection_method: s.collection_method,
		cancel_at_period_end: s.cancel_at_period_end,
		canceled_at: s.canceled_at,
		product: { ...s.product },
		automatic_tax: s.automatic_tax,
		coupon: s.coupon,
		priceIds: [...s.priceIds],
		agents: s.agents,
		cancelAtPeriodEndDisplay: s.cancelAtPeriodEndDisplay,
	}),
	/** @param {Subscription} s */
	update: (s) => ({ ...listView(s), priceIds: [...s.priceIds], startDate: s.startDate }),
};

/** @param {unknown} value */
const isWholeSeconds = (value) => Number.isInteger(value) && /** @type {number} */ (value) >= 0;

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function stripeSubscriptions(context) {
	/** Subscriptions per connected account, in insertion order. @type {import('./core').PerAccountStore<Subscription>} */
	const accounts = perAccountStore();

	const subscriptionsOf = accounts.of;

	/** Adds subscriptions to an account (and makes the account known). @param {string} accountId @param {Array<Partial<Subscription> & { id: string }>} list */
	function seedSubscriptions(accountId, list) {
		context.addAccount(accountId);
		const store = subscriptionsOf(accountId);
		for (const subscription of list) store.set(subscription.id, makeSubscription(subscription));
	}
	for (const [accountId, seeds] of Object.entries(context.options.stripe ?? {})) {
		if (seeds.subscriptions) seedSubscriptions(accountId, seeds.subscriptions);
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'POST',
			path: 'stripe/connect/accounts/:accountId/subscriptions',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? create(params.accountId, json),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/subscriptions',
			handle: ({ params, query }) => context.accountMissing(params.accountId) ?? list(params.accountId, query),
		},
		// Before `:subscriptionId`: "by-customer" is a fixed segment (routes are tried in order).
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/subscriptions/by-customer',
			handle: ({ params, query }) => context.accountMissing(params.accountId) ?? byCustomer(params.accountId, query),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/subscriptions/:subscriptionId',
			handle: ({ params }) => {
				const missing = context.accountMissing(params.accountId);
				if (missing) return missing;
				const subscription = subscriptionsOf(params.accountId).get(params.subscriptionId);
				return subscription ? ok(views.get(subscription)) : noSuch('subscription', params.subscriptionId);
			},
		},
		{
			method: 'PUT',
			path: 'stripe/connect/accounts/:accountId/subscriptions/:subscriptionId',
			handle: ({ params, json }) =>
				context.accountMissing(params.accountId) ?? update(params.accountId, params.subscriptionId, json),
		},
		{
			method: 'DELETE',
			path: 'stripe/connect/accounts/:accountId/subscriptions/:subscriptionId',
			handle: ({ params }) => {
				const missing = context.accountMissing(params.accountId);
				if (missing) return missing;
				if (!subscriptionsOf(params.accountId).delete(params.subscriptionId)) {
					return noSuch('subscription', params.subscriptionId);
				}
				return ok({ id: params.subscriptionId, canceled: true });
			},
		},
	];

	/** @param {string} accountId @param {unknown} json */
	function create(accountId, json) {
		const parsed = envelope(json, ['clientId', 'agentIds', 'selectedProduct', 'couponId', 'taxSettings']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		if (typeof data.clientId !== 'string' || !data.clientId) return invalid('clientId is required');
		if (!Array.isArray(data.agentIds) || !data.agentIds.length || !data.agentIds.every((id) => typeof id === 'string' && id)) {
			return invalid('agentIds must be a non-empty array of agent IDs');
		}
		const selected = data.selectedProduct;
		if (!selected || typeof selected !== 'object' || Array.isArray(selected)) return invalid('selectedProduct is required');
		const unknown = Object.keys(selected).filter((key) => !['productId', 'startDate', 'pricing'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: data[selectedProduct][${unknown[0]}]`);
		if (typeof selected.productId !== 'string' || !selected.productId) return invalid('selectedProduct.productId is required');
		if (selected.startDate !== undefined && !isWholeSeconds(selected.startDate)) return invalid('selectedProduct.startDate must be unix seconds');
		if (selected.pricing !== undefined && (typeof selected.pricing !== 'object' || typeof selected.pricing?.metrics !== 'string')) {
			return invalid('selectedProduct.pricing must be {"metrics": string}');
		}
		if (data.couponId !== undefined && typeof data.couponId !== 'string') return invalid('couponId must be a string');
		if (data.taxSettings !== undefined && typeof data.taxSettings?.enabled !== 'boolean') {
			return invalid('taxSettings must be {"enabled": boolean}');
		}

		let productName = 'Pro Plan';
		if (typeof context.shared.product === 'function') {
			const product = context.shared.product(accountId, selected.productId);
			if (!product) return invalid(`No such product: '${selected.productId}'`);
			productName = product.name ?? product.productName ?? selected.productId;
		}

		const now = context.now();
		const schedule = selected.startDate !== undefined && selected.startDate > now;
		const number = padded(context.nextNumber());
		const start = selected.startDate ?? now;
		const subscription = makeSubscription({
			id: schedule ? `sub_sched_${number}` : `sub_${number}`,
			type: schedule ? 'schedule' : 'subscription',
			status: schedule ? 'not_started' : 'active',
			customer: { id: `cus_${data.clientId}`, email: `admin@${data.clientId}.example` },
			current_period_start: start,
			current_period_end: start + 30 * 24 * 3600,
			startDate: start,
			created: now,
			product: { id: selected.productId, name: productName },
			coupon: data.couponId ?? '',
			automatic_tax: data.taxSettings?.enabled ?? false,
			agents: data.agentIds.join(', '),
			pricing: { ...makeSubscription({ id: 'x' }).pricing, ...(selected.pricing ?? {}) },
			totalUsage: 0,
		});
		subscriptionsOf(accountId).set(subscription.id, subscription);
		return ok(views.create(subscription));
	}

	/** @param {string} accountId @param {Record<string, string>} query */
	function list(accountId, query) {
		const unknown = Object.keys(query).filter((key) => !['status', 'limit', 'starting_after'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		const status = query.status ?? 'active';
		if (!STATUSES.includes(status)) return invalid(`Invalid status: must be one of ${STATUSES.join(', ')}`);
		const matching = [...subscriptionsOf(accountId).values()].filter((subscription) =>
			status === 'scheduled' ? subscription.type === 'schedule' : subscription.type !== 'schedule' && subscription.status === status,
		);
		return page(matching.map(listView), query, { key: 'subscriptions', defaultLimit: 100 });
	}

	/** @param {string} accountId @param {Record<string, string>} query */
	function byCustomer(accountId, query) {
		const unknown = Object.keys(query).filter((key) => !['customerId', 'email'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		const { customerId, email } = query;
		if ((customerId === undefined) === (email === undefined)) return invalid('Either customerId or email is required');
		const matching = [...subscriptionsOf(accountId).values()].filter((subscription) =>
			customerId !== undefined
				? subscription.customer.id === customerId
				: subscription.customer.email?.toLowerCase() === email.toLowerCase(),
		);
		return ok({ subscriptions: matching.map(listView), has_more: false, next_cursor: null });
	}

	/** @param {string} accountId @param {string} subscriptionId @param {unknown} json */
	function update(accountId, subscriptionId, json) {
		const subscription = subscriptionsOf(accountId).get(subscriptionId);
		if (!subscription) return noSuch('subscription', subscriptionId);
		const parsed = envelope(json, ['productId', 'startDate', 'taxSettings', 'cancelAtPeriodEnd']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		if (!Object.keys(data).length) return invalid('Nothing to update');
		if (data.productId !== undefined && (typeof data.productId !== 'string' || !data.productId)) return invalid('productId must be a string');
		if (data.startDate !== undefined && !isWholeSeconds(data.startDate)) return invalid('startDate must be unix seconds');
		if (subscriptionId.includes('sched') && (data.productId === undefined || data.startDate === undefined)) {
			return invalid('productId and startDate are required when updating a schedule');
		}
		const tax = data.taxSettings;
		if (tax !== undefined) {
			if (!tax || typeof tax !== 'object' || Array.isArray(tax)) return invalid('taxSettings must be an object');
			const unknownTax = Object.keys(tax).filter((key) => !['enabled', 'country', 'postalCode'].includes(key));
			if (unknownTax.length) return invalid(`Received unknown parameter: data[taxSettings][${unknownTax[0]}]`);
			if (tax.enabled !== undefined && typeof tax.enabled !== 'boolean') return invalid('taxSettings.enabled must be a boolean');
		}
		if (data.cancelAtPeriodEnd !== undefined && typeof data.cancelAtPeriodEnd !== 'boolean') {
			return invalid('cancelAtPeriodEnd must be a boolean');
		}

		if (data.productId !== undefined) {
			let name = subscription.product.id === data.productId ? subscription.product.name : data.productId;
			if (typeof context.shared.product === 'function') {
				const product = context.shared.product(accountId, data.productId);
				if (!product) return invalid(`No such product: '${data.productId}'`);
				name = product.name ?? product.productName ?? name;
			}
			subscription.product = { id: data.productId, name };
		}
		if (data.startDate !== undefined) subscription.startDate = data.startDate;
		if (tax?.enabled !== undefined) subscription.automatic_tax = tax.enabled;
		if (data.cancelAtPeriodEnd !== undefined) subscription.cancel_at_period_end = data.cancelAtPeriodEnd;
		return ok(views.update(subscription));
	}

	return {
		routes,
		api: {
			seedSubscriptions,
			/** The account's subscription records, copies. @param {string} accountId @returns {Subscription[]} */
			subscriptions: (accountId) => accounts.all(accountId).map((s) => structuredClone(s)),
			/** One subscription record, a copy. @param {string} accountId @param {string} subscriptionId @returns {Subscription | undefined} */
			subscription: (accountId, subscriptionId) => {
				const subscription = accounts.find(accountId, subscriptionId);
				return subscription && structuredClone(subscription);
			},
			/** Deletes as the API would, without a request; whether it existed. @param {string} accountId @param {string} subscriptionId */
			deleteSubscription: (accountId, subscriptionId) => subscriptionsOf(accountId).delete(subscriptionId),
		},
	};
}

module.exports = { stripeSubscriptions, makeSubscription, subscriptionViews: views };
