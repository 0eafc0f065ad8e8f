// @ts-check
/**
 * Emulated agency clients (being extended). For now: GET /clients, the credential test's call.
 */
const { ok } = require('./core');

/**
 * @param {import('./core').EmulatorContext} context
 */
function agencyClients(context) {
	const clients = context.options.clients ?? [{ _id: 'client_1', name: 'Acme Dental', language: 'en', isSaasClient: false }];
	/** @type {import('./core').Route[]} */
	const routes = [{ method: 'GET', path: 'clients', handle: () => ok(clients) }];
	return { routes, api: {} };
}

module.exports = { agencyClients };
