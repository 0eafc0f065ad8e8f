/**
 * Conversation → Analyze: triggers one of ChatDash's AI analyses of a conversation.
 *
 * Sends   POST {Base URL}/agents/{agentId}/conversations/{conversationId}/{endpoint}   (no body)
 *         endpoint = autoTag | summarize | evaluate | misunderstoodQuery (the Analysis field)
 * Returns ChatDash's answer unchanged. The docs show only {"assignedTopic": "…"}, which fits
 *         autoTag; what summarize, evaluate and misunderstoodQuery answer is not shown.
 *
 * Seen on one page of the docs only
 * (https://docs.chat-dash.com/api-reference/ai-analysis/pages/post-ai-analysis, "Trigger AI
 * Analysis", seen in one rendering): it is not certain this endpoint is still part of the
 * current docs. No request body, description or error response is documented.
 * ASSUMPTION (docs silent): an unknown conversation answers 404, reported as
 * `Conversation "…" was not found for agent "…"`. A POST is retried only when it provably was not
 * applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, refuseField } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

/** The documented `endpoint` values. */
const ANALYSES = ['autoTag', 'evaluate', 'misunderstoodQuery', 'summarize'];

export const option: INodePropertyOptions = {
	name: 'Analyze',
	value: 'analyze',
	description: 'Run an AI analysis of a conversation: auto-tag, summarize, evaluate or find misunderstood queries',
	action: 'Analyze a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{ ...conversationIdField, description: 'The ChatDash ID (_id) of the conversation to analyze' },
	{
		displayName: 'Analysis',
		name: 'analysis',
		type: 'options',
		options: [
			{ name: 'Auto Tag', value: 'autoTag', description: 'Assign a topic to the conversation (answers assignedTopic)' },
			{ name: 'Evaluate', value: 'evaluate', description: 'Evaluate whether the conversation was a success' },
			{ name: 'Misunderstood Query', value: 'misunderstoodQuery', description: 'Find the questions the agent misunderstood' },
			{ name: 'Summarize', value: 'summarize', description: 'Summarize the conversation' },
		],
		default: 'autoTag',
		description: 'Which AI analysis to trigger (sent as the last path segment)',
		hint: 'ChatDash starts the analysis; the output is its answer as it comes (Auto Tag answers with the assigned topic)',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const analysis = this.getNodeParameter('analysis', itemIndex) as unknown;
	if (typeof analysis !== 'string' || !ANALYSES.includes(analysis)) {
		refuseField(this, itemIndex, 'Analysis', `must be one of ${ANALYSES.join(', ')}, not ${JSON.stringify(analysis)}`);
	}
	return {
		method: 'POST',
		path: ['agents', agentId, 'conversations', conversationId, analysis as string],
		notFoundMessage: conversationNotFound(conversationId, agentId),
	};
}
