/**
 * Batching for endpoints that take many records in one JSON array body (ChatDashRequest.batch):
 * which items go out together, and how ChatDash's answer is paired back with them.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ChatDashClient } from '../transport';
import type { ChatDashRequest } from './operation';

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
export async function sendBatch(
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
