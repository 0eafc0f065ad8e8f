/**
 * Every ID-list field reads the same input the same way (helpers/validation.ts toIdList): the same
 * inputs go to each field through n8n's engine, and each sends the same IDs or gives the same clear
 * error, naming its own label. What ChatDash answers does not matter here: the request the emulator
 * received shows what the node sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'CD.agency0idlists0test0key0000000';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

interface IdListField {
	label: string;
	/** The node's parameters with the field set to `value`. */
	parameters: (value: string) => INodeParameters;
	/** The IDs in what ChatDash received, or undefined when the field was left out of it. */
	sent: (body: unknown) => unknown;
	/** Whether an empty list is an error (a required field, or one where empty is refused) or leaves the field out. */
	required: boolean;
}

const FIELDS: IdListField[] = [
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

async function run(field: IdListField, value: string) {
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
