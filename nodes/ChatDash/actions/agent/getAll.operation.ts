/**
 * Agent → Get Many: lists the agents of the agency, or those assigned to one client; one output
 * item per agent.
 *
 * Sends   GET {Base URL}/agents                       (Filter by Client off: Fetch Agents)
 *    or   GET {Base URL}/clients/{clientId}/agents    (Filter by Client on: Fetch Client Agents)
 *         No query parameters: the docs document no paging for either, so it is one request and
 *         Limit is applied to the array ChatDash returns.
 * Returns each agent of the (bare JSON array) answer, without apiKey and platformCredentials
 *         unless Include Platform Credentials is on.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/get-agents,
 * https://docs.chat-dash.com/api-reference/agents/pages/get-client-agents): both answer a bare
 * array of agents; no paging, filter or error responses except a '500' without a documented body on
 * Fetch Client Agents. ASSUMPTION (as Stripe) an unknown client answers 404, reported as `Client
 * "…" was not found`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, toBoolean } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { getListRequestLimit, listFields } from '../common.descriptions';
import { includePlatformCredentialsOption, agentPresenter } from './fields';
import { clientIdField, clientNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List the agency's agents, or one client's",
	action: 'Get many agents',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Filter by Client',
		name: 'filterByClient',
		type: 'boolean',
		default: false,
		description: 'Whether to list only the agents assigned to one client',
	},
	{
		...clientIdField,
		description: 'The client whose agents to list',
		displayOptions: { show: { filterByClient: [true] } },
	},
	...listFields(),
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [includePlatformCredentialsOption];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const filterByClient = toBoolean(this, this.getNodeParameter('filterByClient', itemIndex, false), 'Filter by Client', itemIndex);
	const list = getListRequestLimit(this, itemIndex);
	const present = agentPresenter(this, itemIndex);
	if (!filterByClient) return { method: 'GET', path: ['agents'], list, present };

	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	return {
		method: 'GET',
		path: ['clients', clientId, 'agents'],
		notFoundMessage: clientNotFound(clientId),
		list,
		present,
	};
}
