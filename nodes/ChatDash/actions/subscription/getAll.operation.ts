/**
 * Subscription → Get Many: lists the subscriptions of a Stripe connected account with one status,
 * one output item per subscription.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/subscriptions
 *         ?status=…&limit=…[&starting_after=…]
 *         (`status` is always sent, default "active" as in the docs; pages of up to 100, the
 *         documented maximum; Return All follows `next_cursor` while `has_more`; Limit N asks for
 *         N, one page when N <= 100)
 * Returns each entry of `subscriptions` (the documented list key, not `data`) unchanged.
 *
 * Docs (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-subscriptions):
 * `status` is ONE value (type string with an enum: scheduled, trialing, active, incomplete,
 * incomplete_expired, past_due, canceled, unpaid, paused), not a list; `limit` 1-100, default 100.
 * The list item is given only as a sample.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, refuse } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import { accountIdField, getListRequestLimit, listFields } from '../common.descriptions';

/** The documented status values (sorted by name, as n8n's lint expects). */
const STATUSES = [
	{ name: 'Active', value: 'active' },
	{ name: 'Canceled', value: 'canceled' },
	{ name: 'Incomplete', value: 'incomplete' },
	{ name: 'Incomplete Expired', value: 'incomplete_expired' },
	{ name: 'Past Due', value: 'past_due' },
	{ name: 'Paused', value: 'paused' },
	{ name: 'Scheduled', value: 'scheduled' },
	{ name: 'Trialing', value: 'trialing' },
	{ name: 'Unpaid', value: 'unpaid' },
];

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a connected account's subscriptions with a given status",
	action: 'Get many subscriptions',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: STATUSES,
		default: 'active',
		description: 'Only subscriptions with this status are returned (ChatDash filters by one status at a time)',
	},
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const status = this.getNodeParameter('status', itemIndex, 'active') as unknown;
	if (typeof status !== 'string' || !STATUSES.some((known) => known.value === status)) {
		refuse(
			this,
			itemIndex,
			`The Status must be one of ${STATUSES.map((known) => known.value).join(', ')}, not ${JSON.stringify(status)}`,
			"Set 'Status' to one of the listed values.",
		);
	}
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions'],
		qs: { status },
		notFoundMessage: accountNotFound(accountId),
		list: { key: 'subscriptions', ...getListRequestLimit(this, itemIndex) },
	};
}
