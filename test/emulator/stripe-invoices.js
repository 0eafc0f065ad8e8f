// @ts-check
/**
 * Emulated Stripe Connect invoices (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function stripeInvoices(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { stripeInvoices };
