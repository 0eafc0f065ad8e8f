/**
 * Hostile input: every value is either sent as exactly one path segment (IDs; surrounding
 * whitespace trimmed) or exactly as given (the name), or refused with a message that names the
 * field, and never produces a request to another path. Values reach the node through expressions,
 * as they do from upstream nodes, so numbers, objects and nulls are covered too.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { idCases, LONE_SURROGATE, LONG } from '../helpers/hostile-values';

const API_KEY = 'cd_agency_hostile_Kp4';
const ACCOUNT = 'acct_hostile';
const COUPON = 'SAFE1';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

const nameCases: Array<[unknown, { sent: string } | { refused: string }]> = [
	['Winter Sale', { sent: 'Winter Sale' }],
	['  padded  ', { sent: '  padded  ' }],
	['line\nbreak', { sent: 'line\nbreak' }],
	['tab\there', { sent: 'tab\there' }],
	['"quoted" \\ backslash', { sent: '"quoted" \\ backslash' }],
	['<b>html</b>', { sent: '<b>html</b>' }],
	['{{ $json.secret }}', { sent: '{{ $json.secret }}' }],
	['${process.env.HOME}', { sent: '${process.env.HOME}' }],
	['../x', { sent: '../x' }],
	['?a=b#c', { sent: '?a=b#c' }],
	['%2F%00', { sent: '%2F%00' }],
	['a\u0000b', { sent: 'a\u0000b' }],
	['🎟️ 50% off 🎉', { sent: '🎟️ 50% off 🎉' }],
	['עברית ועוד', { sent: 'עברית ועוד' }],
	['e\u0301', { sent: 'e\u0301' }],
	[LONE_SURROGATE, { sent: LONE_SURROGATE }],
	[LONG, { sent: LONG }],
	['null', { sent: 'null' }],
	['undefined', { sent: 'undefined' }],
	['0', { sent: '0' }],
	[42, { sent: '42' }],
	[0, { sent: '0' }],
	[-1.5, { sent: '-1.5' }],
	['', { refused: 'is empty' }],
	[' ', { refused: 'is empty' }],
	['\n\t ', { refused: 'is empty' }],
	[{ name: 'x' }, { refused: 'must be text, but the expression gave an object' }],
	[['x'], { refused: 'must be text, but the expression gave an array' }],
	[null, { refused: 'must be text, but the expression gave null' }],
	[false, { refused: 'must be text, but the expression gave a boolean' }],
];

function run(items: Array<{ value: unknown }>, parameters: INodeParameters) {
	return runChatDashNode({
		items: items as IDataObject[],
		parameters: {
			resource: 'coupon',
			operation: 'update',
			accountId: ACCOUNT,
			couponId: { __rl: true, mode: 'id', value: COUPON },
			name: 'Renamed',
			...parameters,
		},
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
		onError: 'continueRegularOutput',
	});
}

const segmentsUnder = (account: string) => ['stripe', 'connect', 'accounts', account, 'coupons'];

test(`the suite covers at least 30 inputs per field (${idCases.length} IDs, ${nameCases.length} names)`, () => {
	expect(idCases.length).toBeGreaterThanOrEqual(30);
	expect(nameCases.length).toBeGreaterThanOrEqual(30);
});

test.each([
	['couponId', 'Coupon', { couponId: { __rl: true, mode: 'id', value: '={{ $json.value }}' } }],
	['accountId', 'Account ID', { accountId: '={{ $json.value }}' }],
] as const)('%s: each input is one exact path segment or refused by name', async (field, label, parameters) => {
	for (const [, expectation] of idCases) {
		if ('segment' in expectation) {
			if (field === 'couponId') emulator.seed(ACCOUNT, [{ id: expectation.segment }]);
			else emulator.seed(expectation.segment, [{ id: COUPON }]);
		}
	}
	const { output, error, run: execution } = await run(idCases.map(([value]) => ({ value })), parameters);
	expect(error).toBeUndefined();
	expect(JSON.stringify(execution)).not.toContain(API_KEY);
	expect(output).toHaveLength(idCases.length);

	const sent = idCases.filter(([, expectation]) => 'segment' in expectation);
	expect(emulator.requests).toHaveLength(sent.length);
	// Requests go out in input order (concurrency limits how many, not the start order).
	emulator.requests.forEach((request) => {
		expect(request.method).toBe('PUT');
		expect(request.rawPath).not.toMatch(/[?#]/);
		expect(request.segments).toHaveLength(6);
	});
	const sentSegments = emulator.requests.map((request) => request.segments[field === 'couponId' ? 5 : 3]);
	expect(sentSegments.sort()).toEqual(sent.map(([, expectation]) => (expectation as { segment: string }).segment).sort());

	idCases.forEach(([value, expectation], index) => {
		const item = output[index];
		expect(item.pairedItem).toEqual({ item: index });
		if ('refused' in expectation) {
			expect({ value, error: item.json.error }).toEqual({ value, error: `The ${label} ${expectation.refused}` });
		} else {
			expect({ value, error: item.json.error }).toEqual({ value, error: undefined });
			expect(item.json.name).toBe('Renamed');
			if (field === 'couponId') expect(item.json.id).toBe(expectation.segment);
		}
	});
	const otherPaths = emulator.requests.filter(
		(request) => request.segments.slice(0, 5).join('/') !== segmentsUnder(field === 'couponId' ? ACCOUNT : request.segments[3]).join('/'),
	);
	expect(otherPaths).toEqual([]);
});

test('name: each input is sent exactly as given or refused by name', async () => {
	emulator.seed(ACCOUNT, [{ id: COUPON }]);
	const { output, error } = await run(nameCases.map(([value]) => ({ value })), {
		name: '={{ $json.value }}',
		couponId: { __rl: true, mode: 'id', value: COUPON },
		options: { concurrency: 1 },
	});
	expect(error).toBeUndefined();
	const sent = nameCases.filter(([, expectation]) => 'sent' in expectation);
	// concurrency 1: requests arrive in input order, so they line up with the accepted inputs.
	expect(emulator.requests.map((request) => (request.json as { data: { name: string } }).data.name)).toEqual(
		sent.map(([, expectation]) => (expectation as { sent: string }).sent),
	);
	emulator.requests.forEach((request) => {
		expect(request.rawPath).toBe(`/v1/public/stripe/connect/accounts/${ACCOUNT}/coupons/${COUPON}`);
		expect(Object.keys((request.json as { data: object }).data)).toEqual(['name']);
	});
	nameCases.forEach(([value, expectation], index) => {
		expect(output[index].pairedItem).toEqual({ item: index });
		if ('refused' in expectation) {
			expect({ value, error: output[index].json.error }).toEqual({ value, error: `The Name ${expectation.refused}` });
		} else {
			expect({ value, name: output[index].json.name }).toEqual({ value, name: expectation.sent });
		}
	});
});
