/**
 * The Message resource through n8n's real engine against the emulator over loopback: Get Many
 * (Limit applied locally), Add and Replace All (messages from fields or from JSON) and Delete All
 * (retried as an idempotent call, never reported as done on a 404).
 */
import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { nodeRunner } from '../helpers/engine';
import { requestsSent } from '../helpers/parameters';

const API_KEY = 'CD.fedcba9876543210fedcba9876543210';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
const CONV = '65b2a1f0c2e4b0a1b2c3d4e5';
const PATH = `/agents/${AGENT}/conversations/${CONV}/messages`;

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const text = (sender: string, value: string, createdAt = '2025-01-01T10:00:00.000Z') => ({
	sender,
	type: 'text',
	content: { text: value },
	metadata: { model: 'gpt-4o', total: 12 },
	createdAt,
});
const seeded = [text('user', 'Hi'), text('bot', 'Hello! How can I help?'), text('user', 'Prices?')];
/** A transcript's hard cases: another message type, an empty text, an unknown sender, a line break. */
const mixed = [
	text('user', 'Can I get a quote?'),
	{ sender: 'bot', type: 'image', content: { url: 'https://example.com/plan.png' } },
	text('agent', ''),
	text('bot', 'Line one\nline two'),
	{ type: 'text', content: { text: 'No sender' } },
];
const many = Array.from({ length: 150 }, (_, i) => text(i % 2 ? 'bot' : 'user', `m${i}`));

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		agents: [{ _id: AGENT, name: 'Support bot' }],
		agentData: {
			[AGENT]: {
				conversations: [
					{ _id: CONV, messages: seeded },
					{ _id: 'conv_empty' },
					{ _id: 'conv_long', messages: many },
					{ _id: 'conv_mixed', messages: mixed },
				],
			},
		},
	} as never);
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), {
			resource: 'message',
			agentId: { __rl: true, mode: 'id', value: AGENT },
			conversationId: CONV });

const sent = () => requestsSent(emulator);
const notFound = (conversationId: string) => `Conversation "${conversationId}" was not found for agent "${AGENT}"`;
const fromFields = (...messages: Array<Record<string, string>>): INodeParameters => ({
	source: 'fields',
	messages: { message: messages } as NodeParameterValueType,
});

describe('Message → Get Many', () => {
	test('one GET without query; each message output unchanged, paired with the item', async () => {
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', PATH, {}, undefined]]);
		expect(output).toEqual(seeded.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('Limit 10 of 150: one request without paging parameters, the first 10', async () => {
		const { output } = await run({ operation: 'getAll', conversationId: 'conv_long', limit: 10 });
		expect(sent()).toEqual([['GET', `/agents/${AGENT}/conversations/conv_long/messages`, {}, undefined]]);
		expect(output.map((item) => item.json.content)).toEqual(many.slice(0, 10).map((message) => message.content));
	});

	test('Return All: all 150 from one request (the docs document no paging)', async () => {
		const { output } = await run({ operation: 'getAll', conversationId: 'conv_long', returnAll: true });
		expect(emulator.requests).toHaveLength(1);
		expect(output).toHaveLength(150);
	});

	test('404 names conversation and agent; an empty ID is refused before sending', async () => {
		const { error } = await run({ operation: 'getAll', conversationId: 'nope' });
		expect(error?.message).toBe(notFound('nope'));
		emulator.clearRequests();
		const { error: empty } = await run({ operation: 'getAll', conversationId: '={{ "" }}' });
		expect(empty?.message).toBe('The Conversation ID is empty');
		expect(emulator.requests).toEqual([]);
	});

	test('3 items by expression, Continue On Fail: paired in order', async () => {
		const { output } = await run(
			{ operation: 'getAll', conversationId: '={{ $json.id }}', limit: 2 },
			[{ id: CONV }, { id: 'nope' }, { id: 'conv_long' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.error ?? (item.json.content as { text: string }).text, item.pairedItem])).toEqual([
			['Hi', { item: 0 }],
			['Hello! How can I help?', { item: 0 }],
			[notFound('nope'), { item: 1 }],
			['m0', { item: 2 }],
			['m1', { item: 2 }],
		]);
	});
});

describe('Message → Get Many, Transcript as Text', () => {
	test('one request; one item per conversation: agentId, conversationId, transcript (in order), the messages', async () => {
		const { output, error } = await run({ operation: 'getAll', returnAll: true, transcriptAsText: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', PATH, {}, undefined]]);
		expect(output).toEqual([
			{
				json: { agentId: AGENT, conversationId: CONV, transcript: 'User: Hi\nBot: Hello! How can I help?\nUser: Prices?', messages: seeded },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('messages without text are marked, not dropped; senders as ChatDash names them; text as sent', async () => {
		const { output } = await run({ operation: 'getAll', conversationId: 'conv_mixed', returnAll: true, transcriptAsText: true });
		expect(output[0].json.transcript).toBe(
			['User: Can I get a quote?', 'Bot: [image message, no text]', 'Agent: [text message, empty text]', 'Bot: Line one\nline two', 'Unknown: No sender'].join('\n'),
		);
	});

	test('Limit applies first; a conversation without messages gives an empty transcript; many items stay paired', async () => {
		const { output } = await run(
			{ operation: 'getAll', conversationId: '={{ $json.id }}', limit: 2, transcriptAsText: true },
			[{ id: 'conv_long' }, { id: 'conv_empty' }, { id: 'nope' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.transcript ?? item.json.error, item.pairedItem])).toEqual([
			['User: m0\nBot: m1', { item: 0 }],
			['', { item: 1 }],
			[notFound('nope'), { item: 2 }],
		]);
	});

	test('off (the default, as in saved workflows): one item per message as before', async () => {
		const { output } = await run({ operation: 'getAll', returnAll: true, transcriptAsText: false });
		expect(output.map((item) => item.json)).toEqual(seeded);
	});
});

describe.each([
	['add', 'POST', 'Messages added successfully'],
	['replaceAll', 'PUT', 'Messages updated successfully'],
] as const)('Message → %s', (operation, method, answer) => {
	const expectedAfter = (messages: Array<Record<string, unknown>>) =>
		operation === 'add' ? [...seeded, ...messages] : messages;

	test('from fields: {"messages": [TextMessage…]} in the given order; outputs ChatDash’s answer', async () => {
		const { output, error } = await run({
			operation,
			...fromFields(
				{ sender: 'user', text: 'Can I book a demo?', createdAt: '2025-02-01T09:00:00.000Z' },
				{ sender: 'bot', text: '  Sure – “Tuesday” 🎉  ' },
				{ sender: 'agent', text: 'I booked it.', createdAt: '2025-02-01T09:05:00' },
			),
		});
		expect(error).toBeUndefined();
		const messages = [
			{ sender: 'user', type: 'text', content: { text: 'Can I book a demo?' }, createdAt: '2025-02-01T09:00:00.000Z' },
			{ sender: 'bot', type: 'text', content: { text: '  Sure – “Tuesday” 🎉  ' } },
			{ sender: 'agent', type: 'text', content: { text: 'I booked it.' }, createdAt: new Date('2025-02-01T09:05:00').toISOString() },
		];
		expect(sent()).toEqual([[method, PATH, {}, { messages }]]);
		expect(output).toEqual([{ json: { message: answer }, pairedItem: { item: 0 } }]);
		const stored = emulator.messages(AGENT, CONV) ?? [];
		const texts = (list: Array<Record<string, unknown>>) => list.map((message) => (message.content as { text: string }).text);
		expect(texts(stored)).toEqual(texts(expectedAfter(messages)));
	});

	test('from JSON: the array is sent exactly as given, any message type', async () => {
		const messages = [
			{ type: 'image', content: { url: 'https://example.com/a.png' } },
			{ sender: 'user', type: 'text', content: { text: 'Nice' }, metadata: { model: 'gpt-4o', total: 7 }, createdAt: '2025-02-02T00:00:00.000Z' },
		];
		const { output } = await run({ operation, source: 'json', messagesJson: JSON.stringify(messages, null, 2) });
		expect(sent()).toEqual([[method, PATH, {}, { messages }]]);
		expect(output[0].json).toEqual({ message: answer });
	});

	test('from JSON by expression: an array from the input item', async () => {
		const messages = [{ sender: 'bot', type: 'text', content: { text: 'From a previous node' } }];
		await run({ operation, source: 'json', messagesJson: '={{ $json.messages }}' }, [{ messages }]);
		expect(emulator.requests[0].json).toEqual({ messages });
	});

	test.each([
		['invalid JSON', { source: 'json', messagesJson: '[{"type": "text",' }, 'The Messages (JSON) must be a JSON array of message objects, e.g. [{"type": "text", …}]'],
		['a JSON object, not an array', { source: 'json', messagesJson: '{"type": "text"}' }, 'The Messages (JSON) must be a JSON array of message objects, e.g. [{"type": "text", …}]'],
		['an empty JSON array', { source: 'json', messagesJson: '[]' }, 'The Messages (JSON) is an empty list: give at least one message'],
		['a JSON entry that is not an object', { source: 'json', messagesJson: '[{"type": "text", "content": {"text": "a"}}, "b"]' }, 'The Messages (JSON) entry 2 must be a message object, not "b"'],
		['empty JSON text', { source: 'json', messagesJson: '' }, 'The Messages (JSON) is empty: give a JSON array of message objects, e.g. [{"type": "text", …}]'],
		['no message under fields', { source: 'fields', messages: {} }, 'The Messages list is empty: add at least one message'],
		['an empty text', fromFields({ sender: 'user', text: 'ok' }, { sender: 'bot', text: '' }), 'The Text of message 2 is empty'],
		['a bad sender by expression', fromFields({ sender: '={{ "robot" }}', text: 'x' }), 'The Sender of message 1 must be one of agent, bot, user, not "robot"'],
		['a bad created at', fromFields({ sender: 'user', text: 'x', createdAt: '={{ "later" }}' }), 'The Created At of message 1 must be a date, not "later"'],
	])('%s is refused before sending, naming the field', async (_name, parameters, message) => {
		const { error } = await run({ operation, ...parameters });
		expect(error?.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
		expect(emulator.requests).toEqual([]);
		expect(emulator.messages(AGENT, CONV)).toEqual(seeded);
	});

	test('404 names conversation and agent', async () => {
		const { error } = await run({ operation, conversationId: 'nope', ...fromFields({ sender: 'user', text: 'x' }) });
		expect(error?.message).toBe(notFound('nope'));
	});

	test('3 items with expressions, Continue On Fail: the bad item is an error item, the others are sent, paired', async () => {
		const { output, error } = await run(
			{ operation, conversationId: '={{ $json.id }}', ...fromFields({ sender: '={{ $json.sender }}', text: '={{ $json.text }}' }) },
			[
				{ id: CONV, sender: 'user', text: 'first' },
				{ id: CONV, sender: 'user', text: '' },
				{ id: 'conv_empty', sender: 'bot', text: 'third' },
			],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			[answer, { item: 0 }],
			['The Text of message 1 is empty', { item: 1 }],
			[answer, { item: 2 }],
		]);
		expect(emulator.requests.map((request) => [request.path, request.json])).toEqual([
			[PATH, { messages: [{ sender: 'user', type: 'text', content: { text: 'first' } }] }],
			[`/agents/${AGENT}/conversations/conv_empty/messages`, { messages: [{ sender: 'bot', type: 'text', content: { text: 'third' } }] }],
		]);
	});
});

describe('Message → add (retries)', () => {
	test('a POST is not resent after a 503 (the messages may have been added)', async () => {
		emulator.addFault({ times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run({ operation: 'add', options: { maxAttempts: 3 }, ...fromFields({ sender: 'user', text: 'x' }) });
		expect(error?.message).toBe('ChatDash server error (HTTP 503): An unexpected error occurred');
		expect(emulator.requests).toHaveLength(1);
	});

	test('Replace All (a PUT) is resent after a 503 and succeeds', async () => {
		emulator.addFault({ times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const { output } = await run({ operation: 'replaceAll', options: { maxAttempts: 3 }, ...fromFields({ sender: 'user', text: 'only' }) });
		expect(output[0].json).toEqual({ message: 'Messages updated successfully' });
		expect(emulator.requests.map((request) => request.method)).toEqual(['PUT', 'PUT']);
		expect(emulator.messages(AGENT, CONV)?.map((message) => message.content.text)).toEqual(['only']);
	});
});

describe('Message → Delete All', () => {
	test('sends DELETE without a body; outputs {message}; the conversation stays, without messages', async () => {
		const { output, error } = await run({ operation: 'deleteAll' });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['DELETE', PATH, {}, undefined]]);
		expect(emulator.requests[0].body).toBe('');
		expect(output).toEqual([{ json: { message: 'Messages deleted successfully' }, pairedItem: { item: 0 } }]);
		expect(emulator.messages(AGENT, CONV)).toEqual([]);
		expect(emulator.conversation(AGENT, CONV)).toBeDefined();
	});

	test('a retry after a try that was carried out succeeds again (deleting all messages is idempotent)', async () => {
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, action: 'reset' });
		const { output, error } = await run({ operation: 'deleteAll', options: { maxAttempts: 3 } });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([{ message: 'Messages deleted successfully' }]);
		expect(emulator.requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
	});

	test('a 404 after a 503 is still an error: this call never removes the conversation, so a 404 is not "done"', async () => {
		emulator.deleteConversation(AGENT, CONV);
		emulator.addFault({ match: (request) => request.method === 'DELETE', times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run({ operation: 'deleteAll', options: { maxAttempts: 3 } });
		expect(error?.message).toBe(`${notFound(CONV)} after 2 attempts`);
		expect(emulator.requests).toHaveLength(2);
	});

	test('a plain 404 names conversation and agent', async () => {
		const { error } = await run({ operation: 'deleteAll', conversationId: 'nope' });
		expect(error?.message).toBe(notFound('nope'));
	});

	test('3 items by expression, Continue On Fail: paired in order', async () => {
		const { output } = await run(
			{ operation: 'deleteAll', conversationId: '={{ $json.id }}' },
			[{ id: CONV }, { id: '..' }, { id: 'conv_long' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			['Messages deleted successfully', { item: 0 }],
			['The Conversation ID cannot be ".."', { item: 1 }],
			['Messages deleted successfully', { item: 2 }],
		]);
		expect(emulator.messages(AGENT, 'conv_long')).toEqual([]);
		expect(emulator.requests).toHaveLength(2);
	});
});
