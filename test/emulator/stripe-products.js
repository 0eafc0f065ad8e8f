// @ts-check
/**
 * Emulated Stripe Connect products:
 *   GET  /stripe/connect/accounts/{accountId}/products              (status, created_start, created_end, limit, starting_after)
 *   POST /stripe/connect/accounts/{accountId}/products              ({"data":{pricing_model, currency, name?, description?}})
 *   GET  /stripe/connect/accounts/{accountId}/products/{productId}
 *   PUT  /stripe/connect/accounts/{accountId}/products/{productId}  ({"data":{name?, description?}})
 *
 * The stored product has the shape of the docs' samples (List Products entries, the Update Product
 * `product`, Get Product as far as its schema is visible): productId, productName, description,
 * taxBehavior, pricing{amount, billingCycle, currency, pricingModel, metrics, usageLimit, overage},
 * creationDate, activeSubscriptionsCount, status. List and Get answer it bare; Update answers
 * {"product": …} as its sample shows.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - Create: the request schema is cut after pricing_model and the response is not shown. The
 *     emulator accepts the visible fields only (name, description, pricing_model, currency; the
 *     last two required, as the docs mark them), answers 201 ("Created", like Create Coupon) with
 *     the Update Product shape {"product": …}. The new product is active, taxBehavior "unspecified"
 *     (Stripe's default), its pricing holds currency and pricingModel and null for the amounts the
 *     request cannot carry, creationDate is now, activeSubscriptionsCount 0.
 *   - List: `created_start`/`created_end` bound `creationDate` inclusively (like Stripe's
 *     created[gte]/[lte]); `next_cursor` is the last returned productId; insertion order.
 *   - Update: an empty `data` is refused with 400 (Stripe refuses an update with no parameters);
 *     name and description must be strings.
 *   - An unknown product is 404 "No such product: '…'" (Stripe's wording).
 */
const { envelope, invalid, noSuch, ok, padded, page, perAccountStore, unixSecondsQuery } = require('./core');

/**
 * @typedef {{
 *   amount: string|null, billingCycle: string|null, currency: string, pricingModel: string,
 *   metrics: string|null, usageLimit: number|null, overage: string|null
 * }} ProductPricing
 * @typedef {{
 *   productId: string, productName: string|null, description: string|null, taxBehavior: string,
 *   pricing: ProductPricing, creationDate: number, activeSubscriptionsCount: number, status: string
 * }} Product
 * @typedef {Partial<Omit<Product, 'pricing'>> & { productId: string, pricing?: Partial<ProductPricing> }} ProductSeed
 */

/** @type {readonly string[]} */
const PRICING_MODELS = ['base', 'usage', 'oneTime'];
/** @type {readonly string[]} */
const STATUSES = ['active', 'archived', 'all'];

/**
 * A product with every field of the docs' sample (its values as defaults); `overrides` win.
 * @param {ProductSeed} overrides
 * @returns {Product}
 */
function makeProduct(overrides) {
	const { productId, pricing, ...rest } = overrides;
	return {
		productId,
		productName: productId,
		description: null,
		taxBehavior: 'exclusive',
		creationDate: 1700000000,
		activeSubscriptionsCount: 0,
		status: 'active',
		...rest,
		pricing: {
			amount: '2999',
			billingCycle: 'month',
			currency: 'usd',
			pricingModel: 'base',
			metrics: 'minutes',
			usageLimit: 100,
			overage: '15',
			...pricing,
		},
	};
}

/** A copy that shares nothing with the store. @param {Product} product @returns {Product} */
const copy = (product) => ({ ...product, pricing: { ...product.pricing } });

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function stripeProducts(context) {
	/** Products per connected account, in insertion order. @type {import('./core').PerAccountStore<Product>} */
	const accounts = perAccountStore();

	const productsOf = accounts.of;

	/** Adds products to an account (and makes the account known). @param {string} accountId @param {ProductSeed[]} products */
	function seedProducts(accountId, products) {
		context.addAccount(accountId);
		const store = productsOf(accountId);
		for (const product of products) store.set(product.productId, makeProduct(product));
	}
	for (const [accountId, seeds] of Object.entries(context.options.stripe ?? {})) {
		if (seeds?.products) seedProducts(accountId, /** @type {ProductSeed[]} */ (seeds.products));
	}

	// For other modules (subscriptions check that a product exists): a copy, or undefined.
	context.shared.product = (/** @type {string} */ accountId, /** @type {string} */ productId) => {
		const product = accounts.find(accountId, productId);
		return product && copy(product);
	};

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/products',
			handle: ({ params, query }) => context.accountMissing(params.accountId) ?? listProducts(params.accountId, query),
		},
		{
			method: 'POST',
			path: 'stripe/connect/accounts/:accountId/products',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? createProduct(params.accountId, json),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/products/:productId',
			handle: ({ params }) => {
				const missing = context.accountMissing(params.accountId);
				if (missing) return missing;
				const product = productsOf(params.accountId).get(params.productId);
				return product ? ok(copy(product)) : noSuch('product', params.productId);
			},
		},
		{
			method: 'PUT',
			path: 'stripe/connect/accounts/:accountId/products/:productId',
			handle: ({ params, json }) =>
				context.accountMissing(params.accountId) ?? updateProduct(params.accountId, params.productId, json),
		},
	];

	/** @param {string} accountId @param {Record<string, string>} query */
	function listProducts(accountId, query) {
		const status = query.status ?? 'active';
		if (!STATUSES.includes(status)) return invalid(`Invalid status: must be one of ${STATUSES.join(', ')}`);
		const start = unixSecondsQuery(query.created_start, 'created_start');
		if ('answer' in start) return start.answer;
		const end = unixSecondsQuery(query.created_end, 'created_end');
		if ('answer' in end) return end.answer;
		const matching = [...productsOf(accountId).values()].filter(
			(product) =>
				(status === 'all' || product.status === status) &&
				(start.seconds === undefined || product.creationDate >= start.seconds) &&
				(end.seconds === undefined || product.creationDate <= end.seconds),
		);
		return page(matching.map(copy), query, { defaultLimit: 100, idKey: 'productId' });
	}

	/** @param {string} accountId @param {unknown} json */
	function createProduct(accountId, json) {
		const parsed = envelope(json, ['name', 'description', 'pricing_model', 'currency']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		if (data.pricing_model === undefined) return invalid('Missing required param: pricing_model');
		if (!PRICING_MODELS.includes(data.pricing_model)) {
			return invalid(`Invalid pricing_model: must be one of ${PRICING_MODELS.join(', ')}`);
		}
		if (data.currency === undefined) return invalid('Missing required param: currency');
		if (typeof data.currency !== 'string' || !/^[a-z]{3}$/.test(data.currency)) return invalid(`Invalid currency: ${JSON.stringify(data.currency)}`);
		for (const key of ['name', 'description']) {
			if (data[key] !== undefined && typeof data[key] !== 'string') return invalid(`Invalid ${key}: must be a string`);
		}
		const product = makeProduct({
			productId: `prod_${padded(context.nextNumber(), 8)}`,
			productName: data.name ?? null,
			description: data.description ?? null,
			taxBehavior: 'unspecified',
			creationDate: context.now(),
			activeSubscriptionsCount: 0,
			status: 'active',
			pricing: {
				amount: null,
				billingCycle: null,
				currency: data.currency,
				pricingModel: data.pricing_model,
				metrics: null,
				usageLimit: null,
				overage: null,
			},
		});
		productsOf(accountId).set(product.productId, product);
		return ok({ product: copy(product) }, 201);
	}

	/** @param {string} accountId @param {string} productId @param {unknown} json */
	function updateProduct(accountId, productId, json) {
		const product = productsOf(accountId).get(productId);
		if (!product) return noSuch('product', productId);
		const parsed = envelope(json, ['name', 'description']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		if (!Object.keys(data).length) return invalid('Nothing to update: send data.name and/or data.description');
		for (const key of ['name', 'description']) {
			if (data[key] !== undefined && typeof data[key] !== 'string') return invalid(`Invalid ${key}: must be a string`);
		}
		if (data.name !== undefined) product.productName = data.name;
		if (data.description !== undefined) product.description = data.description;
		return ok({ product: copy(product) });
	}

	return {
		routes,
		api: {
			seedProducts,
			/** @param {string} accountId @returns {Product[]} */
			products: (accountId) => accounts.all(accountId).map(copy),
			/** @param {string} accountId @param {string} productId @returns {Product | undefined} */
			product: (accountId, productId) => {
				const product = accounts.find(accountId, productId);
				return product && copy(product);
			},
		},
	};
}

module.exports = { stripeProducts, makeProduct };
