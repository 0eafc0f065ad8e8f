import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as coupon from './coupon/Coupon.resource';

export const chatDashDescription: INodeTypeDescription = {
	displayName: 'ChatDash',
	name: 'chatDash',
	icon: { light: 'file:chatDash.svg', dark: 'file:chatDash.dark.svg' },
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Manage the Stripe coupons of your ChatDash agency’s connected accounts',
	defaults: { name: 'ChatDash' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'chatDashApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Coupon', value: 'coupon' }],
			default: 'coupon',
		},
		...coupon.description,
	],
};
