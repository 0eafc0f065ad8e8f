/**
 * Client → Get: one client of the agency.
 *
 * Sends   GET {Base URL}/clients/{clientId}
 * Returns the client object ChatDash answers with ({_id, name, language, isSaasClient}), unchanged.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/get-client, from the
 * rendered page): the object is complete; no error response is documented. ASSUMPTION (as Stripe):
 * an unknown client answers 404, reported as `Client "…" was not found`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { clientIdField, clientNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a client of the agency by its ID',
	action: 'Get a client',
};

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The client to get' },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	return {
		method: 'GET',
		path: ['clients', clientId],
		notFoundMessage: clientNotFound(clientId),
	};
}
