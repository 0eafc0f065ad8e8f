/**
 * Lead Tag → Create: creates a lead tag for an agent (tags are then attached to leads by ID).
 *
 * Sends   POST {Base URL}/agents/{agentId}/leads/tags
 *         {"label": "<label>"}
 * Returns the created tag ChatDash answers with ({_id, label, system}), unchanged.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/leads/pages/post-leads-tags, from the
 * rendered page): body `label` only (not marked required; the node requires it, since a tag without
 * a label cannot be picked); the answer is headed "Created". GAPS: the status number (201 assumed,
 * as Stripe; any 2xx is accepted); duplicate labels; error responses. ASSUMPTION (as Stripe) an
 * unknown agent answers 404. A POST is not idempotent: it is resent only when it provably was not
 * applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentField } from '../lead/fields';
import { agentNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create a lead tag for an agent',
	action: 'Create a lead tag',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent the tag is for' },
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring campaign',
		description: 'The label of the tag, sent exactly as entered',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const label = getTextParameter(this, 'label', 'Label', itemIndex);
	return {
		method: 'POST',
		path: ['agents', agentId, 'leads', 'tags'],
		body: { label },
		notFoundMessage: agentNotFound(agentId),
	};
}
