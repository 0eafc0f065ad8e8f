/**
 * Conversation → Delete: deletes a conversation of an agent.
 *
 * Sends   DELETE {Base URL}/agents/{agentId}/conversations/{conversationId}   (no body)
 * Returns ChatDash's answer unchanged: {"message": "Conversation deleted successfully"}.
 *
 * A DELETE is retried after transient failures. If a retry answers 404 after an earlier try that
 * may have been carried out (a 5xx, a dropped connection, a timeout), that earlier try deleted it:
 * the output is then {"message": "Conversation deleted successfully", "deletedOnEarlierAttempt":
 * true} instead of an error. A 404 on the first try (or after only 429s) is an error naming the
 * conversation and the agent.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/delete-agents-conversations, from
 * the rendered page): 200 {message}; no error response; whether the conversation's messages go too
 * is not said (the emulator deletes them). ASSUMPTION (docs silent): an unknown conversation
 * answers 404.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a conversation of an agent. This cannot be undone.',
	action: 'Delete a conversation permanently',
};

export const description: INodeProperties[] = [
	agentIdField,
	{ ...conversationIdField, description: 'The ChatDash ID (_id) of the conversation to delete' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	return {
		method: 'DELETE',
		path: ['agents', agentId, 'conversations', conversationId],
		notFoundMessage: conversationNotFound(conversationId, agentId),
		goneAfterRetry: { message: 'Conversation deleted successfully', deletedOnEarlierAttempt: true },
	};
}
