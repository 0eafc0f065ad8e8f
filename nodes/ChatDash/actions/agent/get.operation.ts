/**
 * Agent → Get: reads one agent of the agency.
 *
 * Sends   GET {Base URL}/agents/{agentId}
 * Returns the agent ChatDash answers with (_id, clientId, name, platform, apiId, agentConfig{…}),
 *         without apiKey and platformCredentials unless Include Platform Credentials is on.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/get-agent, from the
 * rendered page): the fields above; platformCredentials' and agentConfig's sub-fields only in the
 * sample. No error response is documented: ASSUMPTION (as Stripe) an unknown agent answers 404,
 * reported as `Agent "…" was not found`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField, includePlatformCredentialsOption, agentPresenter } from './fields';
import { agentNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: "Get an agent's name, platform, client and settings",
	action: 'Get an agent',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, description: 'The agent to read' },
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [includePlatformCredentialsOption];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	return {
		method: 'GET',
		path: ['agents', agentId],
		notFoundMessage: agentNotFound(agentId),
		present: agentPresenter(this, itemIndex),
	};
}
