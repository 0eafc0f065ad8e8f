/**
 * Requests of the ChatDash Trigger to the Webhook Subscriptions endpoints, with the client
 * credential `chatDashClientApi`, through the shared transport's single try (`sendOnce`) and its
 * URL, redirect, redaction and network-error wording. One try per request: these calls run when a
 * workflow is published or unpublished, where n8n reports a failure to the user, who can publish
 * again.
 *
 * Failures become a NodeApiError built from the status and the redacted answer only: the request
 * headers, and with them the client key, never reach an error or a log line.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CHATDASH_DEFAULT_BASE_URL } from '../../credentials/ChatDashApi.credentials';
import {
	buildUrl,
	describeRedirect,
	extractApiMessage,
	isRedirect,
	networkFailureError,
	redactSecret,
	sendOnce,
} from '../ChatDash/transport';

export const CLIENT_CREDENTIAL_TYPE = 'chatDashClientApi';

const TIMEOUT_MS = 30_000;

export interface ClientCredentials {
	apiKey: string;
	clientId: string;
	baseUrl: string;
}

/** The answer of a request that reached ChatDash, whatever its status. */
export interface ClientAnswer {
	status: number;
	body: unknown;
}

export async function getClientCredentials(context: IHookFunctions): Promise<ClientCredentials> {
	const data = (await context.getCredentials(CLIENT_CREDENTIAL_TYPE)) as ICredentialDataDecryptedObject;
	const clientId = typeof data.clientId === 'string' ? data.clientId.trim() : '';
	if (!clientId) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: "The 'ChatDash Client API' credential has no Client ID",
			description: 'Enter the ID of the client whose client API key (starts with CD.CL.) the credential holds.',
		});
	}
	const baseUrl = typeof data.baseUrl === 'string' && data.baseUrl.trim() ? data.baseUrl.trim() : CHATDASH_DEFAULT_BASE_URL;
	return { apiKey: String(data.apiKey ?? ''), clientId, baseUrl };
}

/**
 * Sends one request and returns its status and parsed body; a failed connection and a redirect
 * (not followed, see describeRedirect) are thrown as a NodeApiError saying where.
 */
export async function sendClientRequest(
	context: IHookFunctions,
	credentials: ClientCredentials,
	request: { method: IHttpRequestMethods; path: readonly string[]; qs?: IDataObject; body?: IDataObject },
): Promise<ClientAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: buildUrl(credentials.baseUrl, request.path),
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	const outcome = await sendOnce(context, CLIENT_CREDENTIAL_TYPE, options);
	if (outcome.kind === 'network') {
		throw networkFailureError(context, outcome, {
			baseUrl: credentials.baseUrl,
			apiKey: credentials.apiKey,
			credentialName: 'ChatDash Client API',
		});
	}
	const { response } = outcome;
	if (isRedirect(response.statusCode)) {
		const { message, description } = describeRedirect(response, 'ChatDash Client API');
		throw new NodeApiError(context.getNode(), { httpCode: String(response.statusCode) } as JsonObject, {
			message: redactSecret(message, credentials.apiKey),
			description,
			httpCode: String(response.statusCode),
		});
	}
	return { status: response.statusCode, body: redactSecret(response.body, credentials.apiKey) };
}

/** The error for an answer the trigger cannot go on with. `what` says what was being done. */
export function answerError(
	context: IHookFunctions,
	credentials: ClientCredentials,
	answer: ClientAnswer,
	what: string,
): NodeApiError {
	const apiMessage = extractApiMessage(answer.body);
	const said = apiMessage ? ` ChatDash said: "${apiMessage}".` : '';
	let description: string;
	if (answer.status === 401 || answer.status === 403) {
		description =
			"Check the 'ChatDash Client API' credential: Webhook Subscriptions need the client API key (starts with CD.CL.), not the agency key, and the Client ID of that client.";
	} else if (answer.status === 404) {
		description = "Check the Client ID in the 'ChatDash Client API' credential and the Agent ID in the node.";
	} else if (answer.status >= 500) {
		description = 'The request reached ChatDash but failed on its side. Publish the workflow again later.';
	} else {
		description = "Check the Agent ID and the events in the node, and the Client ID in the 'ChatDash Client API' credential.";
	}
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(answer.status), body: (answer.body ?? null) as JsonObject } as JsonObject,
		{
			message: redactSecret(`ChatDash refused to ${what} (HTTP ${answer.status})`, credentials.apiKey),
			description: redactSecret(description + said, credentials.apiKey),
			httpCode: String(answer.status),
		},
	);
}
