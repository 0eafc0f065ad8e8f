/**
 * Fields and checks shared by the Client Member operations. Members live under their client:
 * `/clients/{clientId}/members[/{memberId}]`; both IDs are ChatDash `_id`s.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { clientIdField } from '../pickers';


/** The client whose members are worked on (Fetch Clients, or its `_id`). */
export const memberClientIdField: INodeProperties = {
	...clientIdField,
	description: 'The client the member belongs to',
};

/**
 * A member as output. The documented member object has no password; should ChatDash ever include
 * one (or a hash of it), it is left out, so that a password never reaches the node's output.
 */
export function withoutPassword(member: IDataObject): IDataObject {
	if (!('password' in member)) return member;
	const rest = { ...member };
	delete rest.password;
	return rest;
}

