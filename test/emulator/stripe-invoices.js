// @ts-check
/**
 * Emulated Stripe Connect invoices:
 *   POST /stripe/connect/accounts/{accountId}/invoices             ({"data":{clientId, productId, collection_method, days_until_due?}})
 *   GET  /stripe/connect/accounts/{accountId}/invoices/{invoiceId}
 * There is no list endpoint (none is documented).
 *
 * Seeds: `options.stripe[accountId].invoices` (partial invoices with at least `id`; the rest is
 * filled with the documented fields), or `seedInvoices(accountId, list)`.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - Create answers 200 (the docs label it "OK") with the documented invoice object
 *     {id, amount, currency, status, number, customer, description, created}; a new invoice is a
 *     "draft", as in the docs' sample.
 *   - The request schema is cut off after productId: the emulator accepts clientId, productId,
 *     collection_method and days_until_due (the fields of the docs' cURL sample) and nothing else.
 *     collection_method takes Stripe's values (charge_automatically, send_invoice); as in Stripe,
 *     days_until_due is required with send_invoice (a whole number of 1 or more) and refused with
 *     charge_automatically.
 *   - The product is checked with `shared.product(accountId, productId)` when the products module
 *     publishes it (unknown product → 404 "No such product"); amount and currency then come from its
 *     `pricing` (the docs' product sample), else 10000 usd. Whether the product has a one-time price
 *     ("must have a one-time price") is not checked.
 *   - The client is checked only when the emulator was started with `clients` (unknown → 404 "No
 *     such client"); whether it has an admin member is not checked. The invoice's `customer` is one
 *     Stripe customer per client: {id: "cus_…", email, name} (the docs show `customer` only in the
 *     sample, with these three fields).
 */
const { envelope, invalid, noSuch, ok, padded, perAccountStore } = require('./core');

/**
 * @typedef {{
 *   id: string, amount: number, currency: string, status: string, number: string|null,
 *   customer: { id: string, email: string|null, name: string|null }, description: string, created: number
 * }} Invoice
 */

/**
 * An invoice with every documented field; `overrides` win.
 * @param {Partial<Invoice> & { id: string }} overrides
 * @returns {Invoice}
 */
function makeInvoice(overrides) {
	return {
		amount: 10000,
		currency: 'usd',
		status: 'draft',
		number: null,
		customer: { id: 'cus_ABC123XYZ', email: 'john@example.com', name: 'John Doe' },
		description: '',
		created: 1700000000,
		...overrides,
	};
}

/** @param {Invoice} invoice @returns {Invoice} */
const copy = (invoice) => ({ ...invoice, customer: { ...invoice.customer } });

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function stripeInvoices(context) {
	/** Invoices per connected account. @type {import('./core').PerAccountStore<Invoice>} */
	const accounts = perAccountStore();
	/** One Stripe customer per ChatDash client. @type {Map<string, string>} */
	const customers = new Map();

	const invoicesOf = accounts.of;

	/** Adds invoices to an account (and makes the account known). @param {string} accountId @param {Array<Partial<Invoice> & { id: string }>} invoices */
	function seedInvoices(accountId, invoices) {
		context.addAccount(accountId);
		const store = invoicesOf(accountId);
		for (const invoice of invoices) store.set(invoice.id, makeInvoice(invoice));
	}
	for (const [accountId, seeds] of Object.entries(context.options.stripe ?? {})) {
		seedInvoices(accountId, /** @type {Array<Invoice>} */ (seeds.invoices ?? []));
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'POST',
			path: 'stripe/connect/accounts/:accountId/invoices',
			handle: ({ params, json }) => context.accountMissing(params.accountId) ?? createInvoice(params.accountId, json),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/invoices/:invoiceId',
			handle: ({ params }) => {
				const missing = context.accountMissing(params.accountId);
				if (missing) return missing;
				const invoice = invoicesOf(params.accountId).get(params.invoiceId);
				return invoice ? ok(copy(invoice)) : noSuch('invoice', params.invoiceId);
			},
		},
	];

	/** @param {string} accountId @param {unknown} json */
	function createInvoice(accountId, json) {
		const parsed = envelope(json, ['clientId', 'productId', 'collection_method', 'days_until_due']);
		if ('answer' in parsed) return parsed.answer;
		const { data } = parsed;
		for (const field of ['clientId', 'productId', 'collection_method']) {
			if (typeof data[field] !== 'string' || data[field] === '') return invalid(`Missing required param: data[${field}]`);
		}
		const method = data.collection_method;
		if (!['charge_automatically', 'send_invoice'].includes(method)) return invalid(`Invalid collection_method: ${method}`);
		if (method === 'send_invoice' && !(Number.isInteger(data.days_until_due) && data.days_until_due >= 1)) {
			return invalid('days_until_due is required (a whole number of 1 or more) when collection_method is send_invoice');
		}
		if (method === 'charge_automatically' && data.days_until_due !== undefined) {
			return invalid('days_until_due can only be set when collection_method is send_invoice');
		}

		/** @type {Array<Record<string, any>> | undefined} */
		const clients = context.options.clients;
		const client = clients?.find((candidate) => candidate._id === data.clientId);
		if (clients && !client) return noSuch('client', data.clientId);

		let amount = 10000;
		let currency = 'usd';
		if (typeof context.shared.product === 'function') {
			const product = context.shared.product(accountId, data.productId);
			if (!product) return noSuch('product', data.productId);
			const pricing = product.pricing ?? {};
			if (pricing.amount !== null && pricing.amount !== undefined && Number.isFinite(Number(pricing.amount))) amount = Number(pricing.amount);
			if (typeof pricing.currency === 'string') currency = pricing.currency;
		}

		let customerId = customers.get(data.clientId);
		if (!customerId) customers.set(data.clientId, (customerId = `cus_${padded(context.nextNumber())}`));
		const store = invoicesOf(accountId);
		const invoice = makeInvoice({
			id: `in_${padded(context.nextNumber(), 8)}`,
			amount,
			currency,
			status: 'draft',
			number: `CDEMU-${padded(store.size + 1, 4)}`,
			customer: {
				id: customerId,
				email: `billing+${data.clientId}@example.com`,
				name: typeof client?.name === 'string' ? client.name : null,
			},
			description: '',
			created: context.now(),
		});
		store.set(invoice.id, invoice);
		return ok(copy(invoice));
	}

	return {
		routes,
		api: {
			seedInvoices,
			/** @param {string} accountId @returns {Invoice[]} */
			invoices: (accountId) => accounts.all(accountId).map(copy),
			/** @param {string} accountId @param {string} invoiceId @returns {Invoice | undefined} */
			invoice: (accountId, invoiceId) => {
				const invoice = accounts.find(accountId, invoiceId);
				return invoice && copy(invoice);
			},
		},
	};
}

module.exports = { stripeInvoices, makeInvoice };
