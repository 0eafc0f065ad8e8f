/**
 * The steps a request may ask for after ChatDash answered (ChatDashRequest.then), kept out of the
 * router so that it stays the generic send-and-pair loop:
 *
 * - `recording`: the answer is a conversation; its `url` is downloaded WITHOUT the ChatDash key
 *   (transport's downloadFile) and streamed into n8n's binary data (`prepareBinaryData` takes the
 *   stream; in n8n's filesystem mode it is written to disk as it arrives). The item keeps the
 *   conversation as its JSON; the file is named after the conversation's _id, with the extension of
 *   its MIME type (or, for a type not known here, of the link's own file name).
 * - `transcript`: adds `transcript` (helpers/transcript.ts) to a conversation, reading its messages
 *   with one more request; or, for a messages list, gives one item holding the transcript and the
 *   messages.
 */
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toTranscript } from '../helpers/transcript';
import { downloadFile, type ChatDashClient } from '../transport';

export type FollowUp =
	| {
			kind: 'recording';
			/** The binary field the file goes into (Put Output File in Field). */
			binaryPropertyName: string;
			timeoutMs: number;
			maxBytes: number;
	  }
	| {
			/**
			 * Adds `transcript`. On a conversation: its messages are read (one more GET, by the
			 * conversation's _id). On a messages list: one item with the transcript and the messages.
			 */
			kind: 'transcript';
			agentId: string;
			conversationId: string;
	  };

/** File extensions of the audio (and audio-in-video) types recordings come as. */
const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mpeg3': 'mp3',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/x-wav': 'wav',
	'audio/vnd.wave': 'wav',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/webm': 'webm',
	'video/webm': 'webm',
	'audio/mp4': 'm4a',
	'audio/x-m4a': 'm4a',
	'audio/m4a': 'm4a',
	'audio/aac': 'aac',
	'audio/flac': 'flac',
	'audio/x-flac': 'flac',
	'video/mp4': 'mp4',
};

/** The extension (with its dot) for a MIME type, else the one the link's file name ends with, else none. */
export function recordingExtension(mimeType: string | undefined, url: URL): string {
	const known = mimeType ? EXTENSIONS[mimeType] : undefined;
	if (known) return `.${known}`;
	const fromPath = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1];
	return fromPath ? `.${fromPath.toLowerCase()}` : '';
}

/** A file name from an ID: path separators and control characters replaced. */
const safeFileName = (id: string) => id.replace(/[/\\\p{Cc}]/gu, '_');

async function attachRecording(
	this: IExecuteFunctions,
	client: ChatDashClient,
	step: Extract<FollowUp, { kind: 'recording' }>,
	conversation: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const id = String(conversation._id ?? '');
	const url = conversation.url;
	if (typeof url !== 'string' || url.trim() === '') {
		const channel = typeof conversation.channel === 'string' ? ` (channel "${conversation.channel}")` : '';
		throw new NodeOperationError(this.getNode(), `Conversation "${id}" has no recording`, {
			itemIndex,
			description: `Its url${channel} is ${url === undefined || url === null ? 'not set' : 'empty'}. Only voice calls have a recording; chat conversations have none. Nothing was downloaded.`,
		});
	}
	const download = await downloadFile(this, url.trim(), {
		timeoutMs: step.timeoutMs,
		maxBytes: step.maxBytes,
		retry: client.policy,
		labels: { what: `the recording of conversation "${id}"`, sizeOption: 'Max Recording Size (MB)', timeoutOption: 'Download Timeout' },
		itemIndex,
	});
	const fileName = `${safeFileName(id) || 'recording'}${recordingExtension(download.mimeType, download.finalUrl)}`;
	let binary: IBinaryData;
	try {
		binary = await this.helpers.prepareBinaryData(
			download.stream as never,
			fileName,
			download.mimeType ?? 'application/octet-stream',
		);
	} catch (error) {
		throw download.failure() ?? error;
	}
	const failure = download.failure();
	if (failure) throw failure;
	return { json: conversation, binary: { [step.binaryPropertyName]: binary }, pairedItem: { item: itemIndex } };
}

/** Runs the step on this item's answer and returns the item that replaces it. */
export async function followUp(
	this: IExecuteFunctions,
	client: ChatDashClient,
	step: FollowUp,
	answer: IDataObject | IDataObject[],
	itemIndex: number,
): Promise<INodeExecutionData> {
	if (step.kind === 'recording') return await attachRecording.call(this, client, step, answer as IDataObject, itemIndex);
	const { agentId, conversationId } = step;
	if (Array.isArray(answer)) {
		return {
			json: { agentId, conversationId, transcript: toTranscript(answer), messages: answer },
			pairedItem: { item: itemIndex },
		};
	}
	// By the _id ChatDash answered with: the Conversation ID may have been a platform ID.
	const id = typeof answer._id === 'string' && answer._id !== '' ? answer._id : conversationId;
	const messages = await client.sendList(
		{
			method: 'GET',
			path: ['agents', agentId, 'conversations', id, 'messages'],
			notFoundMessage: `The messages of conversation "${id}" were not found for agent "${agentId}"`,
			list: { returnAll: true, limit: 0 },
		},
		itemIndex,
	);
	return { json: { ...answer, transcript: toTranscript(messages) }, pairedItem: { item: itemIndex } };
}
