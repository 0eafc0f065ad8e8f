import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: [
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
	...getAll.description,
	...update.description,
];
