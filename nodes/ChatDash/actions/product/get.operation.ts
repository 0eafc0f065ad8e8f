/**
 * Product → Get: retrieves one product of a Stripe connected account.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/products/{productId}   (no body, no query)
 * Returns the product object ChatDash answers with, unchanged, as the item's JSON: productId,
 *         productName, description, taxBehavior, … (bare, no envelope).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-product): the 200
 * schema is cut after `taxBehavior`; the List/Update Product samples show the same object
 * continuing with pricing{amount, billingCycle, currency, pricingModel, metrics, usageLimit,
 * overage}, creationDate, activeSubscriptionsCount and status. The node passes the answer through
 * whatever fields it has. Errors are not documented: ASSUMPTION (as Stripe) an unknown product or
 * account answers 404, reported with both IDs.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { productIdField, productNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Retrieve a product of a connected account',
	action: 'Get a product',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...productIdField, description: 'The product to retrieve' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const productId = getIdParameter(this, 'productId', 'Product', itemIndex);
	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'products', productId],
		notFoundMessage: productNotFound(productId, accountId),
	};
}
