/**
 * Analytics → Query through n8n's real engine against the emulator: the request shape (metrics,
 * ISO 8601 times, utcOffset as text), one output item per input item, validation before sending.
 */

import { startEmulator } from '../emulator/chatdash-emulator';
import { nodeRunner } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'cd_agency_analytics_P5';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), {
			resource: 'analytics',
			operation: 'query',
			agentId: byId(AGENT),
			metrics: ['conversations'],
			startTime: '2027-01-01T00:00:00.000Z',
			endTime: '2027-01-08T00:00:00.000Z' });

describe('Analytics → Query', () => {
	test('sends {query: {metrics, filter}} with ISO 8601 times and utcOffset as text; outputs one item as answered', async () => {
		const { output, error } = await run({
			metrics: ['conversations', 'conversationByCountry', 'totalCost'],
			startTime: '2027-01-01T00:00:00',
			endTime: '2027-01-03T00:00:00.000Z',
			additionalFields: { utcOffset: '-300' },
		});
		expect(error).toBeUndefined();
		const [request] = emulator.requests;
		expect([request.method, request.path, request.query]).toEqual(['POST', `/agents/${AGENT}/analytics/query`, {}]);
		expect(request.json).toEqual({
			query: {
				metrics: ['conversations', 'conversationByCountry', 'totalCost'],
				filter: {
					startTime: new Date('2027-01-01T00:00:00').toISOString(),
					endTime: '2027-01-03T00:00:00.000Z',
					utcOffset: '-300',
				},
			},
		});
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		// As ChatDash spells it: metric conversationByCountry, answer key conversationsByCountry.
		expect(Object.keys(output[0].json).sort()).toEqual(['conversations', 'conversationsByCountry', 'totalCost']);
		expect(output[0].json.totalCost).toEqual({ counts: expect.any(Array), total: expect.any(Number), currency: 'usd' });
		expect(emulator.analyticsQueries()).toEqual([{ agentId: AGENT, query: request.json && (request.json as { query: unknown }).query }]);
	});

	test('without UTC Offset the filter has only the times', async () => {
		await run({});
		expect(emulator.requests[0].json).toEqual({
			query: { metrics: ['conversations'], filter: { startTime: '2027-01-01T00:00:00.000Z', endTime: '2027-01-08T00:00:00.000Z' } },
		});
	});

	test('every documented metric is accepted and answered', async () => {
		const all = ['averageCost', 'conversations', 'conversationByCountry', 'endedReason', 'topMisunderstoodMessages', 'topTopics', 'totalCallDuration', 'totalCost', 'uniqueIps'];
		const { output, error } = await run({ metrics: all });
		expect(error).toBeUndefined();
		expect(Object.keys(output[0].json)).toHaveLength(9);
	});

	test('expressions over 3 items: one query per item, metrics from text or arrays, paired in order', async () => {
		const items = [
			{ agent: 'a1', metrics: 'conversations, uniqueIps', from: '2027-02-01' },
			{ agent: 'a2', metrics: ['topTopics'], from: '2027-03-01' },
			{ agent: 'a3', metrics: ['endedReason'], from: '2027-04-01' },
		];
		const { output } = await run(
			{ agentId: byId('={{ $json.agent }}'), metrics: '={{ $json.metrics }}', startTime: '={{ $json.from }}', endTime: '2027-05-01T00:00:00.000Z' },
			items,
		);
		expect(emulator.requests.map((r) => [r.segments[1], (r.json as { query: { metrics: string[] } }).query.metrics])).toEqual([
			['a1', ['conversations', 'uniqueIps']],
			['a2', ['topTopics']],
			['a3', ['endedReason']],
		]);
		expect(output.map((item) => [Object.keys(item.json), item.pairedItem])).toEqual([
			[['conversations', 'uniqueIps'], { item: 0 }],
			[['topTopics'], { item: 1 }],
			[['endedReason'], { item: 2 }],
		]);
	});

	test.each([
		[{ metrics: '={{ [] }}' }, 'The Metrics are empty: choose at least one metric'],
		[{ metrics: '={{ ["interactions"] }}' }, 'The Metrics entry "interactions" is not one of'],
		[{ metrics: '={{ 3 }}' }, 'The Metrics must be a list of metric names, not 3'],
		[{ startTime: '={{ "" }}' }, 'The Start Time must be a date, not ""'],
		[{ endTime: 'someday' }, 'The End Time must be a date, not "someday"'],
		[{ startTime: '2027-02-01T00:00:00.000Z', endTime: '2027-01-01T00:00:00.000Z' }, 'The End Time (2027-01-01T00:00:00.000Z) is before the Start Time'],
		[{ additionalFields: { utcOffset: '={{ {} }}' } }, 'The UTC Offset must be text, but the expression gave an object'],
		[{ agentId: byId('={{ "" }}') }, 'The Agent is empty'],
	])('refused before sending: %j', async (parameters, message) => {
		const { error } = await run(parameters);
		expect(error?.message).toContain(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(emulator.requests).toEqual([]);
	});

	test('a 404 names the agent; Continue On Fail keeps the other items', async () => {
		emulator.addFault({ match: (r) => r.segments[1] === 'gone', status: 404, body: { error: { message: "No such agent: 'gone'" } } });
		const { output } = await run({ agentId: byId('={{ $json.agent }}') }, [{ agent: AGENT }, { agent: 'gone' }], 'continueRegularOutput');
		expect(output.map((item) => [item.json.error ?? Object.keys(item.json), item.pairedItem])).toEqual([
			[['conversations'], { item: 0 }],
			['Agent "gone" was not found', { item: 1 }],
		]);
	});
});
