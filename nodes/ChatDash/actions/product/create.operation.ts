/**
 * Product → Create: creates a product in a Stripe connected account.
 *
 * Sends   POST {Base URL}/stripe/connect/accounts/{accountId}/products
 *         {"data": {"pricing_model": "base" | "usage" | "oneTime", "currency": "<iso code>",
 *                   "name"?, "description"?}}
 * Returns what ChatDash answers, unchanged, as the item's JSON.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-products): the request
 * schema marks `pricing_model` and `currency` required and lists name, description and
 * pricing_model (enum base, usage, oneTime: "Determines required pricing fields"), then is cut off.
 * `currency`'s schema and the pricing fields a model requires are not visible, so only these four
 * fields are sent; currency goes as a three-letter code in lower case, as the List Products sample
 * shows it ("usd"). If ChatDash requires more for a pricing model, its 400 message is shown as it
 * is.
 * The response is not documented at all: ASSUMPTION (emulator) the Update Product answer shape,
 * {"product": {…}}, with "Created"; the node outputs whatever comes back, unchanged.
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getTextParameter, toCurrency, toOneOf } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import { accountIdField, additionalFieldsCollection } from '../common.descriptions';

/** The documented values of `pricing_model`. */
const PRICING_MODELS = ['base', 'usage', 'oneTime'];

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create a product in a connected account',
	action: 'Create a product',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		displayName: 'Pricing Model',
		name: 'pricingModel',
		type: 'options',
		options: [
			{ name: 'Base', value: 'base', description: 'Sent as pricing_model "base"' },
			{ name: 'One Time', value: 'oneTime', description: 'Sent as pricing_model "oneTime"' },
			{ name: 'Usage', value: 'usage', description: 'Sent as pricing_model "usage"' },
		],
		required: true,
		default: 'base',
		description: 'How the product is priced. ChatDash uses it to decide which pricing fields it requires.',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'usd',
		placeholder: 'usd',
		description: 'Three-letter ISO code of the currency the product is priced in',
	},
	additionalFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'Up to 100 minutes included',
			description: 'Description of the product, sent exactly as entered',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'Starter Plan',
			description: 'Display name of the product, sent exactly as entered',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const data: IDataObject = {
		pricing_model: toOneOf(this, this.getNodeParameter('pricingModel', itemIndex), PRICING_MODELS, 'Pricing Model', itemIndex),
		currency: toCurrency(this, this.getNodeParameter('currency', itemIndex, ''), 'Currency', itemIndex),
	};

	// A field added under Additional Fields is sent; left empty, it is refused rather than sent blank.
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additional.name !== undefined) {
		data.name = getTextParameter(this, 'additionalFields.name', 'Name', itemIndex);
	}
	if (additional.description !== undefined) {
		data.description = getTextParameter(this, 'additionalFields.description', 'Description', itemIndex);
	}

	return {
		method: 'POST',
		path: ['stripe', 'connect', 'accounts', accountId, 'products'],
		body: { data },
		notFoundMessage: accountNotFound(accountId),
	};
}
