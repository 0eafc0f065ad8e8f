/**
 * Lead → Update: changes a lead's phone number, custom fields or tags.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/leads/{leadId}
 *         {"phone"?: "<phone>", "customFields"?: {…}, "tags"?: ["<tag ID>", …]}
 *         (only the fields added under Update Fields, at least one)
 * Returns the updated lead object ChatDash answers with ({_id, phone, customFields, tags}), unchanged.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/leads/pages/put-leads, from the
 * rendered page): the body above, nothing required. GAPS: whether `tags` and `customFields` replace
 * or merge with what the lead has (the field descriptions say so); the phone format (sent as
 * entered); error responses. ASSUMPTION (as Stripe) an unknown lead or agent answers 404, reported
 * as `Lead "…" was not found for agent "…"`. An Update with nothing to change, or with an empty tag
 * selection, is refused before sending.
 *
 * Mapping Column Mode: "Map Each Column Below" (the default, as before it existed) reads Lead ID
 * and Update Fields per item. "Map Automatically" reads each item's columns as they are, with no
 * expression per item (autoMappedLead in fields.ts): the Lead ID Column (default `_id`, what Lead
 * → Create outputs) names the lead, the Phone Column (default `phone`) is `phone` when the item
 * has it, a `tags` column (array or comma list of tag IDs; empty is refused) is `tags`, and every
 * other column, minus Options → Ignore Fields, goes into `customFields`. Custom field values must
 * be scalars (text, number, true/false, null): the docs show no nested shape. An item without the
 * lead ID column, or with nothing to update, is refused naming the item and the column.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { updateFieldsCollection } from '../common.descriptions';
import { agentField, autoMappedLead, autoMapping, customFieldsField, ignoreFieldsOption, inMode, MAP_AUTOMATICALLY, MAP_EACH_COLUMN, mappingModeField, phoneColumnField, sameForEveryItem, tagsField, toCustomFields, toTagIds } from './fields';
import { leadNotFound } from '../pickers';

const updateFieldOptions: INodeProperties[] = [
	{
		...customFieldsField,
		description: `${customFieldsField.description} Sent as the lead’s custom fields; include every field the lead should keep, in case ChatDash replaces them.`,
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+14155550123',
		description: 'The new phone number of the lead, sent exactly as entered',
	},
	tagsField(
		'The lead tags the lead should have: list every tag it should keep, in case ChatDash replaces its current tags.',
	),
];

const SETTABLE = 'Custom Fields, Phone, Tags';

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change a lead's phone number, custom fields or tags",
	action: 'Update a lead',
};

export const description: INodeProperties[] = [
	{ ...agentField, description: 'The agent the lead belongs to' },
	mappingModeField('lead ID, phone, custom fields and tags'),
	{
		displayName: 'Lead ID Column',
		name: 'leadIdColumn',
		type: 'string',
		required: true,
		noDataExpression: true,
		default: '_id',
		placeholder: '_id',
		description: 'The input column holding the ID of the lead to update (Lead → Create outputs it as _id)',
		displayOptions: inMode(MAP_AUTOMATICALLY),
	},
	phoneColumnField('The input column holding the new phone number; an item without this column keeps its phone'),
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '65a1f0c2e4b0a1b2c3d4e5f8',
		description: 'The ID of the lead (its _id, as Lead → Create outputs it)',
		displayOptions: inMode(MAP_EACH_COLUMN),
	},
	updateFieldsCollection(updateFieldOptions, { displayOptions: inMode(MAP_EACH_COLUMN) }),
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [ignoreFieldsOption];

const updateRequest = (agentId: string, leadId: string, body: IDataObject): ChatDashRequest => ({
	method: 'PUT',
	path: ['agents', agentId, 'leads', leadId],
	body,
	notFoundMessage: leadNotFound(leadId, agentId),
});

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const mode = sameForEveryItem(this, 'mappingMode', itemIndex, () => this.getNodeParameter('mappingMode', 0, MAP_EACH_COLUMN));
	if (mode !== MAP_AUTOMATICALLY) return prepareFromFields.call(this, itemIndex);
	const agentId = sameForEveryItem(this, 'agentId', itemIndex, (index) => getIdParameter(this, 'agentId', 'Agent', index));
	const mapping = autoMapping(this, itemIndex, true);
	const { record, leadId } = autoMappedLead(this, itemIndex, mapping);
	if (Object.keys(record).length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: nothing to update`, {
			itemIndex,
			description: `Besides "${mapping.leadIdColumn}", the item needs a "${mapping.phoneColumn}" column, a "tags" column or another column (a custom field) that is not under Ignore Fields; nothing was sent to ChatDash for this item.`,
		});
	}
	return updateRequest(agentId, leadId!, record);
}

/** Map Each Column Below: Lead ID and Update Fields, read (and their expressions evaluated) per item. */
function prepareFromFields(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const leadId = getIdParameter(this, 'leadId', 'Lead ID', itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = {};
	if (updateFields.phone !== undefined) {
		body.phone = getTextParameter(this, 'updateFields.phone', 'Phone', itemIndex);
	}
	if (updateFields.customFields !== undefined) {
		body.customFields = toCustomFields(this, updateFields.customFields, itemIndex) as IDataObject;
	}
	if (updateFields.tags !== undefined) {
		const tags = toTagIds(this, updateFields.tags, itemIndex);
		if (tags.length === 0) {
			// Whether an empty list clears the lead's tags is not documented: do not send it by accident.
			throw new NodeOperationError(this.getNode(), 'The Tag Names or IDs list is empty: give at least one ID', {
				itemIndex,
				description: `What an empty tag list would do to the lead is not known, so none is sent: select at least one tag, or remove the field. Nothing was sent to ChatDash for item ${itemIndex + 1}.`,
			});
		}
		body.tags = tags;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update: add ${SETTABLE} under Update Fields`, {
			itemIndex,
			description: `Those are the fields ChatDash lets you change on a lead; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}

	return updateRequest(agentId, leadId, body);
}
