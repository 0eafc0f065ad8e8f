/**
 * Subscription → Create: subscribes a ChatDash client to a product of a Stripe connected account.
 *
 * Sends   POST {Base URL}/stripe/connect/accounts/{accountId}/subscriptions        (answered 200 "OK")
 *         {"data": {"clientId", "agentIds": ["<agent ID>", …],
 *                   "selectedProduct": {"productId", "startDate"?, "pricing"?: {"metrics"}},
 *                   "couponId"?, "taxSettings"?: {"enabled"}}}
 * Returns the created subscription unchanged. With a start date ChatDash answers with a
 *         subscription schedule (id sub_sched_…, type "schedule", status "not_started", per the
 *         docs' sample); its `customer` is an object {id, email}.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-subscriptions): the
 * request schema lists clientId ("must have an admin member assigned") and agentIds (an array; its
 * item type is cut off), both required with selectedProduct, then is cut off. Everything else comes
 * from the documented cURL sample and is sent under its names and in its shapes: selectedProduct is
 * an OBJECT {productId, startDate (unix seconds, as the sample's 1700000000), pricing: {metrics}},
 * plus couponId and taxSettings {enabled} (the Create sample shows only `enabled`; country and
 * postalCode appear only in Update's sample, so they are not sent here). Agent IDs are sent as
 * strings, as in the sample. Nothing else is sent.
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdListParameter, getIdParameter, toBoolean, toUnixSeconds } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField, additionalFieldsCollection } from '../common.descriptions';
import { accountNotFound, clientIdField, productIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Subscribe a client to a product of a connected account',
	action: 'Create a subscription',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		...clientIdField,
		description: 'The ChatDash client to subscribe. The client must have an admin member assigned.',
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '64abc123def456789012345b, 64abc123def456789012345c',
		description: 'The ChatDash agents the subscription is for, separated by commas (or an array from an expression)',
		hint: 'One or more agent IDs: separated by commas or new lines, a JSON array, or an expression giving an array. Repeats are sent once.',
	},
	{ ...productIdField, description: 'The product the client subscribes to' },
	additionalFieldsCollection([
		{
			displayName: 'Coupon ID',
			name: 'couponId',
			type: 'string',
			default: '',
			placeholder: 'SUMMER20',
			description: 'A coupon of the connected account to apply to the subscription',
		},
		{
			displayName: 'Pricing Metrics',
			name: 'pricingMetrics',
			type: 'string',
			default: '',
			placeholder: 'minutes',
			description:
				'The usage metric of the product’s pricing, as ChatDash names it, e.g. minutes. Sent as selectedProduct.pricing.metrics.',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description:
				'When the subscription starts. Sent as unix seconds in selectedProduct.startDate; a future date creates a subscription schedule.',
		},
		{
			displayName: 'Tax Enabled',
			name: 'taxEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether Stripe calculates tax on the subscription (sent as taxSettings.enabled)',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	const agentIds = getIdListParameter(this, 'agentIds', 'Agent IDs', itemIndex);
	const productId = getIdParameter(this, 'productId', 'Product', itemIndex);

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const selectedProduct: IDataObject = { productId };
	if (additional.startDate) {
		selectedProduct.startDate = toUnixSeconds(this, additional.startDate, 'Start Date', itemIndex);
	}
	if (additional.pricingMetrics !== undefined && String(additional.pricingMetrics).trim() !== '') {
		selectedProduct.pricing = { metrics: String(additional.pricingMetrics).trim() };
	}

	const data: IDataObject = { clientId, agentIds, selectedProduct };
	if (additional.couponId !== undefined && String(additional.couponId).trim() !== '') {
		data.couponId = String(additional.couponId).trim();
	}
	if (additional.taxEnabled !== undefined) {
		data.taxSettings = { enabled: toBoolean(this, additional.taxEnabled, 'Tax Enabled', itemIndex) };
	}

	return {
		method: 'POST',
		path: ['stripe', 'connect', 'accounts', accountId, 'subscriptions'],
		body: { data },
		notFoundMessage: accountNotFound(accountId),
	};
}
