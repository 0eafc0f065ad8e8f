import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { forEachWithConcurrency } from '../helpers/concurrency';
import { createChatDashClient, type ChatDashClient } from '../transport';
import {
	DEFAULT_CONCURRENCY,
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_TIMEOUT_MS,
} from './common.descriptions';
import { followUp } from './followUp';
import type { ChatDashRequest } from './operation';
import { resourceProperties, resources } from './resources';

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

/** Names of the node's password fields (member passwords, agent platform keys), at any depth. */
const PASSWORD_PARAMETERS = new Set<string>();
(function collect(properties: ReadonlyArray<INodeProperties | INodePropertyCollection | INodePropertyOptions>) {
	for (const property of properties) {
		if ('typeOptions' in property && property.typeOptions?.password) PASSWORD_PARAMETERS.add(property.name);
		if ('options' in property && Array.isArray(property.options)) collect(property.options);
		if ('values' in property && Array.isArray(property.values)) collect(property.values);
	}
})(resourceProperties);

/** A copy of the parameters with every password field's value replaced, at any depth. */
export function withoutPasswords(parameters: INodeParameters): INodeParameters {
	const walk = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(walk);
		if (!value || typeof value !== 'object') return value;
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, PASSWORD_PARAMETERS.has(key) && entry ? '[redacted]' : walk(entry)]),
		);
	};
	return walk(parameters) as INodeParameters;
}

/**
 * Errors from validation and the transport are already n8n errors; anything else is wrapped.
 * n8n stores an error's `node` (with its parameters) in the execution, so the copy it gets has
 * its password fields blanked: a member password typed into the node must not show up there.
 */
function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error as Error, { itemIndex });
	Object.defineProperty(nodeError, 'node', {
		value: { ...node, parameters: withoutPasswords(node.parameters) },
		enumerable: true,
		writable: false,
		configurable: true,
	});
	return nodeError;
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
				? `Created, but ${identify.what} was not found when reading back`
				: `Created, but ${candidates.length} records match ${identify.what}; none was picked, to avoid guessing`,
	};
}

/**
 * The requests to send, as lists of item indexes: one item each, except items carrying a `batch`
 * record, which go together with the other items of the same method and path (in input order,
 * up to the batch's `maxSize`). Units are ordered by their first item.
 */
export function unitsOfWork(prepared: ReadonlyArray<ChatDashRequest | Error>): number[][] {
	const units: number[][] = [];
	const openBatch = new Map<string, number[]>();
	prepared.forEach((request, itemIndex) => {
		if (request instanceof Error || !request.batch) {
			units.push([itemIndex]);
			return;
		}
		const key = JSON.stringify([request.method, request.path]);
		const current = openBatch.get(key);
		if (current && current.length < request.batch.maxSize) {
			current.push(itemIndex);
			return;
		}
		const unit = [itemIndex];
		units.push(unit);
		openBatch.set(key, unit);
	});
	return units;
}

/**
 * Sends the records of a batch's items as one JSON array and returns ChatDash's records, one per
 * item in batch order. An answer with another number of records fails the whole batch: pairing
 * records with items by guess could attach a lead to the wrong row.
 */
async function sendBatch(
	this: IExecuteFunctions,
	client: ChatDashClient,
	unit: number[],
	prepared: ChatDashRequest[],
): Promise<IDataObject[]> {
	const request = prepared[unit[0]];
	const records = unit.map((itemIndex) => prepared[itemIndex].batch!.record);
	const answer = await client.send({ ...request, body: records }, unit[0]);
	if (!Array.isArray(answer) || answer.length !== records.length) {
		throw new NodeOperationError(
			this.getNode(),
			`ChatDash answered a batch of ${records.length} with ${Array.isArray(answer) ? `${answer.length} records` : 'no list'}, so its items cannot be paired`,
			{
				itemIndex: unit[0],
				description: `Items ${unit[0] + 1}–${unit[unit.length - 1] + 1} were sent together; whatever ChatDash created for them, none is output, rather than attach a record to the wrong item. Check in ChatDash which were created before running them again.`,
			},
		);
	}
	return answer as IDataObject[];
}

function wholeNumberOption(this: IExecuteFunctions, value: unknown, fallback: number, label: string): number {
	if (value === undefined) return fallback;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
	throw new NodeOperationError(this.getNode(), `The option ${label} must be a whole number of 1 or more`, {
		description: `Got ${JSON.stringify(value)}. Nothing was sent to ChatDash.`,
	});
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

/** The tool result for a failed item: the error's message, as n8n 2.x's AI Agent hands a thrown error to the model. */
function toolErrorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
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
