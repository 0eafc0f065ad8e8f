/**
 * Fields shared by the Message operations: the agent and conversation (from conversation/fields.ts),
 * and the messages Add and Replace All send, taken either from fields (TextMessage) or from a JSON
 * array of message objects.
 *
 * The message object, as documented
 * (https://docs.chat-dash.com/api-reference/messages/pages/get-conversations-messages,
 * https://docs.chat-dash.com/api-reference/messages/pages/post-conversations-messages): TextMessage
 * {sender: user | bot | agent, type: "text", content: {text}, metadata: {model, total}, createdAt}.
 * Overwrite Conversation Messages accepts 12 types (Text, Image, Button, Choice, Card, Carousel,
 * Debug, File, Location, Transition, Extension, Path), of which only TextMessage's fields are
 * documented: the other types can be sent only as JSON, exactly as given.
 * Messages can hold personal data (transcripts): nothing here logs.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toText } from '../conversation/fields';
import { parseJsonText, refuseField, toIsoDate } from '../../helpers/validation';

export { agentIdField, getTranscriptAsText, transcriptAsTextField } from '../conversation/fields';

/** The documented `sender` values. */
const SENDERS = ['agent', 'bot', 'user'];

/** Source, Messages (fields) and Messages (JSON): the fields of Add and Replace All. */
export const messageInputFields: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Text messages entered below (sender, text, created at)' },
			{ name: 'JSON', value: 'json', description: 'A JSON array of message objects, for any of the 12 message types' },
		],
		default: 'fields',
		description: 'Where the messages come from',
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Message',
		description: 'Text messages, sent in this order as {"sender", "type": "text", "content": {"text"}, "createdAt"}',
		displayOptions: { show: { source: ['fields'] } },
		options: [
			{
				displayName: 'Message',
				name: 'message',
				values: [
					{
						displayName: 'Created At',
						name: 'createdAt',
						type: 'dateTime',
						default: '',
						description: 'When the message was written; sent as ISO 8601 (YYYY-MM-DDTHH:mm:ss.sssZ). Left empty, it is not sent.',
					},
					{
						displayName: 'Sender',
						name: 'sender',
						type: 'options',
						options: [
							{ name: 'Agent', value: 'agent', description: 'A live (human) agent' },
							{ name: 'Bot', value: 'bot', description: 'The AI agent' },
							{ name: 'User', value: 'user', description: 'The person talking to the agent' },
						],
						default: 'user',
						description: 'Who wrote the message',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'The text of the message, sent exactly as entered',
					},
				],
			},
		],
	},
	{
		displayName: 'Messages (JSON)',
		name: 'messagesJson',
		type: 'json',
		default: '[\n  {\n    "sender": "user",\n    "type": "text",\n    "content": { "text": "Hello" }\n  }\n]',
		required: true,
		description:
			'A JSON array of message objects, sent exactly as given, e.g. [{"sender": "user", "type": "text", "content": {"text": "Hello"}, "createdAt": "2025-01-31T10:00:00.000Z"}]. Use it for the other message types (image, button, choice, card, carousel, debug, file, location, transition, extension, path), shaped like the messages Message → Get Many outputs.',
		hint: 'Or an expression giving an array, e.g. {{ $json.messages }}',
		displayOptions: { show: { source: ['json'] } },
	},
];

/** The messages of this item, checked; throws (naming the field) before anything is sent. */
export function readMessages(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const source = context.getNodeParameter('source', itemIndex, 'fields') as unknown;
	if (source === 'json') return readJsonMessages(context, itemIndex);
	if (source !== 'fields') {
		return refuseField(context, itemIndex, 'Source', `must be fields or json, not ${JSON.stringify(source)}`);
	}
	const collection = context.getNodeParameter('messages', itemIndex, {}) as IDataObject;
	const entries = (collection.message ?? []) as IDataObject[];
	if (!Array.isArray(entries) || entries.length === 0) {
		return refuseField(context, itemIndex, 'Messages', 'list is empty: add at least one message');
	}
	return entries.map((entry, index) => {
		const label = `message ${index + 1}`;
		const sender = entry.sender ?? 'user';
		if (typeof sender !== 'string' || !SENDERS.includes(sender)) {
			refuseField(context, itemIndex, `Sender of ${label}`, `must be one of ${SENDERS.join(', ')}, not ${JSON.stringify(sender)}`);
		}
		const message: IDataObject = {
			sender,
			type: 'text',
			content: { text: toText(context, entry.text, `Text of ${label}`, itemIndex) },
		};
		if (entry.createdAt !== undefined && entry.createdAt !== '') {
			message.createdAt = toIsoDate(context, entry.createdAt, `Created At of ${label}`, itemIndex);
		}
		return message;
	});
}

/** Messages (JSON): an array of objects, given as JSON text or as an array from an expression. */
function readJsonMessages(context: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const label = 'Messages (JSON)';
	const value = context.getNodeParameter('messagesJson', itemIndex, '') as unknown;
	const expected = 'a JSON array of message objects, e.g. [{"type": "text", …}]';
	const parsed = parseJsonText(context, value, label, itemIndex, expected);
	if (!Array.isArray(parsed)) return refuseField(context, itemIndex, label, `must be ${expected}`);
	if (parsed.length === 0) return refuseField(context, itemIndex, label, 'is an empty list: give at least one message');
	parsed.forEach((entry, index) => {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			refuseField(context, itemIndex, label, `entry ${index + 1} must be a message object, not ${Array.isArray(entry) ? 'an array' : JSON.stringify(entry)}`);
		}
	});
	return parsed as IDataObject[];
}
