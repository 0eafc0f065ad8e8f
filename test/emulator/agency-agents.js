// @ts-check
/**
 * Emulated agents (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function agencyAgents(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { agencyAgents };
