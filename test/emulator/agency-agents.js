// @ts-check
/**
 * Emulated agents of the agency and their assignment to clients:
 *   GET  /agents                       Fetch Agents: bare array
 *   POST /agents                       Create Agent: {name*, platform*, apiId, apiKey, platformCredentials, agentConfig}
 *                                      → 200 {"message": "Agent created successfully"} (no ID, as documented)
 *   GET  /agents/{agentId}             Fetch Agent
 *   PUT  /agents/{agentId}             Update Agent: {name, apiId, apiKey, platformCredentials, agentConfig}
 *                                      → 200 {"message": "Agent updated successfully"}
 *   PUT  /agents/assign                Assign Agents to Client: {agentIds*: string[], clientId*}
 *                                      → 200 {"message": "Agent assigned to client successfully"}
 *   PUT  /agents/{agentId}/unassign    Unassign Agent from Client: {clientId*}
 *                                      → 200 {"message": "Agent unassigned from client successfully"}
 *   GET  /clients/{clientId}/agents    Fetch Client Agents: bare array of the agents whose clientId is it
 *
 * Agent object: {_id, clientId, name, platform, apiId, apiKey, platformCredentials, agentConfig}.
 * Seeds: `options.agents` (array of agent objects; missing fields get the defaults of makeAgent).
 * Clients are checked through `context.shared.client(clientId)` when the clients module publishes
 * it (an unknown client is then a 404); without it any client ID is accepted.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - IDs are 24-hex strings (as ChatDash's IDs are); list order is creation order; names need
 *     not be unique (two agents may share a name, as nothing in the docs forbids it).
 *   - An agent not assigned to any client has `clientId: null`; a created agent is unassigned.
 *   - Create fills what was not given: apiId "", apiKey "", platformCredentials {}, agentConfig
 *     with the four sample flags false (the Create sample shows them false).
 *   - Update changes only the fields sent; agentConfig flags are merged one by one. `platform`
 *     (not in the documented update body) and any other unknown field get 400.
 *   - Assign: "Agents can only be assigned to one client" (help centre). Assigning an agent that
 *     is assigned to another client MOVES it (its clientId becomes the new client); assigning it
 *     again to its own client changes nothing. An unknown agent or client gets 404 and nothing is
 *     assigned (all or nothing).
 *   - Unassign from a client the agent is not assigned to gets 400 (nothing changes).
 *   - Errors: 400/404 with a Stripe-style body {"error": {"type", "message"}}, as the other modules.
 */
const { invalid, noSuch, ok, padded } = require('./core');

const PLATFORMS = ['voiceflow', 'openai', 'botpress', 'vectorshift', 'flowise', 'vapi', 'retell', 'elevenlabs', 'n8n', 'custom'];
const CONFIG_FLAGS = ['usingExternalWidget', 'useImportWebhook', 'isTemplate', 'isSaas'];

/**
 * @typedef {{ _id: string, clientId: string | null, name: string, platform: string, apiId: string,
 *   apiKey: string, platformCredentials: Record<string, unknown>, agentConfig: Record<string, boolean> }} Agent
 */

/**
 * An agent with every documented field; `overrides` win (agentConfig is merged).
 * @param {Partial<Agent> & { _id: string }} overrides
 * @returns {Agent}
 */
function makeAgent(overrides) {
	return {
		clientId: null,
		name: overrides._id,
		platform: 'voiceflow',
		apiId: '',
		apiKey: '',
		platformCredentials: {},
		...overrides,
		agentConfig: { usingExternalWidget: false, useImportWebhook: false, isTemplate: false, isSaas: false, ...overrides.agentConfig },
	};
}

/** A deep copy, so tests never hold the emulator's own objects. @template T @param {T} value @returns {T} */
const copy = (value) => JSON.parse(JSON.stringify(value));

/**
 * @param {import('./core').EmulatorContext} context
 */
function agencyAgents(context) {
	/** @type {Map<string, Agent>} */
	const agents = new Map();

	/** The agents of `list` (missing fields filled in), after any already there. @param {Array<Partial<Agent> & { _id: string }>} list */
	function seedAgents(list) {
		for (const agent of list) agents.set(agent._id, makeAgent(copy(agent)));
	}
	seedAgents(context.options.agents ?? []);

	const newId = () => `65a0${padded(context.nextNumber(), 20)}`;

	/** A 404 for an unknown client, when the clients module can tell. @param {string} clientId */
	const clientMissing = (clientId) => {
		const lookup = context.shared.client;
		return typeof lookup === 'function' && !lookup(clientId) ? noSuch('client', clientId) : undefined;
	};

	/**
	 * The checked agent fields of a create or update body, or a 400 answer.
	 * @param {any} json @param {string[]} allowed @returns {{ fields: Record<string, any> } | { answer: import('./core').Answer }}
	 */
	function agentFields(json, allowed) {
		if (!json || typeof json !== 'object' || Array.isArray(json)) return { answer: invalid('Body must be a JSON object') };
		const unknown = Object.keys(json).filter((key) => !allowed.includes(key));
		if (unknown.length) return { answer: invalid(`Received unknown parameter: ${unknown[0]}`) };
		for (const key of ['name', 'apiId', 'apiKey']) {
			if (json[key] !== undefined && typeof json[key] !== 'string') return { answer: invalid(`${key} must be a string`) };
		}
		if (json.name !== undefined && json.name.trim() === '') return { answer: invalid('name must not be empty') };
		if (json.platform !== undefined && !PLATFORMS.includes(json.platform)) {
			return { answer: invalid(`Invalid platform: must be one of ${PLATFORMS.join(', ')}`) };
		}
		const { platformCredentials, agentConfig } = json;
		if (platformCredentials !== undefined && (!platformCredentials || typeof platformCredentials !== 'object' || Array.isArray(platformCredentials))) {
			return { answer: invalid('platformCredentials must be an object') };
		}
		if (agentConfig !== undefined) {
			if (!agentConfig || typeof agentConfig !== 'object' || Array.isArray(agentConfig)) return { answer: invalid('agentConfig must be an object') };
			for (const [key, value] of Object.entries(agentConfig)) {
				if (!CONFIG_FLAGS.includes(key)) return { answer: invalid(`Received unknown parameter: agentConfig[${key}]`) };
				if (typeof value !== 'boolean') return { answer: invalid(`agentConfig[${key}] must be a boolean`) };
			}
		}
		return { fields: json };
	}

	/** @param {unknown} json */
	function createAgent(json) {
		const parsed = agentFields(json, ['name', 'platform', 'apiId', 'apiKey', 'platformCredentials', 'agentConfig']);
		if ('answer' in parsed) return parsed.answer;
		const { fields } = parsed;
		if (fields.name === undefined) return invalid('name is required');
		if (fields.platform === undefined) return invalid('platform is required');
		const agent = makeAgent({ ...copy(fields), _id: newId(), clientId: null });
		agents.set(agent._id, agent);
		return ok({ message: 'Agent created successfully' });
	}

	/** @param {string} agentId @param {unknown} json */
	function updateAgent(agentId, json) {
		const agent = agents.get(agentId);
		if (!agent) return noSuch('agent', agentId);
		const parsed = agentFields(json, ['name', 'apiId', 'apiKey', 'platformCredentials', 'agentConfig']);
		if ('answer' in parsed) return parsed.answer;
		const { agentConfig, ...rest } = copy(parsed.fields);
		Object.assign(agent, rest);
		if (agentConfig) Object.assign(agent.agentConfig, agentConfig);
		return ok({ message: 'Agent updated successfully' });
	}

	/** @param {any} json */
	function assignAgents(json) {
		const { agentIds, clientId } = json ?? {};
		if (!Array.isArray(agentIds) || agentIds.length === 0 || !agentIds.every((id) => typeof id === 'string')) {
			return invalid('agentIds is required: an array of agent IDs');
		}
		if (typeof clientId !== 'string' || clientId === '') return invalid('clientId is required');
		const unknown = Object.keys(json).filter((key) => !['agentIds', 'clientId'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		const missing = clientMissing(clientId);
		if (missing) return missing;
		const absent = agentIds.find((id) => !agents.has(id));
		if (absent !== undefined) return noSuch('agent', absent);
		for (const id of agentIds) /** @type {Agent} */ (agents.get(id)).clientId = clientId;
		return ok({ message: 'Agent assigned to client successfully' });
	}

	/** @param {string} agentId @param {any} json */
	function unassignAgent(agentId, json) {
		const agent = agents.get(agentId);
		if (!agent) return noSuch('agent', agentId);
		const clientId = json?.clientId;
		if (typeof clientId !== 'string' || clientId === '') return invalid('clientId is required');
		const unknown = Object.keys(json).filter((key) => key !== 'clientId');
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		const missing = clientMissing(clientId);
		if (missing) return missing;
		if (agent.clientId !== clientId) return invalid(`Agent '${agentId}' is not assigned to client '${clientId}'`);
		agent.clientId = null;
		return ok({ message: 'Agent unassigned from client successfully' });
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{ method: 'GET', path: 'agents', handle: () => ok(copy([...agents.values()])) },
		{ method: 'POST', path: 'agents', handle: ({ json }) => createAgent(json) },
		// Before `agents/:agentId`, which would otherwise take "assign" for an agent ID (PUT).
		{ method: 'PUT', path: 'agents/assign', handle: ({ json }) => assignAgents(json) },
		{
			method: 'GET',
			path: 'agents/:agentId',
			handle: ({ params }) => {
				const agent = agents.get(params.agentId);
				return agent ? ok(copy(agent)) : noSuch('agent', params.agentId);
			},
		},
		{ method: 'PUT', path: 'agents/:agentId', handle: ({ params, json }) => updateAgent(params.agentId, json) },
		{ method: 'PUT', path: 'agents/:agentId/unassign', handle: ({ params, json }) => unassignAgent(params.agentId, json) },
		{
			method: 'GET',
			path: 'clients/:clientId/agents',
			handle: ({ params }) =>
				clientMissing(params.clientId) ?? ok(copy([...agents.values()].filter((agent) => agent.clientId === params.clientId))),
		},
	];

	return {
		routes,
		api: {
			seedAgents,
			/** Every agent, in creation order (copies). @returns {Agent[]} */
			agents: () => copy([...agents.values()]),
			/** @param {string} agentId @returns {Agent | undefined} */
			agent: (agentId) => {
				const agent = agents.get(agentId);
				return agent && copy(agent);
			},
		},
	};
}

module.exports = { agencyAgents, makeAgent };
