/**
 * Lead Tag → Update: renames a lead tag of an agent.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/leads/tags/{tagId}
 *         {"label": "<label>"}
 * Returns the updated tag ChatDash answers with ({_id, label, system}), unchanged.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/leads/pages/put-leads-tags, from the
 * rendered page): body `label` only (not marked required; it is the only field, so the node
 * requires it and there is nothing else to set); 200 "OK - Tag successfully updated". GAPS: whether
 * system tags can be renamed; error responses. ASSUMPTION (as Stripe) an unknown tag or agent
 * answers 404, reported as `Tag "…" was not found for agent "…"`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentField } from '../lead/fields';
import { tagField, tagNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a lead tag's label",
	action: 'Update a lead tag',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent the tag belongs to' },
	{ ...tagField, description: 'The tag to rename (From list shows the tags of the agent in Agent)' },
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring campaign 2027',
		description: 'The new label of the tag, sent exactly as entered',
		hint: 'Only the label can be changed: ChatDash’s tag update accepts no other field.',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const tagId = getIdParameter(this, 'tagId', 'Tag', itemIndex);
	const label = getTextParameter(this, 'label', 'Label', itemIndex);
	return {
		method: 'PUT',
		path: ['agents', agentId, 'leads', 'tags', tagId],
		body: { label },
		notFoundMessage: tagNotFound(tagId, agentId),
	};
}
