/**
 * Conversation → Update: changes fields of an agent's conversation.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/conversations/{conversationId}
 *         {platformId?, leadId?, name?, read?, endedAt?, record?, interacted?, isLive?}
 *         (only the fields added under Update Fields; at least one, else nothing is sent)
 * Returns ChatDash's answer unchanged: {"message": "Conversation updated successfully"} (the
 *         docs show no conversation in it).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/put-agents-conversations): the .md
 * body lists platformId, leadId, name, read and is cut there (it may accept more: not visible); the
 * rendered page (probably older) lists read, endedAt, record, interacted, isLive. The node sends
 * the union of what is shown, nothing else. endedAt is sent as ISO 8601 text
 * ("YYYY-MM-DDTHH:mm:ss.sssZ", as documented). ASSUMPTION (docs silent): an unknown conversation
 * answers 404, reported as `Conversation "…" was not found for agent "…"`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { updateFieldsCollection } from '../common.descriptions';
import { agentIdField, bodyFieldLabels, bodyFieldProperties, toConversationBody, UPDATE_FIELDS } from './fields';
import { conversationIdField, conversationNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a conversation's read, recorded, interacted or live flags, end time, name, lead or platform ID",
	action: 'Update a conversation',
};

export const description: INodeProperties[] = [
	agentIdField,
	{ ...conversationIdField, description: 'The ChatDash ID (_id) of the conversation to change' },
	updateFieldsCollection(bodyFieldProperties(UPDATE_FIELDS), { description: 'The fields to change; those not added stay as they are' }),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const conversationId = getIdParameter(this, 'conversationId', 'Conversation ID', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = toConversationBody(this, fields, UPDATE_FIELDS, itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', {
			itemIndex,
			description: `Fields that can be changed: ${bodyFieldLabels(UPDATE_FIELDS)}. Nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}
	return {
		method: 'PUT',
		path: ['agents', agentId, 'conversations', conversationId],
		body,
		notFoundMessage: conversationNotFound(conversationId, agentId),
	};
}
