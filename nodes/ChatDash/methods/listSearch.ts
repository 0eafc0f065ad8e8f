import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { problemWithId } from '../helpers/validation';
import { createChatDashClient } from '../transport';

interface CouponPage {
	data?: IDataObject[];
	has_more?: boolean;
	next_cursor?: string | null;
}

/** Label shown in the "From list" dropdown: the coupon's name and its ID. */
export function couponLabel(coupon: IDataObject): string {
	const id = String(coupon.id);
	return typeof coupon.name === 'string' && coupon.name ? `${coupon.name} (${id})` : id;
}

/**
 * One page (up to 100, the documented maximum) of the account's coupons, filtered by the search
 * text on name or ID. The API has no search parameter, so filtering happens here, page by page.
 */
export async function searchCoupons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const accountId = this.getNodeParameter('accountId', '') as unknown;
	if (problemWithId(accountId)) {
		throw new NodeOperationError(this.getNode(), 'Enter an Account ID first', {
			description: 'The coupon list is loaded from the connected account given in Account ID.',
		});
	}
	const account = String(accountId).trim();
	const qs: IDataObject = { limit: 100 };
	if (paginationToken) qs.starting_after = paginationToken;

	const page = (await createChatDashClient(this).send({
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', account, 'coupons'],
		qs,
		notFoundMessage: `Connected account "${account}" was not found`,
	})) as CouponPage;

	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = (page.data ?? [])
		.map((coupon) => ({ name: couponLabel(coupon), value: String(coupon.id) }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));

	return {
		results,
		paginationToken: page.has_more && page.next_cursor ? page.next_cursor : undefined,
	};
}
