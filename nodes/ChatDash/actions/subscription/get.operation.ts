/**
 * Subscription → Get: one subscription (or subscription schedule) of a Stripe connected account.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/subscriptions/{subscriptionId}
 * Returns the subscription unchanged: id, type, status, cancelAtPeriodEndDisplay, customer,
 *         current_period_start, current_period_end, created, collection_method,
 *         cancel_at_period_end, canceled_at, product, automatic_tax, coupon, agents, pricing,
 *         totalPrice, totalUsage
 *         (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-subscription).
 *         Note: here `customer` is the customer ID (a string), while the list, create and update
 *         answers give {id, email}.
 *
 * Docs gaps: the properties of `product` and `pricing` are shown only in the sample; totalUsage's
 * type is not shown. Neither affects the request.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { notFoundInAccount, subscriptionIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a subscription of a connected account, with its pricing and usage',
	action: 'Get a subscription',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...subscriptionIdField, description: 'The subscription to get' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const subscriptionId = getIdParameter(this, 'subscriptionId', 'Subscription', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions', subscriptionId],
		notFoundMessage: notFoundInAccount('Subscription', subscriptionId, accountId),
	};
}
