import type {
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ChatDashRequest } from '../transport';

/** What every `<operation>.operation.ts` exports. */
export interface ChatDashOperation {
	/** Its entry in the resource's Operation dropdown. */
	option: INodePropertyOptions;
	/** Its fields. */
	description: INodeProperties[];
	/** Reads and checks one item's fields; throws (naming the field) before anything is sent. */
	prepare(this: IExecuteFunctions, itemIndex: number): ChatDashRequest;
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
	const all = Object.values(operations);
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: all.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...all.flatMap((operation) => operation.description),
	];
}
