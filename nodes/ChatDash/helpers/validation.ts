import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Why a value cannot be used as a path ID, or undefined when it can (after trimming). */
export function problemWithId(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return `must be text, but the expression gave ${describeType(value)}`;
	}
	const id = String(value).trim();
	if (id === '') return 'is empty';
	if (id === '.' || id === '..') return `cannot be "${id}"`;
	if (!id.isWellFormed()) return 'contains an invalid (unpaired surrogate) character';
	return undefined;
}

/** Why a value cannot be sent as free text, or undefined when it can (exactly as given). */
export function problemWithText(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return `must be text, but the expression gave ${describeType(value)}`;
	}
	if (String(value).trim() === '') return 'is empty';
	return undefined;
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (value === undefined) return 'nothing';
	return `a ${typeof value}`;
}

function fail(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
	problem: string,
): never {
	throw new NodeOperationError(context.getNode(), `The ${label} ${problem}`, {
		itemIndex,
		description: `Set '${label}' to a valid value for item ${itemIndex + 1}; nothing was sent to ChatDash for this item.`,
	});
}

/** Reads an ID parameter (plain or resource locator), trimmed, or throws an error naming the field. */
export function getIdParameter(
	context: IExecuteFunctions,
	parameterName: string,
	label: string,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(parameterName, itemIndex, '', { extractValue: true });
	const problem = problemWithId(value);
	if (problem) fail(context, itemIndex, label, problem);
	return String(value).trim();
}

/** Reads a text parameter exactly as given (no trimming), or throws an error naming the field. */
export function getTextParameter(
	context: IExecuteFunctions,
	parameterName: string,
	label: string,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(parameterName, itemIndex, '');
	const problem = problemWithText(value);
	if (problem) fail(context, itemIndex, label, problem);
	return String(value);
}
