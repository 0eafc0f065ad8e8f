/**
 * Conversation → Get: reads one conversation of an agent.
 *
 * Sends   GET {Base URL}/agents/{agentId}/conversations/{conversationId}[?isPlatformId=true]
 *         (no body; `isPlatformId` only when Is Platform ID is on: the docs' default is false)
 * Returns the conversation object ChatDash answers with, unchanged (_id, agentId, platformId,
 *         leadId, campaignId, name, read, endedAt, …, summary, evaluation, mistunderstoodQueries,
 *         customAnalysis, metadata, createdAt, updatedAt).
 *
 * What the docs say (get-conversation.yaml): path and `isPlatformId` (boolean, default false)
 * verbatim from the .md; the conversation object rebuilt from the rendered page (descriptions of
 * summary, evaluation, mistunderstoodQueries, customAnalysis, metadata, createdAt, updatedAt not
 * seen). No error response is documented: ASSUMPTION (as Stripe) an unknown conversation or agent
 * answers 404, reported as `Conversation "…" was not found for agent "…"`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, toBoolean } from '../../helpers/validation';
import type { ChatDashRequest } from '../../transport';
import { requestOptionsField } from '../common.descriptions';
import { agentIdField, conversationIdField } from './fields';

const show = { resource: ['conversation'], operation: ['get'] };

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: "Get one of an agent's conversations, by ChatDash ID or platform ID",
	action: 'Get a conversation',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, displayOptions: { show } },
	{
		...conversationIdField,
		description: "The conversation's ChatDash ID (_id), or its platform ID when Is Platform ID is on",
		displayOptions: { show },
	},
	{
		displayName: 'Is Platform ID',
		name: 'isPlatformId',
		type: 'boolean',
		default: false,
		description:
			"Whether the Conversation ID is the platform's conversation ID (the conversation's platformId on the agent's platform, e.g. a Vapi call ID) instead of ChatDash's _id",
		displayOptions: { show },
	},
	{ ...requestOptionsField, displayOptions: { show } },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const isPlatformId = toBoolean(this, this.getNodeParameter('isPlatformId', itemIndex, false), 'Is Platform ID', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId, 'conversations', conversationId],
		...(isPlatformId ? { qs: { isPlatformId: true } } : {}),
		notFoundMessage: isPlatformId
			? `Conversation with platform ID "${conversationId}" was not found for agent "${agentId}"`
			: `Conversation "${conversationId}" was not found for agent "${agentId}"`,
	};
}
