/**
 * Coupon → Create: creates a coupon in a Stripe connected account.
 *
 * Sends   POST {Base URL}/stripe/connect/accounts/{accountId}/coupons          (answered "Created")
 *         {"data": {"name", "percent_off" | ("amount_off", "currency"), "duration",
 *                   "duration_in_months"?, "max_redemptions"?, "redeem_by"? (unix seconds),
 *                   "metadata"? (an object of text values)}}
 * Returns the created coupon object unchanged.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-coupons): the request
 * schema lists name, percent_off ("Required if amount_off is not provided") and amount_off, then is
 * cut off; the documented sample also sends duration. currency, duration_in_months,
 * max_redemptions, redeem_by and metadata are not visible as request fields: they are the
 * documented fields of the coupon object this endpoint returns, and are sent under those names.
 * Nothing else is sent.
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	getIdParameter,
	getNumberParameter,
	getTextParameter,
	toCheckedNumber,
	toMetadata,
	toCurrency,
	toUnixSeconds,
} from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import { accountIdField, additionalFieldsCollection } from '../common.descriptions';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: "Create a coupon in a connected account",
	action: 'Create a coupon',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Summer Sale',
		description: 'Display name for the coupon',
	},
	{
		displayName: 'Discount Type',
		name: 'discountType',
		type: 'options',
		options: [
			{ name: 'Amount Off', value: 'amountOff', description: 'A fixed amount in a currency' },
			{ name: 'Percent Off', value: 'percentOff', description: 'A percentage from 1 to 100' },
		],
		default: 'percentOff',
	},
	{
		displayName: 'Percent Off',
		name: 'percentOff',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		required: true,
		default: 10,
		description: 'Percent discount, from 1 to 100',
		displayOptions: { show: { discountType: ['percentOff'] } },
	},
	{
		displayName: 'Amount Off',
		name: 'amountOff',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 500,
		description: 'Amount to take off, in the smallest unit of the currency (500 = $5.00)',
		displayOptions: { show: { discountType: ['amountOff'] } },
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'usd',
		placeholder: 'usd',
		description: 'Three-letter ISO code of the currency of Amount Off',
		displayOptions: { show: { discountType: ['amountOff'] } },
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		options: [
			{ name: 'Forever', value: 'forever', description: 'Applies to every invoice' },
			{ name: 'Once', value: 'once', description: 'Applies to one invoice' },
			{ name: 'Repeating', value: 'repeating', description: 'Applies for a number of months' },
		],
		default: 'once',
		description: 'How long the discount applies once redeemed',
	},
	{
		displayName: 'Duration in Months',
		name: 'durationInMonths',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 3,
		description: 'Number of months the discount applies',
		displayOptions: { show: { duration: ['repeating'] } },
	},
	additionalFieldsCollection([
		{
			displayName: 'Max Redemptions',
			name: 'maxRedemptions',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description: 'How many times the coupon can be redeemed in total',
		},
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'json',
			default: '{}',
			description: 'Key-value pairs stored on the coupon, as a JSON object, e.g. {"campaign": "summer"}',
		},
		{
			displayName: 'Redeem By',
			name: 'redeemBy',
			type: 'dateTime',
			default: '',
			description: 'Last time at which the coupon can be redeemed',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const data: IDataObject = { name: getTextParameter(this, 'name', 'Name', itemIndex) };

	const discountType = this.getNodeParameter('discountType', itemIndex) as string;
	if (discountType === 'amountOff') {
		data.amount_off = getNumberParameter(this, 'amountOff', 'Amount Off', itemIndex, { min: 1, whole: true });
		data.currency = toCurrency(this, this.getNodeParameter('currency', itemIndex), 'Currency', itemIndex);
	} else {
		data.percent_off = getNumberParameter(this, 'percentOff', 'Percent Off', itemIndex, { min: 1, max: 100 });
	}

	const duration = this.getNodeParameter('duration', itemIndex) as string;
	data.duration = duration;
	if (duration === 'repeating') {
		data.duration_in_months = getNumberParameter(this, 'durationInMonths', 'Duration in Months', itemIndex, {
			min: 1,
			whole: true,
		});
	}

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additional.maxRedemptions !== undefined) {
		data.max_redemptions = toCheckedNumber(this, additional.maxRedemptions, 'Max Redemptions', itemIndex, {
			min: 1,
			whole: true,
		});
	}
	if (additional.metadata !== undefined) data.metadata = toMetadata(this, additional.metadata, itemIndex);
	if (additional.redeemBy) data.redeem_by = toUnixSeconds(this, additional.redeemBy, 'Redeem By', itemIndex);

	return {
		method: 'POST',
		path: ['stripe', 'connect', 'accounts', accountId, 'coupons'],
		body: { data },
		notFoundMessage: accountNotFound(accountId),
	};
}
