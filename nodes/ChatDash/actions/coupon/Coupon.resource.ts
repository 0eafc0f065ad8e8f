import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';

export { update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: "Change a coupon's display name",
				action: 'Update a coupon',
			},
		],
		default: 'update',
	},
	...update.description,
];
