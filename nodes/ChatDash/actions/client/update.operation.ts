/**
 * Client → Update: changes the name and/or the dashboard language of a client.
 *
 * Sends   PUT {Base URL}/clients/{clientId}
 *         {"name"?, "language"?}   (only the fields set under Update Fields; at least one)
 * Returns ChatDash's answer unchanged, per the docs `{"message": "…"}` (the text is not shown).
 *         The node does not read the client back; use Client → Get for the client as it is now.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/put-clients): only an
 * OLD rendering of this page exists; the current body is unknown. That rendering's body is name,
 * loginId, email, password, language (none required). Only Name and Language are offered: they are
 * in that rendering AND in today's client object
 * (https://docs.chat-dash.com/api-reference/clients/pages/get-client). loginId, email and password
 * are NOT offered: in today's API they belong to client members (Create Client sends them under
 * `member`; change them with Client Member → Update). An Update with nothing to change is refused
 * before sending.
 * ASSUMPTION (as Stripe): an unknown client answers 404, reported as `Client "…" was not found`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { updateFieldsCollection } from '../common.descriptions';
import { languageField, toLanguage } from './fields';
import { clientIdField, clientNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a client's name or dashboard language",
	action: 'Update a client',
};

export const description: INodeProperties[] = [
	{ ...clientIdField, description: 'The client to change' },
	updateFieldsCollection(
		[
			languageField,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'Acme Dental Group',
				description: "The client's new name, sent exactly as entered",
			},
		],
		{
			hint: 'Only the name and the language of a client can be changed here. Login ID, email and password belong to its members: use Client Member → Update.',
		},
	),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);

	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (updateFields.name !== undefined) {
		body.name = getTextParameter(this, 'updateFields.name', 'Name', itemIndex);
	}
	if (updateFields.language !== undefined) {
		body.language = toLanguage(this, updateFields.language, itemIndex);
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add Name or Language under Update Fields', {
			itemIndex,
			description: `Those are the fields this node lets you change on a client; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}

	return {
		method: 'PUT',
		path: ['clients', clientId],
		body,
		notFoundMessage: clientNotFound(clientId),
	};
}
