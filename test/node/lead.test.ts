/**
 * Lead → Create (batched) and Lead → Update through n8n's real engine against the emulator:
 * request shapes, batching and pairing, validation before sending, Continue On Fail, 404 wording,
 * and the Tags picker (getLeadTags).
 */
import type { INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_leads_K7';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
const OTHER_AGENT = '65a1f0c2e4b0a1b2c3d4e5f9';
const TAG_HOT = '7a0000000000000000000001';
const TAG_VIP = '7a0000000000000000000002';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	const options = {
		apiKey: API_KEY,
		agentData: {
			[AGENT]: {
				tags: [
					{ _id: TAG_HOT, label: 'Hot' },
					{ _id: TAG_VIP, label: 'VIP' },
					{ _id: '7a0000000000000000000003', label: 'Answered Call', system: true, systemLabel: 'answered_call' },
				],
				leads: [{ _id: 'lead_seeded', phone: '+14155550100', customFields: { name: 'Ann' }, tags: [TAG_HOT] }],
			},
		},
	};
	emulator = await startEmulator(options);
});

afterEach(async () => {
	await emulator.close();
});

const credentials = () => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl });

const run = nodeRunner(credentials, { resource: 'lead', agentId: byId(AGENT) });

const createLeads = (parameters: INodeParameters = {}): INodeParameters => ({
	operation: 'create',
	phone: '={{ $json.phone }}',
	...parameters,
});
const phones = (count: number) => Array.from({ length: count }, (_, i) => ({ phone: `+1415555${String(i).padStart(4, '0')}` }));
const leadPosts = () => emulator.requests.filter((r) => r.method === 'POST' && r.path === `/agents/${AGENT}/leads`);

describe('Lead → Create', () => {
	test('one item: sends a JSON array with the documented lead fields and outputs the created lead', async () => {
		const { output, error } = await run(
			createLeads({
				phone: '+1 (415) 555-0123',
				additionalFields: { customFields: '{"name": "Jane Doe", "age": 41}', tags: [TAG_HOT, TAG_VIP] },
			}),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const [request] = emulator.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', `/agents/${AGENT}/leads`, {}]);
		expect(request.headers.authorization).toBe(API_KEY);
		// Sent as given: the docs state no phone format.
		expect(request.json).toEqual([{ phone: '+1 (415) 555-0123', customFields: { name: 'Jane Doe', age: 41 }, tags: [TAG_HOT, TAG_VIP] }]);
		const created = emulator.leads(AGENT).find((lead) => lead.phone === '+1 (415) 555-0123');
		expect(created).toBeDefined();
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	test('only the phone when nothing else is added; an empty tag selection is not sent', async () => {
		await run(createLeads({ phone: '+14155550123', additionalFields: { tags: [] } }));
		expect(emulator.requests[0].json).toEqual([{ phone: '+14155550123' }]);
	});

	test('1,000 items → exactly 10 POSTs of 100, every output paired with its item in order', async () => {
		const items = phones(1000);
		const { output, error } = await run(createLeads(), items);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(10);
		expect(leadPosts().map((r) => (r.json as unknown[]).length)).toEqual(Array(10).fill(100));
		// Every item sent exactly once.
		const sent = leadPosts().flatMap((r) => (r.json as Array<{ phone: string }>).map((lead) => lead.phone));
		expect([...sent].sort()).toEqual(items.map((item) => item.phone).sort());
		expect(output).toHaveLength(1000);
		output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.phone).toBe(items[index].phone);
		});
		const stored = new Map(emulator.leads(AGENT).map((lead) => [lead._id, lead]));
		expect(stored.size).toBe(1001);
		for (const item of output) expect(stored.get(item.json._id as string)).toEqual(item.json);
	});

	test('Batch Size 7 over 20 items → requests of 7, 7 and 6, in input order', async () => {
		const items = phones(20);
		const { output } = await run(createLeads({ options: { batchSize: 7, concurrency: 1 } }), items);
		expect(leadPosts().map((r) => (r.json as Array<{ phone: string }>).map((lead) => lead.phone))).toEqual([
			items.slice(0, 7).map((i) => i.phone),
			items.slice(7, 14).map((i) => i.phone),
			items.slice(14).map((i) => i.phone),
		]);
		expect(output.map((item) => [item.json.phone, item.pairedItem])).toEqual(items.map((item, index) => [item.phone, { item: index }]));
	});

	test('two agents by expression: never mixed in one request, outputs still in input order', async () => {
		const items = phones(10).map((item, index) => ({ ...item, agent: index % 3 === 0 ? OTHER_AGENT : AGENT }));
		const { output, error } = await run(createLeads({ agentId: byId('={{ $json.agent }}') }), items);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(2);
		for (const request of emulator.requests) {
			const agent = request.segments[1];
			const expected = items.filter((item) => item.agent === agent).map((item) => item.phone);
			expect((request.json as Array<{ phone: string }>).map((lead) => lead.phone)).toEqual(expected);
		}
		expect(output.map((item) => [item.json.phone, item.pairedItem])).toEqual(items.map((item, index) => [item.phone, { item: index }]));
		expect(emulator.leads(OTHER_AGENT).map((lead) => lead.phone)).toEqual(items.filter((i) => i.agent === OTHER_AGENT).map((i) => i.phone));
	});

	test('expressions over 3 items: custom fields and tags from each item, paired in order', async () => {
		const items = [
			{ phone: '+1001', fields: { name: 'A' }, tags: [TAG_HOT] },
			{ phone: '+1002', fields: '{"name": "B"}', tags: `${TAG_HOT}, ${TAG_VIP}` },
			{ phone: '+1003', fields: {}, tags: '' },
		];
		const { output } = await run(
			createLeads({ additionalFields: { customFields: '={{ $json.fields }}', tags: '={{ $json.tags }}' } }),
			items,
		);
		expect(emulator.requests[0].json).toEqual([
			{ phone: '+1001', customFields: { name: 'A' }, tags: [TAG_HOT] },
			{ phone: '+1002', customFields: { name: 'B' }, tags: [TAG_HOT, TAG_VIP] },
			{ phone: '+1003', customFields: {} },
		]);
		expect(output.map((item) => [item.json.phone, item.json.tags, item.pairedItem])).toEqual([
			['+1001', [TAG_HOT], { item: 0 }],
			['+1002', [TAG_HOT, TAG_VIP], { item: 1 }],
			['+1003', [], { item: 2 }],
		]);
	});

	test.each([
		[{ phone: '={{ "" }}' }, 'The Phone is empty'],
		[{ phone: '={{ null }}' }, 'The Phone must be text, but the expression gave null'],
		[{ additionalFields: { customFields: '{"name": ' } }, 'The Custom Fields must be a JSON object, e.g. {"name": "Jane Doe"}'],
		[{ additionalFields: { customFields: '={{ [1, 2] }}' } }, 'The Custom Fields must be a JSON object, e.g. {"name": "Jane Doe"}'],
		[{ additionalFields: { tags: '={{ [" "] }}' } }, 'The Tag Names or IDs entry 1 is empty'],
		[{ additionalFields: { tags: '={{ {} }}' } }, 'The Tag Names or IDs must be a list of IDs (text or an array), but the expression gave an object'],
		[{ options: { batchSize: '={{ 0 }}' } }, 'The Batch Size must be a whole number from 1 to 100, not 0'],
		[{ options: { batchSize: '={{ 101 }}' } }, 'The Batch Size must be a whole number from 1 to 100, not 101'],
		[{ agentId: byId('..') }, 'The Agent cannot be ".."'],
		[{ agentId: byId('={{ "" }}') }, 'The Agent is empty'],
	])('refused before sending: %j', async (parameters, message) => {
		const { error, output } = await run(createLeads({ phone: '+14155550123', ...parameters }), [{}]);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(output).toEqual([]);
		expect(emulator.requests).toEqual([]);
	});

	test('an invalid phone stops the node before any item is sent (without Continue On Fail)', async () => {
		const items = [{ phone: '+1001' }, { phone: '  ' }, { phone: '+1003' }];
		const { error } = await run(createLeads(), items);
		expect(error?.message).toBe('The Phone is empty');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
		expect(emulator.requests).toEqual([]);
	});

	test('with Continue On Fail an invalid phone is an error item alone; the others still go in one batch', async () => {
		const items = [{ phone: '+1001' }, { phone: '+1002' }, { phone: '' }, { phone: '+1004' }, { phone: '+1005' }];
		const { output, error } = await run(createLeads(), items, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		expect((emulator.requests[0].json as Array<{ phone: string }>).map((lead) => lead.phone)).toEqual(['+1001', '+1002', '+1004', '+1005']);
		expect(output.map((item) => [item.json.phone ?? item.json.error, item.pairedItem])).toEqual([
			['+1001', { item: 0 }],
			['+1002', { item: 1 }],
			['The Phone is empty', { item: 2 }],
			['+1004', { item: 3 }],
			['+1005', { item: 4 }],
		]);
	});

	test('an answer with another number of leads fails the batch clearly: its items are never paired by guess', async () => {
		emulator.addFault({ match: (r) => r.method === 'POST', times: 1, status: 200, body: [{ _id: 'x', phone: '+1001', customFields: {}, tags: [] }] });
		const { error, output } = await run(createLeads(), phones(3));
		expect(error?.message).toBe('ChatDash answered a batch of 3 with 1 records, so its items cannot be paired');
		expect(error?.description).toContain('Items 1–3 were sent together');
		expect(output).toEqual([]);
	});

	test('under Continue On Fail a mismatched batch fails only its own items', async () => {
		const items = phones(6);
		emulator.addFault({
			match: (r) => r.method === 'POST' && (r.json as Array<{ phone: string }>)[0]?.phone === items[2].phone,
			times: 1,
			status: 200,
			body: [],
		});
		const { output } = await run(createLeads({ options: { batchSize: 2 } }), items, 'continueRegularOutput');
		expect(output.map((item) => [item.json.phone ?? item.json.error, item.pairedItem])).toEqual([
			[items[0].phone, { item: 0 }],
			[items[1].phone, { item: 1 }],
			['ChatDash answered a batch of 2 with 0 records, so its items cannot be paired', { item: 2 }],
			['ChatDash answered a batch of 2 with 0 records, so its items cannot be paired', { item: 3 }],
			[items[4].phone, { item: 4 }],
			[items[5].phone, { item: 5 }],
		]);
	});

	test('under Continue On Fail a batch ChatDash rejects (400) fails only its items; the other batches are output', async () => {
		// Item 3 carries an unknown tag ID: the emulator rejects its whole batch (ASSUMPTION: all or nothing).
		const items = phones(6).map((item, index) => ({ ...item, tags: index === 3 ? ['7a_unknown'] : [TAG_HOT] }));
		const { output, errorOutput } = await run(
			createLeads({ additionalFields: { tags: '={{ $json.tags }}' }, options: { batchSize: 2 } }),
			items,
			'continueErrorOutput',
		);
		expect(leadPosts()).toHaveLength(3);
		expect(output.map((item) => [item.json.phone, item.pairedItem])).toEqual([
			[items[0].phone, { item: 0 }],
			[items[1].phone, { item: 1 }],
			[items[4].phone, { item: 4 }],
			[items[5].phone, { item: 5 }],
		]);
		expect(errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			["ChatDash rejected the request (HTTP 400): Lead 1: No such tag: '7a_unknown'", { item: 2 }],
			["ChatDash rejected the request (HTTP 400): Lead 1: No such tag: '7a_unknown'", { item: 3 }],
		]);
		expect(emulator.leads(AGENT).map((lead) => lead.phone)).toEqual(['+14155550100', items[0].phone, items[1].phone, items[4].phone, items[5].phone]);
	});

	test('a 404 names the agent', async () => {
		emulator.addFault({ status: 404, body: { error: { type: 'invalid_request_error', message: "No such agent: 'nope'" } } });
		const { error } = await run(createLeads({ agentId: byId('nope') }), phones(2));
		expect(error?.message).toBe('Agent "nope" was not found');
		expect(error?.description).toContain("No such agent: 'nope'");
	});

	test('a Create that may have reached ChatDash (503) is not resent: no duplicate leads', async () => {
		emulator.addFault({ match: (r) => r.method === 'POST', times: 1, status: 503, body: { error: 'An unexpected error occurred' } });
		const { error } = await run(createLeads(), phones(3));
		expect(error?.message).toContain('HTTP 503');
		expect(leadPosts()).toHaveLength(1);
	});
});

describe('Lead → Update', () => {
	const updateLead = (parameters: INodeParameters = {}): INodeParameters => ({ operation: 'update', leadId: 'lead_seeded', ...parameters });

	test('sends only the fields added and outputs the updated lead', async () => {
		const { output, error } = await run(
			updateLead({ updateFields: { phone: '+14155550199', customFields: '{"name": "Ann B."}', tags: [TAG_VIP] } }),
		);
		expect(error).toBeUndefined();
		const [request] = emulator.requests;
		expect([request.method, request.path]).toEqual(['PUT', `/agents/${AGENT}/leads/lead_seeded`]);
		expect(request.json).toEqual({ phone: '+14155550199', customFields: { name: 'Ann B.' }, tags: [TAG_VIP] });
		const expected = { _id: 'lead_seeded', phone: '+14155550199', customFields: { name: 'Ann B.' }, tags: [TAG_VIP] };
		expect(output).toEqual([{ json: expected, pairedItem: { item: 0 } }]);
		expect(emulator.leads(AGENT)[0]).toEqual(expected);
	});

	test('one field only: nothing else is sent', async () => {
		await run(updateLead({ updateFields: { phone: '+1999' } }));
		expect(emulator.requests[0].json).toEqual({ phone: '+1999' });
	});

	test.each([
		[{ updateFields: {} }, 'Nothing to update: add Custom Fields, Phone, Tags under Update Fields'],
		[{ updateFields: { tags: [] } }, 'The Tag Names or IDs list is empty: give at least one ID'],
		[{ updateFields: { phone: '' } }, 'The Phone is empty'],
		[{ updateFields: { customFields: 'not json' } }, 'The Custom Fields must be a JSON object, e.g. {"name": "Jane Doe"}'],
		[{ leadId: '={{ "" }}', updateFields: { phone: '+1' } }, 'The Lead ID is empty'],
		[{ leadId: '.', updateFields: { phone: '+1' } }, 'The Lead ID cannot be "."'],
	])('refused before sending: %j', async (parameters, message) => {
		const { error } = await run(updateLead(parameters));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('hostile lead IDs stay one path segment', async () => {
		await run(updateLead({ leadId: 'a/b?c=1#d', updateFields: { phone: '+1' } }));
		expect(emulator.requests[0].rawPath).toBe(`/v1/public/agents/${AGENT}/leads/a%2Fb%3Fc%3D1%23d`);
	});

	test('a 404 names the lead and the agent', async () => {
		const { error } = await run(updateLead({ leadId: 'lead_missing', updateFields: { phone: '+1' } }));
		expect(error?.message).toBe(`Lead "lead_missing" was not found for agent "${AGENT}"`);
		expect(error?.description).toContain("No such lead: 'lead_missing'");
	});

	test('expressions over 3 items with Continue On Fail: ordered, paired, the bad ones as error items', async () => {
		emulator.seedLeads(AGENT, [
			{ _id: 'lead_2', phone: '+2' },
			{ _id: 'lead_3', phone: '+3' },
		]);
		const items = [
			{ lead: 'lead_seeded', phone: '+11' },
			{ lead: 'lead_missing', phone: '+22' },
			{ lead: 'lead_3', phone: '' },
			{ lead: 'lead_2', phone: '+44' },
		];
		const { output } = await run(
			updateLead({ leadId: '={{ $json.lead }}', updateFields: { phone: '={{ $json.phone }}' } }),
			items,
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json._id ?? item.json.error, item.json.phone, item.pairedItem])).toEqual([
			['lead_seeded', '+11', { item: 0 }],
			[`Lead "lead_missing" was not found for agent "${AGENT}"`, undefined, { item: 1 }],
			['The Phone is empty', undefined, { item: 2 }],
			['lead_2', '+44', { item: 3 }],
		]);
		expect(emulator.requests.map((r) => r.segments[3])).toEqual(['lead_seeded', 'lead_missing', 'lead_2']);
	});
});

describe('Mapping Column Mode: Map Automatically', () => {
	const autoCreate = (parameters: INodeParameters = {}): INodeParameters => ({ operation: 'create', mappingMode: 'autoMapInputData', ...parameters });
	const autoUpdate = (parameters: INodeParameters = {}): INodeParameters => ({ operation: 'update', mappingMode: 'autoMapInputData', ...parameters });
	const rows = [
		{ phone: '+14155550001', name: 'Ann', age: 41, vip: true, tags: [TAG_HOT], rowNumber: 2 },
		{ phone: 14155550002, name: 'Bob', note: null, tags: `${TAG_HOT}, ${TAG_VIP}`, rowNumber: 3 },
		{ name: 'Cy', phone: '+14155550003', tags: '', rowNumber: 4 },
	];

	test('Create: phone, tags (array or comma list) and every other column as a custom field, in one batch; Ignore Fields leaves columns out', async () => {
		const { output, error } = await run(autoCreate({ options: { ignoreFields: 'rowNumber, nothingLikeThis' } }), rows);
		expect(error).toBeUndefined();
		expect(leadPosts().map((request) => request.json)).toEqual([
			[
				{ phone: '+14155550001', customFields: { name: 'Ann', age: 41, vip: true }, tags: [TAG_HOT] },
				{ phone: '14155550002', customFields: { name: 'Bob', note: null }, tags: [TAG_HOT, TAG_VIP] },
				{ phone: '+14155550003', customFields: { name: 'Cy' } },
			],
		]);
		expect(output.map((item) => [item.json.phone, item.pairedItem])).toEqual([
			['+14155550001', { item: 0 }],
			['14155550002', { item: 1 }],
			['+14155550003', { item: 2 }],
		]);
		expect(emulator.leads(AGENT).slice(1).map((lead) => lead._id)).toEqual(output.map((item) => item.json._id));
	});

	test('Create: another Phone Column; a column called phone is then a custom field', async () => {
		await run(autoCreate({ phoneColumn: 'mobile' }), [{ mobile: '+1555', phone: 'landline' }]);
		expect(leadPosts()[0].json).toEqual([{ phone: '+1555', customFields: { phone: 'landline' } }]);
	});

	test('Create: 1,000 rows → 10 POSTs of 100, outputs paired in order, every lead stored once', async () => {
		const items = phones(1000).map((item, index) => ({ ...item, source: 'csv', score: index }));
		const { output, error } = await run(autoCreate(), items);
		expect(error).toBeUndefined();
		expect(leadPosts().map((request) => (request.json as unknown[]).length)).toEqual(Array(10).fill(100));
		expect(output.map((item) => [item.json.phone, (item.json.customFields as { score: number }).score, item.pairedItem])).toEqual(
			items.map((item, index) => [item.phone, index, { item: index }]),
		);
		expect(emulator.leads(AGENT)).toHaveLength(1001);
	});

	test('Create: Agent by expression still sorts the rows per agent', async () => {
		const items = phones(4).map((item, index) => ({ ...item, agent: index % 2 ? OTHER_AGENT : AGENT }));
		const { error } = await run(autoCreate({ agentId: byId('={{ $json.agent }}'), options: { ignoreFields: 'agent' } }), items);
		expect(error).toBeUndefined();
		expect(emulator.leads(OTHER_AGENT).map((lead) => lead.phone)).toEqual([items[1].phone, items[3].phone]);
		expect(leadPosts().map((request) => request.json)).toEqual([[{ phone: items[0].phone }, { phone: items[2].phone }]]);
	});

	test.each([
		['a row without the phone column', [{ phone: '+1' }, { name: 'No phone' }], 'Item 2: the column "phone" is missing'],
		['an empty phone', [{ phone: '+1' }, { phone: '  ' }], 'Item 2: the column "phone" is empty'],
		['a phone that is an object', [{ phone: { number: '+1' } }], 'Item 1: the column "phone" must be text, but the item has an object'],
		['a nested object as a custom field', [{ phone: '+1' }, { phone: '+2' }, { phone: '+3', address: { city: 'Oslo' } }], 'Item 3: the column "address" must be text, a number, true/false or empty, but the item has an object'],
		['an array as a custom field', [{ phone: '+1', languages: ['en', 'de'] }], 'Item 1: the column "languages" must be text, a number, true/false or empty, but the item has an array'],
		['a tag entry that is not an ID', [{ phone: '+1', tags: [TAG_HOT, ''] }], 'Item 1: the column "tags" entry 2 is empty'],
		['tags that are an object', [{ phone: '+1', tags: { id: 7 } }], 'Item 1: the column "tags" must be a list of IDs (text or an array), but the item has an object'],
	])('Create refuses %s before anything is sent, naming the item and the column', async (_name, items, message) => {
		const { error } = await run(autoCreate(), items);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(emulator.requests).toEqual([]);
	});

	test('Create: the bad column can be left out with Ignore Fields', async () => {
		const { error } = await run(autoCreate({ options: { ignoreFields: 'address' } }), [{ phone: '+3', address: { city: 'Oslo' } }]);
		expect(error).toBeUndefined();
		expect(leadPosts()[0].json).toEqual([{ phone: '+3' }]);
	});

	test('Create with Continue On Fail: the bad rows become error items, the others go in one batch, all paired', async () => {
		const items = [{ phone: '+1' }, { name: 'no phone' }, { phone: '+3', address: { city: 'Oslo' } }, { phone: '+4' }];
		const { output, error } = await run(autoCreate(), items, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.phone ?? item.json.error, item.pairedItem])).toEqual([
			['+1', { item: 0 }],
			['Item 2: the column "phone" is missing', { item: 1 }],
			['Item 3: the column "address" must be text, a number, true/false or empty, but the item has an object', { item: 2 }],
			['+4', { item: 3 }],
		]);
		expect(leadPosts().map((request) => request.json)).toEqual([[{ phone: '+1' }, { phone: '+4' }]]);
	});

	test('Create: a saved workflow without Mapping Column Mode maps each column below, as before', async () => {
		const { error } = await run({ operation: 'create', phone: '={{ $json.mobile }}' }, [{ mobile: '+1', phone: '+2', name: 'x' }]);
		expect(error).toBeUndefined();
		expect(leadPosts()[0].json).toEqual([{ phone: '+1' }]);
	});

	test('Update: matches on the Lead ID Column (_id by default), sends the other columns', async () => {
		emulator.seedLeads(AGENT, [{ _id: 'lead_2', phone: '+2' }]);
		const items = [
			{ _id: 'lead_seeded', phone: '+11', tags: TAG_VIP, name: 'Ann B.' },
			{ _id: 'lead_2', company: 'Acme', rowNumber: 9 },
		];
		const { output, error } = await run(autoUpdate({ options: { ignoreFields: 'rowNumber' } }), items);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.path, request.json])).toEqual([
			['PUT', `/agents/${AGENT}/leads/lead_seeded`, { phone: '+11', tags: [TAG_VIP], customFields: { name: 'Ann B.' } }],
			['PUT', `/agents/${AGENT}/leads/lead_2`, { customFields: { company: 'Acme' } }],
		]);
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['lead_seeded', { item: 0 }],
			['lead_2', { item: 1 }],
		]);
	});

	test('Update: another Lead ID Column', async () => {
		await run(autoUpdate({ leadIdColumn: 'leadId' }), [{ leadId: 'lead_seeded', phone: '+12' }]);
		expect(emulator.requests.map((request) => [request.path, request.json])).toEqual([[`/agents/${AGENT}/leads/lead_seeded`, { phone: '+12' }]]);
	});

	test.each([
		['no lead ID column', [{ _id: 'lead_seeded', phone: '+1' }, { phone: '+1' }], 'Item 2: the column "_id" is missing'],
		['an empty lead ID', [{ _id: '', phone: '+1' }], 'Item 1: the column "_id" is empty'],
		['nothing to update', [{ _id: 'lead_seeded' }], 'Item 1: nothing to update'],
		['an empty tag list', [{ _id: 'lead_seeded', tags: [] }], 'Item 1: the column "tags" is empty'],
		['a nested custom field', [{ _id: 'lead_seeded', customFields: { name: 'x' } }], 'Item 1: the column "customFields" must be text, a number, true/false or empty, but the item has an object'],
	])('Update refuses %s before anything is sent', async (_name, items, message) => {
		const { error } = await run(autoUpdate(), items);
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});
});

describe('Tags picker (getLeadTags)', () => {
	const getLeadTags = new ChatDash().methods.loadOptions.getLeadTags;
	const context = (agentId: unknown) =>
		createLoadOptionsContext(
			{ resource: 'lead', operation: 'create', agentId: agentId as never },
			credentials(),
			'parameters.additionalFields.tags',
		);

	test('lists the agent’s tags by label (sorted), the tag ID as value', async () => {
		expect(await getLeadTags.call(context(byId(AGENT)))).toEqual([
			{ name: 'Answered Call', value: '7a0000000000000000000003' },
			{ name: 'Hot', value: TAG_HOT },
			{ name: 'VIP', value: TAG_VIP },
		]);
		expect([emulator.requests[0].method, emulator.requests[0].path]).toEqual(['GET', `/agents/${AGENT}/leads/tags`]);
	});

	test('asks for an Agent first, sending nothing', async () => {
		await expect(getLeadTags.call(context({ __rl: true, mode: 'list', value: '' }))).rejects.toThrow('Choose an Agent first');
		expect(emulator.requests).toEqual([]);
	});
});
