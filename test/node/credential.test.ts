/**
 * The ChatDash API credential's test (the agency key), run the way n8n runs it, against the
 * emulator over loopback. The trigger's ChatDash Client API credential is tested in trigger.test.ts.
 */
import { ChatDashApi, REDIRECT_TEST_MESSAGE } from '../../credentials/ChatDashApi.credentials';
import { startEmulator } from '../emulator/chatdash-emulator';
import { runCredentialTest } from '../helpers/engine';

const API_KEY = 'cd_agency_live_7Hq2xPz9LmW4';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

beforeEach(async () => {
	emulator = await startEmulator({ apiKey: API_KEY });
});

afterEach(async () => {
	await emulator.close();
});

function credentials(overrides: Record<string, string> = {}) {
	return { apiKey: API_KEY, baseUrl: emulator.baseUrl, ...overrides };
}

describe('credential test', () => {
	test('succeeds with the right key (GET /clients)', async () => {
		expect(await runCredentialTest(credentials())).toBe(200);
		expect(emulator.requests.map((r) => [r.method, r.rawPath, r.headers.authorization])).toEqual([
			['GET', '/v1/public/clients', API_KEY],
		]);
	});

	test('fails with a wrong key', async () => {
		expect(await runCredentialTest(credentials({ apiKey: 'not-the-key' }))).toBe(401);
	});

	test('a redirect is not followed: its status comes back with a message about the Base URL', async () => {
		const location = `${emulator.origin}/moved/v1/public/clients`;
		emulator.addFault({ status: 308, body: '', headers: { location } });
		expect(await runCredentialTest(credentials())).toBe(308);
		expect(emulator.requests.map((request) => request.rawPath)).toEqual(['/v1/public/clients']);
		const rules = new ChatDashApi().test.rules ?? [];
		for (const status of [301, 302, 303, 307, 308]) {
			const rule = rules.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === status);
			expect(rule?.properties.message).toBe(REDIRECT_TEST_MESSAGE);
		}
		expect(REDIRECT_TEST_MESSAGE).toContain('Set the Base URL');
	});
});
