/**
 * Coupon → Update: renames a coupon of a Stripe connected account.
 *
 * Sends   PUT {Base URL}/stripe/connect/accounts/{accountId}/coupons/{couponId}
 *         Authorization: <agency API key>          (added by the credential)
 *         {"data": {"name": "<name>"}}
 * Returns the coupon object ChatDash answers with (id, object, amount_off, created, currency,
 *         duration, duration_in_months, livemode, max_redemptions, metadata, name, percent_off,
 *         redeem_by, times_redeemed, valid), unchanged, as the item's JSON.
 *
 * The docs (https://docs.chat-dash.com/api-reference/stripe/pages/put-stripe-connect-coupon) accept
 * only `data.name` in the body; nothing else is sent.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { accountIdField } from '../common.descriptions';
import { couponIdField, notFoundInAccount } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a coupon's display name",
	action: 'Update a coupon',
};

export const description: INodeProperties[] = [
	accountIdField,
	couponIdField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Winter Sale',
		description: 'The new display name for the coupon. Sent exactly as entered.',
		// The docs' update body has `data.name` only, so users should not look for other fields here.
		hint: 'Only the name can be changed: ChatDash’s coupon update accepts no other field.',
	},
];

/** Reads and checks this item's fields; throws (naming the field) before anything is sent. */
export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const accountId = getIdParameter(this, 'accountId', 'Account ID', itemIndex);
	const couponId = getIdParameter(this, 'couponId', 'Coupon', itemIndex);
	const name = getTextParameter(this, 'name', 'Name', itemIndex);

	return {
		method: 'PUT',
		path: ['stripe', 'connect', 'accounts', accountId, 'coupons', couponId],
		body: { data: { name } },
		notFoundMessage: notFoundInAccount('Coupon', couponId, accountId),
	};
}
