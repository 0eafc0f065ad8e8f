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
