import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export const CHATDASH_DEFAULT_BASE_URL = 'https://api.chat-dash.com/v1/public';

export class ChatDashApi implements ICredentialType {
	name = 'chatDashApi';

	displayName = 'ChatDash API';

	icon: Icon = {
		light: 'file:../nodes/ChatDash/chatDash.svg',
		dark: 'file:../nodes/ChatDash/chatDash.dark.svg',
	};

	documentationUrl = 'https://docs.chat-dash.com/api-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'The agency API key, found on your agency profile in ChatDash. It is sent as-is in the Authorization header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CHATDASH_DEFAULT_BASE_URL,
			description:
				'Change only to go through a proxy or to test against a local ChatDash emulator',
		},
	];

	// The ChatDash docs show the raw key as the header value: no "Bearer" scheme.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey}}',
			},
		},
	};

	// GET /clients is the cheapest documented agency-level read, and it needs a valid key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/clients',
			method: 'GET',
		},
	};
}
