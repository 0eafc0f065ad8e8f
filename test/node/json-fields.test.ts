/**
 * Every JSON-object field reads the same input the same way (helpers/validation.ts toJsonObject):
 * the same inputs go to each field through n8n's engine, and each sends the same object or gives
 * the same clear error, naming its own label. What ChatDash answers does not matter here: the
 * request the emulator received shows what the node sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'CD.agency0jsonfields0test0key00000';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

interface JsonObjectField {
	label: string;
	/** The shape shown in its error message. */
	example: string;
	parameters: (value: string) => INodeParameters;
	/** The object in what ChatDash received. */
	sent: (body: unknown) => unknown;
}

const FIELDS: JsonObjectField[] = [
	{
		label: 'Platform Credentials',
		example: '{"botId": "…", "workspaceId": "…"}',
		parameters: (platformCredentials) => ({ resource: 'agent', operation: 'update', agentId: byId('agent_1'), updateFields: { platformCredentials } }),
		sent: (body) => (body as IDataObject).platformCredentials,
	},
	{
		label: 'Custom Fields',
		example: '{"name": "Jane Doe"}',
		parameters: (customFields) => ({ resource: 'lead', operation: 'update', agentId: byId('agent_1'), leadId: 'lead_1', updateFields: { customFields } }),
		sent: (body) => (body as IDataObject).customFields,
	},
	{
		label: 'Custom Fields',
		example: '{"name": "Jane Doe"}',
		parameters: (customFields) => ({ resource: 'lead', operation: 'create', agentId: byId('agent_1'), phone: '+14155550123', additionalFields: { customFields } }),
		sent: (body) => (body as IDataObject[])[0].customFields,
	},
	{
		label: 'Custom Analysis',
		example: '{"key": "value"}',
		parameters: (customAnalysis) => ({ resource: 'conversation', operation: 'create', agentId: byId('agent_1'), additionalFields: { customAnalysis } }),
		sent: (body) => (body as IDataObject).customAnalysis,
	},
	{
		label: 'Metadata',
		example: '{"key": "value"}',
		parameters: (metadata) => ({ resource: 'conversation', operation: 'create', agentId: byId('agent_1'), additionalFields: { metadata } }),
		sent: (body) => (body as IDataObject).metadata,
	},
	{
		// Stripe metadata: the same reading, then each value must be text or a number (sent as text).
		label: 'Metadata',
		example: '{"campaign": "summer"}',
		parameters: (metadata) => ({ resource: 'coupon', operation: 'create', accountId: 'acct_1', name: 'Sale', additionalFields: { metadata } }),
		sent: (body) => (body as { data: IDataObject }).data.metadata,
	},
];

const SAME_OBJECT: Array<[string, string]> = [
	['JSON text', '{"a": "1"}'],
	['JSON text with spaces around it', '  {"a": "1"}\n'],
	['an expression giving an object', '={{ { "a": "1" } }}'],
	['an expression giving JSON text', '={{ JSON.stringify({ a: "1" }) }}'],
];

async function run(field: JsonObjectField, value: string) {
	return runChatDashNode({
		items: [{}],
		parameters: field.parameters(value),
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
		onError: 'continueRegularOutput',
	});
}

describe.each(FIELDS.map((field) => [`${field.parameters('').resource} → ${field.parameters('').operation}: ${field.label}`, field] as const))(
	'%s',
	(_name, field) => {
		test.each(SAME_OBJECT)('%s is sent as {"a": "1"}', async (_input, value) => {
			const { output } = await run(field, value);
			expect(String(output[0].json.error ?? '')).not.toMatch(/^The /);
			expect(emulator.requests).toHaveLength(1);
			expect(field.sent(emulator.requests[0].json)).toEqual({ a: '1' });
		});

		test('empty text is an empty object', async () => {
			const { output } = await run(field, '={{ "" }}');
			expect(String(output[0].json.error ?? '')).not.toMatch(/^The /);
			expect(field.sent(emulator.requests[0].json)).toEqual({});
		});

		test.each([
			['JSON text that is not valid', '{"a": '],
			['a JSON array', '[1, 2]'],
			['an expression giving a number', '={{ 5 }}'],
			['an expression giving an array', '={{ [{ "a": "1" }] }}'],
		])('%s: the same error, naming the field, without repeating what was entered; nothing sent', async (_input, value) => {
			const { output } = await run(field, value);
			expect(output.map((item) => item.json.error)).toEqual([`The ${field.label} must be a JSON object, e.g. ${field.example}`]);
			expect(emulator.requests).toEqual([]);
		});
	},
);
