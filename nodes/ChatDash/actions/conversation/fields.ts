/**
 * Fields and helpers shared by the Conversation operations and the Message operations (both work on
 * one conversation of one agent; see
 * https://docs.chat-dash.com/api-reference/conversations/pages/get-conversation and the other pages
 * of its group).
 *
 * These endpoints are not under Stripe Connect: no account, no {"data": …} envelope, IDs are `_id`.
 * Conversations can hold personal data (phone numbers, IP addresses, transcripts): nothing here logs.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuseField, toBoolean, toCheckedNumber, toIsoDate, toJsonObject } from '../../helpers/validation';
import { agentPickerField } from '../pickers';

/** The agent whose conversations are read or written. */
export const agentIdField: INodeProperties = agentPickerField('The agent the conversation belongs to');

/** Is Platform ID of Get and Download Recording. */
export const isPlatformIdField: INodeProperties = {
	displayName: 'Is Platform ID',
	name: 'isPlatformId',
	type: 'boolean',
	default: false,
	description:
		"Whether the Conversation ID is the platform's conversation ID (the conversation's platformId on the agent's platform, e.g. a Vapi call ID) instead of ChatDash's _id",
};

/** Transcript as Text of Conversation → Get and Message → Get Many (off: output as before). */
export const transcriptAsTextField: INodeProperties = {
	displayName: 'Transcript as Text',
	name: 'transcriptAsText',
	type: 'boolean',
	default: false,
	description:
		"Whether to add the conversation's messages as one text, `transcript`: one line per message in ChatDash's order, e.g. \"User: Hi\" / \"Bot: Hello\" / \"Agent: …\"; messages without text are marked, not left out",
};

/** Transcript as Text of this item, checked. */
export function getTranscriptAsText(context: IExecuteFunctions, itemIndex: number): boolean {
	return toBoolean(context, context.getNodeParameter('transcriptAsText', itemIndex, false), 'Transcript as Text', itemIndex);
}

/** Text sent as given; refuses non-text and empty text, naming the field. */
export function toText(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return refuseField(context, itemIndex, label, `must be text, not ${JSON.stringify(value)}`);
	}
	if (String(value).trim() === '') return refuseField(context, itemIndex, label, 'is empty');
	return String(value);
}

/** The conversation `status` values the docs list (conversation object enum). */
export const STATUSES = ['ai', 'human', 'pending'] as const;

/**
 * One conversation body field: its UI property (inside Additional Fields / Update Fields) and how
 * its value is checked and sent. `name` is the documented body field name.
 */
interface BodyField {
	property: INodeProperties;
	label: string;
	convert: (context: IExecuteFunctions, value: unknown, itemIndex: number) => unknown;
}

const text = (name: string, displayName: string, description: string, placeholder?: string): BodyField => ({
	label: displayName,
	property: { displayName, name, type: 'string', default: '', description, ...(placeholder ? { placeholder } : {}) },
	convert: (context, value, itemIndex) => toText(context, value, displayName, itemIndex),
});

const flag = (name: string, displayName: string, description: string): BodyField => ({
	label: displayName,
	property: { displayName, name, type: 'boolean', default: false, description },
	convert: (context, value, itemIndex) => toBoolean(context, value, displayName, itemIndex),
});

const amount = (name: string, displayName: string, description: string): BodyField => ({
	label: displayName,
	property: { displayName, name, type: 'number', typeOptions: { minValue: 0 }, default: 0, description },
	convert: (context, value, itemIndex) => toCheckedNumber(context, value, displayName, itemIndex, { min: 0 }),
});

const date = (name: string, displayName: string, description: string): BodyField => ({
	label: displayName,
	property: { displayName, name, type: 'dateTime', default: '', description },
	convert: (context, value, itemIndex) => toIsoDate(context, value, displayName, itemIndex),
});

const object = (name: string, displayName: string, description: string): BodyField => ({
	label: displayName,
	property: { displayName, name, type: 'json', default: '{}', description },
	convert: (context, value, itemIndex) => toJsonObject(context, value, displayName, itemIndex),
});

/** Every conversation field the docs show, keyed by the body name (descriptions from the conversation object). */
const BODY_FIELDS: Record<string, BodyField> = {
	browser: text('browser', 'Browser', 'The browser used for the conversation'),
	channel: text('channel', 'Channel', 'The channel where the conversation took place, sent exactly as entered'),
	cost: amount('cost', 'Cost', 'The cost of the conversation (voice AI calls)'),
	countryCode: text('countryCode', 'Country Code', "The country code of the user's location (ISO 3166-1 alpha-2)", 'US'),
	customAnalysis: object('customAnalysis', 'Custom Analysis', 'Custom analysis results, as a JSON object'),
	device: text('device', 'Device', 'The device used for the conversation'),
	duration: amount('duration', 'Duration', 'The duration of the conversation in minutes (voice AI calls)'),
	endedAt: date('endedAt', 'Ended At', 'The date and time the conversation ended; sent as ISO 8601 (YYYY-MM-DDTHH:mm:ss.sssZ)'),
	endedReason: text('endedReason', 'Ended Reason', 'The reason the conversation ended (voice AI)'),
	evaluation: {
		label: 'Evaluation',
		property: {
			displayName: 'Evaluation',
			name: 'evaluation',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Evaluation',
			description: 'Whether the conversation was a success, and why (sent as evaluation.isSuccess and evaluation.reason)',
			options: [
				{
					displayName: 'Evaluation',
					name: 'evaluation',
					values: [
						{ displayName: 'Is Success', name: 'isSuccess', type: 'boolean', default: false, description: 'Whether the conversation was a success' },
						{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why it was (or was not) a success' },
					],
				},
			],
		},
		convert: (context, value, itemIndex) => {
			const entry = ((value as IDataObject | undefined)?.evaluation ?? {}) as IDataObject;
			const evaluation: IDataObject = {};
			if (entry.isSuccess !== undefined) evaluation.isSuccess = toBoolean(context, entry.isSuccess, 'Evaluation: Is Success', itemIndex);
			if (entry.reason !== undefined && entry.reason !== '') evaluation.reason = toText(context, entry.reason, 'Evaluation: Reason', itemIndex);
			return Object.keys(evaluation).length ? evaluation : undefined;
		},
	},
	instagramId: text('instagramId', 'Instagram ID', 'The Instagram ID of the user, for Instagram conversations'),
	instagramUsername: text('instagramUsername', 'Instagram Username', 'The Instagram username of the user, for Instagram conversations'),
	interacted: flag('interacted', 'Interacted', 'Whether a user has interacted in the conversation'),
	ipAddress: text('ipAddress', 'IP Address', 'The IP address of the user'),
	isLive: flag('isLive', 'Is Live', 'Whether the conversation is still ongoing (false: it has ended)'),
	leadId: text('leadId', 'Lead ID', 'The lead associated with the conversation'),
	liveAgentId: text('liveAgentId', 'Live Agent ID', 'ID of the live agent that handled the conversation'),
	liveAgentName: text('liveAgentName', 'Live Agent Name', 'Name of the live agent handling the conversation'),
	metadata: object('metadata', 'Metadata', 'Metadata of the conversation, as a JSON object'),
	mistunderstoodQueries: {
		label: 'Misunderstood Queries',
		property: {
			displayName: 'Misunderstood Queries',
			name: 'mistunderstoodQueries',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Query',
			description: 'Questions the agent did not understand (sent as mistunderstoodQueries, ChatDash’s spelling)',
			options: [
				{
					displayName: 'Query',
					name: 'query',
					values: [{ displayName: 'Question', name: 'question', type: 'string', default: '', description: 'A question the agent misunderstood' }],
				},
			],
		},
		convert: (context, value, itemIndex) => {
			const entries = ((value as IDataObject | undefined)?.query ?? []) as IDataObject[];
			if (!Array.isArray(entries)) return refuseField(context, itemIndex, 'Misunderstood Queries', 'must be a list of questions');
			if (entries.length === 0) return undefined;
			return entries.map((entry, index) => ({
				question: toText(context, entry?.question, `Question of Misunderstood Query ${index + 1}`, itemIndex),
			}));
		},
	},
	name: text('name', 'Name', 'The name of the user who created the conversation'),
	noAnswer: flag('noAnswer', 'No Answer', 'Whether the call was not answered (voice AI)'),
	note: text('note', 'Note', 'A note about the conversation'),
	os: text('os', 'OS', 'The operating system used for the conversation'),
	phone: text('phone', 'Phone', 'The phone number of the conversation (FROM number for Retell, CUSTOMER number for Vapi and ElevenLabs)', '+14155550123'),
	phoneSecondary: text('phoneSecondary', 'Phone Secondary', 'The TO phone number for Retell, AGENT number for Vapi and ElevenLabs'),
	platformId: text('platformId', 'Platform ID', "The conversation's ID on the agent's original platform"),
	read: flag('read', 'Read', 'Whether the conversation has been read'),
	record: flag('record', 'Record', 'Whether the conversation is recorded'),
	status: {
		label: 'Status',
		property: {
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'AI', value: 'ai', description: 'Handled by the AI agent' },
				{ name: 'Human', value: 'human', description: 'Handled by a live agent' },
				{ name: 'Pending', value: 'pending', description: 'Waiting for a live agent' },
			],
			default: 'ai',
			description: 'The status of the conversation',
		},
		convert: (context, value, itemIndex) => {
			if (typeof value === 'string' && (STATUSES as readonly string[]).includes(value)) return value;
			return refuseField(context, itemIndex, 'Status', `must be one of ${STATUSES.join(', ')}, not ${JSON.stringify(value)}`);
		},
	},
	subtopic: text('subtopic', 'Subtopic', 'The subtopic of the conversation'),
	summary: text('summary', 'Summary', 'A summary of the conversation'),
	topic: text('topic', 'Topic', 'The topic of the conversation'),
	url: text('url', 'URL', 'The URL of the conversation (the recording URL for voice AI)'),
};

/** Create Conversation's body: every field of the docs' cURL sample. */
export const CREATE_FIELDS = Object.keys(BODY_FIELDS);

/**
 * Update Conversation's body: platformId, leadId, name, read (the .md, cut after `read`) and
 * endedAt, record, interacted, isLive (the rendered page). Nothing else is documented for it.
 */
export const UPDATE_FIELDS = ['endedAt', 'interacted', 'isLive', 'leadId', 'name', 'platformId', 'read', 'record'];

/** The properties of a collection of body fields, sorted by display name. */
export function bodyFieldProperties(names: readonly string[]): INodeProperties[] {
	return names
		.map((name) => BODY_FIELDS[name].property)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The display names of body fields, sorted, for messages listing what can be set. */
export function bodyFieldLabels(names: readonly string[]): string {
	return names
		.map((name) => BODY_FIELDS[name].label)
		.sort((a, b) => a.localeCompare(b))
		.join(', ');
}

/**
 * The request body from a collection's values: only fields the user added, each checked and sent
 * under its documented name. Fields not in `allowed` are ignored (they cannot be in the collection).
 */
export function toConversationBody(
	context: IExecuteFunctions,
	values: IDataObject,
	allowed: readonly string[],
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const name of allowed) {
		if (values[name] === undefined) continue;
		const converted = BODY_FIELDS[name].convert(context, values[name], itemIndex);
		if (converted !== undefined) body[name] = converted as IDataObject[keyof IDataObject];
	}
	return body;
}
