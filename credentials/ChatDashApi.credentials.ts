import type {
	IAuthenticate,
	IAuthenticateRuleResponseCode,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const CHATDASH_DEFAULT_BASE_URL = 'https://api.chat-dash.com/v1/public';

/**
 * What a credential test shows for a redirect, which it does not follow, as the nodes do not (see
 * describeRedirect in nodes/ChatDash/transport): n8n would send the key on to the new address.
 */
export const REDIRECT_TEST_MESSAGE = `ChatDash answered with a redirect, which is not followed, so that the key goes nowhere but the Base URL. Set the Base URL to the address of ChatDash's API (the default is ${CHATDASH_DEFAULT_BASE_URL}).`;

/** Credential test rules giving REDIRECT_TEST_MESSAGE for every redirect status. */
export function redirectTestRules(): IAuthenticateRuleResponseCode[] {
	return [301, 302, 303, 307, 308].map((value) => ({
		type: 'responseCode',
		properties: { value, message: REDIRECT_TEST_MESSAGE },
	}));
}

/** What n8n's credential test shows, per answer of `GET /clients` (see `test.rules`). */
export const CREDENTIAL_TEST_MESSAGES = {
	keyRejected:
		'ChatDash rejected this API key (HTTP 401). Copy the agency API key from your ChatDash agency profile and paste it as it is, without "Bearer".',
	keyForbidden:
		'ChatDash refused this API key (HTTP 403). Use the API key of your agency, from your ChatDash agency profile.',
	notChatDash: `No ChatDash API answered at this Base URL (HTTP 404). Leave the Base URL at ${CHATDASH_DEFAULT_BASE_URL} unless you go through a proxy.`,
} as const;

/** The request with `Authorization` set to the key as it is, as ChatDash's docs show. */
export function withApiKeyHeader(apiKey: unknown, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	requestOptions.headers = { ...requestOptions.headers, Authorization: String(apiKey ?? '') };
	return requestOptions;
}

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

	// A function: n8n would evaluate a generic `={{$credentials.apiKey}}` as an expression per request (~0.8 ms).
	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		withApiKeyHeader(credentials.apiKey, requestOptions);

	// GET /clients is the cheapest documented agency-level read, and it needs a valid key.
	// Without rules n8n's editor shows only the HTTP reason ("Unauthorized"). The docs do not list
	// the error statuses of /clients: 401/403 for a refused key and 404 for a wrong path are the
	// usual meanings, assumed here as in the transport's error messages.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/clients',
			method: 'GET',
			disableFollowRedirect: true,
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: CREDENTIAL_TEST_MESSAGES.keyRejected } },
			{ type: 'responseCode', properties: { value: 403, message: CREDENTIAL_TEST_MESSAGES.keyForbidden } },
			{ type: 'responseCode', properties: { value: 404, message: CREDENTIAL_TEST_MESSAGES.notChatDash } },
			...redirectTestRules(),
		],
	};
}
