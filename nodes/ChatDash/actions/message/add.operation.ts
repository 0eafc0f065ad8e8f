/**
 * Message → Add: pushes one or more messages to the end of a conversation.
 *
 * Sends   POST {Base URL}/agents/{agentId}/conversations/{conversationId}/messages
 *         {"messages": [{"sender", "type": "text", "content": {"text"}, "createdAt"?}, …]}
 *         (Source: Fields), or {"messages": <the JSON array, exactly as given>} (Source: JSON)
 * Returns ChatDash's answer unchanged: {"message": "Messages added successfully"}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/messages/pages/post-conversations-messages, from the
 * rendered page; its title was never visible): the body is {messages: [TextMessage]}; whether the
 * 12-type union of Overwrite Conversation Messages is accepted here too, and which fields are
 * required, is not said (the old GET page marks sender, type and content required). Messages from
 * fields are TextMessages: the only type whose fields are documented. createdAt is sent as ISO 8601
 * text when given (the docs type it as a string, "The date and time the message was created");
 * `metadata` (model, total) is sent only through JSON. Whether `createdAt` defaults to now when
 * left out is not said. An empty list or invalid JSON is refused before sending.
 * A POST is retried only when it provably was not applied (refused connection, 429; retry.ts): a retried Add could
 * add the messages twice. ASSUMPTION (docs silent): an unknown conversation answers 404.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField, messageInputFields, readMessages } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Add',
	value: 'add',
	description: 'Add one or more messages to the end of a conversation',
	action: 'Add messages to a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{ ...conversationIdField, description: 'The ChatDash ID (_id) of the conversation to add the messages to' },
	...messageInputFields,
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const messages = readMessages(this, itemIndex);
	return {
		method: 'POST',
		path: ['agents', agentId, 'conversations', conversationId, 'messages'],
		body: { messages },
		notFoundMessage: conversationNotFound(conversationId, agentId),
	};
}
