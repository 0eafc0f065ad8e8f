// @ts-check
/**
 * Emulated Stripe Connect transactions (payment intents, read only):
 *   GET /stripe/connect/accounts/{accountId}/transactions                  (limit, starting_after, customer, created_start, created_end)
 *   GET /stripe/connect/accounts/{accountId}/transactions/{transactionId}
 *
 * Seeds: `options.stripe[accountId].transactions` (partial transactions with at least `id`; the
 * rest is filled with the documented fields), or `seedTransactions(accountId, list)`. Nothing else:
 * an account starts without transactions.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - list order is insertion order; `limit` defaults to 50 (documented), 1..100.
 *   - `customer` matches the transaction's `customer.id` (or `customer` when it is a plain string);
 *     `created_start`/`created_end` are inclusive bounds on `created` (Stripe's gte/lte), unix
 *     seconds, else 400. The cursor walks the filtered list.
 *   - an unknown transaction gets 404 with Stripe's wording for payment intents.
 */
const { invalid, noSuch, ok, page, perAccountStore, unixSecondsQuery } = require('./core');

/**
 * @typedef {{
 *   id: string, amount: number, currency: string, status: string, description: string|null,
 *   customer: { id: string, email: string|null, name: string|null }, created: number
 * }} Transaction
 */

/**
 * A transaction with every documented field; `overrides` win.
 * @param {Partial<Transaction> & { id: string }} overrides
 * @returns {Transaction}
 */
function makeTransaction(overrides) {
	return {
		amount: 10000,
		currency: 'usd',
		status: 'succeeded',
		description: null,
		customer: { id: 'cus_ABC123XYZ', email: 'john@example.com', name: 'John Doe' },
		created: 1700000000,
		...overrides,
	};
}

/** @param {Transaction} transaction @returns {Transaction} */
const copy = (transaction) => ({
	...transaction,
	customer: transaction.customer && typeof transaction.customer === 'object' ? { ...transaction.customer } : transaction.customer,
});

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function stripeTransactions(context) {
	/** Transactions per connected account, in insertion order. @type {import('./core').PerAccountStore<Transaction>} */
	const accounts = perAccountStore();

	const transactionsOf = accounts.of;

	/** Adds transactions to an account (and makes the account known). @param {string} accountId @param {Array<Partial<Transaction> & { id: string }>} transactions */
	function seedTransactions(accountId, transactions) {
		context.addAccount(accountId);
		const store = transactionsOf(accountId);
		for (const transaction of transactions) store.set(transaction.id, makeTransaction(transaction));
	}
	for (const [accountId, seeds] of Object.entries(context.options.stripe ?? {})) {
		seedTransactions(accountId, /** @type {Array<Transaction>} */ (seeds.transactions ?? []));
	}

	/** @param {Transaction} transaction */
	const customerOf = (transaction) =>
		transaction.customer && typeof transaction.customer === 'object' ? transaction.customer.id : transaction.customer;

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/transactions',
			handle: ({ params, query }) => context.accountMissing(params.accountId) ?? listTransactions(params.accountId, query),
		},
		{
			method: 'GET',
			path: 'stripe/connect/accounts/:accountId/transactions/:transactionId',
			handle: ({ params }) => {
				const missing = context.accountMissing(params.accountId);
				if (missing) return missing;
				const transaction = transactionsOf(params.accountId).get(params.transactionId);
				return transaction ? ok(copy(transaction)) : noSuch('payment_intent', params.transactionId);
			},
		},
	];

	/** @param {string} accountId @param {Record<string, string>} query */
	function listTransactions(accountId, query) {
		const start = unixSecondsQuery(query.created_start, 'created_start');
		if ('answer' in start) return start.answer;
		const end = unixSecondsQuery(query.created_end, 'created_end');
		if ('answer' in end) return end.answer;
		if (query.customer !== undefined && query.customer === '') return invalid('Invalid customer: must not be empty');
		const matching = [...transactionsOf(accountId).values()].filter(
			(transaction) =>
				(query.customer === undefined || customerOf(transaction) === query.customer) &&
				(start.seconds === undefined || transaction.created >= start.seconds) &&
				(end.seconds === undefined || transaction.created <= end.seconds),
		);
		return page(matching.map(copy), query, { defaultLimit: 50 });
	}

	return {
		routes,
		api: {
			seedTransactions,
			/** @param {string} accountId @returns {Transaction[]} */
			transactions: (accountId) => accounts.all(accountId).map(copy),
		},
	};
}

module.exports = { stripeTransactions, makeTransaction };
