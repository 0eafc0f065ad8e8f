import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import { forEachWithConcurrency } from '../helpers/concurrency';
import { toCheckedNumber } from '../helpers/validation';
import { createChatDashClient } from '../transport';
import { sendBatch, unitsOfWork } from './batch';
import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_TIMEOUT_MS,
} from './common.descriptions';
import { errorItem, toNodeError, toolErrorItem } from './errors';
import { followUp } from './followUp';
import type { ChatDashRequest } from './operation';
import { identifyCreated } from './readBack';
import { resources } from './resources';

interface RequestOptions {
	concurrency?: number;
	maxAttempts?: number;
	timeout?: number;
}

function toItemJson(this: IExecuteFunctions, body: unknown, itemIndex: number): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw new NodeOperationError(this.getNode(), 'ChatDash answered with an unexpected response', {
		itemIndex,
		description: `Expected a JSON object, got ${JSON.stringify(body)?.slice(0, 200) ?? 'nothing'}.`,
	});
}

/** An entry of Options, read once for the run (n8n reads options at item 0), checked as every number field is. */
function wholeNumberOption(this: IExecuteFunctions, value: unknown, fallback: number, label: string): number {
	return value === undefined ? fallback : toCheckedNumber(this, value, label, 0, { min: 1, whole: true });
}

/**
 * Whether the node runs as an AI tool: the workflow holds it under the `…Tool` variant of its type
 * (`n8n-nodes-chatdash.chatDashTool`), which n8n derives for `usableAsTool` nodes. The type is the
 * signal that holds on every line: n8n 2.x's `isToolExecution()` is false when an AI Agent 3.x runs
 * the tool as a node of the workflow, and n8n 1.x's contexts do not have it.
 */
export function runsAsTool(node: INode): boolean {
	return node.type.endsWith('Tool');
}

/**
 * Runs the chosen operation for every input item (see `runOperation`). As an AI tool, an error is
 * the tool's result, `{ error }` with the same text as anywhere else, so that the model reads what
 * went wrong and can correct itself: n8n 1.x's AI Agent would otherwise end the whole run on the
 * first API or validation error (2.x already hands a thrown error to the model this way).
 * Outside the tool path, nothing changes.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (!runsAsTool(this.getNode())) {
		return await runOperation.call(this, this.continueOnFail() ? errorItem : undefined);
	}
	try {
		return await runOperation.call(this, toolErrorItem);
	} catch (error) {
		return [[toolErrorItem(toNodeError(this.getNode(), error, 0), 0)]];
	}
}

/**
 * Runs the chosen operation for every input item, in two passes: first every item's request is
 * built and checked, so invalid input stops the node before anything is sent; then the requests
 * go out, up to `concurrency` at once. Output item i is paired with input item i, in input order
 * whatever order the answers come in; with Continue On Fail a failing item becomes an error item
 * in its place and the others carry on.
 */
async function runOperation(
	this: IExecuteFunctions,
	/** Turns a failed item into an output item (Continue On Fail, the tool path); none: the node throws. */
	failedItem: ((error: Error, itemIndex: number) => INodeExecutionData) | undefined,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" is not supported for resource "${resource}"`,
		);
	}
	const options = this.getNodeParameter('options', 0, {}) as RequestOptions;
	const concurrency = wholeNumberOption.call(this, options.concurrency, DEFAULT_CONCURRENCY, 'Concurrency');
	const client = createChatDashClient(this, {
		retry: { maxAttempts: wholeNumberOption.call(this, options.maxAttempts, DEFAULT_MAX_ATTEMPTS, 'Max Attempts') },
		timeoutMs: wholeNumberOption.call(this, options.timeout, DEFAULT_TIMEOUT_MS, 'Timeout'),
	});

	const prepared: Array<ChatDashRequest | Error> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(operation.prepare.call(this, itemIndex));
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!failedItem) throw nodeError;
			prepared.push(nodeError);
		}
	}

	// One slot per input item (a list operation fills its slot with many), flattened in order.
	const output: INodeExecutionData[][] = new Array(items.length);
	const units = unitsOfWork(prepared);
	await forEachWithConcurrency(units.length, concurrency, async (unitIndex) => {
		const unit = units[unitIndex];
		const first = unit[0];
		const request = prepared[first];
		if (request instanceof Error) {
			output[first] = [failedItem!(request, first)];
			return;
		}
		try {
			const present = request.present ?? ((json: IDataObject) => json);
			if (request.batch) {
				const records = await sendBatch.call(this, client, unit, prepared as ChatDashRequest[]);
				unit.forEach((itemIndex, position) => {
					output[itemIndex] = [{ json: present(records[position]), pairedItem: { item: itemIndex } }];
				});
			} else if (request.list) {
				const entries = await client.sendList(request, first);
				output[first] = request.then
					? [await followUp.call(this, client, request.then, entries.map(present), first)]
					: entries.map((json) => ({ json: present(json), pairedItem: { item: first } }));
			} else {
				let json = toItemJson.call(this, await client.send(request, first), first);
				if (request.identify) json = await identifyCreated(client, request.identify, json, first);
				output[first] = [
					request.then
						? await followUp.call(this, client, request.then, present(json), first)
						: { json: present(json), pairedItem: { item: first } },
				];
			}
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, first);
			if (!failedItem) throw nodeError;
			for (const itemIndex of unit) output[itemIndex] = [failedItem(nodeError, itemIndex)];
		}
	});
	return [output.flat()];
}
