/**
 * Conversation → Download Recording: reads a conversation, then downloads its recording into the
 * item's binary data.
 *
 * Sends   GET {Base URL}/agents/{agentId}/conversations/{conversationId}[?isPlatformId=true]
 *         (exactly as Conversation → Get, with the ChatDash key), then
 *         GET <the conversation's `url`>   WITHOUT the ChatDash key or any ChatDash header
 *         (only `accept-encoding: identity`), only when it is an http or https link; redirects
 *         followed by the node, only to http(s), at most 5.
 * Returns one item per input item: the conversation object as its JSON (unchanged), and the
 *         recording under binary[<Put Output File in Field>] (default `data`): MIME type from the
 *         recording host's Content-Type, file name `<conversation _id>.<extension of that type>`.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/get-conversation): `url` is "The
 * URL of the conversation (recording URL for voice ai)"; call.ended carries it too
 * (https://help.chat-dash.com/en/help/articles/4675125-webhook-events). Docs gaps: how long a
 * recording link stays valid, whether it needs credentials of its own, what it answers when
 * expired, and the recordings' format(s) are not documented
 * (https://docs.chat-dash.com/api-reference/conversations/pages/get-conversation). The node
 * therefore sends nothing but a plain GET, takes the type from the answer, and reports a 403/404 as
 * a possibly expired link. A conversation whose url is empty or absent (chat channels) is an error
 * naming the conversation.
 * Retries: both GETs are resent after transient failures (retry.ts), the download only until its
 * body starts; a body cut short (checked against Content-Length), larger than Max Recording Size
 * or slower than Download Timeout is an error for that item. The body is streamed into n8n's
 * binary data, never held whole by the node.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getTextParameter, toCheckedNumber } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField, isPlatformIdField } from './fields';
import { readConversation } from './get.operation';
import { conversationIdField } from '../pickers';

/** Defaults of the download options. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 300_000;
export const DEFAULT_MAX_RECORDING_MB = 200;

export const option: INodePropertyOptions = {
	name: 'Download Recording',
	value: 'downloadRecording',
	description: "Download a voice call's recording as a file (binary data), with the conversation's fields",
	action: 'Download the recording of a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{
		...conversationIdField,
		description: "The conversation's ChatDash ID (_id), or its platform ID when Is Platform ID is on",
		hint: 'E.g. {{ $json.conversation._id }} after a ChatDash Trigger (call.ended), or {{ $json._id }} after Conversation → Get Many',
	},
	isPlatformIdField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'The name of the binary field to put the recording in',
		hint: 'The name of the output binary field to put the file in',
	},
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [
	{
		displayName: 'Download Timeout',
		name: 'downloadTimeout',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: DEFAULT_DOWNLOAD_TIMEOUT_MS,
		description:
			'Milliseconds one try of the recording download may take, from the request to the last byte. Long calls on a slow host need more.',
	},
	{
		displayName: 'Max Recording Size (MB)',
		name: 'maxRecordingSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MAX_RECORDING_MB,
		description:
			'Largest recording to download, in megabytes (1 MB = 1,048,576 bytes). A larger one is an error for its item, stopped before or while it arrives.',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const read = readConversation(this, itemIndex);
	const binaryPropertyName = getTextParameter(this, 'binaryPropertyName', 'Put Output File in Field', itemIndex).trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutMs = toCheckedNumber(this, options.downloadTimeout ?? DEFAULT_DOWNLOAD_TIMEOUT_MS, 'Download Timeout', itemIndex, {
		min: 1,
		whole: true,
	});
	const maxMegabytes = toCheckedNumber(this, options.maxRecordingSize ?? DEFAULT_MAX_RECORDING_MB, 'Max Recording Size (MB)', itemIndex, {
		min: 1,
	});
	return {
		...read,
		then: { kind: 'recording', binaryPropertyName, timeoutMs, maxBytes: Math.floor(maxMegabytes * 1_048_576) },
	};
}
