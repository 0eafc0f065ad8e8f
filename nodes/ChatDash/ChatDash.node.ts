import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class ChatDash implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ChatDash',
		name: 'chatDash',
		icon: { light: 'file:chatDash.svg', dark: 'file:chatDash.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"Manage your ChatDash agency's clients, agents, conversations, messages, leads and analytics, and the Stripe billing (products, subscriptions, invoices, coupons) of its connected accounts",
		defaults: { name: 'ChatDash' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatDashApi', required: true }],
		properties: resourceProperties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
