import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['promotionCode'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a customer-facing code for a coupon',
				action: 'Create a promotion code',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List a coupon's promotion codes",
				action: 'Get many promotion codes',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
