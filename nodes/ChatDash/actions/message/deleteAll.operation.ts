/**
 * Message → Delete All: removes every message of a conversation (the conversation itself stays).
 *
 * Sends   DELETE {Base URL}/agents/{agentId}/conversations/{conversationId}/messages   (no body)
 * Returns ChatDash's answer unchanged: {"message": "Messages deleted successfully"}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/messages/pages/delete-conversations-messages, complete
 * and verbatim): "Delete all messages for a conversation"; 200 {message} and 500 {"error": "An
 * unexpected error occurred"}.
 *
 * Retries: a DELETE is retried after transient failures, and deleting all messages twice leaves
 * the same result, so a retry after a try that was carried out simply succeeds again (the
 * conversation is still there, with no messages). Unlike Conversation → Delete, a 404 here can
 * NOT be explained by an earlier try: this call never removes the conversation, so a 404 means
 * the conversation (or agent) does not exist. It is therefore always reported as an error
 * (no goneAfterRetry). ASSUMPTION (docs silent): an unknown conversation answers 404, and a
 * conversation without messages answers 200.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Delete All',
	value: 'deleteAll',
	description: 'Removes every message of the conversation (the conversation itself stays). This cannot be undone.',
	action: 'Delete all messages of a conversation permanently',
};

export const description: INodeProperties[] = [
	agentIdField,
	{
		...conversationIdField,
		description: 'The ChatDash ID (_id) of the conversation whose messages to delete',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	return {
		method: 'DELETE',
		path: ['agents', agentId, 'conversations', conversationId, 'messages'],
		notFoundMessage: conversationNotFound(conversationId, agentId),
	};
}
