// @ts-check
/** The sample data the demo and the example workflow share (examples/update-coupon.json). */
const { SAMPLE_EVENTS } = require('../../test/emulator/webhook-subscriptions');

/** Key of the local emulator only; it opens nothing real. */
const DEMO_API_KEY = 'cd_demo_local_emulator_key';
const DEMO_ACCOUNT = 'acct_demo';
const DEMO_COUPONS = [
	{ id: 'SUMMER20', name: 'Summer Sale', percent_off: 20 },
	{ id: 'WELCOME10', name: 'Welcome', percent_off: 10 },
	{ id: 'VIP50', name: 'VIP', percent_off: null, amount_off: 5000, currency: 'usd' },
];
/** Agents of the demo agency: the onboarding example assigns the first two to its new client. */
const DEMO_AGENTS = [
	{ _id: '6650a1b2c3d4e5f601000d01', name: 'Receptionist', platform: 'vapi' },
	{ _id: '6650a1b2c3d4e5f601000d02', name: 'Booking Assistant', platform: 'voiceflow' },
];
/** The agent the lead-import example sends its leads to. */
const DEMO_LEAD_AGENT = DEMO_AGENTS[0]._id;
/** The credential the example workflows point at. */
const DEMO_CREDENTIAL = { id: 'chatdashDemoCred01', name: 'ChatDash (local emulator)' };
const EXAMPLE_WORKFLOW_ID = 'chatdashExampleWf01';

/** The client key and client of the demo's ChatDash Client API credential (the trigger example). */
const DEMO_CLIENT_API_KEY = 'CD.CL.demo-local-emulator-key';
const DEMO_CLIENT_ID = 'client_1';
const DEMO_CLIENT_CREDENTIAL = { id: 'chatdashClientDemo1', name: 'ChatDash client (local emulator)' };

/** Every example workflow in examples/, with the ID it gets when imported into a demo or test n8n. */
const EXAMPLES = [
	{ file: 'update-coupon.json', id: EXAMPLE_WORKFLOW_ID },
	{ file: 'create-product-and-subscribe.json', id: 'chatdashExampleWf02' },
	{ file: 'onboard-client.json', id: 'chatdashExampleWf03' },
	{ file: 'import-leads.json', id: 'chatdashExampleWf04' },
	{ file: 'call-ended-to-crm.json', id: 'chatdashExampleWf05', trigger: true },
	{ file: 'call-recording-to-storage.json', id: 'chatdashExampleWf06', trigger: true },
];

/** The agent of the trigger examples (their ChatDash Trigger's Agent ID). */
const DEMO_CALL_AGENT = 'agent_demo';
/**
 * The call of the documented call.ended sample, as ChatDash holds it: with a recording (served by
 * the emulator) and messages, so that examples/call-recording-to-storage.json has something to
 * download and transcribe.
 */
const DEMO_CALL_CONVERSATION = {
	_id: /** @type {string} */ (/** @type {any} */ (SAMPLE_EVENTS['call.ended'].conversation)._id),
	platformId: 'Jabr9TXYYJHfvl6Syypi88rdAHYHmcq6',
	name: 'Inbound caller',
	channel: 'outbound',
	phone: '+12137771235',
	duration: 1.23,
	recording: {},
	messages: [
		{ sender: 'bot', type: 'text', content: { text: 'Hi, this is Northside Dental. How can I help?' }, createdAt: '2025-08-14T18:17:01.000Z' },
		{ sender: 'user', type: 'text', content: { text: 'I would like to book a cleaning next week.' }, createdAt: '2025-08-14T18:17:09.000Z' },
		{ sender: 'bot', type: 'text', content: { text: 'Tuesday at 10 am is free. Shall I book it?' }, createdAt: '2025-08-14T18:17:15.000Z' },
		{ sender: 'user', type: 'text', content: { text: 'Yes please.' }, createdAt: '2025-08-14T18:17:20.000Z' },
	],
};
/** Where examples/call-recording-to-storage.json writes recordings (n8n's Docker image). */
const EXAMPLE_RECORDINGS_FOLDER = '/home/node/.n8n-files/call-recordings';

/**
 * A copy of an example workflow whose Read/Write Files nodes write into `folder` instead of
 * EXAMPLE_RECORDINGS_FOLDER (which exists in n8n's Docker image, not on every machine).
 * @param {Record<string, any>} workflow @param {string} folder
 */
function withRecordingsFolder(workflow, folder) {
	return JSON.parse(JSON.stringify(workflow).split(EXAMPLE_RECORDINGS_FOLDER).join(folder));
}

module.exports = {
	DEMO_API_KEY,
	DEMO_ACCOUNT,
	DEMO_AGENTS,
	DEMO_CLIENT_API_KEY,
	DEMO_CLIENT_CREDENTIAL,
	DEMO_CLIENT_ID,
	DEMO_CALL_AGENT,
	DEMO_CALL_CONVERSATION,
	DEMO_COUPONS,
	DEMO_CREDENTIAL,
	DEMO_LEAD_AGENT,
	EXAMPLES,
	EXAMPLE_RECORDINGS_FOLDER,
	EXAMPLE_WORKFLOW_ID,
	withRecordingsFolder,
};
