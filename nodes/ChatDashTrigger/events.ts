/**
 * The four event names of ChatDash's Webhook Subscriptions, as ChatDash spells them
 * (https://docs.chat-dash.com/api-reference/webhooks/pages/post-webhook-subscriptions `events`
 * enum), with the one-line descriptions of ChatDash's help article "Webhook Events".
 */
export const CHATDASH_EVENTS = ['call.ended', 'call.inbound', 'call.missed', 'call.started'] as const;

export type ChatDashEvent = (typeof CHATDASH_EVENTS)[number];

export const EVENT_OPTIONS: Array<{ name: string; value: ChatDashEvent; description: string }> = [
	{
		name: 'Call Ended',
		value: 'call.ended',
		description: 'A call and its post-call analysis is complete (summary, recording URL, evaluation, messages)',
	},
	{
		name: 'Call Inbound',
		value: 'call.inbound',
		description: 'An inbound call request is received (agent and customer numbers)',
	},
	{ name: 'Call Missed', value: 'call.missed', description: 'A call does not connect' },
	{ name: 'Call Started', value: 'call.started', description: 'A new call begins' },
];
