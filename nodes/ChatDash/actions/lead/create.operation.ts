/**
 * Lead → Create: creates leads for an agent (e.g. for its outbound calls), in batches.
 *
 * Sends   POST {Base URL}/agents/{agentId}/leads
 *         [{"phone": "<phone>", "customFields"?: {…}, "tags"?: ["<tag ID>", …]}, …]
 *         One lead per input item. The leads of items with the same agent go together in one
 *         JSON array, up to Batch Size (default 100) per request, in input order: 1,000 items
 *         are 10 requests. Items of different agents are never mixed in one request.
 * Returns per the docs an array of leads {_id, phone, customFields, tags}, one per lead sent; the
 *         i-th is output as the i-th item of the batch, unchanged. If ChatDash answers a batch
 *         with another number of leads, that batch's items fail ("cannot be paired"): pairing by
 *         guess could attach a lead to the wrong row.
 *
 * Mapping Column Mode: "Map Each Column Below" (the default, as before it existed) reads Phone and
 * Additional Fields per item, usually expressions. "Map Automatically" reads each item's columns
 * as they are, with no expression evaluated per item (see autoMappedLead in fields.ts): the Phone
 * Column (default `phone`) is `phone`, a `tags` column (an array, or tag IDs separated by commas)
 * is `tags`, and every other column, minus Options → Ignore Fields, goes into `customFields`, in
 * the item's column order. A custom field value must be text, a number, true/false or null: the
 * docs say only "Keys are field names, values are field values" and show no nested shape
 * (https://docs.chat-dash.com/api-reference/leads/pages/post-leads), so an object or array is
 * refused, naming the item and the column. An item without the phone column is
 * refused the same way. Like every check, before the first request is sent.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/leads/pages/post-leads, from the
 * rendered page): the body is an array of {phone (required, string), customFields (object: "Keys
 * are field names, values are field values"), tags (string[]: "The IDs of the tags attached to the
 * lead")}; 200 with the array. GAPS: the phone format is not stated, so Phone is checked for
 * presence only and sent exactly as given (no E.164 check); the types of customFields' values are
 * not stated (the JSON object is sent as entered); the maximum array length is not stated, so Batch
 * Size is capped at 100; unknown tag IDs, duplicate phones and error responses are not described.
 * ASSUMPTION (as Stripe) an unknown agent answers 404, reported as `Agent "…" was not found`.
 * A POST is not idempotent: it is resent only when it provably was not applied: the connection was refused, or ChatDash answered 429 (retry.ts).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getIdParameter, getTextParameter, toCheckedNumber } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { agentField, autoMappedLead, autoMapping, customFieldsField, ignoreFieldsOption, inMode, MAP_AUTOMATICALLY, MAP_EACH_COLUMN, mappingModeField, phoneColumnField, sameForEveryItem, tagsField, toCustomFields, toTagIds } from './fields';
import { agentNotFound } from '../pickers';

/** The docs state no maximum array length, so batches stay at 100 (the documented page maximum elsewhere). */
export const MAX_BATCH_SIZE = 100;
export const DEFAULT_BATCH_SIZE = 100;

const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE, numberPrecision: 0 },
	default: DEFAULT_BATCH_SIZE,
	description:
		'How many leads go in one request (1 to 100). Items of the same agent are sent together in input order; each returned lead is paired with its item.',
};

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create leads for an agent, one per item, sent in batches',
	action: 'Create leads for an agent',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent the leads are for' },
	mappingModeField('phone, custom fields and tags'),
	phoneColumnField('The input column holding each lead’s phone number (required in every item)'),
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550123',
		description: 'The phone number of the lead, typically an expression reading it from the input item',
		hint: 'Sent exactly as entered; use the international format (E.164), e.g. +14155550123',
		displayOptions: inMode(MAP_EACH_COLUMN),
	},
	additionalFieldsCollection([customFieldsField, tagsField('The lead tags to attach to the lead.')], { displayOptions: inMode(MAP_EACH_COLUMN) }),
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [ignoreFieldsOption, batchSizeOption];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const mode = sameForEveryItem(this, 'mappingMode', itemIndex, () => this.getNodeParameter('mappingMode', 0, MAP_EACH_COLUMN));
	return mode === MAP_AUTOMATICALLY ? prepareAutoMapped.call(this, itemIndex) : prepareFromFields.call(this, itemIndex);
}

const readBatchSize = (context: IExecuteFunctions, itemIndex: number) =>
	toCheckedNumber(context, context.getNodeParameter('options.batchSize', itemIndex, DEFAULT_BATCH_SIZE), 'Batch Size', itemIndex, {
		min: 1,
		max: MAX_BATCH_SIZE,
		whole: true,
	});

const createRequest = (agentId: string, record: IDataObject, batchSize: number): ChatDashRequest => ({
	method: 'POST',
	path: ['agents', agentId, 'leads'],
	batch: { record, maxSize: batchSize },
	notFoundMessage: agentNotFound(agentId),
});

/** Map Automatically: the item's own columns; the node's settings are read once per run unless they are expressions. */
function prepareAutoMapped(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = sameForEveryItem(this, 'agentId', itemIndex, (index) => getIdParameter(this, 'agentId', 'Agent', index));
	const batchSize = sameForEveryItem(this, 'options.batchSize', itemIndex, (index) => readBatchSize(this, index));
	const { record } = autoMappedLead(this, itemIndex, autoMapping(this, itemIndex, false));
	return createRequest(agentId, record, batchSize);
}

/** Map Each Column Below: Phone and Additional Fields, read (and their expressions evaluated) per item. */
function prepareFromFields(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const phone = getTextParameter(this, 'phone', 'Phone', itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const batchSize = readBatchSize(this, itemIndex);

	const record: IDataObject = { phone };
	if (additionalFields.customFields !== undefined) {
		record.customFields = toCustomFields(this, additionalFields.customFields, itemIndex) as IDataObject;
	}
	if (additionalFields.tags !== undefined) {
		const tags = toTagIds(this, additionalFields.tags, itemIndex);
		if (tags.length) record.tags = tags;
	}

	return createRequest(agentId, record, batchSize);
}
