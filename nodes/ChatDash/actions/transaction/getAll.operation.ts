/**
 * Transaction → Get Many: lists the transactions of a Stripe connected account, one output item each.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/transactions
 *             ?limit=…[&starting_after=…][&customer=…][&created_start=…][&created_end=…]
 *         (pages of up to 100, the documented maximum; Return All follows `next_cursor` while
 *         `has_more`; Limit N asks for N, one page when N <= 100). A filter is sent only when set;
 *         Created After / Created Before are sent as unix seconds, as documented.
 * Returns each entry of `data` unchanged. The docs give the list item only as a sample (the object
 *         Get Transaction returns), not as a schema.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-transactions): the
 * parameters are complete. They do not say whether created_start / created_end are inclusive
 * (ASSUMPTION in the emulator: inclusive, as Stripe's are).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getOptionalTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import {
	accountIdField,
	createdRangeFilters,
	filtersCollection,
	getCreatedRange,
	getListRequestLimit,
	listFields,
} from '../common.descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a connected account's transactions, optionally by customer or date",
	action: 'Get many transactions',
};

export const description: INodeProperties[] = [
	accountIdField,
	...listFields(),
	filtersCollection([
		...createdRangeFilters('transactions'),
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_ABC123XYZ',
			description: 'Only the transactions of this Stripe customer, starting with cus_',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};

	const customer = getOptionalTextParameter(this, 'filters.customer', 'Customer ID', itemIndex);
	if (customer !== undefined) qs.customer = customer;
	Object.assign(qs, getCreatedRange(this, filters, itemIndex));

	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'transactions'],
		qs,
		notFoundMessage: accountNotFound(accountId),
		list: { key: 'data', ...getListRequestLimit(this, itemIndex) },
	};
}
