/**
 * Fields shared by the Product operations. The product ID goes into the path
 * (`…/products/{productId}`); the docs call it "The Stripe product ID".
 */
import type { INodeProperties } from 'n8n-workflow';

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

