/**
 * Coupon → Get Many: lists the coupons of a Stripe connected account, one output item per coupon.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/coupons?limit=…[&starting_after=…]
 *         (pages of up to 100, the documented maximum; Return All follows `next_cursor` while
 *         `has_more`; Limit N asks for N, one page when N <= 100)
 * Returns each entry of `data` unchanged. The docs give the list item only as a sample (a coupon
 *         object, as Update returns), not as a schema.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import { accountIdField, getListRequestLimit, listFields } from '../common.descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a connected account's coupons",
	action: 'Get many coupons',
};

export const description: INodeProperties[] = [
	accountIdField,
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'coupons'],
		notFoundMessage: accountNotFound(accountId),
		list: { key: 'data', ...getListRequestLimit(this, itemIndex) },
	};
}
