/**
 * Conversation → Download Recording through n8n's real engine against the emulator over loopback:
 * the conversation is read with the key, its recording downloaded WITHOUT it into binary data
 * (bytes, MIME type, file name checked), and every failure (no recording, a non-http link, an
 * expired link, a body cut short, too large, too slow, transient failures) is a clear error for
 * its item, paired, also under Continue On Fail.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../emulator/chatdash-emulator';
import { runChatDashNode } from '../helpers/engine';
import { byId } from '../helpers/parameters';

const API_KEY = 'CD.0123456789abcdef0123456789abcdef';
const AGENT = '65a1f0c2e4b0a1b2c3d4e5f6';
/** 1.5 MB: over a Max Recording Size of 1 MB. */
const BIG = Buffer.alloc(1.5 * 1_048_576, 7);
const WAV = Buffer.from('RIFF....WAVEfmt fake wav bytes for the test', 'latin1');

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

const conversations = [
	{ _id: 'call_mp3', platformId: 'vapi_1', channel: 'inbound', recording: {} },
	{ _id: 'call_wav', channel: 'outbound', recording: { body: WAV, contentType: 'audio/wav; charset=binary' } },
	{ _id: 'call_untyped', recording: { contentType: 'application/octet-stream', key: 'rec-77.ogg' } },
	{ _id: 'call_no_type', recording: { contentType: null, key: 'no-type' } },
	{ _id: 'chat_web', channel: 'web' },
	{ _id: 'chat_empty', channel: 'web', url: '' },
	{ _id: 'call_file', url: 'file:///etc/passwd' },
	{ _id: 'call_403', recording: { status: 403 } },
	{ _id: 'call_404', recording: { status: 404 } },
	{ _id: 'call_cut', recording: { truncateAt: 100 } },
	{ _id: 'call_flaky', recording: { failTimes: 2 } },
	{ _id: 'call_down', recording: { failTimes: 100 } },
	{ _id: 'call_slow_start', recording: { delayMs: 5_000 } },
	{ _id: 'call_slow_body', recording: { chunkDelayMs: 400 } },
	{ _id: 'call_chunked', recording: { contentLength: false as const } },
	{ _id: 'call_big', recording: { body: BIG } },
	{ _id: 'call_big_chunked', recording: { body: BIG, contentLength: false as const } },
	{ _id: 'call_moved', recording: { redirectTo: '/_recordings/call_wav.mp3' } },
	{ _id: 'call_to_file', recording: { redirectTo: 'file:///etc/passwd' } },
	{ _id: 'call_loop', recording: { redirectTo: '/_recordings/call_loop.mp3' } },
];

beforeEach(async () => {
	emulator = await startEmulator({
		apiKey: API_KEY,
		agents: [{ _id: AGENT, name: 'Caller' }],
		agentData: { [AGENT]: { conversations } },
	} as never);
});

afterEach(async () => {
	await emulator.close();
});

function run(
	parameters: INodeParameters,
	items: Array<Record<string, unknown>> = [{}],
	onError?: 'continueRegularOutput' | 'continueErrorOutput',
) {
	return runChatDashNode({
		items: items as never,
		parameters: { resource: 'conversation', operation: 'downloadRecording', agentId: byId(AGENT), ...parameters },
		credentials: { apiKey: API_KEY, baseUrl: emulator.baseUrl },
		onError,
	});
}

const recordingRequests = () => emulator.requests.filter((request) => request.path.startsWith('/_recordings/'));
const apiRequests = () => emulator.requests.filter((request) => !request.path.startsWith('/_recordings/'));
const bytesOf = (item: INodeExecutionData, field = 'data') => Buffer.from(item.binary![field].data, 'base64');

describe('Conversation → Download Recording', () => {
	test('reads the conversation with the key, downloads the recording without it: bytes, MIME type, file name, JSON', async () => {
		const { output, error } = await run({ conversationId: 'call_mp3' });
		expect(error).toBeUndefined();
		expect(apiRequests().map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
			['GET', `/agents/${AGENT}/conversations/call_mp3`, API_KEY],
		]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toEqual(emulator.conversation(AGENT, 'call_mp3'));
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_mp3.mp3'))).toBe(true);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: 'call_mp3.mp3', fileExtension: 'mp3' });

		// The recording host got a plain GET: no credential, no ChatDash header, the key nowhere.
		const [download] = recordingRequests();
		expect(download.method).toBe('GET');
		expect(download.headers.authorization).toBeUndefined();
		expect(JSON.stringify(download.headers)).not.toContain(API_KEY);
		expect(Object.keys(download.headers).filter((name) => /chatdash|api-key|x-api|cookie/i.test(name))).toEqual([]);
	});

	test('Put Output File in Field, a WAV (type with parameters), and Is Platform ID', async () => {
		const { output } = await run({ conversationId: 'call_wav', binaryPropertyName: 'recording' });
		expect(Object.keys(output[0].binary!)).toEqual(['recording']);
		expect(bytesOf(output[0], 'recording').equals(WAV)).toBe(true);
		expect(output[0].binary!.recording).toMatchObject({ mimeType: 'audio/wav', fileName: 'call_wav.wav' });

		emulator.clearRequests();
		const byPlatform = await run({ conversationId: 'vapi_1', isPlatformId: true });
		expect(apiRequests()[0].query).toEqual({ isPlatformId: 'true' });
		expect(byPlatform.output[0].binary!.data.fileName).toBe('call_mp3.mp3');
	});

	test('an unknown type keeps the link’s own extension; no Content-Type gives application/octet-stream and no extension', async () => {
		const { output } = await run({ conversationId: '={{ $json.id }}' }, [{ id: 'call_untyped' }, { id: 'call_no_type' }]);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'application/octet-stream', fileName: 'call_untyped.ogg' });
		expect(output[1].binary!.data).toMatchObject({ mimeType: 'application/octet-stream', fileName: 'call_no_type' });
		expect(bytesOf(output[1]).equals(emulator.recordingBytes('no-type'))).toBe(true);
	});

	test('a body without Content-Length (chunked) arrives whole', async () => {
		const { output } = await run({ conversationId: 'call_chunked' });
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_chunked.mp3'))).toBe(true);
	});

	test('a redirect to another http link is followed by the node, without the key', async () => {
		const { output } = await run({ conversationId: 'call_moved' });
		expect(bytesOf(output[0]).equals(WAV)).toBe(true);
		expect(output[0].binary!.data).toMatchObject({ mimeType: 'audio/wav', fileName: 'call_moved.wav' });
		expect(recordingRequests().map((request) => [request.path, request.headers.authorization])).toEqual([
			['/_recordings/call_moved.mp3', undefined],
			['/_recordings/call_wav.mp3', undefined],
		]);
	});

	test('transient failures of the recording host are retried (a GET may be resent)', async () => {
		const { output, error } = await run({ conversationId: 'call_flaky' });
		expect(error).toBeUndefined();
		expect(emulator.recordingServed('call_flaky.mp3')).toBe(3);
		expect(bytesOf(output[0]).equals(emulator.recordingBytes('call_flaky.mp3'))).toBe(true);
	});

	test('Max Attempts bounds the retries; the error says how often it tried', async () => {
		const { error } = await run({ conversationId: 'call_down', options: { maxAttempts: 2 } });
		expect(error?.message).toBe('The recording host answered HTTP 503 for the recording of conversation "call_down" after 2 attempts');
		expect(error?.description).toContain('Tried 2 times: HTTP 503, HTTP 503.');
		expect(emulator.recordingServed('call_down.mp3')).toBe(2);
	});

	// Each case: the conversation, options, the error message, and how often the host was asked.
	test.each([
		['a chat conversation (url null)', 'chat_web', {}, 'Conversation "chat_web" has no recording', 0],
		['an empty url', 'chat_empty', {}, 'Conversation "chat_empty" has no recording', 0],
		['a file: link', 'call_file', {}, 'Not downloading the recording of conversation "call_file": its link is a "file:" link', 0],
		['a 403 (expired link)', 'call_403', {}, 'The recording host refused the recording of conversation "call_403" (HTTP 403): the link may have expired', 1],
		['a 404 (expired link)', 'call_404', {}, 'The recording host refused the recording of conversation "call_404" (HTTP 404): the link may have expired', 1],
		['a body cut short', 'call_cut', {}, 'The download of the recording of conversation "call_cut" was cut short: less than the 2048 bytes announced arrived', 1],
		['a redirect to a file: link', 'call_to_file', {}, 'Not downloading the recording of conversation "call_to_file": the host redirected to a "file:" link', 1],
		['endless redirects', 'call_loop', {}, 'Not downloading the recording of conversation "call_loop": more than 5 redirects', 6],
		['a Content-Length over Max Recording Size', 'call_big', { maxRecordingSize: 1 }, 'The recording of conversation "call_big" is larger than the Max Recording Size (MB) (1 MB)', 1],
		['a chunked body over Max Recording Size', 'call_big_chunked', { maxRecordingSize: 1 }, 'The recording of conversation "call_big_chunked" is larger than the Max Recording Size (MB) (1 MB)', 1],
		['a slow start', 'call_slow_start', { downloadTimeout: 300 }, 'The download of the recording of conversation "call_slow_start" took longer than the Download Timeout (0.3 s)', 1],
		['a slow body', 'call_slow_body', { downloadTimeout: 600 }, 'The download of the recording of conversation "call_slow_body" took longer than the Download Timeout (0.6 s)', 1],
	])('%s: a clear error, paired, and under Continue On Fail the other items still download', async (_name, id, options, message, served) => {
		const stopped = await run({ conversationId: id, options });
		expect(stopped.error?.message).toBe(message);
		expect(stopped.output).toEqual([]);
		expect(JSON.stringify(stopped.error)).not.toContain(API_KEY);
		const key = (conversations.find((entry) => entry._id === id)?.recording as { key?: string } | undefined)?.key ?? `${id}.mp3`;
		expect(emulator.recordingServed(key)).toBe(served);

		const { output, error } = await run(
			{ conversationId: '={{ $json.id }}', options },
			[{ id: 'call_wav' }, { id }, { id: 'call_wav' }],
			'continueRegularOutput',
		);
		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[1].json.error).toBe(message);
		expect(output[1].binary).toBeUndefined();
		for (const item of [output[0], output[2]]) expect(bytesOf(item).equals(WAV)).toBe(true);
	});

	test('the no-recording error names the channel and says why; the 404 one says to re-read the conversation', async () => {
		const { error } = await run({ conversationId: 'chat_web' });
		expect(error?.description).toBe(
			'Its url (channel "web") is not set. Only voice calls have a recording; chat conversations have none. Nothing was downloaded.',
		);
		const expired = await run({ conversationId: 'call_404' });
		expect(expired.error?.description).toMatch(/re-reads the conversation from ChatDash for its current link/);
		expect(expired.error?.description).not.toContain('/_recordings/');
	});

	test('Continue On Fail (error output): the failing item goes to the error output, paired', async () => {
		const { output, errorOutput } = await run(
			{ conversationId: '={{ $json.id }}' },
			[{ id: 'call_mp3' }, { id: 'call_404' }],
			'continueErrorOutput',
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(errorOutput.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['The recording host refused the recording of conversation "call_404" (HTTP 404): the link may have expired', { item: 1 }],
		]);
	});

	test('many items: each gets its own recording, in input order, paired', async () => {
		const ids = ['call_mp3', 'call_wav', 'call_chunked', 'call_moved', 'call_untyped', 'call_mp3'];
		const { output, error } = await run({ conversationId: '={{ $json.id }}', options: { concurrency: 3 } }, ids.map((id) => ({ id })));
		expect(error).toBeUndefined();
		expect(output.map((item) => [item.json._id, item.pairedItem])).toEqual(ids.map((id, index) => [id, { item: index }]));
		const expected = [
			emulator.recordingBytes('call_mp3.mp3'),
			WAV,
			emulator.recordingBytes('call_chunked.mp3'),
			WAV,
			emulator.recordingBytes('rec-77.ogg'),
			emulator.recordingBytes('call_mp3.mp3'),
		];
		output.forEach((item, index) => expect(bytesOf(item).equals(expected[index])).toBe(true));
		expect(recordingRequests().every((request) => request.headers.authorization === undefined)).toBe(true);
	});

	test.each([
		['an empty Put Output File in Field (by expression)', { binaryPropertyName: '={{ "" }}' }, 'The Put Output File in Field is empty'],
		['a Download Timeout of 0', { options: { downloadTimeout: 0 } }, 'The Download Timeout must be a whole number of 1 or more, not 0'],
		['a Max Recording Size that is text', { options: { maxRecordingSize: '={{ "big" }}' } }, 'The Max Recording Size (MB) must be a number of 1 or more, not "big"'],
	])('%s is refused before anything is sent', async (_name, parameters, message) => {
		const { error } = await run({ conversationId: 'call_mp3', ...parameters });
		expect(error?.message).toBe(message);
		expect(emulator.requests).toEqual([]);
	});
});
