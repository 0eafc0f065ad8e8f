/**
 * Lead → Update: changes a lead's phone number, custom fields or tags.
 *
 * Sends   PUT {Base URL}/agents/{agentId}/leads/{leadId}
 *         {"phone"?: "<phone>", "customFields"?: {…}, "tags"?: ["<tag ID>", …]}
 *         (only the fields added under Update Fields, at least one)
 * Returns the updated lead object ChatDash answers with ({_id, phone, customFields, tags}), unchanged.
 *
 * What the docs say (put-leads.yaml, rebuilt from the rendered page): the body above, nothing
 * required. GAPS: whether `tags` and `customFields` replace or merge with what the lead has (the
 * field descriptions say so); the phone format (sent as entered); error responses. ASSUMPTION (as
 * Stripe) an unknown lead or agent answers 404, reported as `Lead "…" was not found for agent "…"`.
 * An Update with nothing to change, or with an empty tag selection, is refused before sending.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../../transport';
import { requestOptionsField } from '../common.descriptions';
import { agentField, customFieldsField, leadNotFound, tagsField, toCustomFields, toTagIds } from './fields';

const show = { resource: ['lead'], operation: ['update'] };

const updateFieldOptions: INodeProperties[] = [
	{
		...customFieldsField,
		description: `${customFieldsField.description} ChatDash’s docs do not say whether this replaces or merges with the lead’s current custom fields.`,
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
		'The lead tags the lead should have. ChatDash’s docs do not say whether this replaces or adds to its current tags.',
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
	{ ...agentField, description: 'The agent the lead belongs to', displayOptions: { show } },
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '65a1f0c2e4b0a1b2c3d4e5f8',
		description: 'The ID of the lead (its _id, as Lead → Create outputs it)',
		displayOptions: { show },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: updateFieldOptions,
	},
	{ ...requestOptionsField, displayOptions: { show } },
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
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
			throw new NodeOperationError(this.getNode(), 'The Tags field is empty: select at least one tag, or remove the field', {
				itemIndex,
				description: `ChatDash's docs do not say what an empty tag list does; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
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

	return {
		method: 'PUT',
		path: ['agents', agentId, 'leads', leadId],
		body,
		notFoundMessage: leadNotFound(leadId, agentId),
	};
}
