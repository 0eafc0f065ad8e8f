// @ts-check
/**
 * Emulated agent leads and lead tags (https://docs.chat-dash.com/api-reference/leads/pages/post-leads, https://docs.chat-dash.com/api-reference/leads/pages/put-leads, https://docs.chat-dash.com/api-reference/leads/pages/get-leads-tags, https://docs.chat-dash.com/api-reference/leads/pages/post-leads-tags,
 * https://docs.chat-dash.com/api-reference/leads/pages/put-leads-tags):
 *   POST /agents/{agentId}/leads               ([{phone, customFields?, tags?}, …] → 200 [{_id, phone, customFields, tags}, …])
 *   PUT  /agents/{agentId}/leads/{leadId}      ({phone?, customFields?, tags?} → 200 the lead)
 *   GET  /agents/{agentId}/leads/tags          (→ 200 bare array [{_id, label, system, systemLabel}])
 *   POST /agents/{agentId}/leads/tags          ({label} → 201 {_id, label, system})
 *   PUT  /agents/{agentId}/leads/tags/{tagId}  ({label} → 200 {_id, label, system})
 * State per agent, shared between the routes: tags created are listable and usable on leads.
 * Seeds: `options.agentData[agentId].leads` / `.tags`. Batches are answered deterministically:
 * one lead per record, in the order sent, each with a new `_id`.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - an unknown agent (when the agents module publishes `shared.agent`) answers 404 "No such
 *     agent"; without that lookup any agent ID is accepted. An unknown lead or tag answers 404.
 *   - a malformed body, an unknown field, a missing/empty phone, a customFields that is not an
 *     object or an unknown tag ID answers 400 (Stripe style) and nothing of the batch is created.
 *   - Create Tag answers 201 (the docs say "Created"); `label` is required (not marked so).
 *   - Update Lead replaces `customFields` and `tags` with what is sent (the docs do not say).
 *   - no maximum batch length is enforced (none is documented).
 */
const { invalid, noSuch, ok, padded } = require('./core');

/** @typedef {{ _id: string, phone: string, customFields: Record<string, unknown>, tags: string[] }} Lead */
/** @typedef {{ _id: string, label: string, system: boolean, systemLabel?: string }} Tag */

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function agentLeads(context) {
	/** @type {Map<string, Map<string, Lead>>} */
	const leadsByAgent = new Map();
	/** @type {Map<string, Map<string, Tag>>} */
	const tagsByAgent = new Map();

	/** @template T @param {Map<string, Map<string, T>>} map @param {string} agentId @returns {Map<string, T>} */
	const storeOf = (map, agentId) => {
		let store = map.get(agentId);
		if (!store) map.set(agentId, (store = new Map()));
		return store;
	};
	/** A ChatDash-like ID (24 hexadecimal characters), deterministic. @param {string} prefix two hex digits */
	const newId = (prefix) => `${prefix}${padded(context.nextNumber(), 22)}`;

	/** @param {Partial<Tag>} tag @returns {Tag} */
	const makeTag = (tag) => ({
		_id: tag._id ?? newId('7a'),
		label: tag.label ?? '',
		system: tag.system ?? false,
		...(tag.systemLabel !== undefined ? { systemLabel: tag.systemLabel } : {}),
	});
	/** @param {Partial<Lead>} lead @returns {Lead} */
	const makeLead = (lead) => ({
		_id: lead._id ?? newId('6b'),
		phone: lead.phone ?? '',
		customFields: lead.customFields ?? {},
		tags: lead.tags ?? [],
	});

	/** @param {string} agentId @param {Array<Partial<Tag>>} list */
	function seedTags(agentId, list) {
		const store = storeOf(tagsByAgent, agentId);
		for (const tag of list) {
			const made = makeTag(tag);
			store.set(made._id, made);
		}
	}
	/** @param {string} agentId @param {Array<Partial<Lead>>} list */
	function seedLeads(agentId, list) {
		const store = storeOf(leadsByAgent, agentId);
		for (const lead of list) {
			const made = makeLead(lead);
			store.set(made._id, made);
		}
	}
	for (const [agentId, data] of Object.entries(context.options.agentData ?? {})) {
		if (Array.isArray(data?.tags)) seedTags(agentId, data.tags);
		if (Array.isArray(data?.leads)) seedLeads(agentId, data.leads);
	}

	/** @param {string} agentId @returns {import('./core').Answer | undefined} */
	const agentMissing = (agentId) =>
		typeof context.shared.agent === 'function' && context.shared.agent(agentId) === undefined
			? noSuch('agent', agentId)
			: undefined;

	/**
	 * Checks one lead body; a message when it cannot be accepted.
	 * @param {string} agentId @param {any} record @param {boolean} partial (Update: nothing required)
	 * @returns {string | undefined}
	 */
	function problemWithLead(agentId, record, partial) {
		if (!record || typeof record !== 'object' || Array.isArray(record)) return 'Each lead must be an object';
		const unknown = Object.keys(record).filter((key) => !['phone', 'customFields', 'tags'].includes(key));
		if (unknown.length) return `Received unknown parameter: ${unknown[0]}`;
		if (!partial || record.phone !== undefined) {
			if (typeof record.phone !== 'string' || record.phone.trim() === '') return 'phone is required and must be a non-empty string';
		}
		if (record.customFields !== undefined && (!record.customFields || typeof record.customFields !== 'object' || Array.isArray(record.customFields))) {
			return 'customFields must be an object';
		}
		if (record.tags !== undefined) {
			if (!Array.isArray(record.tags) || record.tags.some((/** @type {unknown} */ tag) => typeof tag !== 'string')) return 'tags must be an array of tag IDs';
			const tags = storeOf(tagsByAgent, agentId);
			const missing = record.tags.find((/** @type {string} */ tag) => !tags.has(tag));
			if (missing !== undefined) return `No such tag: '${missing}'`;
		}
		return undefined;
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'POST',
			path: 'agents/:agentId/leads',
			handle: ({ params, json }) => agentMissing(params.agentId) ?? createLeads(params.agentId, json),
		},
		{
			method: 'PUT',
			path: 'agents/:agentId/leads/:leadId',
			handle: ({ params, json }) => agentMissing(params.agentId) ?? updateLead(params.agentId, params.leadId, json),
		},
		{
			method: 'GET',
			path: 'agents/:agentId/leads/tags',
			handle: ({ params }) => agentMissing(params.agentId) ?? ok([...storeOf(tagsByAgent, params.agentId).values()]),
		},
		{
			method: 'POST',
			path: 'agents/:agentId/leads/tags',
			handle: ({ params, json }) => agentMissing(params.agentId) ?? createTag(params.agentId, json),
		},
		{
			method: 'PUT',
			path: 'agents/:agentId/leads/tags/:tagId',
			handle: ({ params, json }) => agentMissing(params.agentId) ?? updateTag(params.agentId, params.tagId, json),
		},
	];

	/** @param {string} agentId @param {unknown} json */
	function createLeads(agentId, json) {
		if (!Array.isArray(json) || json.length === 0) return invalid('Body must be a non-empty array of leads');
		for (const [index, record] of json.entries()) {
			const problem = problemWithLead(agentId, record, false);
			if (problem) return invalid(`Lead ${index}: ${problem}`);
		}
		const store = storeOf(leadsByAgent, agentId);
		const created = json.map((record) => {
			const lead = makeLead({ phone: record.phone, customFields: record.customFields, tags: record.tags });
			store.set(lead._id, lead);
			return structuredClone(lead);
		});
		return ok(created);
	}

	/** @param {string} agentId @param {string} leadId @param {any} json */
	function updateLead(agentId, leadId, json) {
		const lead = storeOf(leadsByAgent, agentId).get(leadId);
		if (!lead) return noSuch('lead', leadId);
		const problem = problemWithLead(agentId, json, true);
		if (problem) return invalid(problem);
		if (Object.keys(json).length === 0) return invalid('Nothing to update');
		if (json.phone !== undefined) lead.phone = json.phone;
		if (json.customFields !== undefined) lead.customFields = json.customFields;
		if (json.tags !== undefined) lead.tags = json.tags;
		return ok(structuredClone(lead));
	}

	/** @param {any} json @returns {string | undefined} */
	function problemWithTag(json) {
		if (!json || typeof json !== 'object' || Array.isArray(json)) return 'Body must be an object';
		const unknown = Object.keys(json).filter((key) => key !== 'label');
		if (unknown.length) return `Received unknown parameter: ${unknown[0]}`;
		if (typeof json.label !== 'string' || json.label.trim() === '') return 'label is required and must be a non-empty string';
		return undefined;
	}

	/** @param {Tag} tag */
	const tagAnswer = (tag) => ({ _id: tag._id, label: tag.label, system: tag.system });

	/** @param {string} agentId @param {any} json */
	function createTag(agentId, json) {
		const problem = problemWithTag(json);
		if (problem) return invalid(problem);
		const tag = makeTag({ label: json.label });
		storeOf(tagsByAgent, agentId).set(tag._id, tag);
		return ok(tagAnswer(tag), 201);
	}

	/** @param {string} agentId @param {string} tagId @param {any} json */
	function updateTag(agentId, tagId, json) {
		const tag = storeOf(tagsByAgent, agentId).get(tagId);
		if (!tag) return noSuch('tag', tagId);
		const problem = problemWithTag(json);
		if (problem) return invalid(problem);
		tag.label = json.label;
		return ok(tagAnswer(tag));
	}

	return {
		routes,
		api: {
			/** The agent's leads, in creation order (copies). @param {string} agentId @returns {Lead[]} */
			leads: (agentId) => structuredClone([...storeOf(leadsByAgent, agentId).values()]),
			/** The agent's lead tags (copies). @param {string} agentId @returns {Tag[]} */
			tags: (agentId) => structuredClone([...storeOf(tagsByAgent, agentId).values()]),
			seedTags,
			seedLeads,
		},
	};
}

module.exports = { agentLeads };
