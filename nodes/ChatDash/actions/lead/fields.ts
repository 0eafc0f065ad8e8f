/**
 * Fields and checks shared by the agent-data operations of Lead, Lead Tag and Analytics
 * (https://docs.chat-dash.com/api-reference/leads/pages/post-leads,
 * https://docs.chat-dash.com/api-reference/leads/pages/put-leads,
 * https://docs.chat-dash.com/api-reference/leads/pages/get-leads-tags,
 * https://docs.chat-dash.com/api-reference/leads/pages/post-leads-tags,
 * https://docs.chat-dash.com/api-reference/leads/pages/put-leads-tags,
 * https://docs.chat-dash.com/api-reference/analytics/pages/get-analytics).
 *
 * The lead object (as documented): `_id`, `phone`, `customFields` (object: "Keys are field names,
 * values are field values"), `tags` (the IDs of the lead tags attached to it).
 * The tag object: `_id`, `label`, `system`, `systemLabel` (Fetch Tags only).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	problemWithId,
	problemWithScalar,
	problemWithText,
	refuseColumn,
	refuseField,
	toColumnNames,
	toIdList,
	toJsonObject,
} from '../../helpers/validation';
import { agentPickerField } from '../pickers';

/** The agent whose leads, lead tags or analytics are worked on. */
export const agentField: INodeProperties = agentPickerField('The agent whose leads, lead tags or analytics to work on');

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
	return toJsonObject(context, value, 'Custom Fields', itemIndex, '{"name": "Jane Doe"}');
}

/**
 * Tag IDs from the multi-select (an array) or an expression, read as every ID-list field is
 * (toIdList), or throws naming the field (or, in Map Automatically, the column).
 */
export function toTagIds(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	refuse: (problem: string) => never = (problem) => refuseField(context, itemIndex, 'Tag Names or IDs', problem),
	source?: string,
): string[] {
	return toIdList(value, refuse, source);
}

// ---- Mapping Column Mode (Lead → Create and Lead → Update) ----------------------------------

/** The values of Mapping Column Mode; they are saved in workflows and never change. */
export const MAP_EACH_COLUMN = 'defineBelow';
export const MAP_AUTOMATICALLY = 'autoMapInputData';
/** The input column read as the lead's tags in Map Automatically. */
export const TAGS_COLUMN = 'tags';

/**
 * Mapping Column Mode, in the words of n8n's own import-style nodes (Postgres, Airtable, Google
 * Sheets). The default is today's fields, so saved workflows (which do not store a parameter left
 * at its default) keep working unchanged.
 */
export function mappingModeField(what: string): INodeProperties {
	return {
		displayName: 'Mapping Column Mode',
		name: 'mappingMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Map Automatically',
				value: MAP_AUTOMATICALLY,
				description: `Read each input item's columns as they are: the phone column, "${TAGS_COLUMN}" (tag IDs), and every other column as a custom field. No expression per item, so the fastest for big imports.`,
			},
			{
				name: 'Map Each Column Below',
				value: MAP_EACH_COLUMN,
				description: `Set the ${what} field by field, typically with expressions reading the input item`,
			},
		],
		default: MAP_EACH_COLUMN,
		description: 'How the lead’s fields are taken from each input item',
	};
}

/** Shows a field in one mapping mode only. */
export const inMode = (mode: string) => ({ show: { mappingMode: [mode] } });

/** The input column holding the phone number, in Map Automatically. */
export function phoneColumnField(description: string): INodeProperties {
	return {
		displayName: 'Phone Column',
		name: 'phoneColumn',
		type: 'string',
		required: true,
		noDataExpression: true,
		default: 'phone',
		placeholder: 'phone',
		description,
		hint: 'Sent exactly as the item has it; use the international format (E.164), e.g. +14155550123',
		displayOptions: inMode(MAP_AUTOMATICALLY),
	};
}

/** Columns left out of Map Automatically; an option under Options, shown in that mode only. */
export const ignoreFieldsOption: INodeProperties = {
	displayName: 'Ignore Fields',
	name: 'ignoreFields',
	type: 'string',
	default: '',
	noDataExpression: true,
	placeholder: 'rowNumber, notes',
	description:
		'Input columns to leave out of the lead, separated by commas (Map Automatically only). Every column not named here, other than the phone and tags, is sent as a custom field.',
	displayOptions: { show: { '/mappingMode': [MAP_AUTOMATICALLY] } },
};

/** Where a wrongly typed column value came from, for the messages. */
const ITEM_HAS = 'the item has';

/** What Map Automatically reads, the same for every item of a run. */
export interface AutoMapping {
	phoneColumn: string;
	ignored: ReadonlySet<string>;
	/** Lead → Update: the column holding the lead's ID. */
	leadIdColumn?: string;
	/** Lead → Update: phone, tags and custom fields are all optional (at least one). */
	partial: boolean;
}

/** Whether a saved parameter value holds an expression anywhere (a string starting with "="). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

const perRun = new WeakMap<object, Map<string, unknown>>();

/**
 * A parameter read (and checked) once per run when it holds no expression, since it is then the
 * same for every item; with an expression, read for each item. n8n's parameter reading costs
 * about as much per call as the rest of preparing an automatically mapped lead, so a 20,000-row
 * import reads its settings once, not 100,000 times. `name` may be a path ("options.batchSize").
 */
export function sameForEveryItem<T>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	read: (itemIndex: number) => T,
): T {
	const raw = name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], context.getNode().parameters);
	if (hasExpression(raw)) return read(itemIndex);
	let cache = perRun.get(context);
	if (!cache) perRun.set(context, (cache = new Map()));
	if (!cache.has(name)) cache.set(name, read(itemIndex));
	return cache.get(name) as T;
}

/** The Map Automatically settings of this run (Phone Column, Ignore Fields, Lead ID Column). */
export function autoMapping(context: IExecuteFunctions, itemIndex: number, partial: boolean): AutoMapping {
	return sameForEveryItem(context, 'autoMapping', itemIndex, () => {
		const column = (name: string, label: string, fallback: string) => {
			const value = context.getNodeParameter(name, 0, fallback);
			const problem = problemWithId(value);
			if (problem) refuseField(context, 0, label, problem);
			return String(value).trim();
		};
		return {
			phoneColumn: column('phoneColumn', 'Phone Column', 'phone'),
			leadIdColumn: partial ? column('leadIdColumn', 'Lead ID Column', '_id') : undefined,
			ignored: new Set(toColumnNames(context.getNodeParameter('options.ignoreFields', 0, ''))),
			partial,
		};
	});
}

/**
 * One lead read straight from the input item's columns (Map Automatically), checked before
 * anything is sent: the phone column is the phone (required for Create), "tags" the tag IDs
 * (an array, or text separated by commas), the lead ID column (Update) the lead, and every other
 * column not ignored a custom field. A custom field's value must be a scalar (text, a number,
 * true/false or null): ChatDash's docs say only "Keys are field names, values are field values"
 * and show no nested shape, so an object or array is refused, naming the item and the column,
 * rather than sent in a shape ChatDash may reject or store unreadably.
 */
export function autoMappedLead(
	context: IExecuteFunctions,
	itemIndex: number,
	mapping: AutoMapping,
): { record: IDataObject; leadId?: string } {
	const row = context.getInputData()[itemIndex]?.json ?? {};
	const record: IDataObject = {};
	const customFields: IDataObject = {};
	let leadId: string | undefined;
	for (const [column, value] of Object.entries(row)) {
		if (mapping.ignored.has(column)) continue;
		if (column === mapping.phoneColumn) {
			const problem = problemWithText(value, ITEM_HAS);
			if (problem) refuseColumn(context, itemIndex, column, problem);
			record.phone = String(value);
		} else if (column === mapping.leadIdColumn) {
			const problem = problemWithId(value, ITEM_HAS);
			if (problem) refuseColumn(context, itemIndex, column, problem);
			leadId = String(value).trim();
		} else if (column === TAGS_COLUMN) {
			if (value === null || value === undefined) continue;
			const tags = toTagIds(context, value, itemIndex, (problem) => refuseColumn(context, itemIndex, column, problem), ITEM_HAS);
			if (tags.length) record.tags = tags;
			else if (mapping.partial) {
				// Whether an empty list clears the lead's tags is not documented: do not send it by accident.
				refuseColumn(context, itemIndex, column, 'is empty', `Give item ${itemIndex + 1} at least one tag ID, or leave the "${column}" column out with 'Ignore Fields'`);
			}
		} else {
			const problem = problemWithScalar(value);
			if (problem) refuseColumn(context, itemIndex, column, problem);
			customFields[column] = value;
		}
	}
	if (mapping.leadIdColumn !== undefined && leadId === undefined) {
		refuseColumn(context, itemIndex, mapping.leadIdColumn, 'is missing', `Give every item its lead's ID in a "${mapping.leadIdColumn}" column, or set 'Lead ID Column' to the column that holds it`);
	}
	if (!mapping.partial && record.phone === undefined) {
		refuseColumn(context, itemIndex, mapping.phoneColumn, 'is missing', `Give every item a "${mapping.phoneColumn}" column, or set 'Phone Column' to the column that holds the phone number`);
	}
	if (Object.keys(customFields).length) record.customFields = customFields;
	return { record, leadId };
}
