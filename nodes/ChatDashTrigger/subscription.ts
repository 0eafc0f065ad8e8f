/**
 * The ChatDash Trigger's webhook lifecycle (what n8n calls when a workflow is published,
 * unpublished or listened to in the editor) over ChatDash's Webhook Subscriptions endpoints:
 *   GET  /webhooks/subscriptions?clientId=…            List Webhook Subscriptions (bare array)
 *   GET  /webhooks/subscriptions/{subscriptionId}      Get Webhook Subscription
 *   POST /webhooks/subscriptions                       Create: {clientId, agentId, webhookUrl, events}
 *   PUT  /webhooks/subscriptions/{subscriptionId}/events   {add?, remove?} → the updated subscription
 * all with the client API key (credential `chatDashClientApi`).
 *
 * Docs gaps handled here:
 *   - No delete endpoint: `delete` removes every event of the subscription and forgets it. What
 *     ChatDash does with an empty event list is not documented; a refusal is logged (n8n's log).
 *   - The agent field of Create: the older rendering names it `agentId` (one string); a newer one
 *     shows "The agent IDs" as an array without showing its name. Only `agentId` is a documented
 *     name, and the subscription object still has `agentId`, so the trigger sends `agentId`
 *     (a string). Reading, an `agentId` that is an array containing the agent also matches.
 *   - No signing secret exists, so nothing secret is stored: the static data holds only the
 *     subscription ID, its URL and agent.
 */
import { NodeApiError, type IDataObject, type IHookFunctions, type JsonObject } from 'n8n-workflow';

import { CHATDASH_EVENTS, type ChatDashEvent } from './events';
import { answerError, getClientCredentials, sendClientRequest, type ClientCredentials } from './transport';

const SUBSCRIPTIONS = ['webhooks', 'subscriptions'] as const;

/** What the trigger remembers in the workflow's static data (per node). */
interface StoredSubscription {
	subscriptionId?: string;
	webhookUrl?: string;
	agentId?: string;
}

interface Subscription extends IDataObject {
	_id: string;
	webhookUrl?: string;
	agentId?: string | string[];
	events?: string[];
}

interface Settings {
	credentials: ClientCredentials;
	webhookUrl: string;
	agentId: string;
	events: ChatDashEvent[];
}

async function readSettings(context: IHookFunctions): Promise<Settings> {
	const credentials = await getClientCredentials(context);
	const webhookUrl = context.getNodeWebhookUrl('default');
	if (!webhookUrl) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, { message: 'n8n gave no webhook URL for this node' });
	}
	const agentId = String(context.getNodeParameter('agentId', '') ?? '').trim();
	if (!agentId) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: 'Enter an Agent ID',
			description: 'The ID of the ChatDash agent whose calls start this workflow.',
		});
	}
	const events = selectedEvents(context.getNodeParameter('events', []));
	if (events.length === 0) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: 'Select at least one event',
			description: `ChatDash subscribes to one or more of: ${CHATDASH_EVENTS.join(', ')}.`,
		});
	}
	return { credentials, webhookUrl, agentId, events };
}

/** The node's Events value, keeping only the four ChatDash event names, without duplicates. */
export function selectedEvents(value: unknown): ChatDashEvent[] {
	const list = Array.isArray(value) ? value : [];
	return CHATDASH_EVENTS.filter((event) => list.includes(event));
}

function isSubscription(value: unknown): value is Subscription {
	return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && typeof (value as IDataObject)._id === 'string';
}

function belongsToAgent(subscription: Subscription, agentId: string): boolean {
	const { agentId: subscribed } = subscription;
	return Array.isArray(subscribed) ? subscribed.includes(agentId) : subscribed === agentId;
}

function isThisNodes(subscription: Subscription, settings: Settings): boolean {
	return subscription.webhookUrl === settings.webhookUrl && belongsToAgent(subscription, settings.agentId);
}

function storage(context: IHookFunctions): StoredSubscription & IDataObject {
	return context.getWorkflowStaticData('node') as StoredSubscription & IDataObject;
}

/**
 * The line n8n's log shows once ChatDash delivers to this node: after a publish, a restart or a
 * test listen, it tells the user (and the project's end-to-end tests) that registration is done.
 */
export function subscriptionReadyMessage(subscriptionId: string, webhookUrl: string, agentId: string, events: readonly string[]): string {
	return `ChatDash Trigger: webhook subscription ${subscriptionId} is ready: ChatDash delivers ${events.join(', ')} of agent ${agentId} to ${webhookUrl}`;
}

/** Remembers the subscription (static data) and logs that it is ready. */
function ready(context: IHookFunctions, settings: Settings, subscriptionId: string): void {
	Object.assign(storage(context), { subscriptionId, webhookUrl: settings.webhookUrl, agentId: settings.agentId });
	context.logger.info(subscriptionReadyMessage(subscriptionId, settings.webhookUrl, settings.agentId, settings.events));
}

function forget(context: IHookFunctions): void {
	const stored = storage(context);
	delete stored.subscriptionId;
	delete stored.webhookUrl;
	delete stored.agentId;
}

/** The subscription remembered in static data, if it still exists and is still this node's. */
async function rememberedSubscription(context: IHookFunctions, settings: Settings): Promise<Subscription | undefined> {
	const { subscriptionId } = storage(context);
	if (typeof subscriptionId !== 'string' || !subscriptionId) return undefined;
	const answer = await sendClientRequest(context, settings.credentials, {
		method: 'GET',
		path: [...SUBSCRIPTIONS, subscriptionId],
	});
	if (answer.status === 404) {
		context.logger.info(`ChatDash Trigger: subscription ${subscriptionId} no longer exists in ChatDash; looking for another`);
		forget(context);
		return undefined;
	}
	if (answer.status >= 400) throw answerError(context, settings.credentials, answer, `read webhook subscription "${subscriptionId}"`);
	if (!isSubscription(answer.body) || !isThisNodes(answer.body, settings)) {
		// The node's URL or agent changed since: that subscription is not this node's any more.
		forget(context);
		return undefined;
	}
	return answer.body;
}

async function listSubscriptions(context: IHookFunctions, credentials: ClientCredentials): Promise<Subscription[]> {
	const answer = await sendClientRequest(context, credentials, {
		method: 'GET',
		path: SUBSCRIPTIONS,
		qs: { clientId: credentials.clientId },
	});
	if (answer.status >= 400) throw answerError(context, credentials, answer, `list the webhook subscriptions of client "${credentials.clientId}"`);
	if (!Array.isArray(answer.body)) {
		throw new NodeApiError(context.getNode(), { body: (answer.body ?? null) as JsonObject } as JsonObject, {
			message: 'ChatDash answered the list of webhook subscriptions with something other than a list',
		});
	}
	return answer.body.filter(isSubscription);
}

/** This node's subscription among the client's: same webhook URL and agent. */
async function findByUrl(context: IHookFunctions, settings: Settings): Promise<Subscription | undefined> {
	const matches = (await listSubscriptions(context, settings.credentials)).filter((entry) => isThisNodes(entry, settings));
	if (matches.length > 1) {
		context.logger.warn(
			`ChatDash Trigger: ${matches.length} ChatDash webhook subscriptions point at ${settings.webhookUrl} for agent ${settings.agentId} (${matches
				.map((entry) => entry._id)
				.join(', ')}); using ${matches[0]._id}`,
		);
	}
	return matches[0];
}

/**
 * Brings the subscription's events in line with the node's (one PUT …/events with what to add and
 * remove). Resolves to false when the subscription vanished meanwhile (404).
 */
async function syncEvents(context: IHookFunctions, settings: Settings, subscription: Subscription): Promise<boolean> {
	const current = Array.isArray(subscription.events) ? subscription.events : [];
	const add = settings.events.filter((event) => !current.includes(event));
	const remove = current.filter((event) => !(settings.events as string[]).includes(event));
	if (add.length === 0 && remove.length === 0) return true;
	const body: IDataObject = {};
	if (add.length) body.add = add;
	if (remove.length) body.remove = remove;
	const answer = await sendClientRequest(context, settings.credentials, {
		method: 'PUT',
		path: [...SUBSCRIPTIONS, subscription._id, 'events'],
		body,
	});
	if (answer.status === 404) {
		forget(context);
		return false;
	}
	if (answer.status >= 400) {
		throw answerError(context, settings.credentials, answer, `change the events of webhook subscription "${subscription._id}"`);
	}
	return true;
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings(this);
	const subscription = (await rememberedSubscription(this, settings)) ?? (await findByUrl(this, settings));
	if (!subscription) return false;
	if (!(await syncEvents(this, settings, subscription))) return false;
	ready(this, settings, subscription._id);
	return true;
}

/** Loopback, private, link-local and unspecified addresses: ChatDash's servers cannot reach them. */
export function isUnreachableFromInternet(url: string): boolean {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
	} catch {
		return false;
	}
	if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '::' || host === '::1') {
		return true;
	}
	if (/^(fc|fd)[0-9a-f]{2}:/.test(host) || host.startsWith('fe80:')) return true;
	const octets = host.split('.').map(Number);
	if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return false;
	const [a, b] = octets;
	return (
		a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)
	);
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const settings = await readSettings(this);
	if (isUnreachableFromInternet(settings.webhookUrl)) {
		this.logger.warn(
			`ChatDash Trigger: the webhook URL ${settings.webhookUrl} is a loopback or private address, which ChatDash's servers cannot reach, so no call events will arrive. Set n8n's WEBHOOK_URL environment variable to the public URL of this n8n (e.g. https://n8n.example.com/) and publish the workflow again.`,
		);
	}
	const answer = await sendClientRequest(this, settings.credentials, {
		method: 'POST',
		path: SUBSCRIPTIONS,
		body: {
			clientId: settings.credentials.clientId,
			agentId: settings.agentId,
			webhookUrl: settings.webhookUrl,
			events: settings.events,
		},
	});
	if (answer.status >= 400) throw answerError(this, settings.credentials, answer, 'create the webhook subscription');
	if (!isSubscription(answer.body)) {
		throw new NodeApiError(this.getNode(), { body: (answer.body ?? null) as JsonObject } as JsonObject, {
			message: 'ChatDash created the webhook subscription but answered without its _id',
			description: 'The trigger cannot manage a subscription it cannot name. Check the subscriptions of the client in ChatDash.',
		});
	}
	ready(this, settings, answer.body._id);
	return true;
}

/**
 * ChatDash has no delete endpoint: the subscription's events are all removed, so nothing more is
 * delivered, and it is kept in ChatDash to be reused (found by its URL) on the next publish.
 */
export async function deleteSubscription(this: IHookFunctions): Promise<boolean> {
	const credentials = await getClientCredentials(this);
	const stored = storage(this);
	let subscriptionId = typeof stored.subscriptionId === 'string' ? stored.subscriptionId : undefined;
	let events: string[] | undefined;
	if (!subscriptionId) {
		const settings = await readSettings(this);
		const found = await findByUrl(this, settings);
		if (!found) return true;
		subscriptionId = found._id;
		events = found.events;
	} else {
		const answer = await sendClientRequest(this, credentials, { method: 'GET', path: [...SUBSCRIPTIONS, subscriptionId] });
		if (answer.status === 404) {
			this.logger.info(`ChatDash Trigger: subscription ${subscriptionId} no longer exists in ChatDash; nothing to remove`);
			forget(this);
			return true;
		}
		if (answer.status >= 400) throw answerError(this, credentials, answer, `read webhook subscription "${subscriptionId}"`);
		events = isSubscription(answer.body) ? answer.body.events : undefined;
	}
	const remove = Array.isArray(events) ? events : [...CHATDASH_EVENTS];
	if (remove.length === 0) {
		forget(this);
		return true;
	}
	const answer = await sendClientRequest(this, credentials, {
		method: 'PUT',
		path: [...SUBSCRIPTIONS, subscriptionId, 'events'],
		body: { remove },
	});
	if (answer.status === 404) {
		forget(this);
		return true;
	}
	if (answer.status >= 400 && answer.status < 500) {
		this.logger.warn(
			`ChatDash Trigger: ChatDash refused to remove the last events (${remove.join(', ')}) of webhook subscription ${subscriptionId} (HTTP ${answer.status}). ChatDash has no way to delete a subscription, so it may keep sending these events to the webhook URL; n8n no longer runs the workflow for them. Publishing the workflow again reuses the subscription.`,
		);
		return false;
	}
	if (answer.status >= 400) {
		throw answerError(this, credentials, answer, `remove the events of webhook subscription "${subscriptionId}"`);
	}
	forget(this);
	return true;
}
