/**
 * Every field of one kind reads the same input the same way: the same inputs go to each field
 * through n8n's engine, and each sends the same value or gives the same clear error, naming its
 * own label. ID lists read through helpers/validation.ts toIdList, JSON objects through
 * toJsonObject. What ChatDash answers does not matter here: the request the emulator received
 * shows what the node sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { nodeRunner } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'CD.agency0fieldkinds0test0key00000';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

/** A field of one kind: the node's parameters with the field set to `value`. */
interface FieldCase {
	label: string;
	parameters: (value: string) => INodeParameters;
}

const runNode = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }));
const run = (field: FieldCase, value: string) => runNode(field.parameters(value), [{}], 'continueRegularOutput');
const caseName = (field: FieldCase) => `${String(field.parameters('').resource)} → ${String(field.parameters('').operation)}: ${field.label}`;

// ---- ID lists ---------------------------------------------------------------------------------

interface IdListField extends FieldCase {
	/** The IDs in what ChatDash received, or undefined when the field was left out of it. */
	sent: (body: unknown) => unknown;
	/** Whether an empty list is an error (a required field, or one where empty is refused) or leaves the field out. */
	required: boolean;
}

const ID_LIST_FIELDS: IdListField[] = [
	{
		label: 'Agent IDs',
		parameters: (agentIds) => ({ resource: 'agent', operation: 'assign', clientId: byId('client_1'), agentIds }),
		sent: (body) => (body as IDataObject).agentIds,
		required: true,
	},
	{
		label: 'Agent IDs',
		parameters: (agentIds) => ({
			resource: 'subscription',
			operation: 'create',
			accountId: 'acct_1',
			clientId: byId('client_1'),
			agentIds,
			productId: byId('prod_1'),
		}),
		sent: (body) => ((body as { data: IDataObject }).data ?? {}).agentIds,
		required: true,
	},
	{
		label: 'Tag Names or IDs',
		parameters: (tags) => ({ resource: 'lead', operation: 'create', agentId: byId('agent_1'), phone: '+14155550123', additionalFields: { tags } }),
		sent: (body) => (body as IDataObject[])[0].tags,
		required: false,
	},
	{
		label: 'Tag Names or IDs',
		parameters: (tags) => ({
			resource: 'lead',
			operation: 'update',
			agentId: byId('agent_1'),
			leadId: 'lead_1',
			updateFields: { tags },
		}),
		sent: (body) => (body as IDataObject).tags,
		// Optional, but an empty list is refused when given: what it would do to the lead is not known.
		required: true,
	},
];

const SAME_IDS: Array<[string, string]> = [
	['a JSON array', '["a","b"]'],
	['commas', 'a, b'],
	['new lines', 'a\nb'],
	['repeats', 'a,a,b'],
	['an expression giving an array', '={{ ["a", "b", "a"] }}'],
	['an expression giving JSON text', '={{ JSON.stringify(["a", "b"]) }}'],
];

describe.each(ID_LIST_FIELDS.map((field) => [caseName(field), field] as const))(
	'%s',
	(_name, field) => {
		test.each(SAME_IDS)('%s is sent as ["a", "b"]', async (_input, value) => {
			const { output } = await run(field, value);
			expect(output[0].json.error).not.toMatch(/^The /);
			expect(emulator.requests).toHaveLength(1);
			expect(field.sent(emulator.requests[0].json)).toEqual(['a', 'b']);
		});

		// An empty field left as typed is refused by n8n itself ("Parameter … is required") for the
		// required ones; an expression giving empty text reaches the node's own check.
		test.each([
			['an expression giving empty text', '={{ "" }}'],
			['whitespace', ' \n , '],
			['an empty JSON array', '[]'],
		])('%s: refused naming the field if required, else left out', async (_input, value) => {
			const { output } = await run(field, value);
			if (field.required) {
				expect(output.map((item) => item.json.error)).toEqual([`The ${field.label} list is empty: give at least one ID`]);
				expect(emulator.requests).toEqual([]);
			} else {
				expect(emulator.requests).toHaveLength(1);
				expect(field.sent(emulator.requests[0].json)).toBeUndefined();
			}
		});

		test.each([
			['a JSON text that is not an array', '[not json', 'must be a JSON array of IDs, e.g. ["id1", "id2"], or IDs separated by commas'],
			['an expression giving an object', '={{ { "a": 1 } }}', 'must be a list of IDs (text or an array), but the expression gave an object'],
			['an empty entry', '={{ ["a", " "] }}', 'entry 2 is empty'],
			['an entry that is an object', '={{ [{ "id": "a" }] }}', 'entry 1 must be text, but the expression gave an object'],
		])('%s: the same error, naming the field; nothing sent', async (_input, value, problem) => {
			const { output } = await run(field, value);
			expect(output.map((item) => item.json.error)).toEqual([`The ${field.label} ${problem}`]);
			expect(emulator.requests).toEqual([]);
		});
	},
);

// ---- JSON objects -----------------------------------------------------------------------------

interface JsonObjectField extends FieldCase {
	/** The shape shown in its error message. */
	example: string;
	/** The object in what ChatDash received. */
	sent: (body: unknown) => unknown;
}

const JSON_OBJECT_FIELDS: JsonObjectField[] = [
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

describe.each(JSON_OBJECT_FIELDS.map((field) => [caseName(field), field] as const))(
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
