/**
 * Hostile input: every value is either sent as exactly one path segment (IDs; surrounding
 * whitespace trimmed) or exactly as given (the name), or refused with a message that names the
 * field, and never produces a request to another path. Values reach the node through expressions,
 * as they do from upstream nodes, so numbers, objects and nulls are covered too.
 *
 * First Coupon → Update (its Coupon and Account ID, and the Name sent as the body), then every
 * other ID field: each of the shared hostile values (test/helpers/hostile-values.ts) is sent as
 * exactly one path segment, in its place in the operation's path, or refused with a message naming
 * the field; nothing ever reaches another path. That table grows by one row per ID field.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { idCases, LONE_SURROGATE, LONG } from '../helpers/hostile-values';
import { byId } from '../helpers/parameters';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('Coupon → Update: Coupon, Account ID and Name', () => {
	const API_KEY = 'cd_agency_hostile_Kp4';
	const ACCOUNT = 'acct_hostile';
	const COUPON = 'SAFE1';

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
});

describe('every other ID field', () => {
	const API_KEY = 'cd_agency_hostile_ids_Q7';
	const ACCOUNT = 'acct_hostile';
	const AGENT = 'agent_hostile';
	const CLIENT = 'client_hostile';
	const HOSTILE = '={{ $json.value }}';

	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator({ apiKey: API_KEY, stripe: { [ACCOUNT]: {} } });
	});

	afterAll(async () => {
		await emulator.close();
	});

	beforeEach(() => emulator.clearRequests());

	/**
	 * One ID field: the operation that reads it, its other parameters, and where the ID goes:
	 * `path` is the expected path with `*` where the hostile segment stands.
	 */
	interface IdField {
		field: string;
		label: string;
		parameters: INodeParameters;
		method: string;
		path: string[];
	}

	const stripe = (...rest: string[]) => ['stripe', 'connect', 'accounts', ACCOUNT, ...rest];

	const fields: IdField[] = [
		{ field: 'productId', label: 'Product', method: 'GET', path: stripe('products', '*'), parameters: { resource: 'product', operation: 'get', accountId: ACCOUNT, productId: byId(HOSTILE) } },
		{
			field: 'subscriptionId',
			label: 'Subscription',
			method: 'GET',
			path: stripe('subscriptions', '*'),
			parameters: { resource: 'subscription', operation: 'get', accountId: ACCOUNT, subscriptionId: byId(HOSTILE) },
		},
		{
			field: 'subscriptionId (Delete)',
			label: 'Subscription',
			method: 'DELETE',
			path: stripe('subscriptions', '*'),
			parameters: { resource: 'subscription', operation: 'delete', accountId: ACCOUNT, subscriptionId: byId(HOSTILE) },
		},
		{ field: 'invoiceId', label: 'Invoice ID', method: 'GET', path: stripe('invoices', '*'), parameters: { resource: 'invoice', operation: 'get', accountId: ACCOUNT, invoiceId: HOSTILE } },
		{
			field: 'transactionId',
			label: 'Transaction',
			method: 'GET',
			path: stripe('transactions', '*'),
			parameters: { resource: 'transaction', operation: 'get', accountId: ACCOUNT, transactionId: byId(HOSTILE) },
		},
		{ field: 'clientId', label: 'Client', method: 'GET', path: ['clients', '*'], parameters: { resource: 'client', operation: 'get', clientId: byId(HOSTILE) } },
		{
			field: 'memberId',
			label: 'Member',
			method: 'PUT',
			path: ['clients', CLIENT, 'members', '*'],
			parameters: { resource: 'clientMember', operation: 'update', clientId: byId(CLIENT), memberId: byId(HOSTILE), updateFields: { name: 'New name' } },
		},
		{ field: 'agentId', label: 'Agent', method: 'GET', path: ['agents', '*'], parameters: { resource: 'agent', operation: 'get', agentId: byId(HOSTILE) } },
		{
			field: 'agentId (Lead Tag → Create)',
			label: 'Agent',
			method: 'POST',
			path: ['agents', '*', 'leads', 'tags'],
			parameters: { resource: 'leadTag', operation: 'create', agentId: byId(HOSTILE), label: 'Hot' },
		},
		{
			field: 'conversationId',
			label: 'Conversation ID',
			method: 'GET',
			path: ['agents', AGENT, 'conversations', '*'],
			parameters: { resource: 'conversation', operation: 'get', agentId: byId(AGENT), conversationId: HOSTILE },
		},
		{
			field: 'leadId',
			label: 'Lead ID',
			method: 'PUT',
			path: ['agents', AGENT, 'leads', '*'],
			parameters: { resource: 'lead', operation: 'update', agentId: byId(AGENT), leadId: HOSTILE, updateFields: { phone: '+15550100' } },
		},
		{
			field: 'tagId',
			label: 'Tag',
			method: 'PUT',
			path: ['agents', AGENT, 'leads', 'tags', '*'],
			parameters: { resource: 'leadTag', operation: 'update', agentId: byId(AGENT), tagId: byId(HOSTILE), label: 'Hot' },
		},
	];

	test(`the suite covers every ID field with ${idCases.length} inputs`, () => {
		expect(idCases.length).toBeGreaterThanOrEqual(30);
		expect(fields.length).toBeGreaterThanOrEqual(12);
	});

	test.each(fields.map((entry) => [entry.field, entry] as const))(
		'%s: each input is one exact path segment in its place, or refused by name',
		async (_name, { label, parameters, method, path }) => {
			const { output, error, run } = await runChatDashNode({
				items: idCases.map(([value]) => ({ value })) as IDataObject[],
				parameters: { ...parameters, options: { maxAttempts: 1 } },
				credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
				onError: 'continueRegularOutput',
			});
			expect(error).toBeUndefined();
			expect(JSON.stringify(run)).not.toContain(API_KEY);
			expect(output).toHaveLength(idCases.length);

			const position = path.indexOf('*');
			const accepted = idCases.filter(([, expectation]) => 'segment' in expectation);
			expect(emulator.requests).toHaveLength(accepted.length);
			for (const request of emulator.requests) {
				expect(request.method).toBe(method);
				expect(request.rawPath).not.toMatch(/[#]/);
				expect(request.segments).toHaveLength(path.length);
				expect(request.segments.map((segment, index) => (index === position ? '*' : segment))).toEqual(path);
			}
			const sentSegments = emulator.requests.map((request) => request.segments[position]).sort();
			expect(sentSegments).toEqual(accepted.map(([, expectation]) => (expectation as { segment: string }).segment).sort());

			idCases.forEach(([value, expectation], index) => {
				expect(output[index].pairedItem).toEqual({ item: index });
				if ('refused' in expectation) {
					expect({ value, error: output[index].json.error }).toEqual({ value, error: `The ${label} ${expectation.refused}` });
				} else {
					// Sent: whatever ChatDash answered (here mostly "not found"), never a refusal of the field.
					expect({ value, refusal: String(output[index].json.error ?? '').startsWith(`The ${label} `) }).toEqual({ value, refusal: false });
				}
			});
		},
	);
});
