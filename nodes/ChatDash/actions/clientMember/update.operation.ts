/**
 * Client Member → Update: changes a member's name, login ID, email, password or admin flag.
 *
 * Sends   PUT {Base URL}/clients/{clientId}/members/{memberId}
 *         {"name"?, "loginId"?, "email"?, "password"?, "isAdmin"?}
 *         (only the fields set under Update Fields; at least one)
 * Returns ChatDash's answer unchanged, per the docs {"message": "Member updated successfully"}.
 *         The node does not read the member back (use Client Member → Get Many). The password is
 *         never output.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/put-client-members):
 * the body is name, loginId, email, password, isAdmin (boolean, default false), none required; the
 * .md excerpt stops after isAdmin and the rendered page shows no more fields, so nothing else is
 * sent. An Update with nothing to change is refused before sending. ASSUMPTION (as Stripe): an
 * unknown client or member answers 404, reported as `Member "…" was not found in client "…"`.
 * No endpoint to remove a member is documented.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getOptionalTextParameter, getTextParameter, toBoolean } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { updateFieldsCollection } from '../common.descriptions';
import { memberClientIdField, withoutPassword } from './fields';
import { memberIdField, memberNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a client member's name, login ID, email, password or admin rights",
	action: 'Update a client member',
};

export const description: INodeProperties[] = [
	memberClientIdField,
	{ ...memberIdField, description: 'The member to change (choose the Client first)' },
	updateFieldsCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The member's new email address",
		},
		{
			displayName: 'Is Admin',
			name: 'isAdmin',
			type: 'boolean',
			default: false,
			description: 'Whether the member has admin privileges in the client',
		},
		{
			displayName: 'Login ID',
			name: 'loginId',
			type: 'string',
			default: '',
			placeholder: 'john.smith',
			description: "The member's new login ID, sent exactly as entered",
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'John Smith',
			description: "The member's new name, sent exactly as entered",
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "The member's new password. It is sent to ChatDash only and never appears in the node's output.",
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	const memberId = getIdParameter(this, 'memberId', 'Member', itemIndex);

	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (updateFields.name !== undefined) body.name = getTextParameter(this, 'updateFields.name', 'Name', itemIndex);
	if (updateFields.loginId !== undefined) {
		body.loginId = getTextParameter(this, 'updateFields.loginId', 'Login ID', itemIndex);
	}
	if (updateFields.email !== undefined) {
		const email = getOptionalTextParameter(this, 'updateFields.email', 'Email', itemIndex);
		if (email === undefined) {
			throw new NodeOperationError(this.getNode(), 'The Email is empty', {
				itemIndex,
				description: `Set 'Email' to a valid value for item ${itemIndex + 1}, or remove it from Update Fields; nothing was sent to ChatDash for this item.`,
			});
		}
		body.email = email;
	}
	if (updateFields.password !== undefined) {
		body.password = getTextParameter(this, 'updateFields.password', 'Password', itemIndex);
	}
	if (updateFields.isAdmin !== undefined) body.isAdmin = toBoolean(this, updateFields.isAdmin, 'Is Admin', itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'Nothing to update: add Name, Login ID, Email, Password or Is Admin under Update Fields',
			{
				itemIndex,
				description: `Those are the fields ChatDash lets you change on a client member; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
			},
		);
	}

	return {
		method: 'PUT',
		path: ['clients', clientId, 'members', memberId],
		body,
		notFoundMessage: memberNotFound(memberId, clientId),
		present: withoutPassword,
	};
}
