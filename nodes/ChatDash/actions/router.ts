import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { forEachWithConcurrency } from '../helpers/concurrency';
import { createChatDashClient, type ChatDashClient, type ChatDashRequest } from '../transport';
import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_TIMEOUT_MS,
} from './common.descriptions';
import { resources } from './resources';

interface RequestOptions {
	concurrency?: number;
	maxAttempts?: number;
	timeout?: number;
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.details = description;
	return { json, pairedItem: { item: itemIndex } };
}

/** Errors from validation and the transport are already n8n errors; anything else is wrapped. */
function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

function toItemJson(this: IExecuteFunctions, body: unknown, itemIndex: number): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw new NodeOperationError(this.getNode(), 'ChatDash answered with an unexpected response', {
		itemIndex,
		description: `Expected a JSON object, got ${JSON.stringify(body)?.slice(0, 200) ?? 'nothing'}.`,
	});
}

/**
 * The record a create made, read back through `identify.list` (see ChatDashRequest.identify). The
 * create has happened by now, so a failed read-back does not fail the item: it is reported as
 * not identified, with why, and the item keeps ChatDash's answer.
 */
async function identifyCreated(
	client: ChatDashClient,
	identify: NonNullable<ChatDashRequest['identify']>,
	answer: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	let candidates: IDataObject[];
	try {
		candidates = (await client.sendList(identify.list, itemIndex)).filter(identify.match);
	} catch (error) {
		return {
			...answer,
			identified: false,
			whyNotIdentified: `Created, but reading back ${identify.what} failed: ${(error as Error).message}`,
		};
	}
	if (candidates.length === 1) return candidates[0];
	return {
		...answer,
		identified: false,
		whyNotIdentified:
			candidates.length === 0
				? `Created, but no ${identify.what} was found when reading back`
				: `Created, but ${candidates.length} records match ${identify.what}; none was picked, to avoid guessing`,
	};
}

function wholeNumberOption(this: IExecuteFunctions, value: unknown, fallback: number, label: string): number {
	if (value === undefined) return fallback;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
	throw new NodeOperationError(this.getNode(), `The option ${label} must be a whole number of 1 or more`, {
		description: `Got ${JSON.stringify(value)}. Nothing was sent to ChatDash.`,
	});
}

/**
 * Runs the chosen operation for every input item, in two passes: first every item's request is
 * built and checked, so invalid input stops the node before anything is sent; then the requests
 * go out, up to `concurrency` at once. Output item i is paired with input item i, in input order
 * whatever order the answers come in; with Continue On Fail a failing item becomes an error item
 * in its place and the others carry on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
	const continueOnFail = this.continueOnFail();

	const prepared: Array<ChatDashRequest | Error> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push(operation.prepare.call(this, itemIndex));
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!continueOnFail) throw nodeError;
			prepared.push(nodeError);
		}
	}

	// One slot per input item (a list operation fills its slot with many), flattened in order.
	const output: INodeExecutionData[][] = new Array(items.length);
	await forEachWithConcurrency(items.length, concurrency, async (itemIndex) => {
		const request = prepared[itemIndex];
		if (request instanceof Error) {
			output[itemIndex] = [errorItem(request, itemIndex)];
			return;
		}
		const pairedItem = { item: itemIndex };
		try {
			const present = request.present ?? ((json: IDataObject) => json);
			if (request.list) {
				const entries = await client.sendList(request, itemIndex);
				output[itemIndex] = entries.map((json) => ({ json: present(json), pairedItem }));
			} else {
				let json = toItemJson.call(this, await client.send(request, itemIndex), itemIndex);
				if (request.identify) json = await identifyCreated(client, request.identify, json, itemIndex);
				output[itemIndex] = [{ json: present(json), pairedItem }];
			}
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!continueOnFail) throw nodeError;
			output[itemIndex] = [errorItem(nodeError, itemIndex)];
		}
	});
	return [output.flat()];
}
