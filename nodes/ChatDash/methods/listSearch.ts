/**
 * The "From list" searches of the node's resource locators. ChatDash has no search parameter, so
 * every search reads a list endpoint and filters by the typed text here. Two list styles exist:
 * the Stripe Connect lists (cursor paging, one page per call, n8n asks for more with the cursor)
 * and the others (a bare array, no documented paging: read whole). Each search below is one of
 * them, configured.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { problemWithId } from '../helpers/validation';
import { createChatDashClient, MAX_PAGE_SIZE } from '../transport';
import { selectedAgent } from './loadOptions';

type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

interface StripeListPage {
	has_more?: boolean;
	next_cursor?: string | null;
	[key: string]: unknown;
}

/** Label shown in a "From list" dropdown: the entry's name (when it has one) and its ID. */
export function entryLabel(name: unknown, id: string): string {
	return typeof name === 'string' && name ? `${name} (${id})` : id;
}

/** The entries whose label contains the typed text (any case), as dropdown items. */
function matching(entries: IDataObject[], label: (entry: IDataObject) => string, value: (entry: IDataObject) => string, filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase();
	return entries
		.map((entry) => ({ name: label(entry), value: value(entry) }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));
}

/** Label of a coupon in the Coupon dropdown. */
export function couponLabel(coupon: IDataObject): string {
	return entryLabel(coupon.name, String(coupon.id));
}

/** Label of a subscription: its customer's email (or ID), its product, and its ID. */
export function subscriptionLabel(subscription: IDataObject): string {
	const customer = (subscription.customer ?? {}) as IDataObject;
	const product = (subscription.product ?? {}) as IDataObject;
	const who = [customer.email ?? customer.id, product.name].filter((part) => typeof part === 'string' && part);
	return entryLabel(who.join(' – '), String(subscription.id));
}

/** Label of a transaction: its description and customer's email (as far as present), and its ID. */
export function transactionLabel(transaction: IDataObject): string {
	const customer = (transaction.customer ?? {}) as IDataObject;
	const parts = [transaction.description, customer.email].filter((part) => typeof part === 'string' && part);
	return entryLabel(parts.join(' – '), String(transaction.id));
}

/**
 * A search over a Stripe Connect list of the account in Account ID: one page (up to 100, the
 * documented maximum) per call, filtered by the typed text; the cursor goes back to n8n as
 * `paginationToken` for the next page.
 */
function stripeListSearch(list: {
	/** Path after `/stripe/connect/accounts/{accountId}`. */
	path: readonly string[];
	/** Where the entries are in the answer (`data`, or `subscriptions`). */
	key: string;
	label: (entry: IDataObject) => string;
	/** The entry's ID, what the field receives (default: its `id`). */
	value?: (entry: IDataObject) => string;
	/** What the list is of, for the message when no account is given ("coupon list"). */
	noun: string;
	/** Query parameters beyond the paging ones (e.g. a status filter). */
	qs?: IDataObject;
}): ListSearch {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const accountId = this.getNodeParameter('accountId', '') as unknown;
		if (problemWithId(accountId)) {
			throw new NodeOperationError(this.getNode(), 'Enter an Account ID first', {
				description: `The ${list.noun} is loaded from the connected account given in Account ID.`,
			});
		}
		const account = String(accountId).trim();
		const qs: IDataObject = { ...list.qs, limit: MAX_PAGE_SIZE };
		if (paginationToken) qs.starting_after = paginationToken;
		const page = (await createChatDashClient(this).send({
			method: 'GET',
			path: ['stripe', 'connect', 'accounts', account, ...list.path],
			qs,
			notFoundMessage: `Connected account "${account}" was not found`,
		})) as StripeListPage;
		const entries = Array.isArray(page[list.key]) ? (page[list.key] as IDataObject[]) : [];
		return {
			results: matching(entries, list.label, list.value ?? ((entry) => String(entry.id)), filter),
			paginationToken: page.has_more && page.next_cursor ? page.next_cursor : undefined,
		};
	};
}

/**
 * A search over a list outside Stripe Connect: ChatDash answers a bare array and documents no
 * paging, so the whole list is read and filtered. `path` may depend on other fields of the node
 * (the client of a member list, the agent of a tag list).
 */
function bareListSearch(list: {
	path: (context: ILoadOptionsFunctions) => { segments: readonly string[]; notFoundMessage?: string };
	label: (entry: IDataObject) => string;
}): ListSearch {
	return async function (this: ILoadOptionsFunctions, filter?: string) {
		const { segments, notFoundMessage } = list.path(this);
		const answer = await createChatDashClient(this).send({ method: 'GET', path: segments, notFoundMessage });
		const entries = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		return { results: matching(entries, list.label, (entry) => String(entry._id), filter) };
	};
}

/** Coupons of the account, searchable by name or ID. */
export const searchCoupons = stripeListSearch({ path: ['coupons'], key: 'data', label: couponLabel, noun: 'coupon list' });

/**
 * Products of the account, archived ones included (`status=all`: the list's default is active
 * only, and an archived product can still be read or updated). List entries carry
 * `productId`/`productName` (the docs' sample), not `id`/`name`.
 */
export const searchProducts = stripeListSearch({
	path: ['products'],
	key: 'data',
	label: (product) => entryLabel(product.productName, String(product.productId)),
	value: (product) => String(product.productId),
	noun: 'product list',
	qs: { status: 'all' },
});

/** Subscriptions of the account (the list key is `subscriptions`, per the docs). */
export const searchSubscriptions = stripeListSearch({
	path: ['subscriptions'],
	key: 'subscriptions',
	label: subscriptionLabel,
	noun: 'subscription list',
});

/** Transactions of the account. */
export const searchTransactions = stripeListSearch({
	path: ['transactions'],
	key: 'data',
	label: transactionLabel,
	noun: 'transaction list',
});

/** Clients of the agency (Fetch Clients). */
export const searchClients = bareListSearch({
	path: () => ({ segments: ['clients'] }),
	label: (client) => entryLabel(client.name, String(client._id)),
});

/** Agents of the agency (Fetch Agents). */
export const searchAgents = bareListSearch({
	path: () => ({ segments: ['agents'] }),
	label: (agent) => entryLabel(agent.name, String(agent._id)),
});

/** Members of the client in the node's Client field (Fetch Client Members): name, login ID and ID. */
export const searchClientMembers = bareListSearch({
	path: (context) => {
		const clientId = context.getNodeParameter('clientId', '', { extractValue: true }) as unknown;
		if (problemWithId(clientId)) {
			throw new NodeOperationError(context.getNode(), 'Choose a Client first', {
				description: 'The member list is loaded from the client given in Client.',
			});
		}
		const client = String(clientId).trim();
		return { segments: ['clients', client, 'members'], notFoundMessage: `Client "${client}" was not found` };
	},
	label: (member) =>
		entryLabel([member.name, member.loginId].filter((part) => typeof part === 'string' && part).join(' – '), String(member._id)),
});

/** Lead tags of the agent in the node's Agent field (Fetch Tags). */
export const searchLeadTags = bareListSearch({
	path: (context) => {
		const agentId = selectedAgent(context, 'lead tags');
		return { segments: ['agents', agentId, 'leads', 'tags'], notFoundMessage: `Agent "${agentId}" was not found` };
	},
	label: (tag) => entryLabel(tag.label, String(tag._id)),
});
