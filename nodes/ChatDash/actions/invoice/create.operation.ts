/**
 * Invoice → Create: creates an invoice for a ChatDash client in a Stripe connected account.
 *
 * Sends   POST {Base URL}/stripe/connect/accounts/{accountId}/invoices          (answered 200 "OK")
 *         {"data": {"clientId", "productId", "collection_method": "send_invoice", "days_until_due"}}
 * Returns the invoice object ChatDash answers with (id, amount, currency, status, number,
 *         customer, description, created), unchanged.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/post-stripe-connect-invoices): the request
 * schema requires clientId, productId and collection_method, and is cut off after productId, so the
 * schema (and the allowed values) of collection_method were never visible. The docs' cURL sample
 * sends "collection_method": "send_invoice" and "days_until_due": 30: send_invoice is the only
 * value offered here (Stripe's other value, charge_automatically, is not shown by the docs), and
 * days_until_due is sent with it, under the sample's name. Nothing else is sent.
 * ASSUMPTION: Days Until Due must be a whole number of 1 or more (the docs give no range).
 * A POST is not idempotent: it is retried only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getNumberParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { clientIdField, productIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create an invoice for a client for a one-time product',
	action: 'Create an invoice',
};

export const description: INodeProperties[] = [
	accountIdField,
	{
		...clientIdField,
		description: 'The ChatDash client to invoice. The client must have an admin member assigned.',
	},
	{ ...productIdField, description: 'The Stripe product to invoice. It must have a one-time price.' },
	{
		displayName: 'Collection Method',
		name: 'collectionMethod',
		type: 'options',
		options: [
			{
				name: 'Send Invoice',
				value: 'send_invoice',
				description: 'Stripe emails the invoice to the customer, who pays it within Days Until Due',
			},
		],
		default: 'send_invoice',
		description: 'How the invoice is collected',
		hint: 'ChatDash emails the invoice to the customer (send_invoice)',
	},
	{
		displayName: 'Days Until Due',
		name: 'daysUntilDue',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 30,
		description: 'Number of days from the invoice’s creation until it is due',
		displayOptions: { show: { collectionMethod: ['send_invoice'] } },
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	const productId = getIdParameter(this, 'productId', 'Product', itemIndex);
	const collectionMethod = this.getNodeParameter('collectionMethod', itemIndex) as string;
	const data: IDataObject = { clientId, productId, collection_method: collectionMethod };
	if (collectionMethod === 'send_invoice') {
		data.days_until_due = getNumberParameter(this, 'daysUntilDue', 'Days Until Due', itemIndex, { min: 1, whole: true });
	}

	return {
		method: 'POST',
		path: ['stripe', 'connect', 'accounts', accountId, 'invoices'],
		body: { data },
		notFoundMessage: `Connected account "${accountId}", product "${productId}" or client "${clientId}" was not found`,
	};
}
