/**
 * Conversation → Download Recording and Transcript as Text inside a real n8n 2.41.1 (the package
 * installed from its `npm pack` tarball), run with `n8n execute` against the emulator:
 * - the recording arrives whole as binary data (bytes and MIME type checked on the file n8n's
 *   Read/Write Files node wrote from it) in n8n's two binary-data modes on one machine: filesystem
 *   (the default) and database (N8N_DEFAULT_BINARY_DATA_MODE=database, as queue mode uses). Each
 *   `n8n execute` is its own process, so the mode is switched per run on the same instance (same
 *   user folder and database); no second n8n runs.
 * - the recording host never receives the ChatDash key;
 * - no recording, a file: link, a 404 and a body cut short each give a clear, paired error, also
 *   under Continue On Fail;
 * - Transcript as Text gives the lines in order;
 * - examples/call-recording-to-storage.json, published in `n8n start` (last, on the same
 *   instance): a call.ended delivery from the emulator runs the chain, which stores the recording
 *   as <conversation ID>.mp3 and reads the transcript.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	DEMO_CALL_AGENT,
	DEMO_CALL_CONVERSATION,
	DEMO_CLIENT_API_KEY,
	DEMO_CLIENT_CREDENTIAL,
	DEMO_CLIENT_ID,
	DEMO_CREDENTIAL,
	withRecordingsFolder,
} from '../../scripts/lib/demo-fixtures';
import { createN8nInstance, packPackage, ROOT } from '../../scripts/lib/n8n-instance';
import { codeNode, linearWorkflow } from '../../scripts/lib/workflows';
import { waitUntil } from '../../scripts/lib/wait';
import { startEmulator } from '../emulator/chatdash-emulator';
import { subscriptionReadyLine } from './trigger-workflows';
import { E2E_CREDENTIAL } from './workflows';

const API_KEY = 'cd_agency_recording_e2e_Wq4';
const AGENT = '6650a1b2c3d4e5f6010000bb';
const INSTALL_TIMEOUT = 30 * 60 * 1000;
const EXAMPLE_ID = 'e2eRecExample';
/** 300 KiB of fixed bytes: many chunks on the way through the node's counting stream. */
const LONG_CALL = Buffer.from(Array.from({ length: 300 * 1024 }, (_, index) => (index * 131 + 7) % 256));
const WAV = Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt e2e recording bytes', 'latin1');
const CONVERSATIONS = [
	{ _id: 'call_long', channel: 'inbound', recording: { body: LONG_CALL } },
	{ _id: 'call_wav', channel: 'outbound', recording: { body: WAV, contentType: 'audio/wav' } },
	{ _id: 'chat_web', channel: 'web' },
	{ _id: 'call_file', url: 'file:///etc/passwd' },
	{ _id: 'call_404', recording: { status: 404 } },
	{ _id: 'call_cut', recording: { truncateAt: 1000 } },
	{
		_id: 'call_talk',
		messages: [
			{ sender: 'bot', type: 'text', content: { text: 'Hello, how can I help?' } },
			{ sender: 'user', type: 'text', content: { text: 'Is the shop open on Sunday?' } },
			{ sender: 'agent', type: 'image', content: { url: 'https://example.com/hours.png' } },
			{ sender: 'agent', type: 'text', content: { text: 'No, Monday to Saturday.' } },
		],
	},
];
const ERROR_CASES: Array<[string, string]> = [
	['chat_web', 'Conversation "chat_web" has no recording'],
	['call_file', 'Not downloading the recording of conversation "call_file": its link is a "file:" link'],
	['call_404', 'The recording host refused the recording of conversation "call_404" (HTTP 404): the link may have expired'],
	['call_cut', 'The download of the recording of conversation "call_cut" was cut short: less than the 2048 bytes announced arrived'],
];

type Instance = Awaited<ReturnType<typeof createN8nInstance>>;
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
interface RunItem {
	json: Record<string, any>;
	binary?: Record<string, { mimeType: string; fileName: string; id?: string; bytes?: number }>;
	pairedItem?: unknown;
}

let workDir: string;
let filesDir: string;
let emulator: Emulator;
let n8n: Instance;

const progress = (line: string) => process.stderr.write(`[e2e recording] ${line}\n`);

const chatDash = (name: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	name,
	type: 'n8n-nodes-chatdash.chatDash',
	typeVersion: 1,
	parameters: { resource: 'conversation', agentId: { __rl: true, mode: 'id', value: AGENT }, ...parameters },
	credentials: { chatDashApi: E2E_CREDENTIAL },
	...extra,
});

/** Manual Trigger → the conversation IDs → Download Recording → Read/Write Files into `folder`. */
function downloadAndStoreWorkflow(id: string, ids: string[], folder: string) {
	return linearWorkflow(id, [
		codeNode('Calls', ids.map((conversationId) => ({ conversationId }))),
		chatDash('Download recording', { operation: 'downloadRecording', conversationId: '={{ $json.conversationId }}' }),
		{
			name: 'Store',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1,
			parameters: { operation: 'write', fileName: `=${folder}/{{ $binary.data.fileName }}`, dataPropertyName: 'data', options: {} },
		},
	]);
}

function nodeOutput(run: any, nodeName: string): RunItem[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main[0] ?? [];
}

const recordingRequests = () => emulator.requests.filter((request) => request.path.startsWith('/_recordings/'));

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-recording-e2e-'));
	filesDir = path.join(workDir, 'n8n-files');
	for (const folder of ['filesystem', 'database', 'example']) mkdirSync(path.join(filesDir, folder), { recursive: true });
	emulator = await startEmulator({
		apiKey: API_KEY,
		clientApiKey: DEMO_CLIENT_API_KEY,
		clientId: DEMO_CLIENT_ID,
		agents: [{ _id: AGENT, name: 'Receptionist' }],
		agentData: {
			[AGENT]: { conversations: CONVERSATIONS },
			[DEMO_CALL_AGENT]: { conversations: [DEMO_CALL_CONVERSATION] },
		},
	} as never);
	const tarball = await packPackage(workDir);
	n8n = await createN8nInstance({
		tarball,
		log: progress,
		home: path.join(workDir, 'n8n-home'),
		// Read/Write Files may only touch this folder (n8n's default is ~/.n8n-files).
		env: (port) => ({ N8N_RESTRICT_FILE_ACCESS_TO: filesDir, WEBHOOK_URL: `http://127.0.0.1:${port}/` }),
	});
	await n8n.importCredentials([
		{ ...E2E_CREDENTIAL, type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
		{ ...DEMO_CREDENTIAL, type: 'chatDashApi', data: { apiKey: API_KEY, baseUrl: emulator.baseUrl } },
		{
			...DEMO_CLIENT_CREDENTIAL,
			type: 'chatDashClientApi',
			data: { apiKey: DEMO_CLIENT_API_KEY, clientId: DEMO_CLIENT_ID, baseUrl: emulator.baseUrl },
		},
	]);
	const example = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'call-recording-to-storage.json'), 'utf8'));
	await n8n.importWorkflows([
		downloadAndStoreWorkflow('e2eRecFilesystem', ['call_long', 'call_wav'], path.join(filesDir, 'filesystem')),
		downloadAndStoreWorkflow('e2eRecDatabase', ['call_long', 'call_wav'], path.join(filesDir, 'database')),
		linearWorkflow('e2eRecErrors', [
			codeNode('Calls', [...ERROR_CASES.map(([conversationId]) => ({ conversationId })), { conversationId: 'call_wav' }]),
			chatDash(
				'Download recording',
				{ operation: 'downloadRecording', conversationId: '={{ $json.conversationId }}' },
				{ onError: 'continueRegularOutput' },
			),
		]),
		linearWorkflow('e2eRecStops', [chatDash('Download recording', { operation: 'downloadRecording', conversationId: 'call_404' })]),
		linearWorkflow('e2eTranscript', [chatDash('Get', { operation: 'get', conversationId: 'call_talk', transcriptAsText: true })]),
		{ ...withRecordingsFolder(example, path.join(filesDir, 'example')), id: EXAMPLE_ID, active: false },
	]);
}, INSTALL_TIMEOUT);

afterAll(async () => {
	await n8n?.stop();
	await emulator?.close();
	if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.each([
	['filesystem (the default)', 'e2eRecFilesystem', {}, /^filesystem(-v2)?:/],
	['database', 'e2eRecDatabase', { N8N_DEFAULT_BINARY_DATA_MODE: 'database' }, /^database:/],
])('binary-data mode %s', (_mode, workflowId, env, idPattern) => {
	test('the recordings arrive whole (bytes and MIME type), stored in that mode; the host never got the key', async () => {
		emulator.clearRequests();
		const { run, stdout, stderr } = await n8n.execute(workflowId, undefined, env);
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.status).toBe('success');
		const downloaded = nodeOutput(run, 'Download recording');
		expect(downloaded.map((item) => [item.json._id, item.pairedItem])).toEqual([
			['call_long', { item: 0 }],
			['call_wav', { item: 1 }],
		]);
		expect(downloaded.map((item) => item.binary!.data)).toEqual([
			expect.objectContaining({ mimeType: 'audio/mpeg', fileName: 'call_long.mp3', bytes: LONG_CALL.length, id: expect.stringMatching(idPattern) }),
			expect.objectContaining({ mimeType: 'audio/wav', fileName: 'call_wav.wav', bytes: WAV.length, id: expect.stringMatching(idPattern) }),
		]);
		const folder = path.join(filesDir, workflowId === 'e2eRecFilesystem' ? 'filesystem' : 'database');
		expect(readFileSync(path.join(folder, 'call_long.mp3')).equals(LONG_CALL)).toBe(true);
		expect(readFileSync(path.join(folder, 'call_wav.wav')).equals(WAV)).toBe(true);

		const downloads = recordingRequests();
		expect(downloads.map((request) => request.path)).toEqual(['/_recordings/call_long.mp3', '/_recordings/call_wav.mp3']);
		for (const request of downloads) {
			expect(request.headers.authorization).toBeUndefined();
			expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
		}
		expect(stdout + stderr).not.toContain(API_KEY);
	});
});

describe('errors in the real n8n', () => {
	test('no recording, a file: link, a 404 and a body cut short: clear errors, paired, under Continue On Fail', async () => {
		emulator.clearRequests();
		const { run } = await n8n.execute('e2eRecErrors');
		expect(run.status).toBe('success');
		const output = nodeOutput(run, 'Download recording');
		expect(output.map((item) => [item.json.error ?? item.json._id, item.pairedItem])).toEqual([
			...ERROR_CASES.map(([, message], index) => [message, { item: index }]),
			['call_wav', { item: ERROR_CASES.length }],
		]);
		expect(output[ERROR_CASES.length].binary!.data).toMatchObject({ mimeType: 'audio/wav', bytes: WAV.length });
		// The file: link was refused before any request: only the 404, the cut one and the WAV were
		// asked for (in any order: items are sent 4 at a time).
		expect(recordingRequests().map((request) => request.path).sort()).toEqual([
			'/_recordings/call_404.mp3',
			'/_recordings/call_cut.mp3',
			'/_recordings/call_wav.mp3',
		]);
	});

	test('without Continue On Fail the run stops with the error', async () => {
		const { run, code } = await n8n.execute('e2eRecStops');
		expect(code).not.toBe(0);
		expect(run.status).toBe('error');
		expect(run.data.resultData.error.message).toBe(ERROR_CASES[2][1]);
		expect(run.data.resultData.error.description).toMatch(/re-reads the conversation/);
	});
});

test('Transcript as Text gives the lines in order', async () => {
	const { run } = await n8n.execute('e2eTranscript');
	expect(run.status).toBe('success');
	const [item] = nodeOutput(run, 'Get');
	expect(item.json._id).toBe('call_talk');
	expect(item.json.transcript).toBe(
		['Bot: Hello, how can I help?', 'User: Is the shop open on Sunday?', 'Agent: [image message, no text]', 'Agent: No, Monday to Saturday.'].join('\n'),
	);
});

test('examples/call-recording-to-storage.json, published: a call.ended delivery stores the recording and reads the messages for the transcript', async () => {
	const example = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'call-recording-to-storage.json'), 'utf8'));
	const trigger = example.nodes.find((node: { type: string }) => node.type === 'n8n-nodes-chatdash.chatDashTrigger');
	const webhookUrl = `${n8n.url()}/webhook/${trigger.webhookId}/webhook`;
	expect((await n8n.cli(['publish:workflow', `--id=${EXAMPLE_ID}`])).code).toBe(0);
	const since = n8n.logMark();
	await n8n.start();
	// n8n answers readiness, and serves the URL, before the trigger's calls to ChatDash are done.
	await n8n.waitForLog(subscriptionReadyLine(webhookUrl), { since, what: `the example's trigger at ${webhookUrl} to be registered` });
	expect(emulator.webhookSubscriptions().map((entry) => [entry.agentId, entry.webhookUrl])).toEqual([[DEMO_CALL_AGENT, webhookUrl]]);
	emulator.clearRequests();

	const id = DEMO_CALL_CONVERSATION._id;
	expect(emulator.sampleEvent('call.ended').conversation._id).toBe(id);
	expect((await emulator.deliver('call.ended')).map((delivery) => delivery.status)).toEqual([200]);
	const file = path.join(filesDir, 'example', `${id}.mp3`);
	const expected = emulator.recordingBytes(`${id}.mp3`);
	await waitUntil(() => existsSync(file) && readFileSync(file).length === expected.length, `the recording written to ${file}`);
	expect(readFileSync(file).equals(expected)).toBe(true);

	// The chain re-read the conversation and its messages from ChatDash with the key, and fetched
	// the recording without it (not the link from the unsigned delivery: the sample's is a placeholder).
	await waitUntil(() => emulator.requests.some((request) => request.path.endsWith('/messages')), 'the chain to read the messages');
	const calls = emulator.requests.map((request) => [request.method, request.path, request.headers.authorization]);
	expect(calls).toEqual(
		expect.arrayContaining([
			['GET', `/agents/${DEMO_CALL_AGENT}/conversations/${id}`, API_KEY],
			['GET', `/agents/${DEMO_CALL_AGENT}/conversations/${id}/messages`, API_KEY],
			['GET', `/_recordings/${id}.mp3`, undefined],
		]),
	);
	expect(n8n.serverLog()).not.toContain(API_KEY);
});
