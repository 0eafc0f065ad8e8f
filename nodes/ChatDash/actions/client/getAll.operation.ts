/**
 * Client → Get Many: the clients of the agency, one output item per client.
 *
 * Sends   GET {Base URL}/clients   (one request, no query: the docs document no paging)
 * Returns each client of the bare JSON array ChatDash answers with ({_id, name, language,
 *         isSaasClient}), unchanged. Return All outputs them all; otherwise the first Limit of them
 *         (the limit is applied by the node, since ChatDash takes no limit parameter here).
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/get-clients, from the
 * rendered page): a bare array, no envelope, no pagination parameters, no `has_more`; no error
 * response documented.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ChatDashRequest } from '../operation';
import { getListRequestLimit, listFields } from '../common.descriptions';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: "List the agency's clients",
	action: 'Get many clients',
};

export const description: INodeProperties[] = [
	...listFields(),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	return {
		method: 'GET',
		path: ['clients'],
		list: { ...getListRequestLimit(this, itemIndex) },
	};
}
