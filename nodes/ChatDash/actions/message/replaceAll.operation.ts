/**
 * Message → Replace All: overwrites every message of a conversation with the given messages.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/conversations/{conversationId}/messages
 *         {"messages": [{"sender", "type": "text", "content": {"text"}, "createdAt"?}, …]}
 *         (Source: Fields), or {"messages": <the JSON array, exactly as given>} (Source: JSON)
 * Returns ChatDash's answer unchanged: {"message": "Messages updated successfully"}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/messages/pages/put-conversations-messages, "Overwrite
 * Conversation Messages": "Overwrite all messages for a conversation with a new array of
 * messages"): `messages` is an array of 12 message types (Text, Image, Button, Choice, Card,
 * Carousel, Debug, File, Location, Transition, Extension, Path); only TextMessage's fields are
 * documented, so the others can be sent only as JSON, exactly as given. The current sample message
 * has no `sender` (an older one had "sender": "user"); messages from fields send it, as the
 * TextMessage documented on the other message pages has it. createdAt as ISO 8601 text when given.
 * An empty list is refused before sending (it would wipe the conversation: use Delete All for
 * that).
 * A PUT can be sent again without applying twice, so it is retried after transient failures.
 * ASSUMPTION (docs silent): an unknown conversation answers 404.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField, messageInputFields, readMessages } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Replace All',
	value: 'replaceAll',
	description: 'Overwrites every message of the conversation with the given messages; the previous messages are lost',
	action: 'Overwrite all messages of a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{
		...conversationIdField,
		description: 'The ChatDash ID (_id) of the conversation whose messages to overwrite',
	},
	...messageInputFields,
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const messages = readMessages(this, itemIndex);
	return {
		method: 'PUT',
		path: ['agents', agentId, 'conversations', conversationId, 'messages'],
		body: { messages },
		notFoundMessage: conversationNotFound(conversationId, agentId),
	};
}
