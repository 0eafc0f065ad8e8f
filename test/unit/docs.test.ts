/**
 * The reference pages (docs/operations/<resource>.md, docs/trigger.md) against the node description:
 * their generated field tables (scripts/docs.js, `npm run docs`) must be what the description gives
 * now, and every field the editor shows must be in its page. The description is read from the
 * TypeScript sources here, so a field changed without `npm run docs` fails before any build.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { ChatDash } from '../../nodes/ChatDash/ChatDash.node';
import { ChatDashTrigger } from '../../nodes/ChatDashTrigger/ChatDashTrigger.node';

const docs = require('../../scripts/docs.js');

const ROOT = path.resolve(__dirname, '..', '..');
const node = new ChatDash().description;
const trigger = new ChatDashTrigger().description;

const readPage = (file: string) => {
	const full = path.join(ROOT, file);
	return existsSync(full) ? readFileSync(full, 'utf8') : '';
};

/** Every field of a property as the editor shows it: its label path and parameter path. */
function fieldPaths(property: INodeProperties, parent?: { label: string; name: string }): Array<{ label: string; name: string }> {
	const here = {
		label: parent ? `${parent.label} → ${property.displayName}` : property.displayName,
		name: parent ? `${parent.name}.${property.name}` : property.name,
	};
	const children: Array<{ label: string; name: string }> = [];
	if (property.type === 'collection') {
		for (const option of (property.options ?? []) as INodeProperties[]) children.push(...fieldPaths(option, here));
	}
	if (property.type === 'fixedCollection') {
		const many = property.typeOptions?.multipleValues ? '[]' : '';
		for (const group of (property.options ?? []) as Array<{ displayName: string; name: string; values: INodeProperties[] }>) {
			const groupPath = { label: `${here.label} → ${group.displayName}`, name: `${here.name}.${group.name}${many}` };
			for (const value of group.values) children.push(...fieldPaths(value, groupPath));
		}
	}
	return [here, ...children];
}

/**
 * The fields of `description` that are missing from the generated block of their operation in
 * the committed page, as "file block: label (`name`)".
 */
function missingFields(description: INodeTypeDescription, triggerDescription: INodeTypeDescription): string[] {
	const missing: string[] = [];
	const check = (file: string, id: string, properties: INodeProperties[]) => {
		const block: string | undefined = docs.blockText(readPage(file), id);
		for (const field of properties.flatMap((property) => fieldPaths(property))) {
			if (!block?.includes(`| ${field.label} | \`${field.name}\` |`)) missing.push(`${file} ${id}: ${field.label} (\`${field.name}\`)`);
		}
	};
	const resources = description.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
	for (const resource of resources) {
		const value = String(resource.value);
		const shown = description.properties.filter(
			(property) => !['resource', 'operation'].includes(property.name) && property.displayOptions?.show?.resource?.includes(value),
		);
		const operations = description.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
		)!.options as INodePropertyOptions[];
		for (const operation of operations) {
			const fields = shown.filter((property) => {
				const only = property.displayOptions?.show?.operation;
				return !only || only.includes(operation.value);
			});
			check(`docs/operations/${docs.pageFileName(value)}`, `${value}.${operation.value}`, fields);
		}
	}
	check('docs/trigger.md', 'chatDashTrigger', triggerDescription.properties);
	return missing;
}

test('every reference page is what `npm run docs` writes from the node description (none is stale)', () => {
	const pages: Array<{ file: string; text: string }> = docs.renderAll(node, trigger, readPage);
	expect(pages.map((page) => page.file)).toEqual([
		'docs/operations/agent.md',
		'docs/operations/analytics.md',
		'docs/operations/client.md',
		'docs/operations/client-member.md',
		'docs/operations/conversation.md',
		'docs/operations/coupon.md',
		'docs/operations/invoice.md',
		'docs/operations/lead.md',
		'docs/operations/lead-tag.md',
		'docs/operations/message.md',
		'docs/operations/product.md',
		'docs/operations/promotion-code.md',
		'docs/operations/subscription.md',
		'docs/operations/transaction.md',
		'docs/trigger.md',
	]);
	const stale = pages.filter((page) => readPage(page.file) !== page.text).map((page) => `${page.file} (run npm run docs)`);
	expect(stale).toEqual([]);
});

test('every field the editor shows for a resource is in its operation’s table in the resource’s page', () => {
	expect(missingFields(node, trigger)).toEqual([]);
});

test('renaming a field without regenerating the pages fails that check', () => {
	const renamed = structuredClone(node);
	const limit = renamed.properties.find(
		(property) => property.name === 'limit' && property.displayOptions?.show?.resource?.includes('coupon'),
	)!;
	limit.displayName = 'Max Coupons';
	const options = renamed.properties.find(
		(property) => property.name === 'options' && property.displayOptions?.show?.resource?.includes('agent'),
	)!;
	(options.options as INodeProperties[])[0].name = 'renamedOption';
	const triggerRenamed = structuredClone(trigger);
	triggerRenamed.properties[0].displayName = 'Agent';

	const missing = missingFields(renamed, triggerRenamed);
	expect(missing).toEqual(
		expect.arrayContaining([
			'docs/operations/coupon.md coupon.getAll: Max Coupons (`limit`)',
			expect.stringMatching(/^docs\/operations\/agent\.md agent\.\w+: Options → .+ \(`options\.renamedOption`\)$/),
			'docs/trigger.md chatDashTrigger: Agent (`agentId`)',
		]),
	);
	// And the page is then stale too.
	const pages: Array<{ file: string; text: string }> = docs.renderAll(renamed, trigger, readPage);
	expect(pages.find((page) => page.file === 'docs/operations/coupon.md')!.text).not.toBe(readPage('docs/operations/coupon.md'));
});

describe('headers', () => {
	type Block = { id: string; sourceFile?: string; header?: string };
	const pages: Array<{ file: string; blocks: Block[] }> = docs.pagesFor(node, trigger);

	test('every operation’s block quotes the header comment of its file, verbatim', () => {
		const blocks = pages.flatMap((page) => page.blocks.map((block) => ({ file: page.file, ...block })));
		expect(blocks.filter((block) => !block.header).map((block) => block.sourceFile)).toEqual([]);
		const resourceBlocks = blocks.filter((block) => block.id !== 'chatDashTrigger');
		expect(resourceBlocks.map((block) => block.sourceFile)).toEqual(
			resourceBlocks.map((block) => {
				const [resource, operation] = block.id.split('.');
				return `nodes/ChatDash/actions/${resource}/${operation}.operation.ts`;
			}),
		);
		expect(blocks.find((block) => block.id === 'chatDashTrigger')!.sourceFile).toBe(docs.TRIGGER_HEADER_FILE);
		const unquoted = blocks.filter((block) => !docs.blockText(readPage(block.file), block.id)?.includes(docs.quoteHeader(block.header)));
		expect(unquoted.map((block) => `${block.file} ${block.id}`)).toEqual([]);
		// Verbatim: the header's lines are those of the comment, without the ` * ` that starts each.
		const source = readFileSync(path.join(ROOT, 'nodes/ChatDash/actions/coupon/update.operation.ts'), 'utf8');
		const commentLines = source.slice(source.indexOf('/**') + 3, source.indexOf('*/')).split('\n').slice(1, -1);
		expect(blocks.find((block) => block.id === 'coupon.update')!.header).toBe(
			commentLines.map((line) => line.replace(/^ \* ?/, '')).join('\n'),
		);
	});

	test('changing a header without regenerating the pages makes the page stale', () => {
		const file = 'nodes/ChatDash/actions/coupon/create.operation.ts';
		const changed = (name: string) => {
			const text = readPage(name);
			return name === file ? text.replace(' * Sends   POST', ' * Sends   PUT') : text;
		};
		expect(changed(file)).not.toBe(readPage(file));
		const pages: Array<{ file: string; text: string }> = docs.renderAll(node, trigger, readPage, changed);
		const stale = pages.filter((page) => page.text !== readPage(page.file)).map((page) => page.file);
		expect(stale).toEqual(['docs/operations/coupon.md']);
		const block: string = docs.blockText(pages.find((page) => page.file === 'docs/operations/coupon.md')!.text, 'coupon.create');
		expect(block).toContain('\nSends   PUT {Base URL}/stripe/connect/accounts/{accountId}/coupons');
		expect(docs.blockText(readPage('docs/operations/coupon.md'), 'coupon.create')).toContain(
			'\nSends   POST {Base URL}/stripe/connect/accounts/{accountId}/coupons',
		);
	});

	test('the header is the comment that opens the file, without its delimiters and line stars', () => {
		expect(docs.headerComment('/**\n * One.\n *\n *   Two, indented.\n */\nexport const x = 1;\n/** Later. */')).toBe(
			'One.\n\n  Two, indented.',
		);
		expect(docs.headerComment('// @ts-check\n\n/** Short. */\n')).toBe('Short.');
		expect(docs.headerComment("import x from 'y';\n/** Not opening. */\n")).toBeUndefined();
		expect(docs.headerComment('')).toBeUndefined();
		// A fence longer than any run of backticks inside.
		expect(docs.quoteHeader('a ```b``` c')).toBe('````text\na ```b``` c\n````');
		expect(docs.quoteHeader('plain')).toBe('```text\nplain\n```');
	});
});

test('page file names follow the resource values', () => {
	expect(['agent', 'clientMember', 'leadTag', 'promotionCode'].map(docs.pageFileName)).toEqual([
		'agent.md',
		'client-member.md',
		'lead-tag.md',
		'promotion-code.md',
	]);
});

describe('rendering', () => {
	const field = (overrides: Partial<INodeProperties>): INodeProperties => ({
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		displayOptions: { show: { resource: ['thing'], operation: ['create'] } },
		...overrides,
	});
	const description = (fields: INodeProperties[], operations: Array<[string, string]>) => ({
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'options', options: [{ name: 'Thing', value: 'thing' }], default: 'thing' },
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				displayOptions: { show: { resource: ['thing'] } },
				options: operations.map(([value, name]) => ({ name, value })),
				default: operations[0][0],
			},
			...fields,
		],
	});
	const pageOf = (fields: INodeProperties[], operations: Array<[string, string]>) =>
		docs.pagesFor(description(fields, operations)).find((page: { file: string }) => page.file === 'docs/operations/thing.md');

	test('a | and a line break in a cell do not break the table; a default with a backtick stays code', () => {
		const table: string = docs.renderTable([field({ description: 'A | B\nC\r\nD', default: 'x`y' })]);
		const row = table.split('\n')[2];
		expect(row).toBe('| Note | `note` | Text | no | `` "x`y" `` | A \\| B<br>C<br>D. |');
		expect(table.split('\n')).toHaveLength(3);
	});

	test('collections, fixed collections, locator modes, options and conditions are spelled out', () => {
		const table: string = docs.renderTable([
			field({ displayName: 'Kind', name: 'kind', type: 'options', options: [{ name: 'Big', value: 'big' }], default: 'big' }),
			field({
				displayName: 'Size',
				name: 'size',
				type: 'number',
				required: true,
				default: 3,
				description: 'How big',
				hint: 'Whole numbers',
				displayOptions: { show: { resource: ['thing'], operation: ['create'], kind: ['big'] } },
			}),
			field({
				displayName: 'Owner',
				name: 'owner',
				type: 'resourceLocator',
				default: { mode: 'list', value: '' },
				modes: [
					{ displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select...' },
					{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'o_1', hint: 'The owner ID' },
				],
			}),
			field({
				displayName: 'Extra',
				name: 'extra',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '' }],
			}),
			field({
				displayName: 'Rows',
				name: 'rows',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [{ displayName: 'Row', name: 'row', values: [{ displayName: 'Cell', name: 'cell', type: 'string', default: '' }] }],
			}),
		]);
		expect(table.split('\n').slice(2)).toEqual([
			'| Kind | `kind` | Options | no | `"big"` | Options: Big (`big`). |',
			'| Size | `size` | Number | yes | `3` | How big. *Hint:* Whole numbers. Shown when Kind is Big. |',
			'| Owner | `owner` | Resource locator | no | `{"mode":"list","value":""}` | Modes: From List; By ID, e.g. `o_1` (The owner ID). |',
			'| Extra | `extra` | Collection | no | `{}` |  |',
			'| Extra → Secret | `extra.secret` | Text (password) | no | `""` |  |',
			'| Rows | `rows` | Fixed collection (repeatable) | no | `{}` |  |',
			'| Rows → Row → Cell | `rows.row[].cell` | Text | no | `""` |  |',
		]);
	});

	test('hand-written text stays; blocks go under their heading, new operations get a section, removed ones go; twice is the same', () => {
		const page = pageOf(
			[field({}), field({ displayName: 'Tag', name: 'tag', displayOptions: { show: { resource: ['thing'], operation: ['tag'] } } })],
			[
				['create', 'Create'],
				['tag', 'Tag It'],
			],
		);
		const written = [
			'# Thing',
			'',
			'Intro, hand-written.',
			'',
			'## Create (`create`)',
			'',
			'What Create sends, hand-written.',
			'',
			'## Gone',
			'',
			'<!-- fields:start thing.gone -->',
			'| old |',
			'<!-- fields:end thing.gone -->',
			'',
			'Hand-written about Gone.',
			'',
		].join('\n');
		const once: string = docs.renderPage(written, page);
		expect(docs.blockIds(once)).toEqual(['thing.create', 'thing.tag']);
		expect(once).toContain('## Create (`create`)\n\n<!-- fields:start thing.create -->');
		expect(once).toContain('<!-- fields:end thing.create -->\n\nWhat Create sends, hand-written.\n\n## Gone\n\nHand-written about Gone.\n');
		expect(once).toMatch(/Hand-written about Gone\.\n\n## Tag It\n\n<!-- fields:start thing\.tag -->[\s\S]*\| Tag \| `tag` \|[\s\S]*<!-- fields:end thing\.tag -->\n$/);
		expect(once.startsWith('# Thing\n\nIntro, hand-written.\n\n')).toBe(true);
		expect(docs.renderPage(once, page)).toBe(once);
	});

	test('a block quotes its operation’s header above the table, with a link to the file', () => {
		const withHeader = docs.pagesFor(description([field({})], [['create', 'Create']]), undefined, (file: string) =>
			file === 'nodes/ChatDash/actions/thing/create.operation.ts' ? '/**\n * Thing → Create.\n *\n * Sends   POST {Base URL}/things\n */\n' : '',
		)[0];
		const text: string = docs.renderPage('# Thing\n\n## Create\n', withHeader);
		expect(docs.blockText(text, 'thing.create')).toContain(
			[
				'**What it sends** (the header comment of [`create.operation.ts`](../../nodes/ChatDash/actions/thing/create.operation.ts), quoted):',
				'',
				'```text',
				'Thing → Create.',
				'',
				'Sends   POST {Base URL}/things',
				'```',
				'',
				'**Fields:**',
				'',
				'| Field | Parameter | Type | Required | Default | Description |',
			].join('\n'),
		);
		expect(docs.renderPage(text, withHeader)).toBe(text);
	});
});

describe('citations', () => {
	/**
	 * Comments and pages cite ChatDash's public doc pages by URL
	 * (https://docs.chat-dash.com/api-reference/<group>/pages/<page>), never a local catalogue file
	 * (`post-stripe-connect-coupons.yaml`) or a bare catalogue name (`(put-stripe-connect-coupon)`),
	 * which a reader of the repository does not have.
	 */
	const CATALOGUE_NAME =
		/\.ya?ml\b|(?<![\w/-])(?:get|post|put|patch|delete)-(?:stripe|agents?|clients?|conversations?|leads|analytics|ai|webhooks?|chatbots|projects)\b[\w-]*|(?<![\w-])webhook-events\b/g;

	const filesUnder = (dir: string, keep: (file: string) => boolean): string[] =>
		readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
			const file = `${dir}/${entry.name}`;
			if (entry.isDirectory()) return filesUnder(file, keep);
			return keep(file) ? [file] : [];
		});

	/** Every catalogue citation in `text`, as "file:line: name". */
	const citations = (file: string, text: string): string[] =>
		text.split('\n').flatMap((line, index) => [...line.matchAll(CATALOGUE_NAME)].map((match) => `${file}:${index + 1}: ${match[0]}`));

	test('no file under nodes/, credentials/ or test/emulator/, and no page under docs/, names a catalogue file instead of a URL', () => {
		const files = [
			...filesUnder('nodes', (file) => /\.(ts|js|json)$/.test(file)),
			...filesUnder('credentials', (file) => /\.(ts|js|json)$/.test(file)),
			...filesUnder(path.join('test', 'emulator'), (file) => /\.(ts|js)$/.test(file)),
			...filesUnder('docs', (file) => file.endsWith('.md')),
		];
		expect(files.length).toBeGreaterThan(50);
		expect(files.flatMap((file) => citations(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
	});

	test('the check catches the forms that were used, and lets public URLs and ordinary words through', () => {
		const found = citations(
			'x.ts',
			[
				' * What the docs say (post-stripe-connect-coupons.yaml): …',
				' * The docs (put-stripe-connect-coupon) accept only `data.name`.',
				' * (post-leads, put-leads, get-leads-tags, get-analytics).',
				' * call.ended carries it too (webhook-events.yaml).',
				' * see https://docs.chat-dash.com/api-reference/leads/pages/post-leads and',
				' * https://help.chat-dash.com/en/help/articles/4675125-webhook-events, post-call analysis, get-many',
			].join('\n'),
		);
		expect(found).toEqual([
			'x.ts:1: post-stripe-connect-coupons',
			'x.ts:1: .yaml',
			'x.ts:2: put-stripe-connect-coupon',
			'x.ts:3: post-leads',
			'x.ts:3: put-leads',
			'x.ts:3: get-leads-tags',
			'x.ts:3: get-analytics',
			'x.ts:4: webhook-events',
			'x.ts:4: .yaml',
		]);
	});
});
