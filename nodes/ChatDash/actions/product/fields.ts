/**
 * Fields shared by the Product operations. The product ID goes into the path
 * (`…/products/{productId}`); the docs call it "The Stripe product ID".
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idLocatorField } from '../common.descriptions';

/**
 * A product of the connected account, picked from a searchable list (methods/listSearch.ts
 * `searchProducts`: List Products entries, whose ID is `productId`) or typed by ID.
 */
export const productIdField: INodeProperties = idLocatorField({
	displayName: 'Product',
	name: 'productId',
	description: 'The product to work on',
	searchListMethod: 'searchProducts',
	listPlaceholder: 'Select a product...',
	idPlaceholder: 'prod_ABC123XYZ',
	idHint: 'The Stripe product ID, starting with prod_ (the productId of a listed product)',
});

/** The 404 wording of a call on one product. */
export function productNotFound(productId: string, accountId: string): string {
	return `Product "${productId}" was not found in connected account "${accountId}"`;
}

/**
 * One of the documented values of an options field (an expression can give anything), or throws
 * naming the field, before anything is sent.
 */
export function toOneOf(
	context: IExecuteFunctions,
	value: unknown,
	allowed: readonly string[],
	label: string,
	itemIndex: number,
): string {
	if (typeof value === 'string' && allowed.includes(value)) return value;
	throw new NodeOperationError(
		context.getNode(),
		`The ${label} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`,
		{
			itemIndex,
			description: `Set '${label}' to a valid value for item ${itemIndex + 1}; nothing was sent to ChatDash for this item.`,
		},
	);
}
