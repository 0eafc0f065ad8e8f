import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getNumberParameter, toUnixSeconds } from '../helpers/validation';
import { DEFAULT_TIMEOUT_MS } from '../transport';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';

/** The Stripe connected account every Stripe Connect call is scoped to. */
export const accountIdField: INodeProperties = {
	displayName: 'Account ID',
	name: 'accountId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'acct_1Nv0FGQ9RKHgCVdK',
	description: 'The ID of the Stripe account connected to your ChatDash agency',
	hint: 'Starts with acct_. Shown for each connected account in your ChatDash agency settings.',
};

/** Return All / Limit of the Get Many operations. */
export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** Return All and Limit of a Get Many; `limit` adds to Limit's text (e.g. where ChatDash does not page). */
export function listFields(limit: Pick<INodeProperties, 'description' | 'hint'> = {}): INodeProperties[] {
	return [returnAllField, { ...limitField, ...limit }];
}

/** Return All / Limit of a Get Many item, checked before anything is sent. */
export function getListRequestLimit(
	context: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll, limit: 0 };
	return { returnAll, limit: getNumberParameter(context, 'limit', 'Limit', itemIndex, { min: 1, whole: true }) };
}

/**
 * Created After / Created Before for a Filters collection, sent as `created_start` /
 * `created_end` in unix seconds (the Stripe lists that document them: products, transactions).
 * @param noun what is listed, for the descriptions ("products")
 */
export function createdRangeFilters(noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${noun} created at or after this time (sent as created_start, in unix seconds)`,
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${noun} created at or before this time (sent as created_end, in unix seconds)`,
		},
	];
}

/** The `created_start` / `created_end` query of the filters set, refused when the range is empty. */
export function getCreatedRange(context: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const range: IDataObject = {};
	if (filters.createdAfter) range.created_start = toUnixSeconds(context, filters.createdAfter, 'Created After', itemIndex);
	if (filters.createdBefore) range.created_end = toUnixSeconds(context, filters.createdBefore, 'Created Before', itemIndex);
	if (typeof range.created_start === 'number' && typeof range.created_end === 'number' && range.created_start > range.created_end) {
		throw new NodeOperationError(context.getNode(), 'The Created After date is later than the Created Before date', {
			itemIndex,
			description: `Nothing can match both; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}
	return range;
}

/**
 * The optional-field collections: Additional Fields (a create's optional fields), Update Fields
 * (what an update changes) and Filters (a list's narrowing). Each entry is sent only when added,
 * so every collection of one kind looks and behaves the same. `more` adds a description or hint.
 */
function optionalFields(displayName: string, name: string, placeholder: string) {
	return (options: INodeProperties[], more: Pick<INodeProperties, 'description' | 'hint' | 'displayOptions'> = {}): INodeProperties => ({
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		...more,
		options,
	});
}

export const additionalFieldsCollection = optionalFields('Additional Fields', 'additionalFields', 'Add Field');
export const updateFieldsCollection = optionalFields('Update Fields', 'updateFields', 'Add Field');
export const filtersCollection = optionalFields('Filters', 'filters', 'Add Filter');

/** Defaults of the Options below; see the README for why 4 at a time. */
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;
export { DEFAULT_TIMEOUT_MS };

/** How requests are sent: parallelism, retries of transient failures, per-try timeout. */
export const requestOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			default: DEFAULT_CONCURRENCY,
			description:
				'How many items are sent to ChatDash at the same time. Output keeps the input order.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
			default: DEFAULT_MAX_ATTEMPTS,
			description:
				'Tries per item when ChatDash rate-limits (429), fails (500/502/503/504), drops the connection or times out. Waits grow between tries and follow Retry-After. 1 turns retries off.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'Milliseconds to wait for each try before treating it as failed',
		},
	],
};
