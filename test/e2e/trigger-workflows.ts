/** Workflows of the ChatDash Trigger end-to-end test: ChatDash Trigger → a Code node. */
export const TRIGGER_E2E_CREDENTIAL = { id: 'chatdashClientCred1', name: 'ChatDash client (e2e emulator)' };
export const TRIGGER_NODE_NAME = 'ChatDash Trigger';
export const RECEIVER_NODE_NAME = 'Receive';

/**
 * @param id fixed workflow ID @param webhookId fixed, so that the URL is known in advance
 * (`n8n import:workflow` assigns none)
 */
export function triggerToCodeWorkflow(id: string, webhookId: string, parameters: { agentId: string; events: string[] }) {
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: TRIGGER_NODE_NAME,
				type: 'n8n-nodes-chatdash.chatDashTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { chatDashClientApi: TRIGGER_E2E_CREDENTIAL },
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: RECEIVER_NODE_NAME,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: 'return $input.all();' },
			},
		],
		connections: {
			[TRIGGER_NODE_NAME]: { main: [[{ node: RECEIVER_NODE_NAME, type: 'main', index: 0 }]] },
		},
	};
}
