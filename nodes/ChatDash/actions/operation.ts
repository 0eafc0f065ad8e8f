import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ApiRequest } from '../transport';
import { requestOptionsField } from './common.descriptions';
import type { FollowUp } from './followUp';

/**
 * Everything an operation decides about a call: what the transport sends (ApiRequest), and what
 * the router does around it.
 */
export interface ChatDashRequest extends ApiRequest {
	/**
	 * For a create whose answer carries no ID (ChatDash answers some creates with only
	 * `{"message": …}`): a list request to read back, and how to recognise the created record in
	 * it. Exactly one match is output in place of the message; none or several, and the message is
	 * output with `identified: false` and the reason. Never a guess between candidates.
	 */
	identify?: { list: ApiRequest; match: (entry: IDataObject) => boolean; what: string };
	/**
	 * For endpoints that take many records in one JSON array body (Create Leads): the record this
	 * item contributes. The router sends the records of items with the same method and path
	 * together, up to `maxSize` per request, in input order, and pairs the i-th record ChatDash
	 * answers with the i-th item of the batch. `body` is then ignored.
	 */
	batch?: { record: IDataObject; maxSize: number };
	/** Applied to every object output (e.g. to leave out secrets the user did not ask for). */
	present?: (entry: IDataObject) => IDataObject;
	/**
	 * A step after ChatDash answered, run by actions/followUp.ts on this item's answer (the object,
	 * or a list's entries): download the conversation's recording into a binary field, or add the
	 * messages as a `transcript` text. Its output replaces the item(s) the answer would have given.
	 */
	then?: FollowUp;
}

/**
 * What every `<operation>.operation.ts` exports. Its fields say nothing about which resource and
 * operation show them, and it has no Options field: `resourceDescription` adds both, so no
 * operation can forget them or show a field under another operation.
 */
export interface ChatDashOperation {
	/** Its entry in the resource's Operation dropdown; `value` must equal the export name in the resource's index.ts. */
	option: INodePropertyOptions;
	/** Its fields, in editor order, with `displayOptions` only for conditions on its own fields. */
	description: INodeProperties[];
	/** Entries of its Options collection beside the request options (Concurrency, Max Attempts, Timeout). */
	extraOptions?: INodeProperties[];
	/** Reads and checks one item's fields; throws (naming the field) before anything is sent. */
	prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest;
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** A field's display conditions, narrowed to one resource and operation. */
function onlyFor(resource: string, operation: string, displayOptions: IDisplayOptions | undefined): IDisplayOptions {
	return { ...displayOptions, show: { resource: [resource], operation: [operation], ...displayOptions?.show } };
}

/** One operation's fields as the editor gets them: shown for it alone, its Options last. */
export function operationProperties(resource: string, operation: string, definition: ChatDashOperation): INodeProperties[] {
	const options: INodeProperties = {
		...requestOptionsField,
		options: [...(requestOptionsField.options as INodeProperties[]), ...(definition.extraOptions ?? [])].sort(byDisplayName),
	};
	return [...definition.description, options].map((field) => ({
		...field,
		displayOptions: onlyFor(resource, operation, field.displayOptions),
	}));
}

/**
 * A resource's part of the node description: its Operation dropdown (options sorted by name, as
 * n8n's lint expects) followed by every operation's fields.
 * `defaultOperation` must never change once released: n8n does not save parameters left at their
 * default, so saved workflows would silently switch operation.
 */
export function resourceDescription(
	resource: string,
	operations: Record<string, ChatDashOperation>,
	defaultOperation: string,
): INodeProperties[] {
	const entries = Object.entries(operations);
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: entries.map(([, operation]) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...entries.flatMap(([name, operation]) => operationProperties(resource, name, operation)),
	];
}
