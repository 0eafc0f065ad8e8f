import type { IDataObject } from 'n8n-workflow';

import type { ChatDashClient } from '../transport';
import type { ChatDashRequest } from './operation';

/**
 * The record a create made, read back through `identify.list` (see ChatDashRequest.identify). The
 * create has happened by now, so a failed read-back does not fail the item: it is reported as
 * not identified, with why, and the item keeps ChatDash's answer.
 */
export async function identifyCreated(
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
