/**
 * Agent → Assign to Client: assigns one or more existing agents to a client, in one call.
 *
 * Sends   PUT {Base URL}/agents/assign
 *         {"agentIds": ["<agentId>", …], "clientId": "<clientId>"}
 * Returns what ChatDash answers, as the item's JSON: per the docs
 *         {"message": "Agent assigned to client successfully"}.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/put-agents-assign, from
 * its .md variant): agentIds* (array of strings) and clientId* are required; 200 {message}; a '500'
 * whose body is cut. Agent IDs are given as a list (an expression giving an array, JSON array text,
 * or IDs separated by commas or new lines); each must be non-empty text, repeats are sent once, and
 * an empty list is refused before sending. The help centre says "Agents can only be assigned to one
 * client"; what ChatDash does with an agent already assigned to another client is not documented
 * (the emulator moves it: an ASSUMPTION). ASSUMPTION (as Stripe) an unknown client or agent answers
 * 404, reported with the IDs sent.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdListParameter, getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { clientIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Assign to Client',
	value: 'assign',
	description: 'Assign one or more agents to a client',
	action: 'Assign agents to a client',
};

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The client to assign the agents to' },
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '65a1f0c2e4b0a1b2c3d4e5f6, 65a1f0c2e4b0a1b2c3d4e5f7',
		description:
			'The IDs of the agents to assign: separated by commas, or an expression that gives an array of IDs',
		hint: 'e.g. {{ $json.agentIds }} for an array of IDs. An agent can be assigned to only one client.',
	},
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	const agentIds = getIdListParameter(this, 'agentIds', 'Agent IDs', itemIndex);
	return {
		method: 'PUT',
		path: ['agents', 'assign'],
		body: { agentIds, clientId },
		notFoundMessage: `Client "${clientId}" or one of the agents ${agentIds.map((id) => `"${id}"`).join(', ')} was not found`,
	};
}
