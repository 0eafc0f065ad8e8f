// @ts-check
/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and says where the CPU time went, in the
 * buckets that explain the node's cost inside n8n: the credential's authentication, expression
 * evaluation, HTTP, this package's own code, the rest of n8n, and idle.
 *
 * A sample is put in the first bucket (in the order of BUCKETS) that any frame of its stack belongs
 * to, so the expression n8n evaluates for a credential counts as "credentials", and axios called
 * from this package counts as "HTTP", not as package code.
 */
const fs = require('node:fs');

/** @typedef {{ id: number, callFrame: { functionName: string, url: string }, children?: number[] }} ProfileNode */
/** @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile */

/** @type {Array<{ name: string, test: (frame: ProfileNode['callFrame']) => boolean }>} */
const BUCKETS = [
	{ name: 'idle', test: (frame) => frame.functionName === '(idle)' },
	{ name: 'garbage collection', test: (frame) => frame.functionName === '(garbage collector)' },
	{
		name: 'credentials (authenticate, decrypt, load)',
		test: (frame) => /credentials-helper|credentials\.js|ChatDashApi\.credentials|\/credentials\//.test(frame.url),
	},
	{
		name: 'expressions',
		test: (frame) => /expression|tournament|isolated-vm|@n8n\/expression/i.test(frame.url),
	},
	{
		name: 'HTTP (n8n helpers, axios, sockets)',
		test: (frame) =>
			/axios|follow-redirects|backend-network|request-helper|node:_http|node:https|node:net|node:tls|_http_|\/http-|proxy-agent/.test(frame.url),
	},
	{ name: 'this package', test: (frame) => frame.url.includes('n8n-nodes-chatdash') },
	{ name: 'n8n engine (execution, parameters, logging)', test: (frame) => /n8n-core|n8n-workflow|@n8n\/|packages\/cli|\/n8n\/dist/.test(frame.url) },
];
const OTHER = 'other (Node.js, V8, libraries)';

/**
 * Milliseconds of samples per bucket; with `window`, only the samples from the first to the last
 * one whose stack holds a frame that `window` matches (e.g. this package's code: the node's run).
 * @param {CpuProfile} profile
 * @param {(frame: ProfileNode['callFrame']) => boolean} [window]
 * @returns {Map<string, number>}
 */
function bucketProfile(profile, window) {
	/** @type {Map<number, ProfileNode>} */
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	/** @type {Map<number, number>} */
	const parentOf = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
	/** @type {Map<number, string>} */
	const bucketOfNode = new Map();
	/** @param {number} id @returns {string} */
	const bucketOf = (id) => {
		const known = bucketOfNode.get(id);
		if (known) return known;
		const stack = stackOf(id);
		const bucket = BUCKETS.find((candidate) => stack.some(candidate.test))?.name ?? OTHER;
		bucketOfNode.set(id, bucket);
		return bucket;
	};
	/** @param {number} id */
	const stackOf = (id) => {
		/** @type {Array<ProfileNode['callFrame']>} */
		const stack = [];
		for (let current = /** @type {number | undefined} */ (id); current !== undefined; current = parentOf.get(current)) {
			stack.push(/** @type {ProfileNode} */ (byId.get(current)).callFrame);
		}
		return stack;
	};
	let first = 0;
	let last = profile.samples.length - 1;
	if (window) {
		const inside = profile.samples.flatMap((nodeId, index) => (stackOf(nodeId).some(window) ? [index] : []));
		first = inside.length ? inside[0] : profile.samples.length;
		last = inside.length ? inside[inside.length - 1] : -1;
	}
	/** @type {Map<string, number>} */
	const totals = new Map([...BUCKETS.map((bucket) => bucket.name), OTHER].map((name) => [name, 0]));
	profile.samples.forEach((nodeId, index) => {
		if (index < first || index > last) return;
		const bucket = bucketOf(nodeId);
		totals.set(bucket, /** @type {number} */ (totals.get(bucket)) + (profile.timeDeltas[index] ?? 0) / 1000);
	});
	return totals;
}

/**
 * The busiest profile of a folder of `.cpuprofile` files (n8n's main process, not its task runner).
 * @param {string} dir @returns {{ file: string, profile: CpuProfile }}
 */
function busiestProfile(dir) {
	const candidates = fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => {
			const file = `${dir}/${name}`;
			const profile = /** @type {CpuProfile} */ (JSON.parse(fs.readFileSync(file, 'utf8')));
			const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
			const busy = profile.samples.reduce((sum, nodeId, index) => (idle.has(nodeId) ? sum : sum + (profile.timeDeltas[index] ?? 0)), 0);
			return { file, profile, busy };
		})
		.sort((a, b) => b.busy - a.busy);
	if (!candidates.length) throw new Error(`No .cpuprofile in ${dir}`);
	return candidates[0];
}

/** Functions of the ChatDash node that run only while it executes (not when n8n loads it). */
const EXECUTION_FUNCTIONS = new Set(['execute', 'router', 'lane', 'send', 'sendOnce', 'sendList', 'sendBatch']);

/**
 * A frame of the ChatDash node's execution, what `bucketProfile`'s window looks for: from the
 * router's first pass to the concurrency lanes handling the last answer. Loading the package at
 * n8n's start-up runs other code of it (building the description), which must not open the window.
 * @param {ProfileNode['callFrame']} frame
 */
const isPackageFrame = (frame) => frame.url.includes('n8n-nodes-chatdash') && EXECUTION_FUNCTIONS.has(frame.functionName);

module.exports = { bucketProfile, busiestProfile, isPackageFrame, BUCKETS, OTHER };
