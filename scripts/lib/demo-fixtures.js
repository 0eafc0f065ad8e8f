// @ts-check
/** The sample data the demo and the example workflow share (examples/update-coupon.json). */

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
];

module.exports = {
	DEMO_API_KEY,
	DEMO_ACCOUNT,
	DEMO_AGENTS,
	DEMO_CLIENT_API_KEY,
	DEMO_CLIENT_CREDENTIAL,
	DEMO_CLIENT_ID,
	DEMO_COUPONS,
	DEMO_CREDENTIAL,
	DEMO_LEAD_AGENT,
	EXAMPLES,
	EXAMPLE_WORKFLOW_ID,
};
