// @ts-check
/**
 * Emulated agent conversations (not yet implemented: no routes).
 */

/**
 * @param {import('./core').EmulatorContext} _context
 */
function agentConversations(_context) {
	/** @type {import('./core').Route[]} */
	const routes = [];
	return { routes, api: {} };
}

module.exports = { agentConversations };
