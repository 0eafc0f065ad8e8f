/**
 * Client Member → Get Many: the members of a client, one output item per member.
 *
 * Sends   GET {Base URL}/clients/{clientId}/members   (one request, no query: the docs document no paging)
 * Returns each member of the bare JSON array ChatDash answers with ({_id, clientId, isAdmin, name,
 *         loginId, email}), unchanged except that a `password`, which the documented member object
 *         does not have, would be left out. Return All outputs them all; otherwise the first Limit
 *         of them (applied by the node, since ChatDash takes no limit parameter here).
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/get-client-members,
 * from the rendered page): the member object is complete; a bare array, no pagination; no error
 * response documented. ASSUMPTION (as Stripe): an unknown client answers 404, reported as `Client
 * "…" was not found`.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { getListRequestLimit, listFields } from '../common.descriptions';
import { memberClientIdField, withoutPassword } from './fields';
import { clientNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List a client's members",
	action: 'Get many client members',
};

export const description: INodeProperties[] = [
	{ ...memberClientIdField, description: 'The client whose members to list' },
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	return {
		method: 'GET',
		path: ['clients', clientId, 'members'],
		notFoundMessage: clientNotFound(clientId),
		list: { ...getListRequestLimit(this, itemIndex) },
		present: withoutPassword,
	};
}
