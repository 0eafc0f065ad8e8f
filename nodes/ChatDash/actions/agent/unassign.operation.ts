/**
 * Agent → Unassign From Client: removes an agent from the client it is assigned to.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/unassign
 *         {"clientId": "<clientId>"}
 * Returns what ChatDash answers, as the item's JSON: per the docs
 *         {"message": "Agent unassigned from client successfully"}.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/put-agents-unassign,
 * from its .md variant): clientId* ("The ID of the client to unassign the agent from") is the whole
 * body; 200 {message}; a '500' whose body is cut. What ChatDash answers for an agent not assigned
 * to that client is not documented (the emulator answers 400: an ASSUMPTION). ASSUMPTION (as
 * Stripe) an unknown agent or client answers 404, reported with both IDs.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { agentIdField } from './fields';
import { clientIdField } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Unassign From Client',
	value: 'unassign',
	description: 'Remove an agent from its client',
	action: 'Unassign an agent from a client',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, description: 'The agent to unassign' },
	{ ...clientIdField, description: 'The client the agent is assigned to now' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	return {
		method: 'PUT',
		path: ['agents', agentId, 'unassign'],
		body: { clientId },
		notFoundMessage: `Agent "${agentId}" or client "${clientId}" was not found`,
	};
}
