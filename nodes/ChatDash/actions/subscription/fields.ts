/**
 * Fields shared by the Subscription operations, and the resource's own input checks.
 */
import type { INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../common.descriptions';

/** A subscription of the connected account, picked from a searchable list or typed by ID. */
export const subscriptionIdField: INodeProperties = idLocatorField({
	displayName: 'Subscription',
	name: 'subscriptionId',
	description: 'The subscription to work on',
	searchListMethod: 'searchSubscriptions',
	listPlaceholder: 'Select a subscription...',
	idPlaceholder: 'sub_1ABC123DEF456GHI',
	idHint: 'The Stripe subscription ID (sub_…), or a subscription schedule ID (sub_sched_…)',
});

/** A product of the connected account, picked from a searchable list or typed by ID. */
export const productIdField: INodeProperties = idLocatorField({
	displayName: 'Product',
	name: 'productId',
	description: 'The product the client subscribes to',
	searchListMethod: 'searchProducts',
	listPlaceholder: 'Select a product...',
	idPlaceholder: 'prod_ABC123XYZ',
	idHint: 'The Stripe product ID, starts with prod_',
});

/** An email address as the docs type it (`format: email`): one @ with text on both sides, no spaces. */
export function isEmailAddress(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

