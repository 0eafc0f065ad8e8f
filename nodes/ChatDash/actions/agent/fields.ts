/**
 * Fields and helpers shared by the Agent operations (Fetch/Create/Update Agent, Fetch Client
 * Agents, Assign/Unassign; see https://docs.chat-dash.com/api-reference/agents/pages/get-agents and
 * the other pages of its group).
 *
 * The agent object (as documented): `_id`, `clientId`, `name`, `platform`, `apiId`, `apiKey`,
 * `platformCredentials` (object), `agentConfig` (object). `apiKey` and `platformCredentials` are the
 * agent platform's secrets: `presentAgent` leaves them out of the output unless the user turns on
 * the Include Platform Credentials option.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { refuseField, toBoolean, toJsonObject } from '../../helpers/validation';
import { agentPickerField } from '../pickers';

/** The agent an Agent operation works on. */
export const agentIdField: INodeProperties = agentPickerField('The agent to work on');


/** The agent platforms, as the docs' `platform` enum lists them (value) and the products call themselves (name). */
export const platformOptions = [
	{ name: 'Botpress', value: 'botpress' },
	{ name: 'Custom', value: 'custom' },
	{ name: 'ElevenLabs', value: 'elevenlabs' },
	{ name: 'Flowise', value: 'flowise' },
	{ name: 'N8N', value: 'n8n' },
	{ name: 'OpenAI', value: 'openai' },
	{ name: 'Retell', value: 'retell' },
	{ name: 'Vapi', value: 'vapi' },
	{ name: 'VectorShift', value: 'vectorshift' },
	{ name: 'Voiceflow', value: 'voiceflow' },
];

export const PLATFORMS: readonly string[] = platformOptions.map((option) => option.value);

/** The docs' descriptions of `apiId` and `apiKey` (what to enter per platform), shortened. */
const API_ID_DESCRIPTION =
	"The ID for the agent platform's API: Voiceflow project ID, OpenAI assistant ID, Botpress Messaging API webhook URL, VectorShift agent name, Flowise chatflow ID, Vapi assistant ID, Retell agent ID, ElevenLabs agent ID (not used for n8n and Custom)";
const API_KEY_DESCRIPTION =
	"The key for the agent platform's API: Voiceflow Dialog API key, OpenAI API key, Botpress personal access token, VectorShift API key, Flowise API key, Vapi private API key, Retell API key, ElevenLabs API key (not used for n8n and Custom)";

/**
 * The agent fields Create (Additional Fields) and Update (Update Fields) share, in the docs'
 * names. `agentConfig`'s four flags are shown only in the docs' samples, without descriptions;
 * `platformCredentials`' variants (Botpress, Flowise, Vapi, n8n) are named but their fields are
 * not documented, hence a JSON field.
 */
export function agentBodyFields(verb: 'set' | 'change'): INodeProperties[] {
	const flag = (displayName: string, name: string, what: string): INodeProperties => ({
		displayName,
		name,
		type: 'boolean',
		default: false,
		description: `Whether ${what}. Sent in agentConfig.${name}.`,
	});
	return [
		{
			displayName: 'API ID',
			name: 'apiId',
			type: 'string',
			default: '',
			placeholder: 'asst_abc123',
			description: API_ID_DESCRIPTION,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `${API_KEY_DESCRIPTION}. Never shown in the output unless Include Platform Credentials is on.`,
		},
		flag('Is SaaS', 'isSaas', 'the agent is a SaaS agent'),
		flag('Is Template', 'isTemplate', 'the agent is a template'),
		{
			displayName: 'Platform Credentials',
			name: 'platformCredentials',
			type: 'json',
			default: '{}',
			description: `Additional credentials some platforms need, as a JSON object, e.g. {"botId": "…", "workspaceId": "…"} for Botpress. Botpress, Flowise, Vapi and n8n agents each take their own; the object is sent as entered (to ${verb} it).`,
		},
		flag('Use Import Webhook', 'useImportWebhook', 'ChatDash imports conversations through its webhook (Retell and Vapi agents)'),
		flag('Using External Widget', 'usingExternalWidget', 'the agent uses an external chat widget (text agents only)'),
	];
}

export const AGENT_CONFIG_FLAGS = ['isSaas', 'isTemplate', 'useImportWebhook', 'usingExternalWidget'] as const;

const FLAG_LABELS: Record<(typeof AGENT_CONFIG_FLAGS)[number], string> = {
	isSaas: 'Is SaaS',
	isTemplate: 'Is Template',
	useImportWebhook: 'Use Import Webhook',
	usingExternalWidget: 'Using External Widget',
};

/**
 * `agentConfig` from the flags set in a collection (only those added are sent), or undefined when
 * none is set.
 */
export function toAgentConfig(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject | undefined {
	const config: IDataObject = {};
	for (const flag of AGENT_CONFIG_FLAGS) {
		if (fields[flag] !== undefined) config[flag] = toBoolean(context, fields[flag], FLAG_LABELS[flag], itemIndex);
	}
	return Object.keys(config).length ? config : undefined;
}

/**
 * Platform Credentials as a JSON object (given as an object or JSON text). The message never
 * repeats what was entered: it holds secrets.
 */
export function toPlatformCredentials(context: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject {
	return toJsonObject(context, value, 'Platform Credentials', itemIndex, '{"botId": "…", "workspaceId": "…"}');
}

/** One of the documented platforms (an expression can give anything), or throws naming the field. */
export function toPlatform(context: IExecuteFunctions, value: unknown, itemIndex: number): string {
	if (typeof value === 'string' && PLATFORMS.includes(value)) return value;
	return refuseField(context, itemIndex, 'Platform', `must be one of ${PLATFORMS.join(', ')}, not ${JSON.stringify(value)}`);
}

/** The agent's secrets: left out of the output unless Include Platform Credentials is on. */
export const AGENT_SECRET_FIELDS = ['apiKey', 'platformCredentials'] as const;

/** An option of the agent-returning operations: whether their secrets are output. */
export const includePlatformCredentialsOption: INodeProperties = {
	displayName: 'Include Platform Credentials',
	name: 'includePlatformCredentials',
	type: 'boolean',
	default: false,
	description:
		"Whether to output the agent's apiKey and platformCredentials (the agent platform's secrets). Off by default because this node can be used as an AI tool, and its output may be passed to a language model.",
};

/**
 * What the agent-returning operations output for an agent: as ChatDash returns it, without
 * `apiKey` and `platformCredentials` unless Include Platform Credentials is on. Reads (and checks)
 * the option before anything is sent.
 */
export function agentPresenter(
	context: IExecuteFunctions,
	itemIndex: number,
): (entry: IDataObject) => IDataObject {
	const include = toBoolean(
		context,
		context.getNodeParameter('options.includePlatformCredentials', itemIndex, false),
		'Include Platform Credentials',
		itemIndex,
	);
	if (include) return (entry) => entry;
	return withoutSecrets;
}

/** An agent (or any answer) without the agent platform's secrets. */
export function withoutSecrets(entry: IDataObject): IDataObject {
	const presented: IDataObject = { ...entry };
	for (const field of AGENT_SECRET_FIELDS) delete presented[field];
	return presented;
}
