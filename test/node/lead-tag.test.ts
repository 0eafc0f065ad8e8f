/**
 * Lead Tag → Create, Get Many and Update through n8n's real engine against the emulator, and
 * the Tag picker (searchLeadTags).
 */

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_tags_Q2';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
const TAG_HOT = '7a0000000000000000000001';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	const options = {
		apiKey: API_KEY,
		agentData: {
			[AGENT]: {
				tags: [
					{ _id: TAG_HOT, label: 'Hot' },
					{ _id: '7a0000000000000000000002', label: 'Answered Call', system: true, systemLabel: 'answered_call' },
				],
			},
		},
	};
	emulator = await startEmulator(options);
});

afterEach(async () => {
	await emulator.close();
});

const credentials = () => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl });

const run = nodeRunner(credentials, { resource: 'leadTag', agentId: byId(AGENT) });

describe('Lead Tag → Create', () => {
	test('sends {label} and outputs the created tag (answered 201), which is then listable', async () => {
		const { output, error } = await run({ operation: 'create', label: 'Spring campaign' });
		expect(error).toBeUndefined();
		const [request] = emulator.requests;
		expect([request.method, request.path, request.json]).toEqual(['POST', `/agents/${AGENT}/leads/tags`, { label: 'Spring campaign' }]);
		const created = emulator.tags(AGENT).find((tag) => tag.label === 'Spring campaign')!;
		expect(output).toEqual([{ json: { _id: created._id, label: 'Spring campaign', system: false }, pairedItem: { item: 0 } }]);
	});

	test('expressions over 3 items: one tag per item, in order, paired', async () => {
		const { output } = await run({ operation: 'create', label: '={{ $json.name }}' }, [{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
		expect(output.map((item) => [item.json.label, item.pairedItem])).toEqual([
			['A', { item: 0 }],
			['B', { item: 1 }],
			['C', { item: 2 }],
		]);
	});

	test.each([
		[{ label: '={{ "" }}' }, 'The Label is empty'],
		[{ label: '={{ {} }}' }, 'The Label must be text, but the expression gave an object'],
		[{ agentId: byId('..') }, 'The Agent cannot be ".."'],
	])('refused before sending: %j', async (parameters, message) => {
		const { error } = await run({ operation: 'create', label: 'X', ...parameters });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('a 404 names the agent; Continue On Fail keeps the other items', async () => {
		emulator.addFault({ match: (r) => r.segments[1] === 'nope', status: 404, body: { error: { message: "No such agent: 'nope'" } } });
		const { output } = await run(
			{ operation: 'create', agentId: byId('={{ $json.agent }}'), label: '={{ $json.name }}' },
			[{ agent: AGENT, name: 'A' }, { agent: 'nope', name: 'B' }, { agent: AGENT, name: '' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.label ?? item.json.error, item.pairedItem])).toEqual([
			['A', { item: 0 }],
			['Agent "nope" was not found', { item: 1 }],
			['The Label is empty', { item: 2 }],
		]);
	});
});

describe('Lead Tag → Get Many', () => {
	test('one request, no paging parameters; every tag as ChatDash returns it', async () => {
		const { output } = await run({ operation: 'getAll', returnAll: true });
		expect(emulator.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', `/agents/${AGENT}/leads/tags`, {}]]);
		expect(output).toEqual([
			{ json: { _id: TAG_HOT, label: 'Hot', system: false }, pairedItem: { item: 0 } },
			{
				json: { _id: '7a0000000000000000000002', label: 'Answered Call', system: true, systemLabel: 'answered_call' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Return All over 150 tags: still one request; Limit is applied locally', async () => {
		emulator.seedTags(AGENT, Array.from({ length: 148 }, (_, i) => ({ _id: `t${String(i).padStart(3, '0')}`, label: `Tag ${i}` })));
		const all = await run({ operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(150);
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 10 });
		expect(limited.output.map((item) => item.json._id)).toEqual(emulator.tags(AGENT).slice(0, 10).map((tag) => tag._id));
		const over = await run({ operation: 'getAll', returnAll: false, limit: 120 });
		expect(over.output).toHaveLength(120);
		expect(emulator.requests).toHaveLength(3);
		for (const request of emulator.requests) expect(request.query).toEqual({});
	});

	test('one input item per agent: each tag paired with its agent’s item', async () => {
		emulator.seedTags('agent_b', [{ _id: 'tb', label: 'B' }]);
		const { output } = await run({ operation: 'getAll', returnAll: true, agentId: byId('={{ $json.agent }}') }, [
			{ agent: 'agent_b' },
			{ agent: AGENT },
		]);
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['tb', { item: 0 }],
			[TAG_HOT, { item: 1 }],
			['7a0000000000000000000002', { item: 1 }],
		]);
	});

	test('an invalid Limit is refused before sending; a 404 names the agent', async () => {
		const bad = await run({ operation: 'getAll', returnAll: false, limit: '={{ 0 }}' });
		expect(bad.error?.message).toBe('The Limit must be a whole number of 1 or more, not 0');
		expect(emulator.requests).toEqual([]);
		emulator.addFault({ status: 404, body: { error: { message: "No such agent: 'x'" } } });
		const missing = await run({ operation: 'getAll', returnAll: true, agentId: byId('x') });
		expect(missing.error?.message).toBe('Agent "x" was not found');
	});
});

describe('Lead Tag → Update', () => {
	test('sends {label} to the tag and outputs the updated tag', async () => {
		const { output } = await run({ operation: 'update', tagId: byId(TAG_HOT), label: 'Very hot' });
		const [request] = emulator.requests;
		expect([request.method, request.path, request.json]).toEqual(['PUT', `/agents/${AGENT}/leads/tags/${TAG_HOT}`, { label: 'Very hot' }]);
		expect(output).toEqual([{ json: { _id: TAG_HOT, label: 'Very hot', system: false }, pairedItem: { item: 0 } }]);
		expect(emulator.tags(AGENT)[0].label).toBe('Very hot');
	});

	test('a tag picked From list works the same', async () => {
		await run({ operation: 'update', tagId: { __rl: true, mode: 'list', value: TAG_HOT }, label: 'X' });
		expect(emulator.requests[0].path).toBe(`/agents/${AGENT}/leads/tags/${TAG_HOT}`);
	});

	test.each([
		[{ tagId: byId('={{ "" }}') }, 'The Tag is empty'],
		[{ tagId: byId('..') }, 'The Tag cannot be ".."'],
		[{ label: '={{ "" }}' }, 'The Label is empty'],
	])('refused before sending: %j', async (parameters, message) => {
		const { error } = await run({ operation: 'update', tagId: byId(TAG_HOT), label: 'X', ...parameters });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('hostile tag IDs stay one path segment; a 404 names the tag and the agent', async () => {
		const { error } = await run({ operation: 'update', tagId: byId('a/b?c#d'), label: 'X' });
		expect(emulator.requests[0].rawPath).toBe(`/v1/public/agents/${AGENT}/leads/tags/a%2Fb%3Fc%23d`);
		expect(error?.message).toBe(`Tag "a/b?c#d" was not found for agent "${AGENT}"`);
		expect(error?.description).toContain("No such tag: 'a/b?c#d'");
	});

	test('expressions over 3 items with Continue On Fail', async () => {
		emulator.seedTags(AGENT, [{ _id: 't2', label: 'Two' }]);
		const { output } = await run(
			{ operation: 'update', tagId: byId('={{ $json.tag }}'), label: '={{ $json.label }}' },
			[{ tag: TAG_HOT, label: 'One!' }, { tag: 'missing', label: 'X' }, { tag: 't2', label: 'Two!' }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.label ?? item.json.error, item.pairedItem])).toEqual([
			['One!', { item: 0 }],
			[`Tag "missing" was not found for agent "${AGENT}"`, { item: 1 }],
			['Two!', { item: 2 }],
		]);
	});
});

describe('Tag picker (searchLeadTags)', () => {
	const searchLeadTags = new ChatDash().methods.listSearch.searchLeadTags;
	const context = (agentId: unknown) =>
		createLoadOptionsContext({ resource: 'leadTag', operation: 'update', agentId: agentId as never }, credentials(), 'parameters.tagId');

	test('labels with IDs, filtered by text, no pagination token (the list is not paged)', async () => {
		const all = await searchLeadTags.call(context(byId(AGENT)));
		expect(all).toEqual({
			results: [
				{ name: `Hot (${TAG_HOT})`, value: TAG_HOT },
				{ name: 'Answered Call (7a0000000000000000000002)', value: '7a0000000000000000000002' },
			],
		});
		expect(all.paginationToken).toBeUndefined();
		expect((await searchLeadTags.call(context(byId(AGENT)), 'answ')).results.map((r) => r.value)).toEqual(['7a0000000000000000000002']);
		expect((await searchLeadTags.call(context(byId(AGENT)), 'zzz')).results).toEqual([]);
	});

	test('asks for an Agent first, sending nothing', async () => {
		await expect(searchLeadTags.call(context(byId('')))).rejects.toThrow('Choose an Agent first');
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown agent gives a clear error', async () => {
		emulator.addFault({ status: 404, body: { error: { message: "No such agent: 'x'" } } });
		await expect(searchLeadTags.call(context(byId('x')))).rejects.toThrow('Agent "x" was not found');
	});
});
