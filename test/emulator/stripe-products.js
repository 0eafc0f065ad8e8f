// @ts-check
/**
 * Emulated Stripe Connect products (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function stripeProducts(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { stripeProducts };
