/**
 * Client → Create, Get, Get Many and Update, and the client list search, through n8n's real engine
 * against the emulator: the exact requests, the output (as ChatDash answered, paired with its input
 * item), the read-back that identifies a created client, refusals before anything is sent, 404
 * wording, expressions, Continue On Fail, and the member password kept out of every output.
 *
 * Passwords are never printed by a failing assertion: request bodies are compared without their
 * password, and the password itself only as a yes/no.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { startEmulator } from '../emulator/chatdash-emulator';
import { createLoadOptionsContext, nodeRunner } from '../helpers/engine';
import { byId, errorJsonWithoutNode, fromList, requestsSent } from '../helpers/parameters';

const API_KEY = 'cd_agency_clients_Q4';
const ACME = '6650a1000000000000000101';
const BRIGHT = '6650a1000000000000000102';
const PASSWORD = 'S3cret-pa55-for-tests!';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		clients: [
			{
				_id: ACME,
				name: 'Acme Dental',
				language: 'en',
				isSaasClient: false,
				members: [{ _id: '6650b2000000000000000101', name: 'Ann Admin', loginId: 'ann', email: 'ann@acme.test', isAdmin: true }],
			},
			{ _id: BRIGHT, name: 'Bright Smiles', language: 'de', isSaasClient: true },
		],
	});
});

afterEach(async () => {
	await emulator.close();
});

const run = nodeRunner(() => ({ apiKey: API_KEY, baseUrl: emulator.baseUrl }), { resource: 'client' });

const sent = () => requestsSent(emulator);

/** A request body with the member's password taken out, and whether that password was PASSWORD. */
function withoutPassword(json: unknown): { body: IDataObject; passwordIsThePassword: boolean } {
	const body = JSON.parse(JSON.stringify(json)) as { member?: IDataObject };
	const password = body.member?.password;
	delete body.member?.password;
	return { body: body as IDataObject, passwordIsThePassword: password === PASSWORD };
}

const created = (name: string) => emulator.clients().filter((client) => client.name === name);

describe('Client → Create', () => {
	const create = (parameters: INodeParameters = {}): INodeParameters => ({
		operation: 'create',
		name: 'Carebridge Clinic',
		language: 'en',
		memberName: 'Jane Doe',
		loginId: 'jane.doe',
		password: PASSWORD,
		...parameters,
	});

	test('sends POST /clients with {client, member}, reads GET /clients back, outputs the created client', async () => {
		const { output, error } = await run(create({ additionalFields: { email: 'jane@carebridge.test' } }));
		expect(error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['POST', '/clients', {}],
			['GET', '/clients', {}],
		]);
		const { body, passwordIsThePassword } = withoutPassword(emulator.requests[0].json);
		expect(body).toEqual({
			client: { name: 'Carebridge Clinic', language: 'en' },
			member: { name: 'Jane Doe', loginId: 'jane.doe', email: 'jane@carebridge.test' },
		});
		expect(passwordIsThePassword).toBe(true);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);

		const [client] = created('Carebridge Clinic');
		expect(client).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Carebridge Clinic', language: 'en', isSaasClient: false });
		expect(output).toEqual([{ json: client, pairedItem: { item: 0 } }]);
		// The first member is under the new client, with the password stored (and never listed).
		expect(emulator.members(client._id)).toEqual([
			expect.objectContaining({ name: 'Jane Doe', loginId: 'jane.doe', email: 'jane@carebridge.test', clientId: client._id }),
		]);
		expect(emulator.memberPasswordIs(emulator.members(client._id)[0]._id, PASSWORD)).toBe(true);
	});

	test('without Member Email no email is sent; the language is sent as chosen', async () => {
		await run(create({ language: 'fr' }));
		const { body } = withoutPassword(emulator.requests[0].json);
		expect(body).toEqual({ client: { name: 'Carebridge Clinic', language: 'fr' }, member: { name: 'Jane Doe', loginId: 'jane.doe' } });
	});

	test('a client of the same name existed before: not identified, no guess, nothing else sent', async () => {
		const { output, error } = await run(create({ name: 'Acme Dental', loginId: 'second.acme' }));
		expect(error).toBeUndefined();
		expect(output).toEqual([
			{
				json: {
					message: 'Client created successfully',
					identified: false,
					whyNotIdentified: 'Created, but 2 records match the client named "Acme Dental"; none was picked, to avoid guessing',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(created('Acme Dental')).toHaveLength(2);
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', '/clients'],
			['GET', '/clients'],
		]);
	});

	test('two pre-existing clients of that name: still not identified', async () => {
		emulator.seedClients([{ name: 'Twin Dental' }, { name: 'Twin Dental' }]);
		const { output } = await run(create({ name: 'Twin Dental' }));
		expect(output[0].json).toEqual({
			message: 'Client created successfully',
			identified: false,
			whyNotIdentified: 'Created, but 3 records match the client named "Twin Dental"; none was picked, to avoid guessing',
		});
	});

	test('the name must match exactly: a client named differently in case does not count', async () => {
		emulator.seedClients([{ name: 'carebridge clinic' }]);
		const { output } = await run(create());
		expect(output[0].json).toEqual(created('Carebridge Clinic')[0]);
	});

	test('a failing read-back keeps the item (the client was created), unidentified with the reason', async () => {
		emulator.addFault({ match: (request) => request.method === 'GET', status: 500, body: { error: 'An unexpected error occurred' } });
		const { output, error } = await run(create({ options: { maxAttempts: 1 } }));
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({
			message: 'Client created successfully',
			identified: false,
			whyNotIdentified:
				'Created, but reading back the client named "Carebridge Clinic" failed: ChatDash server error (HTTP 500): An unexpected error occurred',
		});
		expect(created('Carebridge Clinic')).toHaveLength(1);
	});

	test('3 items with expressions → 3 clients created and identified, output in input order', async () => {
		const items = [
			{ client: 'North Clinic', lang: 'en', member: 'Nora', login: 'nora' },
			{ client: 'South Clinic', lang: 'DE ', member: 'Sam', login: 'sam' },
			{ client: 'East Clinic', lang: 'es', member: 'Eve', login: 'eve' },
		];
		const { output, error } = await run(
			create({
				name: '={{ $json.client }}',
				language: '={{ $json.lang }}',
				memberName: '={{ $json.member }}',
				loginId: '={{ $json.login }}',
				password: `={{ "${PASSWORD}" }}`,
			}),
			items,
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.name, item.json.language, item.json._id, item.pairedItem])).toEqual([
			['North Clinic', 'en', created('North Clinic')[0]._id, { item: 0 }],
			['South Clinic', 'de', created('South Clinic')[0]._id, { item: 1 }],
			['East Clinic', 'es', created('East Clinic')[0]._id, { item: 2 }],
		]);
		const posts = emulator.requests.filter((request) => request.method === 'POST').map((request) => withoutPassword(request.json));
		expect(posts.map(({ body }) => body)).toEqual(
			items.map((item, index) => ({
				client: { name: item.client, language: ['en', 'de', 'es'][index] },
				member: { name: item.member, loginId: item.login },
			})),
		);
		expect(posts.every(({ passwordIsThePassword }) => passwordIsThePassword)).toBe(true);
	});

	test.each([
		['name', { name: '={{ $json.value }}' }, ' ', 'The Client Name is empty'],
		['memberName', { memberName: '={{ $json.value }}' }, '', 'The Member Name is empty'],
		['loginId', { loginId: '={{ $json.value }}' }, '  ', 'The Member Login ID is empty'],
		['password', { password: '={{ $json.value }}' }, '', 'The Member Password is empty'],
		['password', { password: '={{ $json.value }}' }, { a: 1 }, 'The Member Password must be text, but the expression gave an object'],
		['language', { language: '={{ $json.value }}' }, 'german', 'The Language must be a two-letter ISO 639-1 code such as en or de, not "german"'],
		['language', { language: '={{ $json.value }}' }, 'xx', 'The Language must be a two-letter ISO 639-1 code such as en or de, not "xx"'],
		['email', { additionalFields: { email: '={{ $json.value }}' } }, [1], 'The Member Email must be text, but the expression gave an array'],
	])('%s from %j → refused before anything is sent', async (_field, overrides, value, message) => {
		const { error } = await run(create(overrides as INodeParameters), [{ value }]);
		expect(error?.message).toBe(message);
		expect(error?.description).toContain('nothing was sent to ChatDash');
		expect(emulator.requests).toEqual([]);
	});

	test('Continue On Fail: bad items become error items paired with their input; the others are created', async () => {
		const { output, error } = await run(
			create({ name: '={{ $json.client }}', loginId: '={{ $json.login }}', password: '={{ $json.password }}' }),
			[
				{ client: 'One Clinic', login: 'one', password: PASSWORD },
				{ client: 'Two Clinic', login: 'ANN', password: PASSWORD },
				{ client: 'Three Clinic', login: 'three', password: '' },
				{ client: 'Four Clinic', login: 'four', password: PASSWORD },
			],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json.name ?? item.json.error, item.pairedItem])).toEqual([
			['One Clinic', { item: 0 }],
			["ChatDash rejected the request (HTTP 400): Login ID 'ANN' is already taken", { item: 1 }],
			['The Member Password is empty', { item: 2 }],
			['Four Clinic', { item: 3 }],
		]);
		// The taken login ID was sent (and refused by ChatDash); the empty password never was.
		expect(emulator.requests.filter((request) => request.method === 'POST')).toHaveLength(3);
		expect(created('Two Clinic')).toEqual([]);
		expect(created('Three Clinic')).toEqual([]);
	});

	// n8n itself puts the node (with its parameters, so a password typed into the field) into the
	// error it stores, as it stores the workflow; what the node produces must not add it anywhere.
	test('the member password appears in no output item, error item, error message or error details', async () => {
		for (const onError of ['continueRegularOutput', 'continueErrorOutput', undefined] as const) {
			emulator.clearRequests();
			const { output, errorOutput, error } = await run(
				create({ name: '={{ $json.client }}', loginId: '={{ $json.login }}' }),
				[
					{ client: `Fine Clinic ${onError}`, login: `fine-${onError}` },
					{ client: 'Taken Clinic', login: 'ann' },
				],
				onError,
			);
			expect(JSON.stringify([output, errorOutput]).includes(PASSWORD)).toBe(false);
			if (onError === undefined) {
				expect(error).toBeDefined();
				expect(errorJsonWithoutNode(error).includes(PASSWORD)).toBe(false);
			} else {
				expect([...output, ...errorOutput].some((item) => item.json.error)).toBe(true);
			}
			// It did go over the wire, so the checks above could have caught it.
			expect(emulator.requests.some((request) => request.body.includes(PASSWORD))).toBe(true);
		}
	});
});

describe('Client → Get', () => {
	test('sends GET /clients/{clientId} and outputs the client unchanged', async () => {
		const { output, error } = await run({ operation: 'get', clientId: byId(BRIGHT) });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', `/clients/${BRIGHT}`, {}, undefined]]);
		expect(output).toEqual([
			{ json: { _id: BRIGHT, name: 'Bright Smiles', language: 'de', isSaasClient: true }, pairedItem: { item: 0 } },
		]);
	});

	test('a client picked From list is sent by its ID; 3 items by expression stay paired and in order', async () => {
		const { output } = await run({ operation: 'get', clientId: fromList(ACME) });
		expect(output[0].json.name).toBe('Acme Dental');

		emulator.clearRequests();
		const many = await run({ operation: 'get', clientId: byId('={{ $json.id }}') }, [{ id: BRIGHT }, { id: ACME }, { id: BRIGHT }]);
		expect(many.output.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Bright Smiles', { item: 0 }],
			['Acme Dental', { item: 1 }],
			['Bright Smiles', { item: 2 }],
		]);
	});

	test('an unknown client → 404 naming it; with Continue On Fail only that item fails', async () => {
		const stopped = await run({ operation: 'get', clientId: byId('6650a1000000000000000999') });
		expect(stopped.error?.message).toBe('Client "6650a1000000000000000999" was not found');
		expect(stopped.error?.description).toContain("No such client: '6650a1000000000000000999'");

		const continued = await run({ operation: 'get', clientId: byId('={{ $json.id }}') }, [{ id: 'nope' }, { id: ACME }], 'continueRegularOutput');
		expect(continued.output.map((item) => [item.json.error ?? item.json.name, item.pairedItem])).toEqual([
			['Client "nope" was not found', { item: 0 }],
			['Acme Dental', { item: 1 }],
		]);
	});

	test.each([
		['', 'The Client is empty'],
		['..', 'The Client cannot be ".."'],
		[null, 'The Client must be text, but the expression gave null'],
	])('Client %j is refused before anything is sent', async (value, message) => {
		const { error } = await run({ operation: 'get', clientId: byId('={{ $json.value }}') }, [{ value }]);
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an awkward ID stays one path segment', async () => {
		emulator.seedClients([{ _id: 'a/b?c#d', name: 'Odd' }]);
		const { output } = await run({ operation: 'get', clientId: byId('a/b?c#d') });
		expect(emulator.requests[0].segments).toEqual(['clients', 'a/b?c#d']);
		expect(output[0].json.name).toBe('Odd');
	});
});

describe('Client → Get Many', () => {
	beforeEach(() => {
		emulator.seedClients(Array.from({ length: 235 }, (_, i) => ({ _id: `6650c3${String(i).padStart(18, '0')}`, name: `Client ${i}` })));
		emulator.clearRequests();
	});

	test('Return All: every client from one GET /clients (no paging parameters), unchanged', async () => {
		const { output, error } = await run({ operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['GET', '/clients', {}, undefined]]);
		expect(output).toHaveLength(237);
		expect(output.map((item) => item.json)).toEqual(emulator.clients());
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test.each([10, 150])('Limit %i: one request without a limit parameter, only that many clients', async (limit) => {
		const { output } = await run({ operation: 'getAll', returnAll: false, limit });
		expect(sent()).toEqual([['GET', '/clients', {}, undefined]]);
		expect(output.map((item) => item.json)).toEqual(emulator.clients().slice(0, limit));
	});

	test('an invalid Limit from an expression is refused before anything is sent', async () => {
		const { error } = await run({ operation: 'getAll', returnAll: false, limit: '={{ 1.5 }}' });
		expect(error?.message).toBe('The Limit must be a whole number of 1 or more, not 1.5');
		expect(emulator.requests).toEqual([]);
	});

	test('2 input items: each gets its own list, paired with it', async () => {
		const { output } = await run({ operation: 'getAll', returnAll: false, limit: '={{ $json.n }}' }, [{ n: 2 }, { n: 1 }]);
		expect(output.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Acme Dental', { item: 0 }],
			['Bright Smiles', { item: 0 }],
			['Acme Dental', { item: 1 }],
		]);
	});

	test('an answer that is not an array is reported', async () => {
		emulator.addFault({ status: 200, body: { clients: [] } });
		const { error } = await run({ operation: 'getAll', returnAll: true });
		expect(error?.message).toBe('ChatDash answered with an unexpected list');
	});
});

describe('Client → Update', () => {
	const update = (parameters: INodeParameters = {}): INodeParameters => ({
		operation: 'update',
		clientId: byId(ACME),
		updateFields: { name: 'Acme Dental Group' },
		...parameters,
	});

	test('sends PUT /clients/{clientId} with the fields set and outputs ChatDash’s answer as is', async () => {
		const { output, error } = await run(update({ updateFields: { name: 'Acme Dental Group', language: 'fr' } }));
		expect(error).toBeUndefined();
		expect(sent()).toEqual([['PUT', `/clients/${ACME}`, {}, { name: 'Acme Dental Group', language: 'fr' }]]);
		expect(output).toEqual([{ json: { message: 'Client updated successfully' }, pairedItem: { item: 0 } }]);
		expect(emulator.client(ACME)).toEqual({ _id: ACME, name: 'Acme Dental Group', language: 'fr', isSaasClient: false });
	});

	test('only the language', async () => {
		await run(update({ updateFields: { language: 'it' } }));
		expect(emulator.requests[0].json).toEqual({ language: 'it' });
	});

	test('nothing to update is refused before sending, naming the fields one can set', async () => {
		const { error } = await run(update({ updateFields: {} }));
		expect(error?.message).toBe('Nothing to update: add Name or Language under Update Fields');
		expect(emulator.requests).toEqual([]);
	});

	test.each([
		[{ name: '={{ "" }}' }, 'The Name is empty'],
		[{ language: '={{ "english" }}' }, 'The Language must be a two-letter ISO 639-1 code such as en or de, not "english"'],
	])('Update Fields %j → refused before sending', async (updateFields, message) => {
		const { error } = await run(update({ updateFields }));
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});

	test('an unknown client → 404 naming it', async () => {
		const { error } = await run(update({ clientId: byId('6650a1000000000000000999') }));
		expect(error?.message).toBe('Client "6650a1000000000000000999" was not found');
	});

	test('3 items by expression, Continue On Fail: paired, in order, the bad item alone fails', async () => {
		const { output } = await run(
			update({ clientId: byId('={{ $json.id }}'), updateFields: { name: '={{ $json.name }}' } }),
			[
				{ id: ACME, name: 'Acme 2' },
				{ id: 'missing', name: 'Ghost' },
				{ id: BRIGHT, name: 'Bright 2' },
			],
			'continueRegularOutput',
		);
		expect(output.map((item) => [item.json.message ?? item.json.error, item.pairedItem])).toEqual([
			['Client updated successfully', { item: 0 }],
			['Client "missing" was not found', { item: 1 }],
			['Client updated successfully', { item: 2 }],
		]);
		expect([emulator.client(ACME)?.name, emulator.client(BRIGHT)?.name]).toEqual(['Acme 2', 'Bright 2']);
	});
});

describe('client list search (From list)', () => {
	const searchClients = new ChatDash().methods.listSearch.searchClients;
	const context = () =>
		createLoadOptionsContext({ resource: 'client', operation: 'get' }, { apiKey: API_KEY, baseUrl: emulator.baseUrl }, 'parameters.clientId');

	test('lists the clients by name and ID, from one GET /clients, with no pagination token', async () => {
		const result = await searchClients.call(context());
		expect(result).toEqual({
			results: [
				{ name: `Acme Dental (${ACME})`, value: ACME },
				{ name: `Bright Smiles (${BRIGHT})`, value: BRIGHT },
			],
		});
		expect(result.paginationToken).toBeUndefined();
		expect(sent()).toEqual([['GET', '/clients', {}, undefined]]);
		expect(emulator.requests[0].headers.authorization).toBe(API_KEY);
	});

	test('filters by name or ID, case-insensitively', async () => {
		expect((await searchClients.call(context(), 'BRIGHT')).results.map((entry) => entry.value)).toEqual([BRIGHT]);
		expect((await searchClients.call(context(), '0101')).results.map((entry) => entry.value)).toEqual([ACME]);
		expect((await searchClients.call(context(), 'nothing like it')).results).toEqual([]);
	});

	test('a created client shows up in the list', async () => {
		await run({
			operation: 'create',
			name: 'Newcomer',
			language: 'en',
			memberName: 'N',
			loginId: 'newcomer',
			password: PASSWORD,
		});
		const { results } = await searchClients.call(context(), 'newcomer');
		expect(results).toEqual([{ name: `Newcomer (${created('Newcomer')[0]._id})`, value: created('Newcomer')[0]._id }]);
	});
});
