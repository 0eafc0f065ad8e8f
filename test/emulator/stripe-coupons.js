// @ts-check
/**
 * Emulated Stripe Connect coupons and promotion codes:
 *   GET  /stripe/connect/accounts/{accountId}/coupons            (limit, starting_after)
 *   POST /stripe/connect/accounts/{accountId}/coupons            ({"data":{name, percent_off | amount_off+currency, duration, …}})
 *   PUT  /stripe/connect/accounts/{accountId}/coupons/{couponId} ({"data":{"name":…}})
 *   GET  /stripe/connect/accounts/{accountId}/coupons/{couponId}/promotion-codes (limit, starting_after)
 *   POST /stripe/connect/accounts/{accountId}/promotion-codes    ({"data":{coupon, code?, …}})
 *
 * ASSUMPTIONS where the docs are silent:
 *   - Create answers 201 (the docs say "Created"; the number is not shown). Its request schema is
 *     cut off in the docs after amount_off: the emulator accepts the fields of the documented
 *     coupon object (currency, duration, duration_in_months, max_redemptions, redeem_by, metadata)
 *     and checks them as Stripe does (exactly one of percent_off / amount_off, currency with
 *     amount_off, duration_in_months with "repeating").
 *   - list order is insertion order.
 */
const { envelope, invalid, noSuch, ok, padded, page, perAccountStore } = require('./core');

/**
 * @typedef {{
 *   id: string, object: 'coupon', amount_off: number|null, created: number, currency: string|null,
 *   duration: string, duration_in_months: number|null, livemode: boolean,
 *   max_redemptions: number|null, metadata: Record<string, unknown>, name: string,
 *   percent_off: number|null, redeem_by: number|null, times_redeemed: number, valid: boolean
 * }} Coupon
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
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function stripeCoupons(context) {
	/** Coupons per connected account. @type {import('./core').PerAccountStore<Coupon>} */
	const accounts = perAccountStore();
	/** Promotion codes per account, in creation order. @type {Map<string, Array<Record<string, any>>>} */
	const promotionCodes = new Map();

	const couponsOf = accounts.of;

	/** The coupons of an account; `options.accounts` seeds them (and makes the accounts known). @param {string} accountId @param {Array<Partial<Coupon> & { id: string }>} coupons */
	function seed(accountId, coupons) {
		context.addAccount(accountId);
		const store = couponsOf(accountId);
		for (const coupon of coupons) store.set(coupon.id, makeCoupon(coupon));
	}
	for (const [accountId, coupons] of Object.entries(context.options.accounts ?? {})) seed(accountId, coupons);

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/coupons',
			handle: ({ params, query }) => context.accountMissing(params.accountId) ?? page([...couponsOf(params.accountId).values()], query),
		},
		{
			method: 'POST',
			path: 'stripe/connect/accounts/:accountId/coupons',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? createCoupon(params.accountId, json),
		},
		{
			method: 'PUT',
			path: 'stripe/connect/accounts/:accountId/coupons/:couponId',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? updateCoupon(params.accountId, params.couponId, json),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/coupons/:couponId/promotion-codes',
			handle: ({ params, query }) =>
				context.accountMissing(params.accountId) ?? listPromotionCodes(params.accountId, params.couponId, query),
		},
		{
			method: 'POST',
			path: 'stripe/connect/accounts/:accountId/promotion-codes',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? createPromotionCode(params.accountId, json),
		},
	];

	/** @param {string} accountId @param {unknown} json */
	function createCoupon(accountId, json) {
		const store = couponsOf(accountId);
		const parsed = envelope(json, ['id', 'name', 'percent_off', 'amount_off', 'currency', 'duration', 'duration_in_months', 'max_redemptions', 'redeem_by', 'metadata']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		const hasPercent = data.percent_off !== undefined;
		const hasAmount = data.amount_off !== undefined;
		if (hasPercent === hasAmount) return invalid('Exactly one of percent_off or amount_off is required');
		if (hasPercent && !(typeof data.percent_off === 'number' && data.percent_off > 0 && data.percent_off <= 100)) return invalid('percent_off must be a number between 1 and 100');
		if (hasAmount && !(Number.isInteger(data.amount_off) && data.amount_off > 0)) return invalid('amount_off must be a positive integer');
		if (hasAmount && typeof data.currency !== 'string') return invalid('currency is required with amount_off');
		const duration = data.duration ?? 'once';
		if (!['once', 'repeating', 'forever'].includes(duration)) return invalid(`Invalid duration: ${duration}`);
		if ((duration === 'repeating') !== (data.duration_in_months !== undefined)) return invalid('duration_in_months is required with, and only with, duration "repeating"');
		const id = data.id ?? `cpn_${padded(context.nextNumber())}`;
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
			created: context.now(),
		});
		store.set(id, coupon);
		return ok(coupon, 201);
	}

	/** @param {string} accountId @param {unknown} json */
	function createPromotionCode(accountId, json) {
		const store = couponsOf(accountId);
		const parsed = envelope(json, ['coupon', 'code', 'customer', 'max_redemptions', 'expires_at', 'restrictions']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		if (typeof data.coupon !== 'string') return invalid('coupon is required');
		const coupon = store.get(data.coupon);
		if (!coupon) return noSuch('coupon', data.coupon);
		const codes = promotionCodes.get(accountId) ?? [];
		const code = data.code ?? `PROMO${padded(context.nextNumber())}`;
		if (codes.some((existing) => existing.code === code && existing.active)) return invalid(`An active promotion code '${code}' already exists`);
		const restrictions = data.restrictions ?? {};
		const promotionCode = {
			id: `promo_${padded(context.nextNumber(), 8)}`,
			object: 'promotion_code',
			active: true,
			code,
			coupon: { ...coupon },
			created: context.now(),
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
		return ok(promotionCode, 201);
	}

	/** @param {string} accountId @param {string} couponId @param {Record<string, string>} query */
	function listPromotionCodes(accountId, couponId, query) {
		const store = couponsOf(accountId);
		if (!store.has(couponId)) return noSuch('coupon', couponId);
		const codes = (promotionCodes.get(accountId) ?? []).filter((code) => code.coupon.id === couponId);
		// The coupon inside each code is the coupon as it is now (a renamed coupon shows its new name).
		return page(codes.map((code) => ({ ...code, id: String(code.id), coupon: { ...store.get(couponId) } })), query);
	}

	/** @param {string} accountId @param {string} couponId @param {unknown} json */
	function updateCoupon(accountId, couponId, json) {
		const coupon = couponsOf(accountId).get(couponId);
		if (!coupon) return noSuch('coupon', couponId);
		const data = /** @type {{ data?: { name?: unknown } } | undefined} */ (json)?.data;
		if (!data || typeof data !== 'object' || typeof data.name !== 'string') {
			return invalid('Body must be {"data": {"name": string}}');
		}
		const unknownFields = Object.keys(data).filter((key) => key !== 'name');
		if (unknownFields.length) return invalid(`Received unknown parameter: data[${unknownFields[0]}]`);
		coupon.name = data.name;
		return ok(coupon);
	}

	return {
		routes,
		api: {
			seed,
			/** @param {string} accountId @returns {Coupon[]} */
			coupons: (accountId) => accounts.all(accountId).map((coupon) => ({ ...coupon })),
			/** @param {string} accountId @param {string} couponId @returns {Coupon | undefined} */
			coupon: (accountId, couponId) => {
				const coupon = accounts.find(accountId, couponId);
				return coupon && { ...coupon };
			},
			/** @param {string} accountId */
			promotionCodes: (accountId) => (promotionCodes.get(accountId) ?? []).map((code) => ({ ...code })),
		},
	};
}

module.exports = { stripeCoupons, makeCoupon };
