/**
 * Analytics → Query: reads an agent's metrics (conversations, costs, topics, …) for a time range.
 *
 * Sends   POST {Base URL}/agents/{agentId}/analytics/query
 *         {"query": {"metrics": ["conversations", …],
 *                    "filter": {"startTime": "<ISO 8601>", "endTime": "<ISO 8601>", "utcOffset"?: "<text>"}}}
 * Returns one item: the object ChatDash answers with, unchanged, e.g.
 *         {"conversations": {"counts": […], "total": 12}, "conversationsByCountry": [{"id", "value"}], …}
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/analytics/pages/get-analytics; the
 * page slug says "get", the method is POST): `query` is required; `metrics` is an enum that the
 * published page cuts off after totalCost (continued to endedReason from the older project page);
 * `filter` {startTime, endTime, utcOffset} and the answer are known only from samples. Only the
 * nine visible metric names are offered: the answer sample has further keys (interactions,
 * incomingTextMessages, tokens, topIntents, understoodMessages, averageInteractions) that are
 * probably metrics too, but no enum shows them. As published, the metric is `conversationByCountry`
 * while the answer's key is `conversationsByCountry`; both are kept as ChatDash spells them.
 * GAPS and choices:
 *   - startTime/endTime are strings in the sample, format not stated: sent as ISO 8601
 *     (YYYY-MM-DDTHH:mm:ss.sssZ), the format ChatDash documents for its conversation date filters.
 *   - utcOffset: `123` (a number) in two renderings, `"<string>"` in the newest-looking one, the
 *     docs' current page. It is sent as a string, as that current page shows, exactly as entered
 *     (trimmed); its unit (minutes or hours) is not documented.
 *   - Whether the fields are required; whether only the requested metrics are answered; the
 *     bucket size behind `counts`; error responses. ASSUMPTION (as Stripe) an unknown agent answers 404.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getOptionalTextParameter, refuseField, toIsoDate } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { agentField } from '../lead/fields';
import { agentNotFound } from '../pickers';

/** The documented metric names (the enum is cut off in the docs after endedReason). */
export const metricOptions = [
	{ name: 'Average Cost', value: 'averageCost' },
	{ name: 'Conversations', value: 'conversations' },
	{
		name: 'Conversations by Country',
		value: 'conversationByCountry',
		description: 'Answered under the key conversationsByCountry (as ChatDash spells it)',
	},
	{ name: 'Ended Reason', value: 'endedReason' },
	{ name: 'Top Misunderstood Messages', value: 'topMisunderstoodMessages' },
	{ name: 'Top Topics', value: 'topTopics' },
	{ name: 'Total Call Duration', value: 'totalCallDuration' },
	{ name: 'Total Cost', value: 'totalCost' },
	{ name: 'Unique IPs', value: 'uniqueIps' },
];
const METRICS = metricOptions.map((metric) => metric.value);

export const option: INodePropertyOptions = {
	name: 'Query',
	value: 'query',
	description: "Read an agent's metrics for a time range",
	action: 'Query agent analytics',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent whose metrics to read' },
	{
		displayName: 'Metrics',
		name: 'metrics',
		type: 'multiOptions',
		required: true,
		options: metricOptions,
		default: ['conversations'],
		description: 'The metrics to read. ChatDash answers each under its name in one output item.',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the time range. Sent as an ISO 8601 date (e.g. 2027-01-01T00:00:00.000Z).',
	},
	{
		displayName: 'End Time',
		name: 'endTime',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'End of the time range. Sent as an ISO 8601 date (e.g. 2027-01-31T23:59:59.000Z).',
	},
	additionalFieldsCollection([
		{
			displayName: 'UTC Offset',
			name: 'utcOffset',
			type: 'string',
			default: '',
			placeholder: '-300',
			description:
				'The time zone offset ChatDash should count in (filter.utcOffset), e.g. -300. Sent as text, exactly as entered.',
		},
	]),
];

/** Metric names from the multi-select (an array) or an expression (an array or comma-separated text). */
function toMetrics(context: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'string') list = value.split(',').filter((entry) => entry.trim() !== '');
	else return refuseField(context, itemIndex, 'Metrics', `must be a list of metric names, not ${JSON.stringify(value)}`);
	if (list.length === 0) refuseField(context, itemIndex, 'Metrics', 'are empty: choose at least one metric');
	return list.map((entry) => {
		const metric = typeof entry === 'string' ? entry.trim() : entry;
		if (typeof metric !== 'string' || !METRICS.includes(metric)) {
			refuseField(context, itemIndex, 'Metrics', `entry ${JSON.stringify(entry)} is not one of ${METRICS.join(', ')}`);
		}
		return metric;
	});
}

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const metrics = toMetrics(this, this.getNodeParameter('metrics', itemIndex, []), itemIndex);
	const startTime = toIsoDate(this, this.getNodeParameter('startTime', itemIndex, ''), 'Start Time', itemIndex);
	const endTime = toIsoDate(this, this.getNodeParameter('endTime', itemIndex, ''), 'End Time', itemIndex);
	if (Date.parse(endTime) < Date.parse(startTime)) {
		refuseField(this, itemIndex, 'End Time', `(${endTime}) is before the Start Time (${startTime})`);
	}
	const filter: IDataObject = { startTime, endTime };
	const utcOffset = getOptionalTextParameter(this, 'additionalFields.utcOffset', 'UTC Offset', itemIndex);
	if (utcOffset !== undefined) filter.utcOffset = utcOffset;

	return {
		method: 'POST',
		path: ['agents', agentId, 'analytics', 'query'],
		body: { query: { metrics, filter } },
		notFoundMessage: agentNotFound(agentId),
	};
}
