/** Workflows of the ChatDash Trigger end-to-end test: ChatDash Trigger → a Code node. */
import { subscriptionReadyMessage } from '../../nodes/ChatDashTrigger/subscription';
import { waitUntil } from '../../scripts/lib/wait';

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line n8n's log shows once the trigger at `webhookUrl` is registered with ChatDash (any
 * subscription ID, any events): the state to wait for after publishing, restarting or listening.
 * n8n answers its health check, and even serves the webhook URL, before the trigger's
 * registration calls to ChatDash have finished.
 */
export function subscriptionReadyLine(webhookUrl: string): RegExp {
	const [id, events] = ['\u0000', '\u0001'];
	const message = escapeRegExp(subscriptionReadyMessage(id, webhookUrl, '\u0002', [events]));
	return new RegExp(`${message.replace(id, '\\S+').replace(events, '.+').replace('\u0002', '\\S+')}(?=\\s|$)`);
}

/**
 * Waits until n8n serves the trigger's production URL: an event the node is not set to gets 200
 * (nothing runs) instead of 404. The state to wait for after a restart on n8n 2.41, which keeps a
 * published workflow's webhooks in its database and calls none of the trigger's lifecycle methods.
 */
export function waitUntilServing(emulator: { postTo: PostTo; sampleEvent: (event: string) => unknown }, url: string) {
	let last = 0;
	return waitUntil(
		async () => {
			last = (await emulator.postTo(url, emulator.sampleEvent('call.started'))).status;
			return last === 200;
		},
		`n8n to serve ${url}`,
		{ timeoutMs: 90_000, detail: () => `last answer: HTTP ${last}` },
	);
}
type PostTo = (url: string, body: unknown) => Promise<{ status: number }>;
