// @ts-check
/**
 * Emulated agent analytics (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function agentAnalytics(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { agentAnalytics };
