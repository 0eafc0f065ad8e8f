import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { CHATDASH_DEFAULT_BASE_URL, redirectTestRules, withApiKeyHeader } from './ChatDashApi.credentials';

/** What n8n's credential test shows, per answer of `GET /webhooks/subscriptions?clientId=…`. */
export const CLIENT_CREDENTIAL_TEST_MESSAGES = {
	keyRejected:
		'ChatDash rejected this key (HTTP 401): use the client API key (starts with CD.CL.), not the agency key. Paste it as it is, without "Bearer".',
	keyForbidden:
		'ChatDash refused this client API key (HTTP 403). Check that the Client ID is the client this client API key (starts with CD.CL.) belongs to.',
	clientUnknown:
		'ChatDash answered HTTP 404: check the Client ID, and leave the Base URL at its default unless you go through a proxy.',
	badRequest: 'ChatDash refused the request (HTTP 400). Check the Client ID.',
} as const;

/**
 * The credential of the ChatDash Trigger. ChatDash's Webhook Subscriptions endpoints take a
 * client-specific key (pattern `^CD\.CL\.`), not the agency key of the `ChatDash API` credential,
 * and every one of them names the client (`clientId`), so both live here.
 */
export class ChatDashClientApi implements ICredentialType {
	name = 'chatDashClientApi';

	displayName = 'ChatDash Client API';

	icon: Icon = {
		light: 'file:../nodes/ChatDashTrigger/chatDashTrigger.svg',
		dark: 'file:../nodes/ChatDashTrigger/chatDashTrigger.dark.svg',
	};

	documentationUrl = 'https://docs.chat-dash.com/api-reference/webhooks/pages/post-webhook-subscriptions';

	properties: INodeProperties[] = [
		{
			displayName: 'Client API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'CD.CL.…',
			description:
				"The API key of one client of your agency; it starts with CD.CL. It is not the agency API key. Look for it in the client's settings in ChatDash; ask ChatDash support if it is not there. Sent as-is in the Authorization header.",
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description:
				"The ID of the client the key belongs to (the client's _id, as the ChatDash node's Client → Get Many lists it)",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CHATDASH_DEFAULT_BASE_URL,
			description: 'Change only to go through a proxy or to test against a local ChatDash emulator',
		},
	];

	// A function: n8n would evaluate a generic `={{$credentials.apiKey}}` as an expression per request (~0.8 ms).
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		withApiKeyHeader(credentials.apiKey, requestOptions);

	// List Webhook Subscriptions is the only read of this endpoint group that needs no subscription
	// ID; it checks the key and the client together. The docs list no error statuses: 401/403/404
	// are their usual meanings (ASSUMPTION), with messages saying which key is wanted.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/webhooks/subscriptions',
			method: 'GET',
			qs: { clientId: '={{$credentials.clientId}}' },
			disableFollowRedirect: true,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 400, message: CLIENT_CREDENTIAL_TEST_MESSAGES.badRequest } },
			{ type: 'responseCode', properties: { value: 401, message: CLIENT_CREDENTIAL_TEST_MESSAGES.keyRejected } },
			{ type: 'responseCode', properties: { value: 403, message: CLIENT_CREDENTIAL_TEST_MESSAGES.keyForbidden } },
			{ type: 'responseCode', properties: { value: 404, message: CLIENT_CREDENTIAL_TEST_MESSAGES.clientUnknown } },
			...redirectTestRules(),
		],
	};
}
