// @ts-check
/**
 * Emulated agent leads (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function agentLeads(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { agentLeads };
