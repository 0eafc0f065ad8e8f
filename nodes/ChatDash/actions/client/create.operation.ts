/**
 * Client → Create: creates a client of the agency together with its first member (who can log in
 * to the client's dashboard), then reads the client back so that its `_id` can feed the next node.
 *
 * Sends   POST {Base URL}/clients
 *         {"client": {"name", "language"},
 *          "member": {"name", "loginId", "password", "email"?}}
 *         then  GET {Base URL}/clients  (Fetch Clients, a bare array) to find the created client.
 * Returns the created client as Fetch Clients lists it ({_id, name, language, isSaasClient}) when
 *         exactly one client has exactly the Client Name that was sent. ChatDash answers the POST
 *         with only {"message": "Client created successfully"} (no ID, per the docs), so the client
 *         is found by its name: when none or several clients have that name (e.g. a client of the
 *         same name existed before), the node never guesses and outputs ChatDash's answer plus
 *         `identified: false` and `whyNotIdentified`. The member's password is never output.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/clients/pages/post-clients): the body
 * is `client` (name*, language*, default "en", "ISO 639-1") and `member` (name, loginId, email,
 * password), both required. The page is cut at `member.password`: its type and the member's
 * `required` list are not visible. ASSUMPTION: Name, Login ID and Password are required, as in Add
 * Client Member (https://docs.chat-dash.com/api-reference/clients/pages/post-client-members) and in
 * ChatDash's "Add a client" help article; Email is optional (it is optional in Add Client Member).
 * `language` is documented only as "ISO 639-1" (default "en"), with no narrower list: the dropdown
 * offers the ISO 639-1 codes (fields.ts), and which of them ChatDash's dashboard translates is not
 * documented.
 * Nothing else is sent (no isSaasClient, no isAdmin: the docs show neither in this body). A POST is
 * not idempotent: it is retried only when it provably was not applied: the connection was refused,
 * or ChatDash answered 429 (retry.ts); the read-back GET is retried like any GET, and if it fails
 * the item still succeeds, unidentified.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getOptionalTextParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { languageField, toLanguage } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create a client with its first member, and output the created client',
	action: 'Create a client',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Client Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Acme Dental',
		description:
			"The client's name, sent exactly as entered. The created client is found again by this exact name, so a name no other client has lets the node output the new client's ID.",
	},
	{ ...languageField, required: true },
	{
		displayName: 'Member Name',
		name: 'memberName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Jane Doe',
		description: "The name of the client's first member, the person who logs in to the client's dashboard",
	},
	{
		displayName: 'Member Login ID',
		name: 'loginId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'jane.doe',
		description: "The first member's login ID, sent exactly as entered",
	},
	{
		displayName: 'Member Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: "The first member's password. It is sent to ChatDash only and never appears in the node's output.",
	},
	additionalFieldsCollection([
		{
			displayName: 'Member Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: "The first member's email address",
		},
	]),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const name = getTextParameter(this, 'name', 'Client Name', itemIndex);
	const language = toLanguage(this, this.getNodeParameter('language', itemIndex), itemIndex);
	const member: IDataObject = {
		name: getTextParameter(this, 'memberName', 'Member Name', itemIndex),
		loginId: getTextParameter(this, 'loginId', 'Member Login ID', itemIndex),
		password: getTextParameter(this, 'password', 'Member Password', itemIndex),
	};
	const email = getOptionalTextParameter(this, 'additionalFields.email', 'Member Email', itemIndex);
	if (email !== undefined) member.email = email;

	return {
		method: 'POST',
		path: ['clients'],
		body: { client: { name, language }, member },
		identify: {
			list: { method: 'GET', path: ['clients'], list: { returnAll: true, limit: 0 } },
			match: (client) => client.name === name,
			what: `the client named "${name}"`,
		},
	};
}
