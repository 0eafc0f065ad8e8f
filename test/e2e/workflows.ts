/** Workflows the end-to-end tests import into the real n8n. */
import type { IDataObject } from 'n8n-workflow';

import { codeNode, linearWorkflow } from '../../scripts/lib/workflows';

export const E2E_CREDENTIAL = { id: 'chatdashE2eCred01', name: 'ChatDash (e2e emulator)' };

const CHATDASH_TYPE = 'n8n-nodes-chatdash.chatDash';

/** A workflow holding only a Manual Trigger: where the editor tests add the node by hand. */
export function triggerOnlyWorkflow(id: string, name = id) {
	return linearWorkflow(id, [], { name });
}

/** Manual Trigger → Code node emitting `items` → ChatDash Coupon Update driven by expressions. */
export function couponUpdateWorkflow(
	id: string,
	items: IDataObject[],
	options: { onError?: string; nodeOptions?: IDataObject } = {},
) {
	return linearWorkflow(id, [
		codeNode('Sample Items', items),
		{
			name: 'ChatDash',
			type: CHATDASH_TYPE,
			typeVersion: 1,
			parameters: {
				resource: 'coupon',
				operation: 'update',
				accountId: '={{ $json.account }}',
				couponId: { __rl: true, mode: 'id', value: '={{ $json.coupon }}' },
				name: '={{ $json.newName }}',
				...(options.nodeOptions ? { options: options.nodeOptions } : {}),
			},
			credentials: { chatDashApi: E2E_CREDENTIAL },
			...(options.onError ? { onError: options.onError } : {}),
		},
	]);
}

/**
 * A workflow that holds the node's AI-tool variant. n8n refuses to run a workflow with an unknown
 * node type, so a successful run shows that n8n knows `chatDashTool`.
 */
export function toolVariantWorkflow(id: string) {
	return linearWorkflow(id, [], {
		unconnected: [
			{
				name: 'ChatDash Tool',
				type: 'n8n-nodes-chatdash.chatDashTool',
				typeVersion: 1,
				parameters: {
					resource: 'coupon',
					operation: 'update',
					accountId: 'acct_e2e',
					couponId: { __rl: true, mode: 'id', value: 'SUMMER20' },
					name: "={{ $fromAI('name', 'The new coupon name') }}",
				},
				credentials: { chatDashApi: E2E_CREDENTIAL },
			},
		],
	});
}

/**
 * Create coupon → Create a promotion code for it → Rename the coupon → Get Many promotion codes of
 * that coupon → Get Many coupons of the account: each step takes the previous step's output
 * through expressions.
 */
export function couponLifecycleWorkflow(id: string, accountId: string) {
	const chatDash = (name: string, parameters: IDataObject) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters: { accountId, ...parameters },
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const steps = [
		chatDash('Create coupon', {
			resource: 'coupon',
			operation: 'create',
			name: 'Lifecycle Sale',
			discountType: 'percentOff',
			percentOff: 15,
			duration: 'repeating',
			durationInMonths: 2,
		}),
		chatDash('Create promotion code', {
			resource: 'promotionCode',
			operation: 'create',
			couponId: byId('={{ $json.id }}'),
			code: 'LIFE15',
			additionalFields: { maxRedemptions: 5 },
		}),
		chatDash('Rename coupon', {
			resource: 'coupon',
			operation: 'update',
			couponId: byId("={{ $('Create coupon').item.json.id }}"),
			name: 'Lifecycle Sale (renamed)',
		}),
		chatDash('List promotion codes', {
			resource: 'promotionCode',
			operation: 'getAll',
			couponId: byId('={{ $json.id }}'),
			returnAll: true,
		}),
		chatDash('List coupons', { resource: 'coupon', operation: 'getAll', returnAll: false, limit: 10 }),
	];
	return linearWorkflow(id, steps);
}

/**
 * The billing chain of the Stripe Connect resources: Create product → Create a subscription for
 * it → Create an invoice for it → Get that invoice → Get Many transactions → Delete the
 * subscription, each step taking what it needs from earlier steps through expressions.
 */
export function billingChainWorkflow(id: string, accountId: string, clientId: string) {
	const chatDash = (name: string, parameters: IDataObject) => ({
		name,
		type: CHATDASH_TYPE,
		typeVersion: 1,
		parameters: { accountId, ...parameters },
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	return linearWorkflow(id, [
		chatDash('Create product', {
			resource: 'product',
			operation: 'create',
			pricingModel: 'oneTime',
			currency: 'usd',
			additionalFields: { name: 'Onboarding Pack', description: 'Setup and training' },
		}),
		chatDash('Create subscription', {
			resource: 'subscription',
			operation: 'create',
			clientId,
			agentIds: 'agent_sales, agent_support',
			productId: byId('={{ $json.product.productId }}'),
		}),
		chatDash('Create invoice', {
			resource: 'invoice',
			operation: 'create',
			clientId,
			productId: byId("={{ $('Create product').item.json.product.productId }}"),
			daysUntilDue: 14,
		}),
		chatDash('Get invoice', { resource: 'invoice', operation: 'get', invoiceId: '={{ $json.id }}' }),
		chatDash('List transactions', { resource: 'transaction', operation: 'getAll', returnAll: true }),
		chatDash('Delete subscription', {
			resource: 'subscription',
			operation: 'delete',
			subscriptionId: byId("={{ $('Create subscription').item.json.id }}"),
		}),
	]);
}
