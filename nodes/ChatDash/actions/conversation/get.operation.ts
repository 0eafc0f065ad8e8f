/**
 * Conversation → Get: reads one conversation of an agent.
 *
 * Sends   GET {Base URL}/agents/{agentId}/conversations/{conversationId}[?isPlatformId=true]
 *         (no body; `isPlatformId` only when Is Platform ID is on: the docs' default is false)
 * Returns the conversation object ChatDash answers with, unchanged (_id, agentId, platformId,
 *         leadId, campaignId, name, read, endedAt, …, summary, evaluation, mistunderstoodQueries,
 *         customAnalysis, metadata, createdAt, updatedAt).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/get-conversation): path and
 * `isPlatformId` (boolean, default false) verbatim from the .md; the conversation object rebuilt
 * from the rendered page (descriptions of summary, evaluation, mistunderstoodQueries,
 * customAnalysis, metadata, createdAt, updatedAt not seen). No error response is documented:
 * ASSUMPTION (as Stripe) an unknown conversation or agent answers 404, reported as `Conversation
 * "…" was not found for agent "…"`.
 *
 * Transcript as Text (off by default): the conversation object carries no messages (the docs'
 * sample has none), so the node then also sends
 *         GET {Base URL}/agents/{agentId}/conversations/{conversation _id}/messages
 * (the _id ChatDash answered with, also when the conversation was found by platform ID) and adds
 * `transcript`: one line per message in the order ChatDash lists them, `User: …` / `Bot: …` /
 * `Agent: …` (ChatDash's sender names; see helpers/transcript.ts). The messages themselves are not
 * added. Docs gap: the order of that list is not documented
 * (https://docs.chat-dash.com/api-reference/messages/pages/get-conversations-messages).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, toBoolean } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField, getTranscriptAsText, isPlatformIdField, transcriptAsTextField } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: "Get one of an agent's conversations, by ChatDash ID or platform ID",
	action: 'Get a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{
		...conversationIdField,
		description: "The conversation's ChatDash ID (_id), or its platform ID when Is Platform ID is on",
	},
	isPlatformIdField,
	transcriptAsTextField,
];

/** Reads the conversation as Get does: agent, Conversation ID, Is Platform ID. */
export function readConversation(context: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	return prepareRead.call(context, itemIndex);
}

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const read = prepareRead.call(this, itemIndex);
	if (!getTranscriptAsText(this, itemIndex)) return read;
	const [, agentId, , conversationId] = read.path;
	return { ...read, then: { kind: 'transcript', agentId, conversationId } };
}

function prepareRead(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const isPlatformId = toBoolean(this, this.getNodeParameter('isPlatformId', itemIndex, false), 'Is Platform ID', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId, 'conversations', conversationId],
		...(isPlatformId ? { qs: { isPlatformId: true } } : {}),
		notFoundMessage: isPlatformId
			? `Conversation with platform ID "${conversationId}" was not found for agent "${agentId}"`
			: conversationNotFound(conversationId, agentId),
	};
}
