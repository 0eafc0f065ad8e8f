/**
 * Product → Get Many: lists the products of a Stripe connected account, one output item per product.
 *
 * Sends   GET {Base URL}/stripe/connect/accounts/{accountId}/products
 *         ?limit=…[&status=active|archived|all][&created_start=…][&created_end=…][&starting_after=…]
 *         (pages of up to 100, the documented maximum; Return All follows `next_cursor` while
 *         `has_more`; Limit N asks for N, one page when N <= 100). A filter is sent only when set
 *         under Filters; without Status, ChatDash lists active products (its documented default).
 *         created_start / created_end are unix seconds, as documented.
 * Returns each entry of `data` unchanged. The docs give the entry only as a sample (not a schema):
 *         productId, productName, description, taxBehavior, pricing{…}, creationDate,
 *         activeSubscriptionsCount, status; note `productId`/`productName`, not `id`/`name`.
 *
 * What the docs say
 * (https://docs.chat-dash.com/api-reference/stripe/pages/get-stripe-connect-products): status,
 * limit (1–100, default 100) and starting_after are in the .md; created_start / created_end come
 * from the rendered page. starting_after is "Pagination cursor (returns results after this ID)":
 * a product's ID, which here is its `productId`. Whether the created bounds are inclusive is not
 * said (ASSUMPTION in the emulator: inclusive, like Stripe's created[gte]/created[lte]).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, toOneOf } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountNotFound } from '../pickers';
import {
	accountIdField,
	createdRangeFilters,
	filtersCollection,
	getCreatedRange,
	getListRequestLimit,
	listFields,
} from '../common.descriptions';

/** The documented values of the `status` query parameter. */
const STATUSES = ['active', 'archived', 'all'];

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a connected account's products",
	action: 'Get many products',
};

export const description: INodeProperties[] = [
	accountIdField,
	...listFields(),
	filtersCollection([
		...createdRangeFilters('products'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active', description: 'Products that can be sold' },
				{ name: 'All', value: 'all', description: 'Active and archived products' },
				{ name: 'Archived', value: 'archived', description: 'Products no longer offered' },
			],
			default: 'active',
			description: 'Which products to list. Without this filter ChatDash lists active products.',
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const limits = getListRequestLimit(this, itemIndex);

	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.status !== undefined) qs.status = toOneOf(this, filters.status, STATUSES, 'Status', itemIndex);
	Object.assign(qs, getCreatedRange(this, filters, itemIndex));

	return {
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', accountId, 'products'],
		qs,
		notFoundMessage: accountNotFound(accountId),
		list: { key: 'data', ...limits },
	};
}
