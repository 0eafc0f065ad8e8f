import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { EVENT_OPTIONS } from './events';
import { checkExists, create, deleteSubscription, selectedEvents } from './subscription';

/**
 * Starts a workflow on ChatDash call events. The subscription in ChatDash is registered, reused
 * and emptied by the trigger (see subscription.ts). Deliveries are not signed (ChatDash documents
 * no secret): the unguessable webhook URL is what protects the workflow.
 */
export class ChatDashTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ChatDash Trigger',
		name: 'chatDashTrigger',
		icon: { light: 'file:chatDashTrigger.svg', dark: 'file:chatDashTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when a call of a ChatDash voice agent starts, is missed, ends or comes in',
		defaults: { name: 'ChatDash Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'chatDashClientApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Agent ID',
				name: 'agentId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 66b1f0c2a4e5d6f7a8b9c0d1',
				description:
					"The ID of the ChatDash agent whose calls start this workflow (the agent's _id, as the ChatDash node's Agent → Get Many lists it)",
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				options: EVENT_OPTIONS,
				description: 'The call events that start this workflow',
			},
		],
	};

	webhookMethods = {
		default: {
			// Finds this node's subscription (static data, else by webhook URL and agent) and syncs its events.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			// Creates the subscription for this node's production or test URL.
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			// ChatDash cannot delete a subscription: removes all its events (refusals are logged).
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body: unknown = this.getBodyData();
		if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as IDataObject).event !== 'string') {
			this.logger.debug('ChatDash Trigger: refused a delivery that is not a JSON object with an "event" name');
			this.getResponseObject()
				.status(400)
				.json({ message: 'Expected a JSON object with an "event" name, as ChatDash sends' })
				.end();
			return { noWebhookResponse: true };
		}
		const payload = body as IDataObject;
		const event = payload.event as string;
		if (!(selectedEvents(this.getNodeParameter('events', [])) as string[]).includes(event)) {
			// After a change of events ChatDash may still send one the node is no longer set to.
			this.logger.debug(`ChatDash Trigger: ignored a "${event}" delivery (not among the node's events)`);
			return {};
		}
		// The payload as ChatDash sent it; `event` is already at the top level in every documented
		// sample (call.inbound included), and is set here for certain.
		return { workflowData: [this.helpers.returnJsonArray([{ ...payload, event }])] };
	}
}
