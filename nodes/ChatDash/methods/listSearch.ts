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

interface StripeListPage {
	has_more?: boolean;
	next_cursor?: string | null;
	[key: string]: unknown;
}

/** Label shown in a "From list" dropdown: the entry's name (when it has one) and its ID. */
export function entryLabel(name: unknown, id: string): string {
	return typeof name === 'string' && name ? `${name} (${id})` : id;
}

/** Label of a coupon in the Coupon dropdown. */
export function couponLabel(coupon: IDataObject): string {
	return entryLabel(coupon.name, String(coupon.id));
}

/**
 * The "From list" search of a Stripe Connect list endpoint of the account in Account ID: one
 * page (up to 100, the documented maximum) per call, filtered by the search text on the label.
 * The API has no search parameter, so filtering happens here, page by page; n8n asks for the
 * next page with the cursor returned as `paginationToken`.
 */
export async function searchStripeList(
	context: ILoadOptionsFunctions,
	list: {
		/** Path after `/stripe/connect/accounts/{accountId}`. */
		path: readonly string[];
		/** Where the entries are in the answer (`data`, or `subscriptions`). */
		key: string;
		/** The dropdown label of an entry. */
		label: (entry: IDataObject) => string;
		/** The entry's ID, what the field receives (default: its `id`). */
		value?: (entry: IDataObject) => string;
		/** What the list is of, for the message when no account is given ("coupon list"). */
		noun: string;
		/** Query parameters of the list endpoint beyond the paging ones (e.g. a status filter). */
		qs?: IDataObject;
	},
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const accountId = context.getNodeParameter('accountId', '') as unknown;
	if (problemWithId(accountId)) {
		throw new NodeOperationError(context.getNode(), 'Enter an Account ID first', {
			description: `The ${list.noun} is loaded from the connected account given in Account ID.`,
		});
	}
	const account = String(accountId).trim();
	const qs: IDataObject = { ...list.qs, limit: MAX_PAGE_SIZE };
	if (paginationToken) qs.starting_after = paginationToken;

	const page = (await createChatDashClient(context).send({
		method: 'GET',
		path: ['stripe', 'connect', 'accounts', account, ...list.path],
		qs,
		notFoundMessage: `Connected account "${account}" was not found`,
	})) as StripeListPage;

	const entries = Array.isArray(page[list.key]) ? (page[list.key] as IDataObject[]) : [];
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = entries
		.map((entry) => ({ name: list.label(entry), value: list.value ? list.value(entry) : String(entry.id) }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle));

	return {
		results,
		paginationToken: page.has_more && page.next_cursor ? page.next_cursor : undefined,
	};
}

/** Coupons of the account, searchable by name or ID. */
export async function searchCoupons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchStripeList(
		this,
		{ path: ['coupons'], key: 'data', label: couponLabel, noun: 'coupon list' },
		filter,
		paginationToken,
	);
}

/**
 * Products of the account, archived ones included (`status=all`: the list's default is active
 * only, and an archived product can still be read or updated). List entries carry
 * `productId`/`productName` (the docs' sample), not `id`/`name`.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchStripeList(
		this,
		{
			path: ['products'],
			key: 'data',
			label: (product) => entryLabel(product.productName, String(product.productId)),
			value: (product) => String(product.productId),
			noun: 'product list',
			qs: { status: 'all' },
		},
		filter,
		paginationToken,
	);
}

/** Label of a subscription: its customer's email (or ID), its product, and its ID. */
export function subscriptionLabel(subscription: IDataObject): string {
	const customer = (subscription.customer ?? {}) as IDataObject;
	const product = (subscription.product ?? {}) as IDataObject;
	const who = [customer.email ?? customer.id, product.name].filter((part) => typeof part === 'string' && part);
	return entryLabel(who.join(' – '), String(subscription.id));
}

/** Subscriptions of the account (the list key is `subscriptions`, per the docs). */
export async function searchSubscriptions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchStripeList(
		this,
		{ path: ['subscriptions'], key: 'subscriptions', label: subscriptionLabel, noun: 'subscription list' },
		filter,
		paginationToken,
	);
}

/** Label of a transaction: its description and customer's email (as far as present), and its ID. */
export function transactionLabel(transaction: IDataObject): string {
	const customer = (transaction.customer ?? {}) as IDataObject;
	const parts = [transaction.description, customer.email].filter((part) => typeof part === 'string' && part);
	return entryLabel(parts.join(' – '), String(transaction.id));
}

/** Transactions of the account. */
export async function searchTransactions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchStripeList(
		this,
		{ path: ['transactions'], key: 'data', label: transactionLabel, noun: 'transaction list' },
		filter,
		paginationToken,
	);
}

/**
 * The "From list" search of a list outside Stripe Connect: ChatDash answers a bare array and
 * documents no paging or search parameter, so the whole list is read and filtered here.
 */
export async function searchBareList(
	context: ILoadOptionsFunctions,
	list: {
		path: readonly string[];
		label: (entry: IDataObject) => string;
		/** What a 404 means here (e.g. the client of a member list was not found). */
		notFoundMessage?: string;
	},
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await createChatDashClient(context).send({
		method: 'GET',
		path: list.path,
		notFoundMessage: list.notFoundMessage,
	});
	const entries = Array.isArray(answer) ? (answer as IDataObject[]) : [];
	const needle = filter?.trim().toLowerCase();
	return {
		results: entries
			.map((entry) => ({ name: list.label(entry), value: String(entry._id) }))
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle)),
	};
}

/** Clients of the agency (Fetch Clients). */
export async function searchClients(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchBareList(
		this,
		{ path: ['clients'], label: (client) => entryLabel(client.name, String(client._id)) },
		filter,
	);
}

/** Agents of the agency (Fetch Agents). */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchBareList(
		this,
		{ path: ['agents'], label: (agent) => entryLabel(agent.name, String(agent._id)) },
		filter,
	);
}

/** Members of the client in the node's Client field (Fetch Client Members): name, login ID and ID. */
export async function searchClientMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const clientId = this.getNodeParameter('clientId', '', { extractValue: true }) as unknown;
	if (problemWithId(clientId)) {
		throw new NodeOperationError(this.getNode(), 'Choose a Client first', {
			description: 'The member list is loaded from the client given in Client.',
		});
	}
	const client = String(clientId).trim();
	return await searchBareList(
		this,
		{
			path: ['clients', client, 'members'],
			label: (member) =>
				entryLabel([member.name, member.loginId].filter((part) => typeof part === 'string' && part).join(' – '), String(member._id)),
			notFoundMessage: `Client "${client}" was not found`,
		},
		filter,
	);
}

/** Lead tags of the agent in the node's Agent field (Fetch Tags). */
export async function searchLeadTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agentId = selectedAgent(this, 'lead tags');
	return await searchBareList(
		this,
		{
			path: ['agents', agentId, 'leads', 'tags'],
			label: (tag) => entryLabel(tag.label, String(tag._id)),
			notFoundMessage: `Agent "${agentId}" was not found`,
		},
		filter,
	);
}
