/**
 * Client Member → Add (value `create`): adds a member (someone who can log in to the client's
 * dashboard) to a client, then reads the client's members back so that the new member's `_id`
 * can feed the next node.
 *
 * Sends   POST {Base URL}/clients/{clientId}/members
 *         {"name", "loginId", "password", "email"?}
 *         then  GET {Base URL}/clients/{clientId}/members  (Fetch Client Members, a bare array).
 * Returns the added member as Fetch Client Members lists it ({_id, clientId, isAdmin, name,
 *         loginId, email}) when exactly one member of the client has exactly the Login ID that was
 *         sent. ChatDash answers the POST with only {"message": "Member added successfully"} (no
 *         ID, per the docs), so the member is found by its login ID: when none or several members
 *         have it (e.g. ChatDash stored it in another case, or such a member existed before), the
 *         node never guesses and outputs ChatDash's answer plus `identified: false` and
 *         `whyNotIdentified`. The password is never output (a `password` in any answer is left out).
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/post-client-members,
 * from its .md variant): name*, loginId*, password*, email; nothing else (no isAdmin: set it
 * afterwards with Client Member → Update). Only 200 is shown: ASSUMPTION (as Stripe) an unknown
 * client answers 404, reported as `Client "…" was not found`. A POST is not idempotent: it is
 * retried only when it provably was not applied: the connection was refused, or ChatDash answered
 * 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getOptionalTextParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { memberClientIdField, withoutPassword } from './fields';
import { clientNotFound } from '../pickers';

export const option: INodePropertyOptions = {
	name: 'Add',
	value: 'create',
	description: 'Add a member to a client, and output the added member',
	action: 'Add a client member',
};

export const description: INodeProperties[] = [
	{ ...memberClientIdField, description: 'The client to add the member to' },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'John Smith',
		description: "The member's name, sent exactly as entered",
	},
	{
		displayName: 'Login ID',
		name: 'loginId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'john.smith',
		description:
			"The member's login ID, sent exactly as entered. The added member is found again by it, to output the member's ID.",
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: "The member's password. It is sent to ChatDash only and never appears in the node's output.",
	},
	additionalFieldsCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The member's email address",
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const clientId = getIdParameter(this, 'clientId', 'Client', itemIndex);
	const loginId = getTextParameter(this, 'loginId', 'Login ID', itemIndex);
	const body: IDataObject = {
		name: getTextParameter(this, 'name', 'Name', itemIndex),
		loginId,
		password: getTextParameter(this, 'password', 'Password', itemIndex),
	};
	const email = getOptionalTextParameter(this, 'additionalFields.email', 'Email', itemIndex);
	if (email !== undefined) body.email = email;

	return {
		method: 'POST',
		path: ['clients', clientId, 'members'],
		body,
		notFoundMessage: clientNotFound(clientId),
		identify: {
			list: {
				method: 'GET',
				path: ['clients', clientId, 'members'],
				notFoundMessage: clientNotFound(clientId),
				list: { returnAll: true, limit: 0 },
			},
			match: (member) => member.loginId === loginId,
			what: `the member with login ID "${loginId}" in client "${clientId}"`,
		},
		present: withoutPassword,
	};
}
