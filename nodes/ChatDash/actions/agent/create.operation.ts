/**
 * Agent → Create: creates an agent of the agency (not yet assigned to a client).
 *
 * Sends   POST {Base URL}/agents
 *         {"name": "<name>", "platform": "<platform>", "apiId"?, "apiKey"?, "platformCredentials"?: {…},
 *          "agentConfig"?: {"usingExternalWidget"?, "useImportWebhook"?, "isTemplate"?, "isSaas"?}}
 *         (optional fields only when added under Additional Fields; agentConfig holds only the flags added)
 * then    GET  {Base URL}/agents   (the read-back below)
 * Returns the created agent, found by the read-back, without apiKey and platformCredentials unless
 *         Include Platform Credentials is on.
 *
 * Read-back: ChatDash answers a create with only {"message": "Agent created successfully"} (no ID).
 * The node then reads Fetch Agents and outputs the one agent whose name is exactly the name given
 * and whose platform is the platform given. When none or several match (e.g. an agent with the same
 * name and platform already existed), it never guesses: it outputs ChatDash's message with
 * `identified: false` and `whyNotIdentified`. Give new agents unique names to chain reliably.
 *
 * What the docs say (https://docs.chat-dash.com/api-reference/agents/pages/post-agents, from the
 * rendered page): name* and platform* (enum of ten values) are required; apiId, apiKey,
 * platformCredentials (object) and agentConfig (object) are optional. GAPS: platformCredentials is
 * a choice of variants (Not Required, Botpress, Flowise, Vapi, n8n) whose fields are not documented
 * (only the Fetch Agent samples show {botId, workspaceId}), so it is a JSON object sent as entered;
 * agentConfig's four flags appear only in the cURL sample (no descriptions, no stated defaults),
 * and only those four are offered. Error responses are not documented. A POST is never resent once
 * it may have reached ChatDash (only when the connection was refused outright, or after a 429: not
 * applied).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { getTextParameter } from '../../helpers/validation';
import type { ChatDashRequest } from '../operation';
import { additionalFieldsCollection } from '../common.descriptions';
import { agentBodyFields, includePlatformCredentialsOption, agentPresenter, platformOptions, toAgentConfig, toPlatform, toPlatformCredentials } from './fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create an agent on one of the supported platforms',
	action: 'Create an agent',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Acme Dental Receptionist',
		description: "The agent's name, sent exactly as entered",
		hint: 'Use a name no other agent of this platform has: the created agent is found again by its exact name',
	},
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		required: true,
		options: platformOptions,
		default: 'voiceflow',
		description: 'The platform the agent runs on. It cannot be changed later (Update Agent does not accept it).',
	},
	additionalFieldsCollection(agentBodyFields('set'), { hint: 'Platform Credentials are needed only for Botpress, Flowise, Vapi and n8n agents' }),
];

/** Beside the request options, under Options. */
export const extraOptions: INodeProperties[] = [includePlatformCredentialsOption];

export function prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest {
	const name = getTextParameter(this, 'name', 'Name', itemIndex);
	const platform = toPlatform(this, this.getNodeParameter('platform', itemIndex), itemIndex);
	const additionalFields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

	const body: IDataObject = { name, platform };
	if (additionalFields.apiId !== undefined) {
		body.apiId = getTextParameter(this, 'additionalFields.apiId', 'API ID', itemIndex);
	}
	if (additionalFields.apiKey !== undefined) {
		body.apiKey = getTextParameter(this, 'additionalFields.apiKey', 'API Key', itemIndex);
	}
	if (additionalFields.platformCredentials !== undefined) {
		body.platformCredentials = toPlatformCredentials(this, additionalFields.platformCredentials, itemIndex);
	}
	const agentConfig = toAgentConfig(this, additionalFields, itemIndex);
	if (agentConfig) body.agentConfig = agentConfig;

	return {
		method: 'POST',
		path: ['agents'],
		body,
		identify: {
			list: { method: 'GET', path: ['agents'], list: { returnAll: true, limit: 0 } },
			match: (agent) => agent.name === name && agent.platform === platform,
			what: `the ${platform} agent named ${JSON.stringify(name)}`,
		},
		present: agentPresenter(this, itemIndex),
	};
}
