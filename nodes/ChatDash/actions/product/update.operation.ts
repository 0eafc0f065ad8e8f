/**
 * Product → Update: changes the name and/or description of a product of a Stripe connected account.
 *
 * Sends   PUT {Base URL}/stripe/connect/accounts/{accountId}/products/{productId}
 *         {"data": {"name"?, "description"?}}   (only the fields set under Update Fields; at least one)
 * Returns what ChatDash answers, unchanged, as the item's JSON: per the docs' sample
 *         {"product": {productId, productName, description, taxBehavior, pricing{…}, creationDate,
 *         activeSubscriptionsCount, status}} (the product under `product`, unlike Get Product).
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/put-stripe-connect-product): the request
 * body is complete, `data.name` and `data.description` (strings, neither required); nothing else is
 * sent. The `product` object's schema is cut off (its fields come from the sample). Errors are not
 * documented: ASSUMPTION (as Stripe) an unknown product or account answers 404, reported with both
 * IDs. An Update with nothing to change is refused before sending. Clearing a description (an empty
 * text) is not documented, so empty values are refused rather than sent.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField, updateFieldsCollection } from '../common.descriptions';
import { productIdField, productNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a product's name or description",
	action: 'Update a product',
};

export const description: INodeProperties[] = [
	accountIdField,
	{ ...productIdField, description: 'The product to change' },
	updateFieldsCollection(
		[
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'Up to 200 minutes included',
				description: 'The new description of the product, sent exactly as entered',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'Starter Plan 2027',
				description: 'The new display name of the product, sent exactly as entered',
			},
		],
		{
			// The docs' update body has `data.name` and `data.description` only.
			hint: 'Only the name and the description can be changed: ChatDash’s product update accepts no other field',
		},
	),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const productId = getIdParameter(this, 'productId', 'Product', itemIndex);

	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const data: IDataObject = {};
	if (updateFields.name !== undefined) {
		data.name = getTextParameter(this, 'updateFields.name', 'Name', itemIndex);
	}
	if (updateFields.description !== undefined) {
		data.description = getTextParameter(this, 'updateFields.description', 'Description', itemIndex);
	}
	if (Object.keys(data).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add Name or Description under Update Fields', {
			itemIndex,
			description: `Those are the fields ChatDash lets you change on a product; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}

	return {
		method: 'PUT',
		path: ['stripe', 'connect', 'accounts', accountId, 'products', productId],
		body: { data },
		notFoundMessage: productNotFound(productId, accountId),
	};
}
