import type { INodeProperties } from 'n8n-workflow';

import * as agent from './agent';
import * as analytics from './analytics';
import * as client from './client';
import * as clientMember from './clientMember';
import * as conversation from './conversation';
import * as coupon from './coupon';
import * as invoice from './invoice';
import * as lead from './lead';
import * as leadTag from './leadTag';
import * as message from './message';
import type { ChatDashOperation } from './operation';
import { resourceDescription } from './operation';
import * as product from './product';
import * as promotionCode from './promotionCode';
import * as subscription from './subscription';
import * as transaction from './transaction';

/** Every resource's operations, by the values saved in workflows (`resource`, `operation`). */
export const resources: Record<string, Record<string, ChatDashOperation>> = {
	agent,
	analytics,
	client,
	clientMember,
	conversation,
	coupon,
	invoice,
	lead,
	leadTag,
	message,
	product,
	promotionCode,
	subscription,
	transaction,
};

/**
 * Resource dropdown and fields. Values and defaults are part of saved workflows: never change them
 * (n8n does not save a parameter left at its default, so a new default would switch old workflows).
 */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Analytics', value: 'analytics' },
			{ name: 'Client', value: 'client' },
			{ name: 'Client Member', value: 'clientMember' },
			{ name: 'Conversation', value: 'conversation' },
			{ name: 'Coupon', value: 'coupon' },
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Lead', value: 'lead' },
			{ name: 'Lead Tag', value: 'leadTag' },
			{ name: 'Message', value: 'message' },
			{ name: 'Product', value: 'product' },
			{ name: 'Promotion Code', value: 'promotionCode' },
			{ name: 'Subscription', value: 'subscription' },
			{ name: 'Transaction', value: 'transaction' },
		],
		default: 'coupon',
	},
	...resourceDescription('agent', agent, 'create'),
	...resourceDescription('analytics', analytics, 'query'),
	...resourceDescription('client', client, 'create'),
	...resourceDescription('clientMember', clientMember, 'create'),
	...resourceDescription('conversation', conversation, 'getAll'),
	...resourceDescription('coupon', coupon, 'update'),
	...resourceDescription('invoice', invoice, 'create'),
	...resourceDescription('lead', lead, 'create'),
	...resourceDescription('leadTag', leadTag, 'getAll'),
	...resourceDescription('message', message, 'getAll'),
	...resourceDescription('product', product, 'create'),
	...resourceDescription('promotionCode', promotionCode, 'create'),
	...resourceDescription('subscription', subscription, 'create'),
	...resourceDescription('transaction', transaction, 'getAll'),
];
