import type { INodeProperties } from 'n8n-workflow';

import * as coupon from './coupon';
import type { ChatDashOperation } from './operation';
import { resourceDescription } from './operation';
import * as promotionCode from './promotionCode';

/** Every resource's operations, by the values saved in workflows (`resource`, `operation`). */
export const resources: Record<string, Record<string, ChatDashOperation>> = { coupon, promotionCode };

/** Resource dropdown and fields. The defaults are part of saved workflows: never change them. */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Coupon', value: 'coupon' },
			{ name: 'Promotion Code', value: 'promotionCode' },
		],
		default: 'coupon',
	},
	...resourceDescription('coupon', coupon, 'update'),
	...resourceDescription('promotionCode', promotionCode, 'create'),
];
