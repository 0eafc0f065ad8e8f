/**
 * One wording for HTTP failures, node and trigger: the same sentences, each naming its own
 * credential and giving its own advice; the same request options (timeout, redirects refused).
 */
import type { IHookFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { ChatDashApi } from '../../credentials/ChatDashApi.credentials';
import { ChatDashClientApi } from '../../credentials/ChatDashClientApi.credentials';
import {
	AGENCY_CREDENTIAL,
	DEFAULT_TIMEOUT_MS,
	createChatDashClient,
	describeHttpFailure,
	httpFailureError,
	type ApiCredential,
	type RawResponse,
} from '../../nodes/ChatDash/transport';
import { answerError, CLIENT_CREDENTIAL, sendClientRequest } from '../../nodes/ChatDashTrigger/transport';

const KEY = 'CD.CL.secret-key-9Xq';
const node: INode = { id: '1', name: 'ChatDash', type: 'n8n-nodes-chatdash.chatDash', typeVersion: 1, position: [0, 0], parameters: {} };

/** A context whose authenticated HTTP helper records what it was asked and answers `response`. */
function fakeContext(response: RawResponse) {
	const sent: Array<{ credentialType: string; options: IHttpRequestOptions }> = [];
	const context = {
		getNode: () => node,
		getCredentials: async () => ({ apiKey: KEY, baseUrl: 'https://chatdash.test/v1' }),
		helpers: {
			httpRequestWithAuthentication: async (credentialType: string, options: IHttpRequestOptions) => {
				sent.push({ credentialType, options });
				return response;
			},
		},
	};
	return { context: context as unknown as IHookFunctions, sent };
}

const response = (statusCode: number, body: unknown = {}, headers: RawResponse['headers'] = {}): RawResponse => ({ statusCode, body, headers });
const what = 'create the webhook subscription';
const nodeError = (answer: RawResponse) => httpFailureError(fakeContext(answer).context, answer, { credential: AGENCY_CREDENTIAL, apiKey: KEY, tries: ['x'] });
const triggerError = (answer: RawResponse) =>
	answerError(fakeContext(answer).context, { apiKey: KEY, clientId: 'c1', baseUrl: 'https://chatdash.test/v1' }, { status: answer.statusCode, headers: answer.headers, body: answer.body }, what);

test.each([
	[ChatDashApi, AGENCY_CREDENTIAL],
	[ChatDashClientApi, CLIENT_CREDENTIAL],
] as Array<[new () => { name: string; displayName: string; properties: Array<{ name: string; displayName: string }> }, ApiCredential]>)(
	'the wording names the credential as the editor does: %p',
	(Credential, credential) => {
		const definition = new Credential();
		expect(credential.type).toBe(definition.name);
		expect(credential.name).toBe(definition.displayName);
		expect(definition.properties.find((property) => property.name === 'apiKey')?.displayName).toBe(credential.keyField);
	},
);

describe('the same sentences for both credentials, each naming its own', () => {
	test('401: the node and the trigger share the sentence; each description names its credential and key', () => {
		const body = { error: `Invalid key ${KEY}` };
		const fromNode = nodeError(response(401, body));
		const fromTrigger = triggerError(response(401, body));
		expect(fromNode.message).toBe('ChatDash rejected the API key (HTTP 401)');
		expect(fromTrigger.message).toBe(`Could not ${what}: ChatDash rejected the API key (HTTP 401)`);
		expect(fromNode.description).toMatch(/^Check the API Key in the 'ChatDash API' credential: it must be the agency API key/);
		expect(fromTrigger.description).toMatch(
			/^Check the Client API Key in the 'ChatDash Client API' credential: Webhook Subscriptions need the client API key \(starts with CD\.CL\.\), not the agency key/,
		);
		for (const error of [fromNode, fromTrigger]) {
			expect(error.description).toMatch(/ ChatDash said: "Invalid key \[redacted\]"\.$/);
			expect(error.httpCode).toBe('401');
			expect(JSON.stringify({ ...error, message: error.message, description: error.description })).not.toContain(KEY);
		}
	});

	test('404: the same sentence; the trigger points at its Client ID and the Agent ID', () => {
		const fromNode = nodeError(response(404));
		const fromTrigger = triggerError(response(404));
		expect(fromNode.message).toBe('ChatDash could not find the requested resource (HTTP 404)');
		expect(fromTrigger.message).toBe(`Could not ${what}: ${fromNode.message}`);
		expect(fromNode.description).toBe("Check the IDs in the node's fields.");
		expect(fromTrigger.description).toBe("Check the Client ID in the 'ChatDash Client API' credential and the Agent ID in the node.");
		// A request's own not-found wording wins over the credential's.
		expect(describeHttpFailure(response(404), { notFoundMessage: 'Coupon "C" was not found' }).message).toBe('Coupon "C" was not found');
	});

	test('5xx and other 4xx: the same sentence and ChatDash’s text; the advice is each one’s own', () => {
		const down = response(503, { error: 'Down for maintenance' });
		expect(triggerError(down).message).toBe(`Could not ${what}: ${nodeError(down).message}`);
		expect(nodeError(down).message).toBe('ChatDash server error (HTTP 503): Down for maintenance');
		expect(nodeError(down).description).toBe(
			'The request reached ChatDash but failed on its side. Try again later; if it keeps failing, contact ChatDash support.',
		);
		expect(triggerError(down).description).toBe('The request reached ChatDash but failed on its side. Publish the workflow again later.');
		const refused = response(400, { error: 'events must not be empty' });
		expect(triggerError(refused).message).toBe(`Could not ${what}: ChatDash rejected the request (HTTP 400): events must not be empty`);
		expect(triggerError(refused).description).toContain("the Client ID in the 'ChatDash Client API' credential");
	});

	test('429: both pass on ChatDash’s wait; only the node retries, and says so', () => {
		const limited = response(429, {}, { 'retry-after': '2' });
		expect(nodeError(limited).message).toBe('ChatDash rate limit reached (HTTP 429)');
		expect(triggerError(limited).message).toBe(`Could not ${what}: ChatDash rate limit reached (HTTP 429)`);
		expect(nodeError(limited).description).toMatch(/^ChatDash asked to wait 2 seconds before retrying\. .*'Max Attempts'.* Tried once\.$/);
		expect(triggerError(limited).description).toBe(
			'ChatDash asked to wait 2 seconds before retrying. The trigger does not retry: publish the workflow again later.',
		);
	});

	test('a redirect: the same refusal, each pointing at its own Base URL', () => {
		const moved = response(301, '', { location: 'https://elsewhere.test/v1' });
		for (const credential of [AGENCY_CREDENTIAL, CLIENT_CREDENTIAL]) {
			const { message, description } = describeHttpFailure(moved, { credential });
			expect(message).toBe('ChatDash answered with a redirect (HTTP 301) to https://elsewhere.test/v1');
			expect(description).toContain(`Check the Base URL in the '${credential.name}' credential`);
		}
	});
});

describe('the same request options for both', () => {
	test('the node and the trigger send with the same timeout, refuse redirects, and use their own credential type', async () => {
		const ok = response(200, { ok: true });
		const fromNode = fakeContext(ok);
		await createChatDashClient(fromNode.context as never).send({ method: 'GET', path: ['agents'] });
		const asClient = fakeContext(ok);
		await createChatDashClient(asClient.context as never, { credential: CLIENT_CREDENTIAL }).send({ method: 'GET', path: ['agents'] });
		const fromTrigger = fakeContext(ok);
		await sendClientRequest(fromTrigger.context, { apiKey: KEY, clientId: 'c1', baseUrl: 'https://chatdash.test/v1' }, {
			method: 'GET',
			path: ['webhooks', 'subscriptions'],
		});
		expect([fromNode, asClient, fromTrigger].map(({ sent }) => sent[0].credentialType)).toEqual([
			'chatDashApi',
			'chatDashClientApi',
			'chatDashClientApi',
		]);
		for (const { sent } of [fromNode, asClient, fromTrigger]) {
			expect(sent).toHaveLength(1);
			expect(sent[0].options).toMatchObject({ timeout: DEFAULT_TIMEOUT_MS, disableFollowRedirect: true, ignoreHttpStatusErrors: true, json: true });
		}
	});

	test('the trigger refuses a redirect in the shared words, once, naming its credential', async () => {
		const moved = response(302, '', { location: 'https://elsewhere.test/v1/webhooks' });
		const { context, sent } = fakeContext(moved);
		const error = await sendClientRequest(context, { apiKey: KEY, clientId: 'c1', baseUrl: 'https://chatdash.test/v1' }, {
			method: 'POST',
			path: ['webhooks', 'subscriptions'],
		}).then(
			() => undefined,
			(reason: Error & { description?: string }) => reason,
		);
		expect(error?.message).toBe('ChatDash answered with a redirect (HTTP 302) to https://elsewhere.test/v1/webhooks');
		expect(error?.description).toContain("Check the Base URL in the 'ChatDash Client API' credential");
		expect(sent).toHaveLength(1);
	});
});
