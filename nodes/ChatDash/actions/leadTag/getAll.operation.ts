/**
 * Lead Tag → Get Many: lists an agent's lead tags, one output item per tag.
 *
 * Sends   GET {Base URL}/agents/{agentId}/leads/tags
 *         (one request: the docs document no paging, so Limit is applied to what ChatDash returns)
 * Returns each tag of the bare array ChatDash answers with ({_id, label, system, systemLabel}), unchanged.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/leads/pages/get-leads-tags, from the
 * rendered page): a bare array, no query parameters. GAPS: the values of `systemLabel` (the help
 * centre names one system tag, "Answered Call"); error responses. ASSUMPTION (as Stripe) an unknown
 * agent answers 404.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { getListRequestLimit, listFields } from '../common.descriptions';
import { agentField } from '../lead/fields';
import { agentNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List an agent's lead tags",
	action: 'Get many lead tags',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent whose lead tags to list' },
	...listFields({ description: 'Max number of results to return. ChatDash returns every tag at once (no paging); the rest are dropped.' }),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId, 'leads', 'tags'],
		notFoundMessage: agentNotFound(agentId),
		list: { ...getListRequestLimit(this, itemIndex) },
	};
}
