/**
 * Promotion Code → Create: creates a customer-facing code for a coupon of a connected account.
 *
 * Sends   POST {Base URL}/stripe/connect/accounts/{accountId}/promotion-codes   (answered "Created")
 *         {"data": {"coupon", "code"?, "customer"?, "max_redemptions"?, "expires_at"? (unix seconds),
 *                   "restrictions"?: {"first_time_transaction"?, "minimum_amount"?,
 *                                     "minimum_amount_currency"?}}}
 * Returns the created promotion code object unchanged (its `coupon` is the full coupon object).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-promotion-codes): the
 * request schema lists coupon (required) and code, then is cut off; customer, max_redemptions,
 * expires_at and restrictions come from the documented request sample, and are sent under exactly
 * those names.
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	getIdParameter,
	getOptionalTextParameter,
	toCheckedNumber,
	toCurrency,
	toUnixSeconds,
} from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField, additionalFieldsCollection } from '../common.descriptions';
import { couponIdField, notFoundInAccount } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: "Create a customer-facing code for a coupon",
	action: 'Create a promotion code',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...couponIdField, description: 'The coupon the code gives' },
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		placeholder: 'SUMMER20',
		description:
			'The code customers enter. Leave empty to have one generated.',
	},
	additionalFieldsCollection([
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_TppcYxuTJKLNnG',
			description: 'Only this customer can use the code',
		},
		{
			displayName: 'Expires At',
			name: 'expiresAt',
			type: 'dateTime',
			default: '',
			description: 'When the code stops working',
		},
		{
			displayName: 'First Time Transaction',
			name: 'firstTimeTransaction',
			type: 'boolean',
			default: false,
			description: 'Whether the code works only on a customer’s first purchase',
		},
		{
			displayName: 'Max Redemptions',
			name: 'maxRedemptions',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'How many times the code can be redeemed in total',
		},
		{
			displayName: 'Minimum Amount',
			name: 'minimumAmount',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1000,
			description: 'Minimum order amount, in the smallest unit of Minimum Amount Currency',
		},
		{
			displayName: 'Minimum Amount Currency',
			name: 'minimumAmountCurrency',
			type: 'string',
			default: 'usd',
			description: 'Three-letter ISO code of the currency of Minimum Amount',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const coupon = getIdParameter(this, 'couponId', 'Coupon', itemIndex);
	const data: IDataObject = { coupon };

	// An empty Code means "generate one".
	const code = getOptionalTextParameter(this, 'code', 'Code', itemIndex);
	if (code !== undefined) data.code = code;

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additional.customer) data.customer = String(additional.customer).trim();
	if (additional.maxRedemptions !== undefined) {
		data.max_redemptions = toCheckedNumber(this, additional.maxRedemptions, 'Max Redemptions', itemIndex, {
			min: 1,
			whole: true,
		});
	}
	if (additional.expiresAt) data.expires_at = toUnixSeconds(this, additional.expiresAt, 'Expires At', itemIndex);

	const restrictions: IDataObject = {};
	if (additional.firstTimeTransaction !== undefined) {
		restrictions.first_time_transaction = additional.firstTimeTransaction === true;
	}
	if (additional.minimumAmount !== undefined) {
		restrictions.minimum_amount = toCheckedNumber(this, additional.minimumAmount, 'Minimum Amount', itemIndex, {
			min: 1,
			whole: true,
		});
		restrictions.minimum_amount_currency = toCurrency(
			this,
			additional.minimumAmountCurrency ?? 'usd',
			'Minimum Amount Currency',
			itemIndex,
		);
	}
	if (Object.keys(restrictions).length) data.restrictions = restrictions;

	return {
		method: 'POST',
		path: ['stripe', 'connect', 'accounts', accountId, 'promotion-codes'],
		body: { data },
		notFoundMessage: notFoundInAccount('Coupon', coupon, accountId),
	};
}
