/**
 * Conversation → Get Many: lists an agent's conversations, one output item per conversation.
 *
 * Sends   GET {Base URL}/agents/{agentId}/conversations[?startDate=…&endDate=…&record=…&interacted=…]
 *         (each filter only when added; dates as ISO 8601, YYYY-MM-DDTHH:mm:ss.sssZ, as the docs
 *         type them; record/interacted as true/false)
 * Returns each conversation of ChatDash's answer (a JSON array) unchanged.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/conversations/pages/get-agents-conversations): the .md
 * is cut inside `record`; `interacted` and the end of `record`'s description come from the older
 * project page. By default ChatDash returns only conversations with record and interacted both
 * true. The docs document no paging (no limit/cursor parameter): one request, and Limit is applied
 * to what ChatDash returns. The 200 response of this version was not seen: the older version
 * answered a bare array, which is what the node expects. Whether the dates filter on creation or
 * end time, and whether they are inclusive, is not documented. ASSUMPTION (docs silent): an unknown
 * agent answers 404, reported as `Agent "…" was not found`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, refuseField, toBoolean, toIsoDate } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { filtersCollection, getListRequestLimit, listFields } from '../common.descriptions';
import { agentIdField } from './fields';
import { agentNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List an agent's conversations, optionally by date range and record/interacted flags",
	action: 'Get many conversations',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, description: 'The agent whose conversations to list' },
	...listFields({ hint: 'ChatDash returns the whole list at once; the limit keeps the first ones' }),
	filtersCollection(
		[
			{
				displayName: 'End Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description: 'Only conversations up to this date and time (sent as endDate, ISO 8601)',
			},
			{
				displayName: 'Interacted',
				name: 'interacted',
				type: 'boolean',
				default: true,
				description: 'Whether to return conversations that have user interaction (true) or those without (false)',
			},
			{
				displayName: 'Record',
				name: 'record',
				type: 'boolean',
				default: true,
				description: 'Whether to return conversations that are set to be recorded (true) or those that are not (false)',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description: 'Only conversations from this date and time on (sent as startDate, ISO 8601)',
			},
		],
		{
			description: 'Without Record and Interacted filters, ChatDash returns only conversations that are recorded and have user interaction',
		},
	),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.startDate) qs.startDate = toIsoDate(this, filters.startDate, 'Start Date', itemIndex);
	if (filters.endDate) qs.endDate = toIsoDate(this, filters.endDate, 'End Date', itemIndex);
	if (typeof qs.startDate === 'string' && typeof qs.endDate === 'string' && qs.startDate > qs.endDate) {
		refuseField(this, itemIndex, 'End Date', `must not be before the Start Date (${qs.startDate})`);
	}
	if (filters.record !== undefined) qs.record = toBoolean(this, filters.record, 'Record', itemIndex);
	if (filters.interacted !== undefined) qs.interacted = toBoolean(this, filters.interacted, 'Interacted', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId, 'conversations'],
		...(Object.keys(qs).length ? { qs } : {}),
		notFoundMessage: agentNotFound(agentId),
		list: { ...getListRequestLimit(this, itemIndex) },
	};
}
