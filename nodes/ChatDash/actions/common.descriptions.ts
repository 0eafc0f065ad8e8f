import type { INodeProperties } from 'n8n-workflow';

/** The Stripe connected account every Stripe Connect call is scoped to. */
export const accountIdField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'acct_1Nv0FGQ9RKHgCVdK',
	description: 'The ID of the Stripe account connected to your ChatDash agency',
	hint: 'Starts with acct_. Shown for each connected account in your ChatDash agency settings.',
};

/** A coupon of the connected account, picked from a searchable list or typed by ID. */
export const couponIdField: INodeProperties = {
	displayName: 'Coupon',
	name: 'couponId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The coupon to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a coupon...',
			typeOptions: {
				searchListMethod: 'searchCoupons',
				searchable: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'SUMMER20',
			hint: 'The Stripe coupon ID, e.g. SUMMER20 or Z4OV52SU',
		},
	],
};
