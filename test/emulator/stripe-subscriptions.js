// @ts-check
/**
 * Emulated Stripe Connect subscriptions (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function stripeSubscriptions(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { stripeSubscriptions };
