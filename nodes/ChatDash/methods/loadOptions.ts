import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { problemWithId } from '../helpers/validation';
import { createChatDashClient } from '../transport';

/** The agent in the node's Agent field, or an error saying to pick one first. */
function selectedAgent(context: ILoadOptionsFunctions, what: string): string {
	const agentId = context.getNodeParameter('agentId', '', { extractValue: true }) as unknown;
	if (problemWithId(agentId)) {
		throw new NodeOperationError(context.getNode(), 'Choose an Agent first', {
			description: `The ${what} are loaded from the agent given in Agent.`,
		});
	}
	return String(agentId).trim();
}

/** The agent's lead tags (Fetch Tags), for multi-select fields: label shown, tag ID sent. */
export async function getLeadTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agentId = selectedAgent(this, 'lead tags');
	const tags = await createChatDashClient(this).send({
		method: 'GET',
		path: ['agents', agentId, 'leads', 'tags'],
		notFoundMessage: `Agent "${agentId}" was not found`,
	});
	return (Array.isArray(tags) ? (tags as IDataObject[]) : [])
		.map((tag) => ({ name: typeof tag.label === 'string' && tag.label ? tag.label : String(tag._id), value: String(tag._id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export { selectedAgent };
