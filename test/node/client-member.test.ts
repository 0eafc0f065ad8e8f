/**
 * Client Member → Add, Get Many and Update, and the member list search, through n8n's real engine
 * against the emulator: the exact requests, the output (paired with its input item), the read-back
 * that identifies an added member, refusals before anything is sent, 404 wording, expressions,
 * Continue On Fail, and passwords kept out of every output.
 *
 * Passwords are never printed by a failing assertion: request bodies are compared without their
 * password, and the password itself only as a yes/no.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId, errorJsonWithoutNode, fromList, requestsSent } from '../helpers/parameters';

const API_KEY = 'cd_agency_members_Z8';
const ACME = '6650a1000000000000000201';
const BIG = '6650a1000000000000000202';
const ANN = '6650b2000000000000000201';
const BOB = '6650b2000000000000000202';
const PASSWORD = 'Memb3r-pa55-for-tests!';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const bigMembers = Array.from({ length: 150 }, (_, i) => ({
	_id: `6650d4${String(i).padStart(18, '0')}`,
	name: `Member ${i}`,
	loginId: `member${i}`,
	email: `m${i}@big.test`,
}));

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		clients: [
			{
				_id: ACME,
				name: 'Acme Dental',
				language: 'en',
				isSaasClient: false,
				members: [
					{ _id: ANN, name: 'Ann Admin', loginId: 'ann', email: 'ann@acme.test', isAdmin: true, password: 'ann-old-pw' },
					{ _id: BOB, name: 'Bob Front Desk', loginId: 'bob', email: 'bob@acme.test' },
				],
			},
			{ _id: BIG, name: 'Big Group', language: 'en', isSaasClient: false, members: bigMembers },
		],
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'clientMember', clientId: byId(ACME) });

const sent = () => requestsSent(emulator);

/** A request body with its password taken out, and whether that password was PASSWORD. */
function withoutPassword(json: unknown): { body: IDataObject; passwordIsThePassword: boolean } {
	const { password, ...body } = json as IDataObject;
	return { body, passwordIsThePassword: password === PASSWORD };
}

const memberByLogin = (clientId: string, loginId: string) => emulator.members(clientId).find((member) => member.loginId === loginId);

describe('Client Member → Add', () => {
	const add = (parameters: INodeParameters = {}): INodeParameters => ({
		operation: 'create',
		name: 'Carol Nurse',
		loginId: 'carol',
		password: PASSWORD,
		...parameters,
	});

	test('sends POST /clients/{clientId}/members, reads the members back, outputs the added member', async () => {
		const { output, error } = await run(add({ additionalFields: { email: 'carol@acme.test' } }));
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', `/clients/${ACME}/members`, {}],
			['GET', `/clients/${ACME}/members`, {}],
		]);
		const { body, passwordIsThePassword } = withoutPassword(emulator.requests[0].json);
		expect(body).toEqual({ name: 'Carol Nurse', loginId: 'carol', email: 'carol@acme.test' });
		expect(passwordIsThePassword).toBe(true);

		const carol = memberByLogin(ACME, 'carol');
		expect(carol).toEqual({
			_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			clientId: ACME,
			isAdmin: false,
			name: 'Carol Nurse',
			loginId: 'carol',
			email: 'carol@acme.test',
		});
		expect(output).toEqual([{ json: carol, pairedItem: { item: 0 } }]);
		expect(emulator.memberPasswordIs(carol!._id, PASSWORD)).toBe(true);
	});

	test('without Email no email is sent; a client picked From list is sent by its ID', async () => {
		await run(add({ clientId: fromList(ACME) }));
		expect(emulator.requests[0].segments).toEqual(['clients', ACME, 'members']);
		expect(withoutPassword(emulator.requests[0].json).body).toEqual({ name: 'Carol Nurse', loginId: 'carol' });
	});

	test('two members with that login ID in the read-back: not identified, no guess, nothing else sent', async () => {
		const twin = { clientId: ACME, isAdmin: false, name: 'Carol', loginId: 'carol', email: 'c@acme.test' };
		emulator.addFault({
			match: (request) => request.method === 'GET',
			status: 200,
			body: [{ _id: '6650b2000000000000000291', ...twin }, { _id: '6650b2000000000000000292', ...twin }],
		});
		const { output } = await run(add());
		expect(output).toEqual([
			{
				json: {
					message: 'Member added successfully',
					identified: false,
					whyNotIdentified: `Created, but 2 records match the member with login ID "carol" in client "${ACME}"; none was picked, to avoid guessing`,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', `/clients/${ACME}/members`],
			['GET', `/clients/${ACME}/members`],
		]);
	});

	test('the login ID stored differently (another case): not identified, with the reason', async () => {
		emulator.addFault({
			match: (request) => request.method === 'GET',
			status: 200,
			body: [{ _id: '6650b2000000000000000293', clientId: ACME, isAdmin: false, name: 'Carol', loginId: 'CAROL' }],
		});
		const { output } = await run(add());
		expect(output[0].json).toEqual({
			message: 'Member added successfully',
			identified: false,
			whyNotIdentified: `Created, but the member with login ID "carol" in client "${ACME}" was not found when reading back`,
		});
	});

	test('a password in the read-back (not documented) is left out of the output', async () => {
		emulator.addFault({
			match: (request) => request.method === 'GET',
			status: 200,
			body: [{ _id: '6650b2000000000000000294', clientId: ACME, isAdmin: false, name: 'Carol', loginId: 'carol', password: PASSWORD }],
		});
		const { output } = await run(add());
		expect(output[0].json).toEqual({ _id: '6650b2000000000000000294', clientId: ACME, isAdmin: false, name: 'Carol', loginId: 'carol' });
	});

	test('an unknown client → 404 naming it, and no read-back', async () => {
		const { error } = await run(add({ clientId: byId('6650a1000000000000000999') }));
		expect(error?.message).toBe('Client "6650a1000000000000000999" was not found');
		expect(emulator.requests.map((request) => request.method)).toEqual(['POST']);
	});

	test.each([
		['clientId', { clientId: byId('={{ $json.value }}') }, ' ', 'The Client is empty'],
		['name', { name: '={{ $json.value }}' }, '', 'The Name is empty'],
		['loginId', { loginId: '={{ $json.value }}' }, ' ', 'The Login ID is empty'],
		['password', { password: '={{ $json.value }}' }, '', 'The Password is empty'],
		['password', { password: '={{ $json.value }}' }, ['x'], 'The Password must be text, but the expression gave an array'],
		['email', { additionalFields: { email: '={{ $json.value }}' } }, { a: 1 }, 'The Email must be text, but the expression gave an object'],
	])('%s from %j → refused before anything is sent', async (_field, overrides, value, message) => {
		const { error } = await run(add(overrides as INodeParameters), [{ value }]);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(emulator.requests).toEqual([]);
	});

	test('3 items by expression, Continue On Fail: paired, in order; a taken login ID fails alone', async () => {
		const { output, error } = await run(
			add({ name: '={{ $json.name }}', loginId: '={{ $json.login }}', clientId: byId('={{ $json.client }}') }),
			[
				{ client: ACME, name: 'Dan', login: 'dan' },
				{ client: ACME, name: 'Ann again', login: 'ann' },
				{ client: BIG, name: 'Eve', login: 'eve' },
			],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.loginId ?? item.json.error, item.json.clientId, item.pairedItem])).toEqual([
			['dan', ACME, { item: 0 }],
			["ChatDash rejected the request (HTTP 400): Login ID 'ann' is already taken", undefined, { item: 1 }],
			['eve', BIG, { item: 2 }],
		]);
		expect(output[0].json._id).toBe(memberByLogin(ACME, 'dan')?._id);
		expect(output[2].json._id).toBe(memberByLogin(BIG, 'eve')?._id);
	});

	test('the password appears in no output item, error item, error message or error details', async () => {
		for (const onError of ['continueRegularOutput', 'continueErrorOutput', undefined] as const) {
			emulator.clearRequests();
			const { output, errorOutput, error } = await run(add({ loginId: '={{ $json.login }}' }), [{ login: `ok-${onError}` }, { login: 'bob' }], onError);
			expect(JSON.stringify([output, errorOutput]).includes(PASSWORD)).toBe(false);
			if (onError === undefined) {
				// n8n stores the error with the node it names; that copy has its password fields blanked.
				expect(errorJsonWithoutNode(error).includes(PASSWORD)).toBe(false);
				expect(JSON.stringify((error as { node?: unknown }).node).includes(PASSWORD)).toBe(false);
				expect(JSON.stringify((error as { node?: { parameters?: IDataObject } }).node?.parameters?.password)).toBe('"[redacted]"');
			}
			expect(emulator.requests.some((request) => request.body.includes(PASSWORD))).toBe(true);
		}
	});
});

describe('Client Member → Get Many', () => {
	test('Return All: every member from one GET /clients/{clientId}/members, unchanged, no password', async () => {
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', `/clients/${ACME}/members`, {}, undefined]]);
		expect(output).toEqual([
			{ json: { _id: ANN, clientId: ACME, isAdmin: true, name: 'Ann Admin', loginId: 'ann', email: 'ann@acme.test' }, pairedItem: { item: 0 } },
			{ json: { _id: BOB, clientId: ACME, isAdmin: false, name: 'Bob Front Desk', loginId: 'bob', email: 'bob@acme.test' }, pairedItem: { item: 0 } },
		]);
		expect(JSON.stringify(output)).not.toContain('ann-old-pw');
	});

	test('Return All over 150 members: one request (the docs document no paging)', async () => {
		const { output } = await run({ operation: 'getAll', clientId: byId(BIG), returnAll: true });
		expect(sent()).toEqual([['GET', `/clients/${BIG}/members`, {}, undefined]]);
		expect(output.map((item) => item.json)).toEqual(emulator.members(BIG));
		expect(output).toHaveLength(150);
	});

	test.each([10, 120])('Limit %i: one request without a limit parameter, only that many members', async (limit) => {
		const { output } = await run({ operation: 'getAll', clientId: byId(BIG), returnAll: false, limit });
		expect(sent()).toEqual([['GET', `/clients/${BIG}/members`, {}, undefined]]);
		expect(output.map((item) => item.json.loginId)).toEqual(bigMembers.slice(0, limit).map((member) => member.loginId));
	});

	test('a password in the answer (not documented) is left out', async () => {
		emulator.addFault({ status: 200, body: [{ _id: ANN, clientId: ACME, name: 'Ann', loginId: 'ann', password: PASSWORD }] });
		const { output } = await run({ operation: 'getAll', returnAll: true });
		expect(output[0].json).toEqual({ _id: ANN, clientId: ACME, name: 'Ann', loginId: 'ann' });
	});

	test('an unknown client → 404 naming it; Continue On Fail keeps the others, paired', async () => {
		const { output } = await run(
			{ operation: 'getAll', clientId: byId('={{ $json.client }}'), returnAll: false, limit: 1 },
			[{ client: 'nope' }, { client: ACME }, { client: BIG }],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.error ?? item.json.loginId, item.pairedItem])).toEqual([
			['Client "nope" was not found', { item: 0 }],
			['ann', { item: 1 }],
			['member0', { item: 2 }],
		]);
	});

	test('an invalid Limit or Client is refused before anything is sent', async () => {
		const badLimit = await run({ operation: 'getAll', returnAll: false, limit: '={{ -1 }}' });
		expect(badLimit.error?.message).toBe('The Limit must be a whole number of 1 or more, not -1');
		const badClient = await run({ operation: 'getAll', clientId: byId('={{ ".." }}'), returnAll: true });
		expect(badClient.error?.message).toBe('The Client cannot be ".."');
		expect(emulator.requests).toEqual([]);
	});
});

describe('Client Member → Update', () => {
	const update = (parameters: INodeParameters = {}): INodeParameters => ({
		operation: 'update',
		memberId: byId(BOB),
		updateFields: { name: 'Robert Front Desk' },
		...parameters,
	});

	test('sends PUT /clients/{clientId}/members/{memberId} with every field set and outputs the answer as is', async () => {
		const { output, error } = await run(
			update({
				memberId: fromList(BOB),
				updateFields: { name: 'Robert', loginId: 'robert', email: 'robert@acme.test', password: PASSWORD, isAdmin: true },
			}),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['PUT', `/clients/${ACME}/members/${BOB}`, {}],
		]);
		const { body, passwordIsThePassword } = withoutPassword(emulator.requests[0].json);
		expect(body).toEqual({ name: 'Robert', loginId: 'robert', email: 'robert@acme.test', isAdmin: true });
		expect(passwordIsThePassword).toBe(true);
		expect(output).toEqual([{ json: { message: 'Member updated successfully' }, pairedItem: { item: 0 } }]);
		expect(memberByLogin(ACME, 'robert')).toEqual({ _id: BOB, clientId: ACME, isAdmin: true, name: 'Robert', loginId: 'robert', email: 'robert@acme.test' });
		expect(emulator.memberPasswordIs(BOB, PASSWORD)).toBe(true);
		expect(JSON.stringify(output).includes(PASSWORD)).toBe(false);
	});

	test('Is Admin off is sent as false; from an expression "true" is sent as true', async () => {
		await run(update({ memberId: byId(ANN), updateFields: { isAdmin: false } }));
		await run(update({ updateFields: { isAdmin: '={{ $json.admin }}' } }), [{ admin: 'true' }]);
		expect(emulator.requests.map((request) => request.json)).toEqual([{ isAdmin: false }, { isAdmin: true }]);
		expect(emulator.members(ACME).map((member) => member.isAdmin)).toEqual([false, true]);
	});

	test('nothing to update is refused before sending, naming the fields one can set', async () => {
		const { error } = await run(update({ updateFields: {} }));
		expect(error?.message).toBe('Nothing to update: add Name, Login ID, Email, Password or Is Admin under Update Fields');
		expect(emulator.requests).toEqual([]);
	});

	test.each([
		[{ memberId: byId('={{ "" }}') }, 'The Member is empty'],
		[{ memberId: byId('={{ "." }}') }, 'The Member cannot be "."'],
		[{ clientId: byId('={{ " " }}') }, 'The Client is empty'],
		[{ updateFields: { name: '={{ " " }}' } }, 'The Name is empty'],
		[{ updateFields: { loginId: '={{ "" }}' } }, 'The Login ID is empty'],
		[{ updateFields: { email: '={{ "" }}' } }, 'The Email is empty'],
		[{ updateFields: { password: '={{ "" }}' } }, 'The Password is empty'],
		[{ updateFields: { isAdmin: '={{ "yes" }}' } }, 'The Is Admin must be true or false, not "yes"'],
	])('%j → refused before anything is sent', async (overrides, message) => {
		const { error } = await run(update(overrides as INodeParameters));
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown member or client → 404 naming both', async () => {
		const noMember = await run(update({ memberId: byId('6650b2000000000000000999') }));
		expect(noMember.error?.message).toBe(`Member "6650b2000000000000000999" was not found in client "${ACME}"`);
		expect(noMember.error?.description).toContain("No such member: '6650b2000000000000000999'");
		const noClient = await run(update({ clientId: byId('nope') }));
		expect(noClient.error?.message).toBe(`Member "${BOB}" was not found in client "nope"`);
	});

	test('3 items by expression, Continue On Fail: paired, in order, the bad item alone fails', async () => {
		const { output } = await run(
			update({ memberId: byId('={{ $json.member }}'), updateFields: { email: '={{ $json.email }}' } }),
			[
				{ member: ANN, email: 'ann@new.test' },
				{ member: 'missing', email: 'x@new.test' },
				{ member: BOB, email: 'bob@new.test' },
			],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			['Member updated successfully', { item: 0 }],
			[`Member "missing" was not found in client "${ACME}"`, { item: 1 }],
			['Member updated successfully', { item: 2 }],
		]);
		expect(emulator.members(ACME).map((member) => member.email)).toEqual(['ann@new.test', 'bob@new.test']);
	});

	test('the password appears in no error item or error message', async () => {
		for (const onError of ['continueRegularOutput', undefined] as const) {
			const { output, error } = await run(update({ memberId: byId('missing'), updateFields: { password: PASSWORD } }), [{}], onError);
			expect(JSON.stringify(output).includes(PASSWORD)).toBe(false);
			if (onError === undefined) {
				expect(errorJsonWithoutNode(error).includes(PASSWORD)).toBe(false);
			} else {
				expect(output[0].json.error).toBe(`Member "missing" was not found in client "${ACME}"`);
			}
		}
	});
});

describe('member list search (From list)', () => {
	const searchClientMembers = new ChatDash().methods.listSearch.searchClientMembers;
	const context = (clientId: unknown) =>
		createLoadOptionsContext(
			{ resource: 'clientMember', operation: 'update', clientId: clientId as never },
			{ apiKey: API_KEY, baseUrl: emulator.baseUrl },
			'parameters.memberId',
		);

	test('lists the members of the client in Client, by name, login ID and ID, with no pagination token', async () => {
		const result = await searchClientMembers.call(context(fromList(ACME)));
		expect(result).toEqual({
			results: [
				{ name: `Ann Admin – ann (${ANN})`, value: ANN },
				{ name: `Bob Front Desk – bob (${BOB})`, value: BOB },
			],
		});
		expect(result.paginationToken).toBeUndefined();
		expect(sent()).toEqual([['GET', `/clients/${ACME}/members`, {}, undefined]]);
	});

	test('filters by name, login ID or ID, case-insensitively; all 150 of a big client in one request', async () => {
		expect((await searchClientMembers.call(context(byId(ACME)), 'BOB')).results.map((entry) => entry.value)).toEqual([BOB]);
		expect((await searchClientMembers.call(context(byId(ACME)), 'nobody')).results).toEqual([]);
		emulator.clearRequests();
		expect((await searchClientMembers.call(context(byId(BIG)))).results).toHaveLength(150);
		expect(emulator.requests).toHaveLength(1);
	});

	test('asks for the Client first when it is empty', async () => {
		await expect(searchClientMembers.call(context(fromList('')))).rejects.toThrow('Choose a Client first');
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown client gives a clear error', async () => {
		await expect(searchClientMembers.call(context(byId('nope')))).rejects.toThrow('Client "nope" was not found');
	});
});
