/**
 * The Conversation resource through n8n's real engine against the emulator over loopback: Get
 * (incl. the platform-ID flag), Get Many (filters, Limit applied locally), Create, Update, Delete
 * (incl. a retried Delete whose first try was carried out) and Analyze; and Download Recording,
 * with its own fixtures: the conversation is read with the key, its recording downloaded WITHOUT it
 * into binary data (bytes, MIME type, file name checked), and every failure (no recording, a
 * non-http link, an expired link, a body cut short, too large, too slow, transient failures) is a
 * clear error for its item, paired, also under Continue On Fail.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId, requestsSent } from '../helpers/parameters';

const API_KEY = 'CD.0123456789abcdef0123456789abcdef';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
const BIG = '65a1f0c2e4b0a1b2c3d4e5ff';
const BASE = `/agents/${AGENT}/conversations`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const bigIds = Array.from({ length: 150 }, (_, i) => `big${String(i).padStart(3, '0')}`);

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		// Known to the agents module too (for the Agent picker, and in case it checks agents).
		agents: [
			{ _id: AGENT, name: 'Support bot' },
			{ _id: BIG, name: 'Sales caller' },
		],
		agentData: {
			[AGENT]: {
				conversations: [
					{ _id: 'conv_a', platformId: 'call_a', name: 'Alice', phone: '+14155550101', createdAt: '2025-01-01T09:00:00.000Z',
						messages: [{ sender: 'user', type: 'text', content: { text: 'What does the pro plan cost?' } }] },
					{ _id: 'conv_b', platformId: 'call_b', name: 'Bob', createdAt: '2025-01-05T09:00:00.000Z' },
					{ _id: 'conv_c', name: 'Carol', record: false, createdAt: '2025-01-06T09:00:00.000Z' },
					{ _id: 'conv_d', name: 'Dan', interacted: false, createdAt: '2025-01-07T09:00:00.000Z' },
					{ _id: 'a/b?x=1', name: 'Odd ID', createdAt: '2025-01-08T09:00:00.000Z' },
				],
			},
			[BIG]: { conversations: bigIds.map((_id) => ({ _id })) },
		},
	} as never);
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'conversation', agentId: { __rl: true, mode: 'id', value: AGENT } });

const sent = () => requestsSent(emulator);
const errorOf = (item: { json: Record<string, unknown> }) => item.json.error;

describe('Conversation → Get, Transcript as Text', () => {
	test('reads the conversation, then its messages (by its _id); adds transcript, keeps every field', async () => {
		emulator.seedConversations(AGENT, [
			{
				_id: 'conv_t',
				platformId: 'call_t',
				messages: [
					{ sender: 'user', type: 'text', content: { text: 'Hello?' } },
					{ sender: 'bot', type: 'text', content: { text: 'Hi! How can I help?' } },
					{ sender: 'agent', type: 'button', content: {} },
				],
			},
		]);
		const { output, error } = await run({ operation: 'get', conversationId: 'call_t', isPlatformId: true, transcriptAsText: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			['GET', `${BASE}/call_t`, { isPlatformId: 'true' }, undefined],
			['GET', `${BASE}/conv_t/messages`, {}, undefined],
		]);
		expect(emulator.requests.map((request) => request.headers.authorization)).toEqual([API_KEY, API_KEY]);
		expect(output).toEqual([
			{
				json: { ...emulator.conversation(AGENT, 'conv_t'), transcript: 'User: Hello?\nBot: Hi! How can I help?\nAgent: [button message, no text]' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('off by default: one request, the conversation unchanged', async () => {
		const { output } = await run({ operation: 'get', conversationId: 'conv_a' });
		expect(emulator.requests).toHaveLength(1);
		expect(output[0].json).not.toHaveProperty('transcript');
	});

	test('many items, Continue On Fail: a missing conversation is an error item in its place', async () => {
		const { output } = await run(
			{ operation: 'get', conversationId: '={{ $json.id }}', transcriptAsText: true },
			[{ id: 'conv_a' }, { id: 'nope' }, { id: 'conv_b' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.transcript ?? item.json.error, item.pairedItem])).toEqual([
			['User: What does the pro plan cost?', { item: 0 }],
			[`Conversation "nope" was not found for agent "${AGENT}"`, { item: 1 }],
			['', { item: 2 }],
		]);
	});
});

describe('Conversation → Get', () => {
	test('sends GET without query and outputs the conversation unchanged', async () => {
		const { output, error } = await run({ operation: 'get', conversationId: 'conv_a' });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', `${BASE}/conv_a`, {}, undefined]]);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
		expect(output).toEqual([{ json: emulator.conversation(AGENT, 'conv_a'), pairedItem: { item: 0 } }]);
		expect(output[0].json).toMatchObject({ _id: 'conv_a', agentId: AGENT, platformId: 'call_a', phone: '+14155550101' });
	});

	test('Is Platform ID sends isPlatformId=true and finds the conversation by its platform ID', async () => {
		const { output } = await run({ operation: 'get', conversationId: 'call_b', isPlatformId: true });
		expect(sent()).toEqual([['GET', `${BASE}/call_b`, { isPlatformId: 'true' }, undefined]]);
		expect(output[0].json._id).toBe('conv_b');
	});

	test('404 names conversation and agent (and says platform ID when the flag is on)', async () => {
		const { error } = await run({ operation: 'get', conversationId: 'nope' });
		expect(error?.message).toBe(`Conversation "nope" was not found for agent "${AGENT}"`);
		const { error: byPlatform } = await run({ operation: 'get', conversationId: 'conv_a', isPlatformId: true });
		expect(byPlatform?.message).toBe(`Conversation with platform ID "conv_a" was not found for agent "${AGENT}"`);
	});

	test('an ID with "/", "?" and "=" stays one path segment', async () => {
		const { output } = await run({ operation: 'get', conversationId: 'a/b?x=1' });
		expect(emulator.requests[0].rawPath).toBe(`/v1/public${BASE}/a%2Fb%3Fx%3D1`);
		expect(output[0].json.name).toBe('Odd ID');
	});

	test.each([
		['empty (by expression)', '={{ "" }}', 'The Conversation ID is empty'],
		['blank', '   ', 'The Conversation ID is empty'],
		['"..", which would change the path', '..', 'The Conversation ID cannot be ".."'],
		['an object from an expression', '={{ {"id": 1} }}', 'The Conversation ID must be text, but the expression gave an object'],
	])('a Conversation ID that is %s is refused before sending', async (_name, conversationId, message) => {
		const { error } = await run({ operation: 'get', conversationId });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an empty Agent is refused before sending', async () => {
		const { error } = await run({ operation: 'get', agentId: byId('={{ "" }}'), conversationId: 'conv_a' });
		expect(error?.message).toBe('The Agent is empty');
		expect(emulator.requests).toEqual([]);
	});

	test('an agent picked From list is sent by its ID', async () => {
		const { output } = await run({
			operation: 'get',
			agentId: { __rl: true, mode: 'list', value: AGENT, cachedResultName: 'Support bot' },
			conversationId: 'conv_b',
		});
		expect(emulator.requests[0].segments).toEqual(['agents', AGENT, 'conversations', 'conv_b']);
		expect(output[0].json._id).toBe('conv_b');
	});

	test('3 items with expressions → 3 requests, output paired in input order', async () => {
		const { output, error } = await run(
			{ operation: 'get', agentId: byId('={{ $json.agent }}'), conversationId: '={{ $json.id }}', isPlatformId: '={{ $json.platform }}' },
			[
				{ agent: AGENT, id: 'conv_d', platform: false },
				{ agent: BIG, id: 'big007', platform: false },
				{ agent: AGENT, id: 'call_a', platform: true },
			],
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['conv_d', { item: 0 }],
			['big007', { item: 1 }],
			['conv_a', { item: 2 }],
		]);
	});

	test('Continue On Fail: a bad item and a 404 become error items paired with their input, the others still go', async () => {
		const { output, error } = await run(
			{ operation: 'get', conversationId: '={{ $json.id }}' },
			[{ id: 'conv_a' }, { id: '' }, { id: 'gone' }, { id: 'conv_b' }],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json._id ?? errorOf(item), item.pairedItem])).toEqual([
			['conv_a', { item: 0 }],
			['The Conversation ID is empty', { item: 1 }],
			[`Conversation "gone" was not found for agent "${AGENT}"`, { item: 2 }],
			['conv_b', { item: 3 }],
		]);
		expect(emulator.requests.map((request) => request.segments[3])).toEqual(['conv_a', 'gone', 'conv_b']);
	});
});

describe('Conversation → Get Many', () => {
	test('no filters: one GET without query; ChatDash’s default list (recorded and interacted), unchanged', async () => {
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', BASE, {}, undefined]]);
		expect(output.map((item) => item.json._id)).toEqual(['conv_a', 'conv_b', 'a/b?x=1']);
		expect(output[0].json).toEqual(emulator.conversation(AGENT, 'conv_a'));
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('filters: dates as ISO 8601, record and interacted as true/false', async () => {
		const { output } = await run({
			operation: 'getAll',
			returnAll: true,
			filters: { startDate: '2025-01-02T00:00:00', endDate: '2025-01-31T00:00:00.000Z', record: false },
		});
		expect(sent()).toEqual([
			[
				'GET',
				BASE,
				{ startDate: new Date('2025-01-02T00:00:00').toISOString(), endDate: '2025-01-31T00:00:00.000Z', record: 'false' },
				undefined,
			],
		]);
		expect(output.map((item) => item.json._id)).toEqual(['conv_c']);
		emulator.clearRequests();
		const { output: notInteracted } = await run({ operation: 'getAll', returnAll: true, filters: { interacted: false } });
		expect(emulator.requests[0].query).toEqual({ interacted: 'false' });
		expect(notInteracted.map((item) => item.json._id)).toEqual(['conv_d']);
	});

	test('Limit 10: one request without paging parameters, the first 10 output', async () => {
		const { output } = await run({ operation: 'getAll', agentId: byId(BIG), limit: 10 });
		expect(sent()).toEqual([['GET', `/agents/${BIG}/conversations`, {}, undefined]]);
		expect(output.map((item) => item.json._id)).toEqual(bigIds.slice(0, 10));
	});

	test('Return All: all 150 from one request (the docs document no paging)', async () => {
		const { output } = await run({ operation: 'getAll', agentId: byId(BIG), returnAll: true });
		expect(emulator.requests).toHaveLength(1);
		expect(output.map((item) => item.json._id)).toEqual(bigIds);
	});

	test('an End Date before the Start Date, a bad date and a bad Limit are refused before sending', async () => {
		const { error } = await run({
			operation: 'getAll',
			filters: { startDate: '2025-02-01T00:00:00.000Z', endDate: '2025-01-01T00:00:00.000Z' },
		});
		expect(error?.message).toBe('The End Date must not be before the Start Date (2025-02-01T00:00:00.000Z)');
		const { error: badDate } = await run({ operation: 'getAll', filters: { startDate: '={{ "soon" }}' } });
		expect(badDate?.message).toBe('The Start Date must be a date, not "soon"');
		const { error: badLimit } = await run({ operation: 'getAll', limit: 0 });
		expect(badLimit?.message).toBe('The Limit must be a whole number of 1 or more, not 0');
		expect(emulator.requests).toEqual([]);
	});

	test('a 404 names the agent', async () => {
		emulator.addFault({ status: 404, body: { error: { type: 'invalid_request_error', message: "No such agent: 'x'" } } });
		const { error } = await run({ operation: 'getAll', agentId: byId('x') });
		expect(error?.message).toBe('Agent "x" was not found');
	});

	test('3 items by expression: each item’s conversations paired with it, in order', async () => {
		const { output } = await run({ operation: 'getAll', agentId: byId('={{ $json.agent }}'), limit: '={{ $json.limit }}' }, [
			{ agent: AGENT, limit: 1 },
			{ agent: BIG, limit: 2 },
			{ agent: AGENT, limit: 2 },
		]);
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['conv_a', { item: 0 }],
			['big000', { item: 1 }],
			['big001', { item: 1 }],
			['conv_a', { item: 2 }],
			['conv_b', { item: 2 }],
		]);
	});
});

describe('Conversation → Create', () => {
	test('sends only the added fields under their documented names; outputs {message, conversation}', async () => {
		const { output, error } = await run({
			operation: 'create',
			additionalFields: {
				platformId: 'wa_123',
				name: 'Erin',
				phone: '+14155550199',
				channel: 'whatsapp',
				record: true,
				interacted: true,
				isLive: false,
				cost: 0.42,
				duration: 3.5,
				status: 'human',
				endedAt: '2025-03-01T12:30:00.000Z',
				evaluation: { evaluation: { isSuccess: true, reason: 'Booked a demo' } },
				mistunderstoodQueries: { query: [{ question: 'Do you ship to Mars?' }] },
				customAnalysis: '{"sentiment": "positive"}',
				metadata: '{"source": "sheet"}',
			},
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			[
				'POST',
				BASE,
				{},
				{
					channel: 'whatsapp',
					cost: 0.42,
					customAnalysis: { sentiment: 'positive' },
					duration: 3.5,
					endedAt: '2025-03-01T12:30:00.000Z',
					evaluation: { isSuccess: true, reason: 'Booked a demo' },
					interacted: true,
					isLive: false,
					metadata: { source: 'sheet' },
					mistunderstoodQueries: [{ question: 'Do you ship to Mars?' }],
					name: 'Erin',
					phone: '+14155550199',
					platformId: 'wa_123',
					record: true,
					status: 'human',
				},
			],
		]);
		const created = output[0].json as { message: string; conversation: { _id: string } };
		expect(created.message).toBe('Conversation added successfully');
		expect(created.conversation).toEqual(emulator.conversation(AGENT, created.conversation._id));
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('with no field added it sends no fields (the docs mark none required)', async () => {
		const { output } = await run({ operation: 'create' });
		// n8n leaves an empty JSON body out of the request.
		expect(sent()).toEqual([['POST', BASE, {}, undefined]]);
		expect(output[0].json.message).toBe('Conversation added successfully');
	});

	test.each([
		['Cost', { cost: -1 }, 'The Cost must be a number of 0 or more, not -1'],
		['Custom Analysis', { customAnalysis: '{nope' }, 'The Custom Analysis must be a JSON object, e.g. {"key": "value"}'],
		['Metadata', { metadata: '[1]' }, 'The Metadata must be a JSON object, e.g. {"key": "value"}'],
		['Status', { status: '={{ "robot" }}' }, 'The Status must be one of ai, human, pending, not "robot"'],
		['Ended At', { endedAt: '={{ "yesterday-ish" }}' }, 'The Ended At must be a date, not "yesterday-ish"'],
		['Name', { name: '' }, 'The Name is empty'],
		['Record', { record: '={{ "maybe" }}' }, 'The Record must be true or false, not "maybe"'],
	])('a bad %s is refused before sending', async (_name, additionalFields, message) => {
		const { error } = await run({ operation: 'create', additionalFields });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('a POST is not resent after a 503 (it may have created the conversation)', async () => {
		emulator.addFault({ times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run({ operation: 'create', additionalFields: { name: 'Once' }, options: { maxAttempts: 3 } });
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test('3 items by expression: one conversation each, paired in order', async () => {
		const { output } = await run({ operation: 'create', additionalFields: { name: '={{ $json.name }}' } }, [
			{ name: 'One' },
			{ name: 'Two' },
			{ name: 'Three' },
		]);
		expect(output.map((item) => [(item.json.conversation as { name: string }).name, item.pairedItem])).toEqual([
			['One', { item: 0 }],
			['Two', { item: 1 }],
			['Three', { item: 2 }],
		]);
		expect(emulator.requests.map((request) => (request.json as { name: string }).name)).toEqual(['One', 'Two', 'Three']);
	});
});

describe('Conversation → Update', () => {
	test('sends only the added fields; outputs {message}; the conversation is changed', async () => {
		const { output, error } = await run({
			operation: 'update',
			conversationId: 'conv_a',
			updateFields: { read: true, isLive: false, endedAt: '2025-04-01T08:00:00.000Z', leadId: 'lead_9', name: 'Alice B.' },
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			['PUT', `${BASE}/conv_a`, {}, { endedAt: '2025-04-01T08:00:00.000Z', isLive: false, leadId: 'lead_9', name: 'Alice B.', read: true }],
		]);
		expect(output).toEqual([{ json: { message: 'Conversation updated successfully' }, pairedItem: { item: 0 } }]);
		expect(emulator.conversation(AGENT, 'conv_a')).toMatchObject({ read: true, leadId: 'lead_9', name: 'Alice B.' });
	});

	test('booleans from expressions ("true"/"false") are sent as booleans', async () => {
		await run(
			{ operation: 'update', conversationId: 'conv_b', updateFields: { record: '={{ $json.rec }}', interacted: '={{ $json.int }}' } },
			[{ rec: 'false', int: true }],
		);
		expect(emulator.requests[0].json).toEqual({ interacted: true, record: false });
	});

	test('nothing to update is refused before sending, naming the fields one can set', async () => {
		const { error } = await run({ operation: 'update', conversationId: 'conv_a', updateFields: {} });
		expect(error?.message).toBe('Nothing to update: add at least one field under Update Fields');
		expect((error as unknown as { description: string }).description).toContain(
			'Ended At, Interacted, Is Live, Lead ID, Name, Platform ID, Read, Record',
		);
		expect(emulator.requests).toEqual([]);
	});

	test('404 names conversation and agent', async () => {
		const { error } = await run({ operation: 'update', conversationId: 'nope', updateFields: { read: true } });
		expect(error?.message).toBe(`Conversation "nope" was not found for agent "${AGENT}"`);
	});

	test('3 items, Continue On Fail (error output): failures go to the error branch, paired', async () => {
		const { output, errorOutput } = await run(
			{ operation: 'update', conversationId: '={{ $json.id }}', updateFields: { note: 'x', name: '={{ $json.name }}' } },
			[
				{ id: 'conv_a', name: 'A' },
				{ id: 'nope', name: 'N' },
				{ id: 'conv_b', name: '' },
			],
			'continueErrorOutput',
		);
		expect(output.map((item) => [item.json.message, item.pairedItem])).toEqual([['Conversation updated successfully', { item: 0 }]]);
		expect(errorOutput.map((item) => [errorOf(item), item.pairedItem])).toEqual([
			[`Conversation "nope" was not found for agent "${AGENT}"`, { item: 1 }],
			['The Name is empty', { item: 2 }],
		]);
		// Only documented update fields exist in the collection: `note` (a Create field) is not sent.
		expect(emulator.requests.map((request) => request.json)).toEqual([{ name: 'A' }, { name: 'N' }]);
	});
});

describe('Conversation → Delete', () => {
	const remove = (conversationId = 'conv_a', options: INodeParameters = {}): INodeParameters => ({
		operation: 'delete',
		conversationId,
		options,
	});

	test('sends DELETE and outputs {message}; the conversation and its messages are gone', async () => {
		const { output, error } = await run(remove());
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['DELETE', `${BASE}/conv_a`, {}, undefined]]);
		expect(output).toEqual([{ json: { message: 'Conversation deleted successfully' }, pairedItem: { item: 0 } }]);
		expect(emulator.conversation(AGENT, 'conv_a')).toBeUndefined();
		expect(emulator.messages(AGENT, 'conv_a')).toBeUndefined();
	});

	test('a plain 404 on the first try is an error naming conversation and agent', async () => {
		const { error } = await run(remove('nope', { maxAttempts: 3 }));
		expect(error?.message).toBe(`Conversation "nope" was not found for agent "${AGENT}"`);
		expect(emulator.requests).toHaveLength(1);
	});

	test.each([
		['a reset connection', { action: 'reset' as const }],
		['a 503', { status: 503, body: { error: 'An unexpected error occurred' } }],
	])('%s whose try was carried out, then a 404 on the retry → deleted on an earlier attempt', async (_name, fault) => {
		expect(emulator.deleteConversation(AGENT, 'conv_a')).toBe(true);
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, ...fault });
		const { output, error } = await run(remove('conv_a', { maxAttempts: 3 }));
		expect(error).toBeUndefined();
		expect(output).toEqual([
			{ json: { message: 'Conversation deleted successfully', deletedOnEarlierAttempt: true }, pairedItem: { item: 0 } },
		]);
		expect(emulator.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
	});

	test('3 items by expression, Continue On Fail', async () => {
		const { output } = await run({ operation: 'delete', conversationId: '={{ $json.id }}' }, [{ id: 'conv_a' }, { id: 'nope' }, { id: 'conv_b' }], 'continueRegularOutput');
		expect(output.map((item) => [item.json.message ?? errorOf(item), item.pairedItem])).toEqual([
			['Conversation deleted successfully', { item: 0 }],
			[`Conversation "nope" was not found for agent "${AGENT}"`, { item: 1 }],
			['Conversation deleted successfully', { item: 2 }],
		]);
		expect(emulator.conversations(AGENT).map((conversation) => conversation._id)).toEqual(['conv_c', 'conv_d', 'a/b?x=1']);
	});
});

describe('Conversation → Analyze', () => {
	test.each(['autoTag', 'summarize', 'evaluate', 'misunderstoodQuery'])('%s: POST to …/{conversationId}/%s without a body', async (analysis) => {
		const { output, error } = await run({ operation: 'analyze', conversationId: 'conv_a', analysis });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['POST', `${BASE}/conv_a/${analysis}`, {}, undefined]]);
		expect(emulator.requests[0].body).toBe('');
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	test('autoTag outputs ChatDash’s {assignedTopic} unchanged', async () => {
		const { output } = await run({ operation: 'analyze', conversationId: 'conv_a', analysis: 'autoTag' });
		expect(output[0].json).toEqual({ assignedTopic: 'Pricing' });
		expect(emulator.conversation(AGENT, 'conv_a')?.topic).toBe('Pricing');
	});

	test('an analysis outside the documented four (by expression) is refused before sending', async () => {
		const { error } = await run({ operation: 'analyze', conversationId: 'conv_a', analysis: '={{ "messages" }}' });
		expect(error?.message).toBe('The Analysis must be one of autoTag, evaluate, misunderstoodQuery, summarize, not "messages"');
		expect(emulator.requests).toEqual([]);
	});

	test('404 names conversation and agent', async () => {
		const { error } = await run({ operation: 'analyze', conversationId: 'nope', analysis: 'summarize' });
		expect(error?.message).toBe(`Conversation "nope" was not found for agent "${AGENT}"`);
	});

	test('3 items with expressions, paired in order', async () => {
		const { output } = await run({ operation: 'analyze', conversationId: '={{ $json.id }}', analysis: '={{ $json.what }}' }, [
			{ id: 'conv_a', what: 'autoTag' },
			{ id: 'conv_b', what: 'evaluate' },
			{ id: 'conv_a', what: 'summarize' },
		]);
		expect(emulator.requests.map((request) => request.path)).toEqual([`${BASE}/conv_a/autoTag`, `${BASE}/conv_b/evaluate`, `${BASE}/conv_a/summarize`]);
		expect(output.map((item) => [Object.keys(item.json), item.pairedItem])).toEqual([
			[['assignedTopic'], { item: 0 }],
			[['evaluation'], { item: 1 }],
			[['summary'], { item: 2 }],
		]);
	});
});

describe('personal data', () => {
	test('nothing of a conversation reaches the console (n8n’s log) on success or failure', async () => {
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => jest.spyOn(console, method));
		try {
			await run({ operation: 'get', conversationId: 'conv_a' });
			await run({ operation: 'getAll', returnAll: true });
			await run({ operation: 'get', conversationId: 'nope' });
			const printed = spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))).join('\n');
			expect(printed).not.toContain('+14155550101');
			expect(printed).not.toContain('203.0.113.7');
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});

describe('the Agent picker (From list) of the conversation operations', () => {
	const searchAgents = new ChatDash().methods.listSearch.searchAgents;
	const context = () =>
		createLoadOptionsContext(
			{ resource: 'conversation', operation: 'getAll', agentId: { __rl: true, mode: 'list', value: '' } },
			{ apiKey: API_KEY, baseUrl: emulator.baseUrl },
			'parameters.agentId',
		);

	test('lists the agents as "name (ID)" with the ID as value, in one request (no paging token)', async () => {
		const result = await searchAgents.call(context());
		expect(result).toEqual({
			results: [
				{ name: `Support bot (${AGENT})`, value: AGENT },
				{ name: `Sales caller (${BIG})`, value: BIG },
			],
		});
		expect(sent()).toEqual([['GET', '/agents', {}, undefined]]);
	});

	test('filters by text, case-insensitively, over name and ID', async () => {
		expect((await searchAgents.call(context(), 'SALES')).results.map((entry) => entry.value)).toEqual([BIG]);
		expect((await searchAgents.call(context(), 'e5f6')).results.map((entry) => entry.value)).toEqual([AGENT]);
		expect((await searchAgents.call(context(), 'nothing like it')).results).toEqual([]);
	});
});

describe('Conversation → Download Recording', () => {
	/** 1.5 MB: over a Max Recording Size of 1 MB. */
	const BIG_RECORDING = Buffer.alloc(1.5 * 1_048_576, 7);
	const WAV = Buffer.from('RIFF....WAVEfmt fake wav bytes for the test', 'latin1');

	// Its own emulator (not the one of the tests above): conversations whose recordings it serves, and
	// misbehaves with on demand.
	let emulator: Emulator;

	const conversations = [
		{ _id: 'call_mp3', platformId: 'vapi_1', channel: 'inbound', recording: {} },
		{ _id: 'call_wav', channel: 'outbound', recording: { body: WAV, contentType: 'audio/wav; charset=binary' } },
		{ _id: 'call_untyped', recording: { contentType: 'application/octet-stream', key: 'rec-77.ogg' } },
		{ _id: 'call_no_type', recording: { contentType: null, key: 'no-type' } },
		{ _id: 'chat_web', channel: 'web' },
		{ _id: 'chat_empty', channel: 'web', url: '' },
		{ _id: 'call_file', url: 'file:///etc/passwd' },
		{ _id: 'call_403', recording: { status: 403 } },
		{ _id: 'call_404', recording: { status: 404 } },
		{ _id: 'call_cut', recording: { truncateAt: 100 } },
		{ _id: 'call_flaky', recording: { failTimes: 2 } },
		{ _id: 'call_down', recording: { failTimes: 100 } },
		{ _id: 'call_slow_start', recording: { delayMs: 5_000 } },
		{ _id: 'call_slow_body', recording: { chunkDelayMs: 400 } },
		{ _id: 'call_chunked', recording: { contentLength: false as const } },
		{ _id: 'call_big', recording: { body: BIG_RECORDING } },
		{ _id: 'call_big_chunked', recording: { body: BIG_RECORDING, contentLength: false as const } },
		{ _id: 'call_moved', recording: { redirectTo: '/_recordings/call_wav.mp3' } },
		{ _id: 'call_to_file', recording: { redirectTo: 'file:///etc/passwd' } },
		{ _id: 'call_loop', recording: { redirectTo: '/_recordings/call_loop.mp3' } },
	];

	beforeEach(async () => {
		emulator = await startEmulator({
			apiKey: API_KEY,
			agents: [{ _id: AGENT, name: 'Caller' }],
			agentData: { [AGENT]: { conversations } },
		} as never);
	});

	afterEach(async () => {
		await emulator.close();
	});

	const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'conversation', operation: 'downloadRecording', agentId: byId(AGENT) });

	const recordingRequests = () => emulator.requests.filter((request) => request.path.startsWith('/_recordings/'));
	const apiRequests = () => emulator.requests.filter((request) => !request.path.startsWith('/_recordings/'));
	const bytesOf = (item: INodeExecutionData, field = 'data') => Buffer.from(item.binary![field].data, 'base64');

	test('reads the conversation with the key, downloads the recording without it: bytes, MIME type, file name, JSON', async () => {
		const { output, error } = await run({ conversationId: 'call_mp3' });
		expect(error).toBeUndefined();
		expect(apiRequests().map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
			['GET', `/agents/${AGENT}/conversations/call_mp3`, API_KEY],
		]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(emulator.conversation(AGENT, 'call_mp3'));
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_mp3.mp3'))).toBe(true);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: 'call_mp3.mp3', fileExtension: 'mp3' });

		// The recording host got a plain GET: no credential, no ChatDash header, the key nowhere.
		const [download] = recordingRequests();
		expect(download.method).toBe('GET');
		expect(download.headers.authorization).toBeUndefined();
		expect(JSON.stringify(download.headers)).not.toContain(API_KEY);
		expect(Object.keys(download.headers).filter((name) => /chatdash|api-key|x-api|cookie/i.test(name))).toEqual([]);
	});

	test('Put Output File in Field, a WAV (type with parameters), and Is Platform ID', async () => {
		const { output } = await run({ conversationId: 'call_wav', binaryPropertyName: 'recording' });
		expect(Object.keys(output[0].binary!)).toEqual(['recording']);
		expect(bytesOf(output[0], 'recording').equals(WAV)).toBe(true);
		expect(output[0].binary!.recording).toMatchObject({ mimeType: 'audio/wav', fileName: 'call_wav.wav' });

		emulator.clearRequests();
		const byPlatform = await run({ conversationId: 'vapi_1', isPlatformId: true });
		expect(apiRequests()[0].query).toEqual({ isPlatformId: 'true' });
		expect(byPlatform.output[0].binary!.data.fileName).toBe('call_mp3.mp3');
	});

	test('an unknown type keeps the link’s own extension; no Content-Type gives application/octet-stream and no extension', async () => {
		const { output } = await run({ conversationId: '={{ $json.id }}' }, [{ id: 'call_untyped' }, { id: 'call_no_type' }]);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'application/octet-stream', fileName: 'call_untyped.ogg' });
		expect(output[1].binary!.data).toMatchObject({ mimeType: 'application/octet-stream', fileName: 'call_no_type' });
		expect(bytesOf(output[1]).equals(emulator.recordingBytes('no-type'))).toBe(true);
	});

	test('a body without Content-Length (chunked) arrives whole', async () => {
		const { output } = await run({ conversationId: 'call_chunked' });
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_chunked.mp3'))).toBe(true);
	});

	test('a redirect to another http link is followed by the node, without the key', async () => {
		const { output } = await run({ conversationId: 'call_moved' });
		expect(bytesOf(output[0]).equals(WAV)).toBe(true);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'audio/wav', fileName: 'call_moved.wav' });
		expect(recordingRequests().map((request) => [request.path, request.headers.authorization])).toEqual([
			['/_recordings/call_moved.mp3', undefined],
			['/_recordings/call_wav.mp3', undefined],
		]);
	});

	test('transient failures of the recording host are retried (a GET may be resent)', async () => {
		const { output, error } = await run({ conversationId: 'call_flaky' });
		expect(error).toBeUndefined();
		expect(emulator.recordingServed('call_flaky.mp3')).toBe(3);
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_flaky.mp3'))).toBe(true);
	});

	test('Max Attempts bounds the retries; the error says how often it tried', async () => {
		const { error } = await run({ conversationId: 'call_down', options: { maxAttempts: 2 } });
		expect(error?.message).toBe('The recording host answered HTTP 503 for the recording of conversation "call_down" after 2 attempts');
		expect(error?.description).toContain('Tried 2 times: HTTP 503, HTTP 503.');
		expect(emulator.recordingServed('call_down.mp3')).toBe(2);
	});

	// Each case: the conversation, options, the error message, and how often the host was asked.
	test.each([
		['a chat conversation (url null)', 'chat_web', {}, 'Conversation "chat_web" has no recording', 0],
		['an empty url', 'chat_empty', {}, 'Conversation "chat_empty" has no recording', 0],
		['a file: link', 'call_file', {}, 'Not downloading the recording of conversation "call_file": its link is a "file:" link', 0],
		['a 403 (expired link)', 'call_403', {}, 'The recording host refused the recording of conversation "call_403" (HTTP 403): the link may have expired', 1],
		['a 404 (expired link)', 'call_404', {}, 'The recording host refused the recording of conversation "call_404" (HTTP 404): the link may have expired', 1],
		['a body cut short', 'call_cut', {}, 'The download of the recording of conversation "call_cut" was cut short: less than the 2048 bytes announced arrived', 1],
		['a redirect to a file: link', 'call_to_file', {}, 'Not downloading the recording of conversation "call_to_file": the host redirected to a "file:" link', 1],
		['endless redirects', 'call_loop', {}, 'Not downloading the recording of conversation "call_loop": more than 5 redirects', 6],
		['a Content-Length over Max Recording Size', 'call_big', { maxRecordingSize: 1 }, 'The recording of conversation "call_big" is larger than the Max Recording Size (MB) (1 MB)', 1],
		['a chunked body over Max Recording Size', 'call_big_chunked', { maxRecordingSize: 1 }, 'The recording of conversation "call_big_chunked" is larger than the Max Recording Size (MB) (1 MB)', 1],
		['a slow start', 'call_slow_start', { downloadTimeout: 300 }, 'The download of the recording of conversation "call_slow_start" took longer than the Download Timeout (0.3 s)', 1],
		['a slow body', 'call_slow_body', { downloadTimeout: 600 }, 'The download of the recording of conversation "call_slow_body" took longer than the Download Timeout (0.6 s)', 1],
	])('%s: a clear error, paired, and under Continue On Fail the other items still download', async (_name, id, options, message, served) => {
		const stopped = await run({ conversationId: id, options });
		expect(stopped.error?.message).toBe(message);
		expect(stopped.output).toEqual([]);
		expect(JSON.stringify(stopped.error)).not.toContain(API_KEY);
		const key = (conversations.find((entry) => entry._id === id)?.recording as { key?: string } | undefined)?.key ?? `${id}.mp3`;
		expect(emulator.recordingServed(key)).toBe(served);

		const { output, error } = await run(
			{ conversationId: '={{ $json.id }}', options },
			[{ id: 'call_wav' }, { id }, { id: 'call_wav' }],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toBe(message);
		expect(output[1].binary).toBeUndefined();
		for (const item of [output[0], output[2]]) expect(bytesOf(item).equals(WAV)).toBe(true);
	});

	test('the no-recording error names the channel and says why; the 404 one says to re-read the conversation', async () => {
		const { error } = await run({ conversationId: 'chat_web' });
		expect(error?.description).toBe(
			'Its url (channel "web") is not set. Only voice calls have a recording; chat conversations have none. Nothing was downloaded.',
		);
		const expired = await run({ conversationId: 'call_404' });
		expect(expired.error?.description).toMatch(/re-reads the conversation from ChatDash for its current link/);
		expect(expired.error?.description).not.toContain('/_recordings/');
	});

	test('Continue On Fail (error output): the failing item goes to the error output, paired', async () => {
		const { output, errorOutput } = await run(
			{ conversationId: '={{ $json.id }}' },
			[{ id: 'call_mp3' }, { id: 'call_404' }],
			'continueErrorOutput',
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The recording host refused the recording of conversation "call_404" (HTTP 404): the link may have expired', { item: 1 }],
		]);
	});

	test('many items: each gets its own recording, in input order, paired', async () => {
		const ids = ['call_mp3', 'call_wav', 'call_chunked', 'call_moved', 'call_untyped', 'call_mp3'];
		const { output, error } = await run({ conversationId: '={{ $json.id }}', options: { concurrency: 3 } }, ids.map((id) => ({ id })));
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual(ids.map((id, index) => [id, { item: index }]));
		const expected = [
			emulator.recordingBytes('call_mp3.mp3'),
			WAV,
			emulator.recordingBytes('call_chunked.mp3'),
			WAV,
			emulator.recordingBytes('rec-77.ogg'),
			emulator.recordingBytes('call_mp3.mp3'),
		];
		output.forEach((item, index) => expect(bytesOf(item).equals(expected[index])).toBe(true));
		expect(recordingRequests().every((request) => request.headers.authorization === undefined)).toBe(true);
	});

	test.each([
		['an empty Put Output File in Field (by expression)', { binaryPropertyName: '={{ "" }}' }, 'The Put Output File in Field is empty'],
		['a Download Timeout of 0', { options: { downloadTimeout: 0 } }, 'The Download Timeout must be a whole number of 1 or more, not 0'],
		['a Max Recording Size that is text', { options: { maxRecordingSize: '={{ "big" }}' } }, 'The Max Recording Size (MB) must be a number of 1 or more, not "big"'],
	])('%s is refused before anything is sent', async (_name, parameters, message) => {
		const { error } = await run({ conversationId: 'call_mp3', ...parameters });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});
});
