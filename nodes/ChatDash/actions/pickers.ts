/**
 * Every ID picker of the node and the not-found wording of what it picks, in one place: each kind
 * of object is picked the same way (From list / By ID, the same hint) wherever an operation takes
 * one, and a 404 names it the same way. An operation may give a picker its own description.
 * Read a picker with getIdParameter (helpers/validation.ts): either mode gives one path segment.
 */
import type { INodeProperties } from 'n8n-workflow';

/**
 * An object of the connected account, picked from a searchable list (the `searchListMethod` of
 * methods/listSearch.ts) or typed by ID. Read it with getIdParameter: either way it is one path segment.
 */
export function idLocatorField(field: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	/** What the list shows before a choice, e.g. "Select a coupon...". */
	listPlaceholder: string;
	/** An example ID for the By ID mode. */
	idPlaceholder: string;
	idHint: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: field.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: field.listPlaceholder,
				typeOptions: {
					searchListMethod: field.searchListMethod,
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.idPlaceholder,
				hint: field.idHint,
			},
		],
	};
}

/**
 * An agent of the agency, picked from Fetch Agents (searchAgents) or typed by ID: one picker for
 * every operation that works on an agent; `description` says what for.
 */
export function agentPickerField(description: string): INodeProperties {
	return idLocatorField({
		displayName: 'Agent',
		name: 'agentId',
		description,
		searchListMethod: 'searchAgents',
		listPlaceholder: 'Select an agent...',
		idPlaceholder: '65a1f0c2e4b0a1b2c3d4e5f6',
		idHint: 'The ChatDash agent ID (its _id, 24 hexadecimal characters)',
	});
}

/** A client of the agency, picked from Fetch Clients (searchable by name) or typed by its `_id`. */
export const clientIdField: INodeProperties = idLocatorField({
	displayName: 'Client',
	name: 'clientId',
	description: 'The client to work on',
	searchListMethod: 'searchClients',
	listPlaceholder: 'Select a client...',
	idPlaceholder: '6650a1c2e4b0f3a1d2c3b4a5',
	idHint: 'The ChatDash client ID: the _id of a client (24 hexadecimal characters), as Create Client or Get Many output it',
});

/** A coupon of the connected account, picked from a searchable list or typed by ID. */
export const couponIdField: INodeProperties = idLocatorField({
	displayName: 'Coupon',
	name: 'couponId',
	description: 'The coupon to work on',
	searchListMethod: 'searchCoupons',
	listPlaceholder: 'Select a coupon...',
	idPlaceholder: 'SUMMER20',
	idHint: 'The Stripe coupon ID, e.g. SUMMER20 or Z4OV52SU',
});

/** A lead tag of the agent in Agent, picked from Fetch Tags (searchLeadTags) or typed by ID. */
export const tagField: INodeProperties = idLocatorField({
	displayName: 'Tag',
	name: 'tagId',
	description: 'The lead tag to work on (one of the agent’s tags)',
	searchListMethod: 'searchLeadTags',
	listPlaceholder: 'Select a tag...',
	idPlaceholder: '65a1f0c2e4b0a1b2c3d4e5f7',
	idHint: 'The ChatDash tag ID (its _id), as Lead Tag → Get Many outputs it',
});

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

/**
 * A product of the connected account, picked from a searchable list (methods/listSearch.ts
 * `searchProducts`: List Products entries, whose ID is `productId`) or typed by ID.
 */
export const productIdField: INodeProperties = idLocatorField({
	displayName: 'Product',
	name: 'productId',
	description: 'The product to work on',
	searchListMethod: 'searchProducts',
	listPlaceholder: 'Select a product...',
	idPlaceholder: 'prod_ABC123XYZ',
	idHint: 'The Stripe product ID, starting with prod_ (the productId of a listed product)',
});

/** A subscription of the connected account, picked from a searchable list or typed by ID. */
export const subscriptionIdField: INodeProperties = idLocatorField({
	displayName: 'Subscription',
	name: 'subscriptionId',
	description: 'The subscription to work on',
	searchListMethod: 'searchSubscriptions',
	listPlaceholder: 'Select a subscription...',
	idPlaceholder: 'sub_1ABC123DEF456GHI',
	idHint: 'The Stripe subscription ID (sub_…), or a subscription schedule ID (sub_sched_…)',
});

/** A transaction (payment intent) of the connected account, picked from a searchable list or typed by ID. */
export const transactionIdField: INodeProperties = idLocatorField({
	displayName: 'Transaction',
	name: 'transactionId',
	description: 'The transaction to work on',
	searchListMethod: 'searchTransactions',
	listPlaceholder: 'Select a transaction...',
	idPlaceholder: 'pi_3ABC123DEF456GHI',
	idHint: 'The Stripe payment intent ID, starting with pi_',
});

/**
 * The conversation, as ChatDash's `_id`. There is no agent-independent conversation search, so it
 * is a plain field: typically an expression over a previous Get Many.
 */
export const conversationIdField: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '65b2a1f0c2e4b0a1b2c3d4e5',
	description: "The ChatDash ID of the conversation (the conversation's _id)",
	hint: 'E.g. {{ $json._id }} after Conversation → Get Many',
};

// ---- What a 404 means, in the words of the IDs to check ----------------------------------------

export const agentNotFound = (agentId: string) => `Agent "${agentId}" was not found`;
export const clientNotFound = (clientId: string) => `Client "${clientId}" was not found`;
export const memberNotFound = (memberId: string, clientId: string) => `Member "${memberId}" was not found in client "${clientId}"`;
export const conversationNotFound = (conversationId: string, agentId: string) =>
	`Conversation "${conversationId}" was not found for agent "${agentId}"`;
export const leadNotFound = (leadId: string, agentId: string) => `Lead "${leadId}" was not found for agent "${agentId}"`;
export const tagNotFound = (tagId: string, agentId: string) => `Tag "${tagId}" was not found for agent "${agentId}"`;
export const accountNotFound = (accountId: string) => `Connected account "${accountId}" was not found`;

/** A 404 on one Stripe object of a connected account: `what` is its name, e.g. "Coupon". */
export const notFoundInAccount = (what: string, id: string, accountId: string) =>
	`${what} "${id}" was not found in connected account "${accountId}"`;
export const productNotFound = (productId: string, accountId: string) => notFoundInAccount('Product', productId, accountId);
