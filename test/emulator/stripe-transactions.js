// @ts-check
/**
 * Emulated Stripe Connect transactions (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function stripeTransactions(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { stripeTransactions };
