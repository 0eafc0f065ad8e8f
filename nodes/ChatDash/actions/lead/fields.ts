/**
 * Fields and checks shared by the agent-data operations of Lead, Lead Tag and Analytics
 * (post-leads, put-leads, get-leads-tags, post-leads-tags, put-leads-tags, get-analytics).
 *
 * The lead object (as documented): `_id`, `phone`, `customFields` (object: "Keys are field names,
 * values are field values"), `tags` (the IDs of the lead tags attached to it).
 * The tag object: `_id`, `label`, `system`, `systemLabel` (Fetch Tags only).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { problemWithId, refuseField } from '../../helpers/validation';
import { idLocatorField } from '../common.descriptions';

/** An agent of the agency, picked from Fetch Agents (searchAgents) or typed by ID. */
export const agentField: INodeProperties = idLocatorField({
	displayName: 'Agent',
	name: 'agentId',
	description: 'The agent whose leads, lead tags or analytics to work on',
	searchListMethod: 'searchAgents',
	listPlaceholder: 'Select an agent...',
	idPlaceholder: '65a1f0c2e4b0a1b2c3d4e5f6',
	idHint: 'The ChatDash agent ID (its _id, 24 hexadecimal characters)',
});

/** A lead tag of the agent in Agent, picked from Fetch Tags (searchLeadTags) or typed by ID. */
export const tagField: INodeProperties = idLocatorField({
	displayName: 'Tag',
	name: 'tagId',
	description: 'The lead tag to work on (one of the agent’s tags)',
	searchListMethod: 'searchLeadTags',
	listPlaceholder: 'Select a tag...',
	idPlaceholder: '65a1f0c2e4b0a1b2c3d4e5f7',
	idHint: 'The ChatDash tag ID (its _id), as Lead Tag → Get Many outputs it',
});

/** The 404 wording of a call on one agent. */
export const agentNotFound = (agentId: string) => `Agent "${agentId}" was not found`;
export const leadNotFound = (leadId: string, agentId: string) => `Lead "${leadId}" was not found for agent "${agentId}"`;
export const tagNotFound = (tagId: string, agentId: string) => `Tag "${tagId}" was not found for agent "${agentId}"`;

/** Tags of a lead: a multi-select over the agent's tags (Fetch Tags); an expression gives tag IDs. */
export function tagsField(description: string): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLeadTags', loadOptionsDependsOn: ['agentId.value'] },
		default: [],
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

/** Custom Fields: a JSON object, sent as given (the docs do not type its values). */
export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'json',
	default: '{}',
	placeholder: '{"name": "Jane Doe", "company": "Acme"}',
	description:
		'The lead’s user-defined fields as a JSON object: keys are field names, values are field values. Sent as entered.',
};


/** Custom Fields as a JSON object (given as an object or JSON text), or throws naming the field. */
export function toCustomFields(context: IExecuteFunctions, value: unknown, itemIndex: number): Record<string, unknown> {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value.trim() || '{}');
		} catch {
			refuseField(context, itemIndex, 'Custom Fields', 'must be a JSON object, e.g. {"name": "Jane Doe"}');
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		refuseField(context, itemIndex, 'Custom Fields', 'must be a JSON object, e.g. {"name": "Jane Doe"}');
	}
	return parsed as Record<string, unknown>;
}

/**
 * Tag IDs from the multi-select (an array) or an expression (an array, or text separated by
 * commas), each one trimmed and non-empty, or throws naming the field.
 */
export function toTagIds(context: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const label = 'Tags';
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'string') list = value.trim() === '' ? [] : value.split(',');
	else return refuseField(context, itemIndex, label, `must be a list of tag IDs, not ${JSON.stringify(value)}`);
	return list.map((entry) => {
		const problem = problemWithId(entry);
		if (problem) refuseField(context, itemIndex, label, `entry ${JSON.stringify(entry)} ${problem}`);
		return String(entry).trim();
	});
}
