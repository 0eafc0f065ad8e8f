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
/** The credential the example workflow points at. */
const DEMO_CREDENTIAL = { id: 'chatdashDemoCred01', name: 'ChatDash (local emulator)' };
const EXAMPLE_WORKFLOW_ID = 'chatdashExampleWf01';

module.exports = { DEMO_API_KEY, DEMO_ACCOUNT, DEMO_COUPONS, DEMO_CREDENTIAL, EXAMPLE_WORKFLOW_ID };
