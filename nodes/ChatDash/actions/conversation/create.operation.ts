/**
 * Conversation → Create: adds a conversation to an agent (e.g. one imported from another channel).
 *
 * Sends   POST {Base URL}/agents/{agentId}/conversations
 *         {platformId?, leadId?, name?, read?, endedAt?, browser?, device?, os?, countryCode?,
 *          ipAddress?, record?, interacted?, channel?, phone?, phoneSecondary?, instagramId?,
 *          instagramUsername?, cost?, duration?, url?, endedReason?, noAnswer?, status?,
 *          liveAgentName?, liveAgentId?, isLive?, note?, topic?, subtopic?, summary?,
 *          evaluation{isSuccess?, reason?}?, mistunderstoodQueries[{question}]?, customAnalysis{}?,
 *          metadata{}?}          (only the fields added under Additional Fields)
 * Returns ChatDash's answer unchanged: {"message": "Conversation added successfully",
 *         "conversation": {…the created conversation…}}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/post-agents-conversations): only a
 * rendered cURL sample was seen, so the body above is the sample's field names and JSON types; no
 * descriptions, no required fields and no defaults (the older project page defaulted
 * read/record/interacted/isLive to false and endedAt to now). Field meanings are those of the
 * conversation object
 * (https://docs.chat-dash.com/api-reference/conversations/pages/get-conversation).
 * `mistunderstoodQueries` is spelled so in the docs. endedAt is sent as ISO 8601 text. Nothing else
 * is sent. The status number ("OK", 200) is assumed from sibling pages. The values of `channel`
 * are not documented, and the answer's `conversation` is cut in the published sample.
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 * ASSUMPTION (docs silent): an unknown agent answers 404, reported as `Agent "…" was not found`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { agentIdField, bodyFieldProperties, CREATE_FIELDS, toConversationBody } from './fields';
import { agentNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Add a conversation to an agent, e.g. one imported from another channel',
	action: 'Create a conversation',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, description: 'The agent to add the conversation to' },
	additionalFieldsCollection(bodyFieldProperties(CREATE_FIELDS), { description: 'The conversation fields to set. None is required; fill in as many as you know.' }),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	return {
		method: 'POST',
		path: ['agents', agentId, 'conversations'],
		body: toConversationBody(this, additional, CREATE_FIELDS, itemIndex),
		notFoundMessage: agentNotFound(agentId),
	};
}
