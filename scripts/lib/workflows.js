// @ts-check
/**
 * Builds workflows in the JSON n8n imports (`n8n import:workflow`): a Manual Trigger followed by
 * nodes in a line, each fed by the one before. Used by the end-to-end and editor tests and by the
 * benchmark, so that they all import workflows of one shape.
 */

const MANUAL_TRIGGER_NAME = 'Manual Trigger';

/**
 * A node before `linearWorkflow` gives it an ID and a position.
 * @typedef {{ name: string, type: string, typeVersion: number, parameters: Record<string, unknown> } & Record<string, unknown>} NodeSpec
 */

/** n8n wants a UUID per node; unique within the workflow is all it needs. @param {number} index */
function nodeId(index) {
	return `a0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/**
 * A Code node that returns `items` (or, given a string, runs that JavaScript).
 * @param {string} name @param {Array<Record<string, unknown>> | string} items
 * @returns {NodeSpec}
 */
function codeNode(name, items) {
	const jsCode = typeof items === 'string' ? items : `return ${JSON.stringify(items.map((json) => ({ json })))};`;
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } };
}

/**
 * @param {string} id a fixed workflow ID (n8n accepts up to 21 characters)
 * @param {NodeSpec[]} steps the nodes after the trigger, in order
 * @param {{ name?: string, unconnected?: NodeSpec[] }} [options] `unconnected`: nodes placed
 *   below the line and wired to nothing (an AI tool, for instance)
 */
function linearWorkflow(id, steps, options = {}) {
	/** @type {NodeSpec} */
	const trigger = { name: MANUAL_TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	const line = [trigger, ...steps].map((node, index) => ({ id: nodeId(index), position: [220 * index, 0], ...node }));
	const offset = line.length;
	const loose = (options.unconnected ?? []).map((node, index) => ({
		id: nodeId(offset + index),
		position: [220 * index, 220],
		...node,
	}));
	const connections = Object.fromEntries(
		line.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: line[index + 1].name, type: 'main', index: 0 }]] }]),
	);
	return {
		id,
		name: options.name ?? id,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [...line, ...loose],
		connections,
	};
}

/**
 * ChatDash Coupon → Update, renaming the coupon `$json.id` of `accountId` to `$json.newName`: the
 * many-items workload of the resilience tests and the benchmark.
 * @param {string} accountId @param {Record<string, unknown>} [options] the node's Options collection
 */
function renameCouponsParameters(accountId, options = {}) {
	return {
		resource: 'coupon',
		operation: 'update',
		accountId,
		couponId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
		name: '={{ $json.newName }}',
		options,
	};
}

module.exports = { linearWorkflow, codeNode, renameCouponsParameters, MANUAL_TRIGGER_NAME };
