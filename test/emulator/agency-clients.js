// @ts-check
/**
 * Emulated agency clients and their members (https://docs.chat-dash.com/api-reference/clients/pages/get-clients, https://docs.chat-dash.com/api-reference/clients/pages/post-clients, https://docs.chat-dash.com/api-reference/clients/pages/get-client, https://docs.chat-dash.com/api-reference/clients/pages/put-clients,
 * https://docs.chat-dash.com/api-reference/clients/pages/get-client-members, https://docs.chat-dash.com/api-reference/clients/pages/post-client-members, https://docs.chat-dash.com/api-reference/clients/pages/put-client-members):
 *   GET  /clients                                 bare array of {_id, name, language, isSaasClient}
 *   POST /clients                                 {"client": {name, language}, "member": {name, loginId, password, email?}}
 *                                                 → {"message": "Client created successfully"} (no ID, as documented)
 *   GET  /clients/{clientId}                      the client
 *   PUT  /clients/{clientId}                      {name?, language?} → {"message": …}
 *   GET  /clients/{clientId}/members              bare array of {_id, clientId, isAdmin, name, loginId, email}
 *   POST /clients/{clientId}/members              {name, loginId, password, email?} → {"message": "Member added successfully"}
 *   PUT  /clients/{clientId}/members/{memberId}   {name?, loginId?, email?, password?, isAdmin?}
 *                                                 → {"message": "Member updated successfully"}
 * GET /clients is also the credential test's call. Created clients are listable and gettable, and
 * members live under their client. Members' passwords are stored (tests check them through
 * `memberPasswordIs`) but no GET and no api accessor returns them: the documented member object has
 * no password. Other modules look clients up at request time through `context.shared.client(id)`.
 *
 * Seeds: `options.clients`, an array of client objects, each of which may carry `members: [...]`
 * (member objects, `password` optional). Default when absent:
 * `[{ _id: 'client_1', name: 'Acme Dental', language: 'en', isSaasClient: false }]`.
 *
 * ASSUMPTIONS where the docs are silent (they show only the 200 answers):
 *   - an unknown client or member answers 404, a malformed body 400 (unknown fields included), each
 *     Stripe-style {"error": {"type", "message"}} (core.js). No error message echoes a password.
 *   - Update Client: the current body is unknown (only an old rendering with name, loginId, email,
 *     password, language). The emulator accepts name and language, the two fields of today's client
 *     object; its answer text "Client updated successfully" is not documented.
 *   - Create Client: member name, loginId and password are required, as in Add Client Member.
 *   - Login IDs are unique across all members, compared case-insensitively (the older docs call the
 *     client login ID "case-insensitive"): a taken one answers 400. Client names need not be unique.
 *   - `language` must be a two-letter code (the docs say ISO 639-1); `isSaasClient` of a created
 *     client is false (its documented default); `isAdmin` of an added member is false, except the
 *     first member of a client created by Create Client, which is the client's admin.
 *   - IDs are 24 hexadecimal characters (as ChatDash's); lists keep insertion order.
 */
const { invalid, noSuch, ok, padded } = require('./core');

/**
 * @typedef {{ _id: string, name: string, language: string, isSaasClient: boolean }} Client
 * @typedef {{ _id: string, clientId: string, isAdmin: boolean, name: string, loginId: string, email?: string }} Member
 */

const DEFAULT_CLIENTS = [{ _id: 'client_1', name: 'Acme Dental', language: 'en', isSaasClient: false }];

/** @param {unknown} value */
const isText = (value) => typeof value === 'string' && value.trim() !== '';
/** @param {unknown} value */
const isObject = (value) => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function agencyClients(context) {
	/** @type {Map<string, Client>} */
	const clients = new Map();
	/** Members per client, in insertion order. @type {Map<string, Member[]>} */
	const members = new Map();
	/** Passwords by member ID: never returned by any GET. @type {Map<string, string>} */
	const passwords = new Map();

	/** @param {string} prefix @returns {string} */
	const nextId = (prefix) => `${prefix}${padded(context.nextNumber(), 24 - prefix.length)}`;

	/** @param {Member} member */
	const publicMember = (member) => ({ ...member });

	/** @param {string} loginId @param {string} [exceptMemberId] */
	function loginIdTaken(loginId, exceptMemberId) {
		const wanted = loginId.toLowerCase();
		for (const list of members.values()) {
			if (list.some((member) => member._id !== exceptMemberId && member.loginId.toLowerCase() === wanted)) return true;
		}
		return false;
	}

	/**
	 * Adds clients (and their `members`) as given; missing fields get their documented defaults.
	 * @param {Array<Record<string, any>>} list
	 */
	function seedClients(list) {
		for (const seed of list) {
			const { members: seededMembers = [], ...fields } = seed;
			/** @type {Client} */
			const client = { _id: seed._id ?? nextId('6650a1'), name: 'Client', language: 'en', isSaasClient: false, ...fields };
			clients.set(client._id, client);
			const list = members.get(client._id) ?? [];
			members.set(client._id, list);
			for (const seededMember of seededMembers) {
				const { password, ...memberFields } = seededMember;
				/** @type {Member} */
				const member = { _id: nextId('6650b2'), clientId: client._id, isAdmin: false, name: 'Member', loginId: '', ...memberFields };
				list.push(member);
				if (typeof password === 'string') passwords.set(member._id, password);
			}
		}
	}
	seedClients(context.options.clients ?? DEFAULT_CLIENTS);

	context.shared.client = (/** @type {string} */ clientId) => {
		const client = clients.get(clientId);
		return client && { ...client };
	};

	/**
	 * Checks a member body against the documented fields; returns an error answer or undefined.
	 * @param {Record<string, any>} body @param {string[]} required @param {string} where e.g. "member"
	 */
	function memberProblem(body, required, where) {
		const allowed = where === 'member' ? ['name', 'loginId', 'email', 'password'] : ['name', 'loginId', 'email', 'password', 'isAdmin'];
		const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${where === 'member' ? 'member.' : ''}${unknown[0]}`);
		for (const key of required) if (!isText(body[key])) return invalid(`${where === 'member' ? 'member.' : ''}${key} is required`);
		for (const key of ['name', 'loginId', 'email', 'password']) {
			if (body[key] !== undefined && !isText(body[key])) return invalid(`${key} must be a non-empty string`);
		}
		if (body.isAdmin !== undefined && typeof body.isAdmin !== 'boolean') return invalid('isAdmin must be a boolean');
		return undefined;
	}

	/** @param {unknown} value */
	const badLanguage = (value) => typeof value !== 'string' || !/^[a-z]{2}$/.test(value);

	/** @param {any} json */
	function createClient(json) {
		if (!isObject(json)) return invalid('Body must be {"client": {...}, "member": {...}}');
		const unknown = Object.keys(json).filter((key) => !['client', 'member'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		if (!isObject(json.client)) return invalid('client is required');
		if (!isObject(json.member)) return invalid('member is required');
		const unknownClientFields = Object.keys(json.client).filter((key) => !['name', 'language'].includes(key));
		if (unknownClientFields.length) return invalid(`Received unknown parameter: client.${unknownClientFields[0]}`);
		if (!isText(json.client.name)) return invalid('client.name is required');
		if (badLanguage(json.client.language)) return invalid('client.language must be an ISO 639-1 code');
		const problem = memberProblem(json.member, ['name', 'loginId', 'password'], 'member');
		if (problem) return problem;
		if (loginIdTaken(json.member.loginId)) return invalid(`Login ID '${json.member.loginId}' is already taken`);

		/** @type {Client} */
		const client = { _id: nextId('6650a1'), name: json.client.name, language: json.client.language, isSaasClient: false };
		clients.set(client._id, client);
		const { password, ...memberFields } = json.member;
		/** @type {Member} */
		const member = { _id: nextId('6650b2'), clientId: client._id, isAdmin: true, ...memberFields };
		members.set(client._id, [member]);
		passwords.set(member._id, password);
		return ok({ message: 'Client created successfully' });
	}

	/** @param {string} clientId @param {any} json */
	function updateClient(clientId, json) {
		const client = clients.get(clientId);
		if (!client) return noSuch('client', clientId);
		if (!isObject(json)) return invalid('Body must be a JSON object');
		const unknown = Object.keys(json).filter((key) => !['name', 'language'].includes(key));
		if (unknown.length) return invalid(`Received unknown parameter: ${unknown[0]}`);
		if (json.name !== undefined && !isText(json.name)) return invalid('name must be a non-empty string');
		if (json.language !== undefined && badLanguage(json.language)) return invalid('language must be an ISO 639-1 code');
		if (json.name !== undefined) client.name = json.name;
		if (json.language !== undefined) client.language = json.language;
		return ok({ message: 'Client updated successfully' });
	}

	/** @param {string} clientId @param {any} json */
	function addMember(clientId, json) {
		if (!clients.has(clientId)) return noSuch('client', clientId);
		if (!isObject(json)) return invalid('Body must be a JSON object');
		const problem = memberProblem(json, ['name', 'loginId', 'password'], 'body');
		if (problem) return problem;
		if (json.isAdmin !== undefined) return invalid('Received unknown parameter: isAdmin');
		if (loginIdTaken(json.loginId)) return invalid(`Login ID '${json.loginId}' is already taken`);
		const { password, ...memberFields } = json;
		/** @type {Member} */
		const member = { _id: nextId('6650b2'), clientId, isAdmin: false, ...memberFields };
		/** @type {Member[]} */ (members.get(clientId)).push(member);
		passwords.set(member._id, password);
		return ok({ message: 'Member added successfully' });
	}

	/** @param {string} clientId @param {string} memberId @param {any} json */
	function updateMember(clientId, memberId, json) {
		if (!clients.has(clientId)) return noSuch('client', clientId);
		const member = members.get(clientId)?.find((candidate) => candidate._id === memberId);
		if (!member) return noSuch('member', memberId);
		if (!isObject(json)) return invalid('Body must be a JSON object');
		const problem = memberProblem(json, [], 'body');
		if (problem) return problem;
		if (json.loginId !== undefined && loginIdTaken(json.loginId, memberId)) return invalid(`Login ID '${json.loginId}' is already taken`);
		const { password, ...fields } = json;
		Object.assign(member, fields);
		if (password !== undefined) passwords.set(member._id, password);
		return ok({ message: 'Member updated successfully' });
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{ method: 'GET', path: 'clients', handle: () => ok([...clients.values()].map((client) => ({ ...client }))) },
		{ method: 'POST', path: 'clients', handle: ({ json }) => createClient(json) },
		{
			method: 'GET',
			path: 'clients/:clientId',
			handle: ({ params }) => {
				const client = clients.get(params.clientId);
				return client ? ok({ ...client }) : noSuch('client', params.clientId);
			},
		},
		{ method: 'PUT', path: 'clients/:clientId', handle: ({ params, json }) => updateClient(params.clientId, json) },
		{
			method: 'GET',
			path: 'clients/:clientId/members',
			handle: ({ params }) => {
				const list = members.get(params.clientId);
				return list ? ok(list.map(publicMember)) : noSuch('client', params.clientId);
			},
		},
		{ method: 'POST', path: 'clients/:clientId/members', handle: ({ params, json }) => addMember(params.clientId, json) },
		{
			method: 'PUT',
			path: 'clients/:clientId/members/:memberId',
			handle: ({ params, json }) => updateMember(params.clientId, params.memberId, json),
		},
	];

	return {
		routes,
		api: {
			seedClients,
			/** Every client, as GET /clients lists them. @returns {Client[]} */
			clients: () => [...clients.values()].map((client) => ({ ...client })),
			/** @param {string} clientId @returns {Client | undefined} */
			client: (clientId) => {
				const client = clients.get(clientId);
				return client && { ...client };
			},
			/** A client's members, as GET …/members lists them (no password). @param {string} clientId @returns {Member[]} */
			members: (clientId) => (members.get(clientId) ?? []).map(publicMember),
			/**
			 * Whether the member's stored password is `password`: a yes/no, so that a failing test
			 * never prints a password. @param {string} memberId @param {string} password
			 */
			memberPasswordIs: (memberId, password) => passwords.get(memberId) === password,
		},
	};
}

module.exports = { agencyClients };
