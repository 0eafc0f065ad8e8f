/** Workflows the end-to-end tests import into the real n8n. */
import type { IDataObject } from 'n8n-workflow';

export const E2E_CREDENTIAL = { id: 'chatdashE2eCred01', name: 'ChatDash (e2e emulator)' };

const trigger = {
	parameters: {},
	id: 'a0000000-0000-4000-8000-000000000001',
	name: 'Manual Trigger',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
};

function sampleItemsNode(items: IDataObject[]) {
	return {
		parameters: { jsCode: `return ${JSON.stringify(items.map((json) => ({ json })))};` },
		id: 'a0000000-0000-4000-8000-000000000002',
		name: 'Sample Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
	};
}

/** A workflow holding only a Manual Trigger: where the editor tests add the node by hand. */
export function triggerOnlyWorkflow(id: string, name = id) {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes: [trigger], connections: {} };
}

/** Manual Trigger → Code node emitting `items` → ChatDash Coupon Update driven by expressions. */
export function couponUpdateWorkflow(
	id: string,
	items: IDataObject[],
	options: { onError?: string; nodeOptions?: IDataObject } = {},
) {
	const chatDash = {
		parameters: {
			resource: 'coupon',
			operation: 'update',
			accountId: '={{ $json.account }}',
			couponId: { __rl: true, mode: 'id', value: '={{ $json.coupon }}' },
			name: '={{ $json.newName }}',
			...(options.nodeOptions ? { options: options.nodeOptions } : {}),
		},
		id: 'a0000000-0000-4000-8000-000000000003',
		name: 'ChatDash',
		type: 'n8n-nodes-chatdash.chatDash',
		typeVersion: 1,
		position: [400, 0],
		credentials: { chatDashApi: E2E_CREDENTIAL },
		...(options.onError ? { onError: options.onError } : {}),
	};
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, sampleItemsNode(items), chatDash],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Sample Items', type: 'main', index: 0 }]] },
			'Sample Items': { main: [[{ node: 'ChatDash', type: 'main', index: 0 }]] },
		},
	};
}

/**
 * A workflow that holds the node's AI-tool variant. n8n refuses to run a workflow with an unknown
 * node type, so a successful run shows that n8n knows `chatDashTool`.
 */
export function toolVariantWorkflow(id: string) {
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			trigger,
			{
				parameters: {
					resource: 'coupon',
					operation: 'update',
					accountId: 'acct_e2e',
					couponId: { __rl: true, mode: 'id', value: 'SUMMER20' },
					name: "={{ $fromAI('name', 'The new coupon name') }}",
				},
				id: 'a0000000-0000-4000-8000-000000000004',
				name: 'ChatDash Tool',
				type: 'n8n-nodes-chatdash.chatDashTool',
				typeVersion: 1,
				position: [200, 200],
				credentials: { chatDashApi: E2E_CREDENTIAL },
			},
		],
		connections: {},
	};
}

/**
 * Create coupon → Create a promotion code for it → Rename the coupon → Get Many promotion codes of
 * that coupon → Get Many coupons of the account: each step takes the previous step's output
 * through expressions.
 */
export function couponLifecycleWorkflow(id: string, accountId: string) {
	const chatDash = (name: string, x: number, parameters: IDataObject) => ({
		parameters: { accountId, ...parameters },
		id: `a0000000-0000-4000-8000-00000000010${x}`,
		name,
		type: 'n8n-nodes-chatdash.chatDash',
		typeVersion: 1,
		position: [200 * x, 0],
		credentials: { chatDashApi: E2E_CREDENTIAL },
	});
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });
	const steps = [
		chatDash('Create coupon', 1, {
			resource: 'coupon',
			operation: 'create',
			name: 'Lifecycle Sale',
			discountType: 'percentOff',
			percentOff: 15,
			duration: 'repeating',
			durationInMonths: 2,
		}),
		chatDash('Create promotion code', 2, {
			resource: 'promotionCode',
			operation: 'create',
			couponId: byId('={{ $json.id }}'),
			code: 'LIFE15',
			additionalFields: { maxRedemptions: 5 },
		}),
		chatDash('Rename coupon', 3, {
			resource: 'coupon',
			operation: 'update',
			couponId: byId("={{ $('Create coupon').item.json.id }}"),
			name: 'Lifecycle Sale (renamed)',
		}),
		chatDash('List promotion codes', 4, {
			resource: 'promotionCode',
			operation: 'getAll',
			couponId: byId('={{ $json.id }}'),
			returnAll: true,
		}),
		chatDash('List coupons', 5, { resource: 'coupon', operation: 'getAll', returnAll: false, limit: 10 }),
	];
	const names = ['Manual Trigger', ...steps.map((step) => step.name)];
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, ...steps],
		connections: Object.fromEntries(
			names.slice(0, -1).map((name, index) => [name, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]),
		),
	};
}
