import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Why a value cannot be used as a path ID, or undefined when it can (after trimming). `source`
 * says where a wrongly typed value came from: an expression, or an input item's column.
 */
export function problemWithId(value: unknown, source = 'the expression gave'): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return `must be text, but ${source} ${describeType(value)}`;
	}
	const id = String(value).trim();
	if (id === '') return 'is empty';
	if (id === '.' || id === '..') return `cannot be "${id}"`;
	if (!id.isWellFormed()) return 'contains an invalid (unpaired surrogate) character';
	return undefined;
}

/** Why a value cannot be sent as free text, or undefined when it can (exactly as given). */
export function problemWithText(value: unknown, source = 'the expression gave'): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') {
		return `must be text, but ${source} ${describeType(value)}`;
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

/** Refuses an item's field before anything is sent: "The <label> <problem>", with what to do. */
export function refuseField(
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

/**
 * Refuses an item before anything is sent when no single field is at fault (two fields that
 * contradict each other, nothing to update): the message says what is wrong, `description` what to do.
 */
export function refuse(context: IExecuteFunctions, itemIndex: number, message: string, description: string): never {
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `${description} Nothing was sent to ChatDash for item ${itemIndex + 1}.`,
	});
}

/**
 * An ID-list field's value as IDs: an array (from an expression or a multi-select), JSON array
 * text (`["a","b"]`), or IDs separated by commas or new lines. Each entry trimmed and checked
 * (problemWithId), repeats sent once, in order. Every ID-list field reads its input this way, and
 * `refuse` gets the problem to report against the field (or, in Map Automatically, the column).
 * An empty list is returned as such: whether that is allowed is the field's decision.
 */
export function toIdList(value: unknown, refuse: (problem: string) => never, source = 'the expression gave'): string[] {
	let entries: unknown[];
	if (Array.isArray(value)) {
		entries = value;
	} else if (typeof value === 'string' && value.trim().startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch {
			return refuse('must be a JSON array of IDs, e.g. ["id1", "id2"], or IDs separated by commas');
		}
		if (!Array.isArray(parsed)) return refuse('must be a JSON array of IDs, e.g. ["id1", "id2"], or IDs separated by commas');
		entries = parsed;
	} else if (typeof value === 'string' || typeof value === 'number') {
		entries = String(value)
			.split(/[,\n]/)
			.filter((entry) => entry.trim() !== '');
	} else if (value === undefined || value === null) {
		entries = [];
	} else {
		return refuse(`must be a list of IDs (text or an array), but ${source} ${describeType(value)}`);
	}
	const ids: string[] = [];
	entries.forEach((entry, position) => {
		const problem = problemWithId(entry, source);
		if (problem) refuse(`entry ${position + 1} ${problem}`);
		const id = String(entry).trim();
		if (!ids.includes(id)) ids.push(id);
	});
	return ids;
}

/** Reads a required ID-list field (see toIdList): at least one ID, or an error naming the field. */
export function getIdListParameter(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const refuse = (problem: string): never => refuseField(context, itemIndex, label, problem);
	const ids = toIdList(context.getNodeParameter(name, itemIndex, '') as unknown, refuse);
	if (ids.length === 0) refuse('list is empty: give at least one ID');
	return ids;
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
	if (problem) refuseField(context, itemIndex, label, problem);
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
	if (problem) refuseField(context, itemIndex, label, problem);
	return String(value);
}

type NumberRules = { min: number; max?: number; whole?: boolean };

/** Checks a number (or numeric text from an expression) against its range, or throws naming the field. */
export function toCheckedNumber(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	rules: NumberRules,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const ok =
		typeof number === 'number' &&
		Number.isFinite(number) &&
		number >= rules.min &&
		(rules.max === undefined || number <= rules.max) &&
		(!rules.whole || Number.isInteger(number));
	if (!ok) {
		const range = rules.max === undefined ? `of ${rules.min} or more` : `from ${rules.min} to ${rules.max}`;
		refuseField(context, itemIndex, label, `must be a ${rules.whole ? 'whole ' : ''}number ${range}, not ${JSON.stringify(value)}`);
	}
	return number as number;
}

/** Reads a number parameter and checks its range (and wholeness), or throws naming the field. */
export function getNumberParameter(
	context: IExecuteFunctions,
	parameterName: string,
	label: string,
	itemIndex: number,
	rules: NumberRules,
): number {
	return toCheckedNumber(context, context.getNodeParameter(parameterName, itemIndex, undefined), label, itemIndex, rules);
}

/**
 * A date field's value in milliseconds: the date picker's text, a date string from an expression, or
 * a Date object; anything else (empty included) refuses the field. Every date field reads its value
 * this way, whatever form it is sent in.
 */
function toMillis(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const millis =
		typeof value === 'string' && value.trim() !== ''
			? Date.parse(value)
			: value instanceof Date
				? value.getTime()
				: NaN;
	if (Number.isNaN(millis)) return refuseField(context, itemIndex, label, `must be a date, not ${JSON.stringify(value)}`);
	return millis;
}

/** A date field's value as unix seconds (the Stripe endpoints), or throws naming the field. */
export function toUnixSeconds(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	return Math.floor(toMillis(context, value, label, itemIndex) / 1000);
}

/** A three-letter ISO currency code, lower-cased as Stripe returns it, or throws naming the field. */
export function toCurrency(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	if (typeof value !== 'string' || !/^[a-z]{3}$/i.test(value.trim())) {
		refuseField(context, itemIndex, label, `must be a three-letter currency code such as usd, not ${JSON.stringify(value)}`);
	}
	return value.trim().toLowerCase();
}

/** An optional text parameter: undefined when left empty, else the trimmed text, or throws naming the field. */
export function getOptionalTextParameter(
	context: IExecuteFunctions,
	parameterName: string,
	label: string,
	itemIndex: number,
): string | undefined {
	const value = context.getNodeParameter(parameterName, itemIndex, '');
	if (value === '' || value === undefined || value === null) return undefined;
	const problem = problemWithText(value);
	if (problem) refuseField(context, itemIndex, label, problem);
	return String(value).trim();
}

/**
 * A JSON field's value: parsed JSON text, or the value an expression gave. Empty text is `empty`.
 * The message never repeats what was entered: JSON fields may hold secrets (Platform Credentials).
 */
export function parseJsonText(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	expected: string,
	empty?: unknown,
): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') {
		return empty !== undefined ? empty : refuseField(context, itemIndex, label, `is empty: give ${expected}`);
	}
	try {
		return JSON.parse(value);
	} catch {
		return refuseField(context, itemIndex, label, `must be ${expected}`);
	}
}

/**
 * A JSON-object field's value (an object from an expression, or JSON text; empty text is `{}`), or
 * throws naming the field, with `example` showing the shape. Every JSON-object field reads this way.
 */
export function toJsonObject(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
	example = '{"key": "value"}',
): IDataObject {
	const expected = `a JSON object, e.g. ${example}`;
	const parsed = parseJsonText(context, value, label, itemIndex, expected, {});
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return refuseField(context, itemIndex, label, `must be ${expected}`);
	}
	return parsed as IDataObject;
}

/**
 * Metadata as Stripe stores it: a flat JSON object of text values (numbers are turned into
 * text). Given as an object or as JSON text; anything else throws naming the field.
 */
export function toMetadata(context: IExecuteFunctions, value: unknown, itemIndex: number): Record<string, string> {
	const metadata: Record<string, string> = {};
	for (const [key, entry] of Object.entries(toJsonObject(context, value, 'Metadata', itemIndex, '{"campaign": "summer"}'))) {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			refuseField(context, itemIndex, 'Metadata', `value of "${key}" must be text or a number`);
		}
		metadata[key] = String(entry);
	}
	return metadata;
}

/** A boolean (or the text "true"/"false" from an expression), or throws naming the field. */
export function toBoolean(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return refuseField(context, itemIndex, label, `must be true or false, not ${JSON.stringify(value)}`);
}

/**
 * A date field's value as ISO 8601 text, YYYY-MM-DDTHH:mm:ss.sssZ, for the endpoints whose docs type
 * their dates that way. Throws naming the field.
 */
export function toIsoDate(context: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	return new Date(toMillis(context, value, label, itemIndex)).toISOString();
}

/**
 * One of the documented values of an options field (an expression can give anything), or throws
 * naming the field, before anything is sent.
 */
export function toOneOf<T extends string>(
	context: IExecuteFunctions,
	value: unknown,
	allowed: readonly T[],
	label: string,
	itemIndex: number,
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	return refuseField(context, itemIndex, label, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}

/**
 * Refuses a column of an input item read without an expression (a "Map Automatically" mode)
 * before anything is sent: "Item <n>: the column "<column>" <problem>", with what to do.
 */
export function refuseColumn(
	context: IExecuteFunctions,
	itemIndex: number,
	column: string,
	problem: string,
	fix = `Fix the column "${column}" of input item ${itemIndex + 1}, or leave it out with 'Ignore Fields'`,
): never {
	throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: the column "${column}" ${problem}`, {
		itemIndex,
		description: `${fix}; nothing was sent to ChatDash for this item.`,
	});
}

/** Why a value cannot be sent as one field value (text, a number, true/false or null), or undefined. */
export function problemWithScalar(value: unknown): string | undefined {
	if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return undefined;
	return `must be text, a number, true/false or empty, but the item has ${describeType(value)}`;
}

/** Column names typed as a comma-separated list ("a, b,c"), trimmed, empty entries dropped. */
export function toColumnNames(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean);
	if (typeof value !== 'string') return [];
	return value
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}
