/**
 * The node description as n8n reads it. The Operation dropdowns are built from the operation
 * files, so what n8n's lint would check on literal options is checked here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { resources } from '../../nodes/ChatDash/actions/resources';
import { ChatDashTrigger } from '../../nodes/ChatDashTrigger/ChatDashTrigger.node';
import { ChatDashApi } from '../../credentials/ChatDashApi.credentials';
import { ChatDashClientApi } from '../../credentials/ChatDashClientApi.credentials';

const { properties } = new ChatDash().description;
const byName = (name: string) => properties.filter((property) => property.name === name);
const names = (options: INodeProperties['options']) => (options as INodePropertyOptions[]).map((option) => option.name);

test('resources: sorted, default Coupon (saved workflows rely on it)', () => {
	const [resource] = byName('resource');
	expect(names(resource.options)).toEqual([
		'Agent',
		'Analytics',
		'Client',
		'Client Member',
		'Conversation',
		'Coupon',
		'Invoice',
		'Lead',
		'Lead Tag',
		'Message',
		'Product',
		'Promotion Code',
		'Subscription',
		'Transaction',
	]);
	expect(resource.default).toBe('coupon');
});

test.each([
	['coupon', ['Create', 'Get Many', 'Update'], 'update'],
	['promotionCode', ['Create', 'Get Many'], 'create'],
	['product', ['Create', 'Get', 'Get Many', 'Update'], 'create'],
	['subscription', ['Create', 'Delete', 'Get', 'Get Many', 'Get Many by Customer', 'Update'], 'create'],
	['invoice', ['Create', 'Get'], 'create'],
	['transaction', ['Get', 'Get Many'], 'getAll'],
	['client', ['Create', 'Get', 'Get Many', 'Update'], 'create'],
	['clientMember', ['Add', 'Get Many', 'Update'], 'create'],
	['agent', ['Assign to Client', 'Create', 'Get', 'Get Many', 'Unassign From Client', 'Update'], 'create'],
	['conversation', ['Analyze', 'Create', 'Delete', 'Download Recording', 'Get', 'Get Many', 'Update'], 'getAll'],
	['message', ['Add', 'Delete All', 'Get Many', 'Replace All'], 'getAll'],
	['lead', ['Create', 'Update'], 'create'],
	['leadTag', ['Create', 'Get Many', 'Update'], 'getAll'],
	['analytics', ['Query'], 'query'],
])('%s operations: sorted, each with an action, default %s', (resource, expected, defaultOperation) => {
	const [operation] = byName('operation').filter((property) => property.displayOptions?.show?.resource?.includes(resource));
	expect(names(operation.options)).toEqual(expected);
	expect(operation.default).toBe(defaultOperation);
	for (const option of operation.options as INodePropertyOptions[]) {
		expect(option.action).toMatch(/^[A-Z][a-z]+( [a-z]+)+$/);
		expect(option.description).toBeTruthy();
	}
});

test('every operation field is shown only for its resource and operation', () => {
	const fields = properties.filter((property) => !['resource', 'operation'].includes(property.name));
	for (const field of fields) {
		const show = field.displayOptions?.show;
		expect({ field: field.name, resource: show?.resource?.length, operation: show?.operation?.length }).toEqual({
			field: field.name,
			resource: 1,
			operation: 1,
		});
	}
});

test('the Coupon → Update contract of saved workflows is unchanged', () => {
	const updateFields = properties
		.filter(
			(property) =>
				property.displayOptions?.show?.resource?.includes('coupon') &&
				property.displayOptions?.show?.operation?.includes('update'),
		)
		.map((property) => [property.name, property.type, property.default]);
	expect(updateFields).toEqual([
		['accountId', 'string', ''],
		['couponId', 'resourceLocator', { mode: 'list', value: '' }],
		['name', 'string', ''],
		['options', 'collection', {}],
	]);
});

test('operations that delete or overwrite data say so to a model (the action is its tool description) and to the user', () => {
	const destructive = byName('operation').flatMap((property) =>
		(property.options as INodePropertyOptions[])
			.filter((option) => ['delete', 'deleteAll', 'replaceAll'].includes(String(option.value)))
			.map((option) => ({ resource: property.displayOptions?.show?.resource?.[0], option })),
	);
	expect(destructive.map(({ resource, option }) => `${resource}.${String(option.value)}`).sort()).toEqual([
		'conversation.delete',
		'message.deleteAll',
		'message.replaceAll',
		'subscription.delete',
	]);
	for (const { option } of destructive) {
		expect(option.action).toMatch(/permanently$|^Overwrite /);
		expect(option.description).toMatch(/cannot be undone|previous messages are lost/);
	}
});

test('the registry: each operation is registered under its own option.value; the registry alone decides where fields show, and gives every operation its Options last', () => {
	const fieldsNamingTheirOperation: string[] = [];
	for (const [resource, operations] of Object.entries(resources)) {
		for (const [exportName, operation] of Object.entries(operations)) {
			// A mismatch would route a saved `operation` value to another file's prepare().
			expect({ resource, exportName, value: operation.option.value }).toEqual({ resource, exportName, value: exportName });
			for (const field of operation.description) {
				const show = field.displayOptions?.show ?? {};
				if ('resource' in show || 'operation' in show) fieldsNamingTheirOperation.push(`${resource}.${exportName}: ${field.name}`);
			}
		}
	}
	expect(fieldsNamingTheirOperation).toEqual([]);

	const fieldsByOperation = new Map<string, string[]>();
	for (const property of new ChatDash().description.properties) {
		if (property.name === 'resource' || property.name === 'operation') continue;
		const { resource, operation } = property.displayOptions?.show ?? {};
		expect({ field: property.name, resource: resource?.length, operation: operation?.length }).toEqual({ field: property.name, resource: 1, operation: 1 });
		const key = `${String(resource![0])}.${String(operation![0])}`;
		fieldsByOperation.set(key, [...(fieldsByOperation.get(key) ?? []), property.name]);
	}
	const registered = Object.entries(resources).flatMap(([resource, operations]) => Object.keys(operations).map((name) => `${resource}.${name}`));
	expect([...fieldsByOperation.keys()].sort()).toEqual(registered.sort());
	for (const [key, names] of fieldsByOperation) {
		expect({ key, options: names.filter((name) => name === 'options').length, last: names[names.length - 1] }).toEqual({ key, options: 1, last: 'options' });
	}
});

test('one picker per kind of object: every field that picks the same parameter offers the same modes, placeholders and hints', () => {
	const modesByName = new Map<string, Set<string>>();
	for (const property of new ChatDash().description.properties) {
		if (property.type !== 'resourceLocator') continue;
		const modes = modesByName.get(property.name) ?? new Set<string>();
		modes.add(JSON.stringify({ modes: property.modes, default: property.default, required: property.required }));
		modesByName.set(property.name, modes);
	}
	expect([...modesByName.keys()].sort()).toEqual(
		['agentId', 'clientId', 'couponId', 'memberId', 'productId', 'subscriptionId', 'tagId', 'transactionId'],
	);
	for (const [name, variants] of modesByName) expect({ name, variants: variants.size }).toEqual({ name, variants: 1 });
});

test('no description or hint the editor shows speaks about ChatDash’s docs (gaps go to headers and reference pages)', () => {
	const texts: string[] = [];
	const walk = (value: unknown, key = ''): void => {
		if (Array.isArray(value)) return value.forEach((entry) => walk(entry));
		if (value && typeof value === 'object') return Object.entries(value).forEach(([name, entry]) => walk(entry, name));
		if (typeof value === 'string' && ['description', 'hint', 'placeholder', 'displayName', 'action', 'name'].includes(key)) texts.push(value);
	};
	walk(new ChatDash().description);
	walk(new ChatDashTrigger().description);
	walk(new ChatDashApi().properties);
	walk(new ChatDashClientApi().properties);
	expect(texts.length).toBeGreaterThan(300);
	const aboutDocs = texts.filter((text) => /\bdocs?\b|\bdocument(s|ed|ation)?\b|undocumented/i.test(text.replace(/https?:\/\/\S+/g, '')));
	expect(aboutDocs).toEqual([]);
});

test('one HTTP core: only nodes/ChatDash/transport/index.ts calls n8n’s HTTP helpers (the node, its download and the trigger go through it)', () => {
	const root = path.join(__dirname, '..', '..', 'nodes');
	const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
	const callers = files.filter((file) => /helpers\.(httpRequest|request)/.test(readFileSync(path.join(root, file), 'utf8')));
	expect(callers.map((file) => file.split(path.sep).join('/'))).toEqual(['ChatDash/transport/index.ts']);
});
