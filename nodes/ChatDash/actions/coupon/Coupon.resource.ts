import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a coupon in a connected account',
				action: 'Create a coupon',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a connected account's coupons",
				action: 'Get many coupons',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a coupon's display name",
				action: 'Update a coupon',
			},
		],
		default: 'update',
	},
	...create.description,
	...getAll.description,
	...update.description,
];
