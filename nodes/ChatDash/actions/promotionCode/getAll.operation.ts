/**
 * Promotion Code → Get Many: lists the promotion codes of one coupon, one output item per code.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/coupons/{couponId}/promotion-codes
 *         ?limit=…[&starting_after=…]   (pages of up to 100; Return All follows `next_cursor`)
 * Returns each entry of `data` unchanged (the docs give the entry only as a sample: a promotion
 *         code object with its full coupon).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField, getListRequestLimit, listFields } from '../common.descriptions';
import { couponIdField, notFoundInAccount } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a coupon's promotion codes",
	action: 'Get many promotion codes',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...couponIdField, description: 'The coupon whose promotion codes to list' },
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const couponId = getIdParameter(this, 'couponId', 'Coupon', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'coupons', couponId, 'promotion-codes'],
		notFoundMessage: notFoundInAccount('Coupon', couponId, accountId),
		list: { key: 'data', ...getListRequestLimit(this, itemIndex) },
	};
}
