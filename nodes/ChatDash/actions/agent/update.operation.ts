/**
 * Agent → Update: changes an agent's name, platform API ID/key, platform credentials or agentConfig flags.
 *
 * Sends   PUT {Base URL}/agents/{agentId}
 *         {"name"?, "apiId"?, "apiKey"?, "platformCredentials"?: {…},
 *          "agentConfig"?: {"usingExternalWidget"?, "useImportWebhook"?, "isTemplate"?, "isSaas"?}}
 *         (only the fields added under Update Fields, at least one; agentConfig holds only the flags added)
 * Returns what ChatDash answers, as the item's JSON: per the docs {"message": "Agent updated successfully"}.
 *         Should ChatDash ever include an agent, its apiKey and platformCredentials are left out
 *         (use Agent → Get with Include Platform Credentials to read them).
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/put-agents, from the
 * rendered page): the body above, nothing required; `platform` is not in it (it cannot be changed).
 * GAPS: platformCredentials' and agentConfig's sub-fields (sample only); whether a partial body (or
 * a partial agentConfig) leaves the other fields untouched; error responses. ASSUMPTION (as Stripe)
 * an unknown agent answers 404, reported as `Agent "…" was not found`. An Update with nothing to
 * change is refused before sending.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getIdParameter, getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { updateFieldsCollection } from '../common.descriptions';
import { agentBodyFields, agentIdField, toAgentConfig, toPlatformCredentials, withoutSecrets } from './fields';
import { agentNotFound } from '../pickers';

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'Acme Dental Receptionist',
	description: "The agent's new name, sent exactly as entered",
};

const updateFieldOptions = [...agentBodyFields('change'), nameField].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

/** What the refusal of an empty update names. */
const SETTABLE = updateFieldOptions.map((field) => field.displayName).join(', ');

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: "Change an agent's name, platform keys or settings",
	action: 'Update an agent',
};

export const description: INodeProperties[] = [
	{ ...agentIdField, description: 'The agent to change' },
	updateFieldsCollection(updateFieldOptions, { hint: 'The platform cannot be changed: ChatDash’s agent update does not accept it' }),
];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const agentId = getIdParameter(this, 'agentId', 'Agent', itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = {};
	if (updateFields.name !== undefined) {
		body.name = getTextParameter(this, 'updateFields.name', 'Name', itemIndex);
	}
	if (updateFields.apiId !== undefined) {
		body.apiId = getTextParameter(this, 'updateFields.apiId', 'API ID', itemIndex);
	}
	if (updateFields.apiKey !== undefined) {
		body.apiKey = getTextParameter(this, 'updateFields.apiKey', 'API Key', itemIndex);
	}
	if (updateFields.platformCredentials !== undefined) {
		body.platformCredentials = toPlatformCredentials(this, updateFields.platformCredentials, itemIndex);
	}
	const agentConfig = toAgentConfig(this, updateFields, itemIndex);
	if (agentConfig) body.agentConfig = agentConfig;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update: add ${SETTABLE} under Update Fields`, {
			itemIndex,
			description: `Those are the fields ChatDash lets you change on an agent; nothing was sent to ChatDash for item ${itemIndex + 1}.`,
		});
	}

	return {
		method: 'PUT',
		path: ['agents', agentId],
		body,
		notFoundMessage: agentNotFound(agentId),
		present: withoutSecrets,
	};
}
