/**
 * Fields and checks shared by the Client Member operations. Members live under their client:
 * `/clients/{clientId}/members[/{memberId}]`; both IDs are ChatDash `_id`s.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../common.descriptions';
import { clientIdField } from '../client/fields';

/** The client whose members are worked on (Fetch Clients, or its `_id`). */
export const memberClientIdField: INodeProperties = {
	...clientIdField,
	description: 'The client the member belongs to',
};

/** A member of the client in Client, picked from Fetch Client Members or typed by its `_id`. */
export const memberIdField: INodeProperties = idLocatorField({
	displayName: 'Member',
	name: 'memberId',
	description: 'The member of the client to work on (choose the Client first)',
	searchListMethod: 'searchClientMembers',
	listPlaceholder: 'Select a member...',
	idPlaceholder: '6650b2c2e4b0f3a1d2c3b4a5',
	idHint: 'The ChatDash member ID: the _id of a member (24 hexadecimal characters), as Add or Get Many output it',
});

/** The 404 wording of a call on one member. */
export function memberNotFound(memberId: string, clientId: string): string {
	return `Member "${memberId}" was not found in client "${clientId}"`;
}

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

