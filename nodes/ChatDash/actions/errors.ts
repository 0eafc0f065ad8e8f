/**
 * How a failed item leaves the node: as the thrown error, an error item (Continue On Fail) or a
 * tool result; and in each case without the passwords typed into the node.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyCollection,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { resourceProperties } from './resources';

export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.details = description;
	return { json, pairedItem: { item: itemIndex } };
}

/** The tool result for a failed item: the error's message, as n8n 2.x's AI Agent hands a thrown error to the model. */
export function toolErrorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
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
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
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
