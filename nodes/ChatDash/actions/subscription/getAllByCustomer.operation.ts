/**
 * Subscription → Get Many by Customer: lists the subscriptions of one customer of a Stripe
 * connected account, found by customer ID or by email, one output item per subscription.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/subscriptions/by-customer?customerId=…
 *     or  GET {Base URL}/stripe/connect/accounts/{accountId}/subscriptions/by-customer?email=…
 *         (exactly one of the two; both or neither is refused before anything is sent)
 * Returns each entry of `subscriptions` unchanged (same item shape as Get Many).
 *
 * Docs
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-subscriptions-by-customer):
 * "Either customerId or email is required" (both `required: false` in the schema). NO `limit` or
 * `starting_after` parameter is documented for this endpoint, so neither is sent: Limit is applied
 * to what ChatDash returns, and a next page is asked for (with `starting_after`) only if an answer
 * carries `has_more` and a `next_cursor` (the documented sample answers has_more false, next_cursor
 * null).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getOptionalTextParameter, refuse } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import { accountIdField, getListRequestLimit, listFields } from '../common.descriptions';
import { isEmailAddress } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get Many by Customer',
	value: 'getAllByCustomer',
	description: "List a customer's subscriptions, found by customer ID or email",
	action: 'Get many subscriptions by customer',
};

const EITHER = "Fill in either 'Customer ID' or 'Email', not both.";

export const description: INodeProperties[] = [
	accountIdField,
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		placeholder: 'cus_ABC123XYZ',
		description: 'The Stripe customer whose subscriptions to list. Leave empty to search by Email instead.',
		hint: 'Either Customer ID or Email, not both',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'The email address of the customer whose subscriptions to list. Leave empty to search by Customer ID instead.',
		hint: 'Either Customer ID or Email, not both',
	},
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const customerId = getOptionalTextParameter(this, 'customerId', 'Customer ID', itemIndex) || undefined;
	const email = getOptionalTextParameter(this, 'email', 'Email', itemIndex) || undefined;
	if (customerId === undefined && email === undefined) {
		refuse(this, itemIndex, 'Enter a Customer ID or an Email', EITHER);
	}
	if (customerId !== undefined && email !== undefined) {
		refuse(this, itemIndex, 'Enter only one of Customer ID and Email', `${EITHER} Got both.`);
	}
	if (email !== undefined && !isEmailAddress(email)) {
		refuse(this, itemIndex, `The Email must be an email address, not ${JSON.stringify(email)}`, "Set 'Email' to the customer's email address.");
	}
	const qs: IDataObject = customerId !== undefined ? { customerId } : { email };
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions', 'by-customer'],
		qs,
		notFoundMessage: accountNotFound(accountId),
		list: { key: 'subscriptions', ...getListRequestLimit(this, itemIndex), sendsLimit: false },
	};
}
