// @ts-check
/**
 * Emulated agent conversations, their messages and the AI analysis endpoint:
 *   GET    /agents/{agentId}/conversations                      (startDate, endDate, record, interacted) → bare array
 *   POST   /agents/{agentId}/conversations                      {platformId, leadId, name, …}  → {message, conversation}
 *   GET    /agents/{agentId}/conversations/{conversationId}     (isPlatformId)                 → conversation
 *   PUT    /agents/{agentId}/conversations/{conversationId}     {platformId, leadId, name, read, endedAt, record, interacted, isLive} → {message}
 *   DELETE /agents/{agentId}/conversations/{conversationId}                                    → {message}
 *   GET    /agents/{agentId}/conversations/{conversationId}/messages                           → bare array
 *   POST   /agents/{agentId}/conversations/{conversationId}/messages {messages: [...]}         → {message}
 *   PUT    /agents/{agentId}/conversations/{conversationId}/messages {messages: [...]}         → {message}
 *   DELETE /agents/{agentId}/conversations/{conversationId}/messages                           → {message}
 *   POST   /agents/{agentId}/conversations/{conversationId}/{autoTag|summarize|evaluate|misunderstoodQuery}
 *
 * and, outside the API prefix and without any key (as a recording host on another domain would):
 *   GET    /_recordings/{key}                                   → the recording's bytes
 *
 * Seeds: `options.agentData[agentId].conversations` (each may carry `messages`, and `recording`:
 * see RecordingSpec; its link becomes the conversation's `url`). Agents: if the
 * agents module publishes `shared.agent(agentId)`, an agent it does not know answers 404
 * "No such agent"; without it, any agent ID is accepted.
 *
 * ASSUMPTIONS where the docs are silent:
 *   - an unknown conversation answers 404 `No such conversation: '…'` (Stripe-style body); a body
 *     with an undocumented field, a wrong JSON type or an empty update answers 400.
 *   - Get Many: without `record`/`interacted` only conversations with both true are returned (as the
 *     docs describe the default); startDate/endDate filter on `createdAt`, inclusive; insertion order.
 *   - Create: no field is required; read/record/interacted/isLive default to false and endedAt to
 *     now (as the older project page documented). Update/Delete answer only {message}, as documented.
 *   - Delete Conversation deletes its messages too. Delete All Messages of a conversation without
 *     messages answers 200 again (the conversation is still there).
 *   - Messages: `type: "text"` needs `content.text` (string); `sender`, when given, is user/bot/agent;
 *     other types are stored as given. A missing createdAt is set to now.
 *   - Recordings: the docs say only that `url` is "The URL of the conversation (recording URL for
 *     voice ai)". Served here like a storage host: bytes with Content-Type and Content-Length, and on
 *     demand 403/404 (an expired link), transient 503s, a slow start or a slow body, a body cut
 *     short of its Content-Length, redirects (also to a non-http link). Every request is recorded
 *     with its headers (the emulator's `requests`), so tests can show no key arrived.
 *   - AI analysis: only autoTag's answer is documented ({assignedTopic}); summarize, evaluate and
 *     misunderstoodQuery answer the conversation field they fill ({summary}, {evaluation},
 *     {mistunderstoodQueries}). Results are deterministic, derived from the messages.
 */
const { invalid, noSuch, ok, padded } = require('./core');

/** The conversation fields of Create Conversation's body, with their JSON types. */
const CREATE_TYPES = /** @type {Record<string, 'string' | 'boolean' | 'number' | 'object' | 'array'>} */ ({
	platformId: 'string', leadId: 'string', name: 'string', read: 'boolean', endedAt: 'string', browser: 'string',
	device: 'string', os: 'string', countryCode: 'string', ipAddress: 'string', record: 'boolean', interacted: 'boolean',
	channel: 'string', phone: 'string', phoneSecondary: 'string', instagramId: 'string', instagramUsername: 'string',
	cost: 'number', duration: 'number', url: 'string', endedReason: 'string', noAnswer: 'boolean', status: 'string',
	liveAgentName: 'string', liveAgentId: 'string', isLive: 'boolean', note: 'string', topic: 'string',
	subtopic: 'string', summary: 'string', evaluation: 'object', mistunderstoodQueries: 'array',
	customAnalysis: 'object', metadata: 'object',
});
/** Update Conversation's documented body (the .md's first fields plus the rendered page's). */
const UPDATE_FIELDS = ['platformId', 'leadId', 'name', 'read', 'endedAt', 'record', 'interacted', 'isLive'];
const ANALYSES = ['autoTag', 'summarize', 'evaluate', 'misunderstoodQuery'];
const SENDERS = ['user', 'bot', 'agent'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const RECORDINGS_PREFIX = '/_recordings/';

/**
 * @typedef {{ body?: string | Buffer, contentType?: string | null, contentLength?: number | false,
 *   status?: number, failTimes?: number, failStatus?: number, delayMs?: number, chunkDelayMs?: number,
 *   truncateAt?: number, redirectTo?: string, key?: string }} RecordingSpec
 *   `body` (default 2 KiB of fixed bytes), `contentType` (default audio/mpeg; null: none sent),
 *   `contentLength` (default the body's length; false: none, chunked), `status` (answer only that,
 *   e.g. 403/404), `failTimes` (the first N requests answer `failStatus`, default 503), `delayMs`
 *   (wait before answering), `chunkDelayMs` (the body in 8 parts, this far apart), `truncateAt`
 *   (send that many bytes, then drop the connection), `redirectTo` (answer 302 to this Location,
 *   relative to the emulator or absolute), `key` (the link's last segment; default the
 *   conversation's _id plus ".mp3").
 */

/** 2 KiB of fixed, non-text bytes: a stand-in recording. */
const SAMPLE_RECORDING = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 37 + 11) % 256));

/**
 * A conversation with every documented field; `overrides` win.
 * @param {Record<string, any>} overrides
 */
function makeConversation(overrides) {
	return {
		_id: overrides._id,
		agentId: overrides.agentId,
		platformId: `plat_${overrides._id}`,
		leadId: null,
		campaignId: null,
		name: 'Visitor',
		read: false,
		endedAt: '2025-01-01T10:00:00.000Z',
		browser: 'Chrome',
		device: 'desktop',
		os: 'macOS',
		countryCode: 'US',
		ipAddress: '203.0.113.7',
		record: true,
		interacted: true,
		channel: 'web',
		phone: null,
		phoneSecondary: null,
		instagramId: null,
		instagramUsername: null,
		cost: 0,
		duration: 0,
		url: null,
		endedReason: null,
		noAnswer: false,
		status: 'ai',
		liveAgentName: null,
		liveAgentId: null,
		isLive: false,
		note: null,
		topic: null,
		subtopic: null,
		summary: null,
		evaluation: null,
		mistunderstoodQueries: [],
		customAnalysis: {},
		metadata: {},
		createdAt: '2025-01-01T09:50:00.000Z',
		updatedAt: '2025-01-01T10:00:00.000Z',
		...overrides,
	};
}

/** @param {unknown} value */
function jsonType(value) {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value;
}

/**
 * @param {import('./core').EmulatorContext} context
 * (No declared return type: the `api` functions keep their own types for the tests.)
 */
function agentConversations(context) {
	/** Conversations per agent, in insertion order. @type {Map<string, Map<string, Record<string, any>>>} */
	const agents = new Map();
	/** Messages per `agentId|conversationId`. @type {Map<string, Array<Record<string, any>>>} */
	const messageStore = new Map();

	/** @param {string} agentId */
	const conversationsOf = (agentId) => {
		let store = agents.get(agentId);
		if (!store) agents.set(agentId, (store = new Map()));
		return store;
	};
	/** @param {string} agentId @param {string} conversationId */
	const messageKey = (agentId, conversationId) => `${agentId}|${conversationId}`;
	const isoNow = () => new Date(context.now() * 1000).toISOString();

	/** @param {string} agentId */
	function agentMissing(agentId) {
		const lookup = context.shared.agent;
		if (typeof lookup === 'function' && lookup(agentId) === undefined) return noSuch('agent', agentId);
		return undefined;
	}

	/** Recordings by the key in their link. @type {Map<string, RecordingSpec & { served: number }>} */
	const recordings = new Map();
	/** Timers of delayed or slow answers, cleared when the emulator closes. @type {Set<NodeJS.Timeout>} */
	const timers = new Set();
	/** @param {() => void} fn @param {number} ms */
	const later = (fn, ms) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			fn();
		}, ms);
		timers.add(timer);
	};

	/**
	 * Serves a recording at a link of its own and returns that link.
	 * @param {string} key @param {RecordingSpec} spec
	 */
	function addRecording(key, spec) {
		recordings.set(key, { ...spec, served: 0 });
		return `${context.origin}${RECORDINGS_PREFIX}${encodeURIComponent(key)}`;
	}

	/**
	 * @param {import('./core').RecordedRequest} request
	 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
	 */
	function serveRecording(request, req, res) {
		const path = request.rawPath.split('?')[0];
		let key = '';
		try {
			key = decodeURIComponent(path.slice(RECORDINGS_PREFIX.length));
		} catch {
			// not a key this emulator made
		}
		const recording = recordings.get(key);
		/** @param {number} status @param {string} text @param {Record<string, string>} [headers] */
		const plain = (status, text, headers = {}) => {
			res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text), ...headers });
			res.end(text);
		};
		if (req.method !== 'GET' || !recording) return plain(404, 'No such recording');
		recording.served++;
		const answer = () => {
			if (res.destroyed) return;
			if (recording.failTimes && recording.served <= recording.failTimes) {
				return plain(recording.failStatus ?? 503, 'Service unavailable');
			}
			if (recording.status) return plain(recording.status, recording.status === 403 ? 'Request has expired' : 'Not found');
			if (recording.redirectTo) {
				const location = recording.redirectTo.startsWith('/') ? `${context.origin}${recording.redirectTo}` : recording.redirectTo;
				return plain(302, 'Found', { location });
			}
			const bytes = recording.body === undefined ? SAMPLE_RECORDING : Buffer.from(recording.body);
			/** @type {Record<string, string | number>} */
			const headers = {};
			if (recording.contentType !== null) headers['content-type'] = recording.contentType ?? 'audio/mpeg';
			if (recording.contentLength !== false) headers['content-length'] = recording.contentLength ?? bytes.length;
			res.writeHead(200, headers);
			if (recording.truncateAt !== undefined) {
				res.write(bytes.subarray(0, recording.truncateAt), () => req.socket.destroy());
				return;
			}
			if (!recording.chunkDelayMs) {
				res.end(bytes);
				return;
			}
			const size = Math.ceil(bytes.length / 8);
			const writePart = (/** @type {number} */ offset) => {
				if (res.destroyed) return;
				if (offset >= bytes.length) {
					res.end();
					return;
				}
				res.write(bytes.subarray(offset, offset + size));
				later(() => writePart(offset + size), /** @type {number} */ (recording.chunkDelayMs));
			};
			writePart(0);
		};
		if (recording.delayMs) later(answer, recording.delayMs);
		else answer();
	}

	/**
	 * Adds conversations (each may carry `messages` and a `recording`) to an agent.
	 * @param {string} agentId @param {Array<Record<string, any>>} list
	 */
	function seedConversations(agentId, list) {
		const store = conversationsOf(agentId);
		for (const seed of list) {
			const { messages = [], recording, ...fields } = seed;
			const _id = fields._id ?? `c0${padded(context.nextNumber(), 22)}`;
			if (recording) fields.url = addRecording(recording.key ?? `${_id}.mp3`, recording);
			store.set(_id, makeConversation({ ...fields, _id, agentId }));
			messageStore.set(messageKey(agentId, _id), messages.map((/** @type {any} */ message) => ({ ...message })));
		}
	}
	for (const [agentId, data] of Object.entries(context.options.agentData ?? {})) {
		if (Array.isArray(data?.conversations)) seedConversations(agentId, data.conversations);
	}

	/**
	 * The conversation of a path, or a 404 answer.
	 * @param {Record<string, string>} params
	 * @returns {{ conversation: Record<string, any> } | { answer: import('./core').Answer }}
	 */
	function find(params) {
		const missing = agentMissing(params.agentId);
		if (missing) return { answer: missing };
		const conversation = conversationsOf(params.agentId).get(params.conversationId);
		return conversation ? { conversation } : { answer: noSuch('conversation', params.conversationId) };
	}

	/**
	 * @param {string} value @param {string} name
	 * @returns {{ millis: number } | { answer: import('./core').Answer }}
	 */
	function parseDate(value, name) {
		if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return { answer: invalid(`Invalid ${name}: must be an ISO 8601 date`) };
		return { millis: Date.parse(value) };
	}

	/** @param {string | undefined} value @param {string} name @returns {{ value?: boolean, answer?: import('./core').Answer }} */
	function parseFlag(value, name) {
		if (value === undefined) return { value: true };
		if (value === 'true' || value === 'false') return { value: value === 'true' };
		return { answer: invalid(`Invalid ${name}: must be true or false`) };
	}

	/**
	 * Checks a conversation body against the allowed fields and their JSON types.
	 * @param {unknown} json @param {string[]} allowed @returns {import('./core').Answer | undefined}
	 */
	function checkBody(json, allowed) {
		if (!json || typeof json !== 'object' || Array.isArray(json)) return invalid('Body must be a JSON object');
		for (const [key, value] of Object.entries(json)) {
			if (!allowed.includes(key)) return invalid(`Received unknown parameter: ${key}`);
			if (jsonType(value) !== CREATE_TYPES[key]) return invalid(`Invalid ${key}: must be ${CREATE_TYPES[key]}`);
		}
		const body = /** @type {Record<string, any>} */ (json);
		if (body.status !== undefined && !['ai', 'pending', 'human'].includes(body.status)) return invalid(`Invalid status: ${body.status}`);
		if (body.endedAt !== undefined && !ISO_DATE.test(body.endedAt)) return invalid('Invalid endedAt: must be an ISO 8601 date');
		return undefined;
	}

	/**
	 * Checks `{messages: [...]}`; returns the messages to store or a 400 answer.
	 * @param {unknown} json
	 * @returns {{ messages: Array<Record<string, any>> } | { answer: import('./core').Answer }}
	 */
	function parseMessages(json) {
		const body = /** @type {any} */ (json);
		if (!body || typeof body !== 'object' || Array.isArray(body)) return { answer: invalid('Body must be {"messages": [...]}') };
		const unknown = Object.keys(body).filter((key) => key !== 'messages');
		if (unknown.length) return { answer: invalid(`Received unknown parameter: ${unknown[0]}`) };
		if (!Array.isArray(body.messages) || body.messages.length === 0) return { answer: invalid('messages must be a non-empty array') };
		/** @type {Array<Record<string, any>>} */
		const messages = [];
		for (const [index, message] of body.messages.entries()) {
			if (!message || typeof message !== 'object' || Array.isArray(message)) return { answer: invalid(`messages[${index}] must be an object`) };
			if (typeof message.type !== 'string') return { answer: invalid(`messages[${index}].type is required`) };
			if (message.sender !== undefined && !SENDERS.includes(message.sender)) return { answer: invalid(`messages[${index}].sender must be user, bot or agent`) };
			if (message.type === 'text' && typeof message.content?.text !== 'string') return { answer: invalid(`messages[${index}].content.text is required`) };
			messages.push({ ...message, createdAt: message.createdAt ?? isoNow() });
		}
		return { messages };
	}

	/** @type {import('./core').Route[]} */
	const routes = [
		{
			method: 'GET',
			path: 'agents/:agentId/conversations',
			handle: ({ params, query }) => {
				const missing = agentMissing(params.agentId);
				if (missing) return missing;
				const record = parseFlag(query.record, 'record');
				if (record.answer) return record.answer;
				const interacted = parseFlag(query.interacted, 'interacted');
				if (interacted.answer) return interacted.answer;
				let from = -Infinity;
				let to = Infinity;
				if (query.startDate !== undefined) {
					const parsed = parseDate(query.startDate, 'startDate');
					if ('answer' in parsed) return parsed.answer;
					from = parsed.millis;
				}
				if (query.endDate !== undefined) {
					const parsed = parseDate(query.endDate, 'endDate');
					if ('answer' in parsed) return parsed.answer;
					to = parsed.millis;
				}
				const list = [...conversationsOf(params.agentId).values()].filter((conversation) => {
					const created = Date.parse(conversation.createdAt);
					return (
						conversation.record === record.value &&
						conversation.interacted === interacted.value &&
						created >= from &&
						created <= to
					);
				});
				return ok(list.map((conversation) => ({ ...conversation })));
			},
		},
		{
			method: 'POST',
			path: 'agents/:agentId/conversations',
			handle: ({ params, json }) => {
				const missing = agentMissing(params.agentId);
				if (missing) return missing;
				// An empty body (no field given) is taken as {}: no field is documented as required.
				const problem = checkBody(json ?? {}, Object.keys(CREATE_TYPES));
				if (problem) return problem;
				const _id = `c0${padded(context.nextNumber(), 22)}`;
				const now = isoNow();
				const conversation = makeConversation({
					platformId: null, name: null, browser: null, device: null, os: null, countryCode: null, ipAddress: null,
					channel: null, record: false, interacted: false, read: false, isLive: false, endedAt: now,
					createdAt: now, updatedAt: now,
					.../** @type {Record<string, any>} */ (json),
					_id,
					agentId: params.agentId,
				});
				conversationsOf(params.agentId).set(_id, conversation);
				messageStore.set(messageKey(params.agentId, _id), []);
				return ok({ message: 'Conversation added successfully', conversation: { ...conversation } });
			},
		},
		{
			method: 'GET',
			path: 'agents/:agentId/conversations/:conversationId',
			handle: ({ params, query }) => {
				const missing = agentMissing(params.agentId);
				if (missing) return missing;
				const flag = query.isPlatformId ?? 'false';
				if (flag !== 'true' && flag !== 'false') return invalid('Invalid isPlatformId: must be true or false');
				const store = conversationsOf(params.agentId);
				const conversation =
					flag === 'true'
						? [...store.values()].find((candidate) => candidate.platformId === params.conversationId)
						: store.get(params.conversationId);
				return conversation ? ok({ ...conversation }) : noSuch('conversation', params.conversationId);
			},
		},
		{
			method: 'PUT',
			path: 'agents/:agentId/conversations/:conversationId',
			handle: ({ params, json }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				const problem = checkBody(json, UPDATE_FIELDS);
				if (problem) return problem;
				if (Object.keys(/** @type {object} */ (json)).length === 0) return invalid('Nothing to update');
				Object.assign(found.conversation, json, { updatedAt: isoNow() });
				return ok({ message: 'Conversation updated successfully' });
			},
		},
		{
			method: 'DELETE',
			path: 'agents/:agentId/conversations/:conversationId',
			handle: ({ params }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				conversationsOf(params.agentId).delete(params.conversationId);
				messageStore.delete(messageKey(params.agentId, params.conversationId));
				return ok({ message: 'Conversation deleted successfully' });
			},
		},
		{
			method: 'GET',
			path: 'agents/:agentId/conversations/:conversationId/messages',
			handle: ({ params }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				return ok((messageStore.get(messageKey(params.agentId, params.conversationId)) ?? []).map((message) => ({ ...message })));
			},
		},
		{
			method: 'POST',
			path: 'agents/:agentId/conversations/:conversationId/messages',
			handle: ({ params, json }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				const parsed = parseMessages(json);
				if ('answer' in parsed) return parsed.answer;
				const key = messageKey(params.agentId, params.conversationId);
				messageStore.set(key, [...(messageStore.get(key) ?? []), ...parsed.messages]);
				return ok({ message: 'Messages added successfully' });
			},
		},
		{
			method: 'PUT',
			path: 'agents/:agentId/conversations/:conversationId/messages',
			handle: ({ params, json }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				const parsed = parseMessages(json);
				if ('answer' in parsed) return parsed.answer;
				messageStore.set(messageKey(params.agentId, params.conversationId), parsed.messages);
				return ok({ message: 'Messages updated successfully' });
			},
		},
		{
			method: 'DELETE',
			path: 'agents/:agentId/conversations/:conversationId/messages',
			handle: ({ params }) => {
				const found = find(params);
				if ('answer' in found) return found.answer;
				messageStore.set(messageKey(params.agentId, params.conversationId), []);
				return ok({ message: 'Messages deleted successfully' });
			},
		},
		{
			method: 'POST',
			path: 'agents/:agentId/conversations/:conversationId/:endpoint',
			handle: ({ params, request }) => {
				if (!ANALYSES.includes(params.endpoint)) {
					return noSuch('endpoint', `${request.method} ${request.path}`);
				}
				const found = find(params);
				if ('answer' in found) return found.answer;
				return analyze(found.conversation, params.endpoint, messageStore.get(messageKey(params.agentId, params.conversationId)) ?? []);
			},
		},
	];

	/**
	 * @param {Record<string, any>} conversation @param {string} endpoint
	 * @param {Array<Record<string, any>>} messages
	 */
	function analyze(conversation, endpoint, messages) {
		const texts = messages.map((message) => message.content?.text).filter((text) => typeof text === 'string');
		if (endpoint === 'autoTag') {
			conversation.topic = texts.some((text) => /price|cost|plan/i.test(text)) ? 'Pricing' : 'General';
			return ok({ assignedTopic: conversation.topic });
		}
		if (endpoint === 'summarize') {
			conversation.summary = `${texts.length} messages${texts[0] ? `, starting: ${texts[0].slice(0, 40)}` : ''}`;
			return ok({ summary: conversation.summary });
		}
		if (endpoint === 'evaluate') {
			conversation.evaluation = { isSuccess: texts.length > 1, reason: texts.length > 1 ? 'The user got an answer' : 'No answer given' };
			return ok({ evaluation: { ...conversation.evaluation } });
		}
		conversation.mistunderstoodQueries = texts.filter((text) => text.endsWith('?')).map((question) => ({ question }));
		return ok({ mistunderstoodQueries: conversation.mistunderstoodQueries.map((/** @type {object} */ entry) => ({ ...entry })) });
	}

	return {
		routes,
		/** @type {import('./core').OutsideRoute} */
		outside: { prefix: RECORDINGS_PREFIX, serve: serveRecording },
		stopRecordingTimers: () => {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
		},
		api: {
			seedConversations,
			addRecording,
			/** The bytes a recording serves (the sample unless its spec gives a body). @param {string} key */
			recordingBytes: (key) => {
				const recording = recordings.get(key);
				return recording?.body === undefined ? SAMPLE_RECORDING : Buffer.from(recording.body);
			},
			/** How often a recording was requested. @param {string} key */
			recordingServed: (key) => recordings.get(key)?.served ?? 0,
			/** @param {string} agentId @returns {Array<Record<string, any>>} */
			conversations: (agentId) => [...(agents.get(agentId)?.values() ?? [])].map((conversation) => ({ ...conversation })),
			/** @param {string} agentId @param {string} conversationId @returns {Record<string, any> | undefined} */
			conversation: (agentId, conversationId) => {
				const conversation = agents.get(agentId)?.get(conversationId);
				return conversation && { ...conversation };
			},
			/** @param {string} agentId @param {string} conversationId @returns {Array<Record<string, any>> | undefined} */
			messages: (agentId, conversationId) =>
				messageStore.get(messageKey(agentId, conversationId))?.map((message) => ({ ...message })),
			/** Deletes a conversation (and its messages) as if through the API. @param {string} agentId @param {string} conversationId */
			deleteConversation: (agentId, conversationId) => {
				messageStore.delete(messageKey(agentId, conversationId));
				return agents.get(agentId)?.delete(conversationId) ?? false;
			},
		},
	};
}

module.exports = { agentConversations, makeConversation, RECORDINGS_PREFIX, SAMPLE_RECORDING };
