/**
 * Message → Get Many: lists the messages of a conversation, one output item per message.
 *
 * Sends   GET {Base URL}/agents/{agentId}/conversations/{conversationId}/messages   (no query)
 * Returns each message of ChatDash's answer (a JSON array) unchanged, e.g.
 *         {"sender": "user", "type": "text", "content": {"text": "…"}, "metadata": {"model", "total"},
 *          "createdAt": "…"}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/messages/pages/get-conversations-messages): the path of
 * the current version was never visible; it is the path the POST/PUT/DELETE pages of the same group
 * show (rebuilt). The older version answered a bare array, which is what the node expects. Only
 * TextMessage is documented for reading. The docs document no paging: one request, and Limit is
 * applied to what ChatDash returns. ASSUMPTION (docs silent): an unknown conversation answers 404.
 *
 * Transcript as Text (off by default; off, the output is as above): the same single request, and
 * instead of one item per message ONE item per input item:
 *         {"agentId", "conversationId", "transcript": "User: …\nBot: …", "messages": [ …as returned… ]}
 * A transcript belongs to the conversation, not to one message: on every message item it would be
 * repeated N times, and an extra item would break "one item per message" for the nodes after.
 * One line per message, in ChatDash's order, senders as ChatDash names them (User / Bot / Agent);
 * Limit applies before the transcript is made. Docs gap: the list's order is not documented.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { getListRequestLimit, listFields } from '../common.descriptions';
import { agentIdField, getTranscriptAsText, transcriptAsTextField } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the messages of a conversation',
	action: 'Get many messages of a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{ ...conversationIdField, description: 'The ChatDash ID (_id) of the conversation whose messages to list' },
	...listFields({ hint: 'ChatDash returns every message at once; the limit keeps the first ones' }),
	{
		...transcriptAsTextField,
		hint: 'On: one item per conversation holding transcript and messages, instead of one item per message',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId, 'conversations', conversationId, 'messages'],
		notFoundMessage: conversationNotFound(conversationId, agentId),
		list: { ...getListRequestLimit(this, itemIndex) },
		...(getTranscriptAsText(this, itemIndex) ? { then: { kind: 'transcript', agentId, conversationId } as const } : {}),
	};
}
