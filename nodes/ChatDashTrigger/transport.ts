/**
 * Requests of the ChatDash Trigger to the Webhook Subscriptions endpoints, with the client
 * credential `chatDashClientApi`, through the shared transport: its request options (timeout,
 * redirects refused), single try (`sendOnce`) and failure wording, with the client key's own
 * advice (CLIENT_CREDENTIAL). One try per request: these calls run when a workflow is published
 * or unpublished, where n8n reports a failure to the user, who can publish again.
 */
import type { ICredentialDataDecryptedObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	baseUrlOf,
	httpFailureError,
	isRedirect,
	networkFailureError,
	redactSecret,
	requestOptions,
	sendOnce,
	type ApiCredential,
	type ApiRequest,
	type RawResponse,
} from '../ChatDash/transport';

const CLIENT_CREDENTIAL_NAME = 'ChatDash Client API';

/** The client key (credentials/ChatDashClientApi.credentials.ts), which Webhook Subscriptions take. */
export const CLIENT_CREDENTIAL: ApiCredential = {
	type: 'chatDashClientApi',
	name: CLIENT_CREDENTIAL_NAME,
	keyField: 'Client API Key',
	advice: {
		key: 'Webhook Subscriptions need the client API key (starts with CD.CL.), not the agency key, and the Client ID of that client.',
		notFound: `Check the Client ID in the '${CLIENT_CREDENTIAL_NAME}' credential and the Agent ID in the node.`,
		rateLimited: 'The trigger does not retry: publish the workflow again later.',
		serverError: 'Publish the workflow again later.',
		rejected: `Check the Agent ID and the events in the node, and the Client ID in the '${CLIENT_CREDENTIAL_NAME}' credential.`,
	},
};

export interface ClientCredentials {
	apiKey: string;
	clientId: string;
	baseUrl: string;
}

/** The answer of a request that reached ChatDash, whatever its status; the body is redacted. */
export interface ClientAnswer {
	status: number;
	headers: RawResponse['headers'];
	body: unknown;
}

export async function getClientCredentials(context: IHookFunctions): Promise<ClientCredentials> {
	const data = (await context.getCredentials(CLIENT_CREDENTIAL.type)) as ICredentialDataDecryptedObject;
	const clientId = typeof data.clientId === 'string' ? data.clientId.trim() : '';
	if (!clientId) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: `The '${CLIENT_CREDENTIAL_NAME}' credential has no Client ID`,
			description: 'Enter the ID of the client whose client API key (starts with CD.CL.) the credential holds.',
		});
	}
	return { apiKey: String(data.apiKey ?? ''), clientId, baseUrl: baseUrlOf(data) };
}

/**
 * Sends one request and returns its status and parsed body; a failed connection and a redirect
 * (not followed, see describeRedirect) are thrown as a NodeApiError saying where.
 */
export async function sendClientRequest(
	context: IHookFunctions,
	credentials: ClientCredentials,
	request: Pick<ApiRequest, 'method' | 'path' | 'qs' | 'body'>,
): Promise<ClientAnswer> {
	const { apiKey, baseUrl } = credentials;
	const outcome = await sendOnce(context, CLIENT_CREDENTIAL.type, requestOptions(baseUrl, request));
	if (outcome.kind === 'network') {
		throw networkFailureError(context, outcome, { baseUrl, apiKey, credential: CLIENT_CREDENTIAL });
	}
	const { response } = outcome;
	if (isRedirect(response.statusCode)) throw httpFailureError(context, response, { credential: CLIENT_CREDENTIAL, apiKey });
	return { status: response.statusCode, headers: response.headers, body: redactSecret(response.body, apiKey) };
}

/** The error for an answer the trigger cannot go on with. `what` says what was being done. */
export function answerError(
	context: IHookFunctions,
	credentials: ClientCredentials,
	answer: ClientAnswer,
	what: string,
): NodeApiError {
	const response: RawResponse = { statusCode: answer.status, headers: answer.headers, body: answer.body };
	return httpFailureError(context, response, { credential: CLIENT_CREDENTIAL, apiKey: credentials.apiKey, step: what });
}
