#!/usr/bin/env node
// @ts-check
/**
 * `npm run docs`: writes the generated parts of the reference pages, so the pages cannot drift from
 * the code: for each operation, its header comment (what it sends, what it returns, what ChatDash's
 * docs leave open), quoted verbatim, and the table of the fields the editor shows.
 *
 * It reads the BUILT description (`dist/nodes/ChatDash/ChatDash.node.js` and
 * `dist/nodes/ChatDashTrigger/ChatDashTrigger.node.js`; `npm run docs` builds first) and, for each
 * resource, rewrites `docs/operations/<resource>.md` (`clientMember` → `client-member.md`): one block
 * per operation, between `<!-- fields:start <resource>.<operation> -->` and
 * `<!-- fields:end <resource>.<operation> -->`, put right under the operation's heading
 * (`## <Operation name>`, optionally followed by `` (`<value>`) ``). The trigger's block goes under
 * `### What it sends and its fields` in `docs/trigger.md`. Everything outside the markers is hand-written and left as it
 * is.
 *
 * The header is the `/** … *\/` comment that opens the operation's file,
 * `nodes/ChatDash/actions/<resource>/<operation>.operation.ts` (the file name is the operation's
 * value), read from the TypeScript source; the trigger's is the one opening
 * `nodes/ChatDashTrigger/subscription.ts`, which states what the trigger sends. What an operation
 * sends is written once, there, and the page quotes it. An operation with no heading yet gets a new `## <Operation name>` section at the end of its
 * page; a block whose operation no longer exists is removed. The output is deterministic (the
 * description's order, no dates), so running it twice changes nothing.
 *
 * test/unit/docs.test.ts renders the pages from the TypeScript sources with the same functions and
 * fails when a committed page differs (a stale page).
 *
 *   node scripts/docs.js            write the pages (after `npm run build`)
 *   node scripts/docs.js --check    write nothing; exit 1 naming every stale page
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** @typedef {Record<string, any>} Property a node parameter (n8n's INodeProperties, loosely typed) */
/** @typedef {{ label: string, name: string, type: string, required: boolean, default: string, description: string }} FieldRow */
/** @typedef {{ id: string, title: string, headingLevel: number, fields: Property[], sourceFile?: string, header?: string }} Block */
/** @typedef {{ file: string, source: string, blocks: Block[] }} Page */
/** @typedef {(file: string) => string} ReadFile a file's text by its path from the repository root ('' when it does not exist) */

/**
 * The page file of a resource value, as the pages are named: `clientMember` → `client-member.md`.
 * @param {string} resource
 */
function pageFileName(resource) {
	return `${resource.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.md`;
}

/** @type {Record<string, string>} */
const TYPE_NAMES = {
	boolean: 'Boolean',
	collection: 'Collection',
	dateTime: 'Date and time',
	fixedCollection: 'Fixed collection',
	json: 'JSON',
	multiOptions: 'Multiple options',
	notice: 'Notice',
	number: 'Number',
	options: 'Options',
	resourceLocator: 'Resource locator',
	string: 'Text',
};

/** @param {Property} property */
function typeName(property) {
	const name = TYPE_NAMES[property.type] ?? property.type;
	if (property.typeOptions?.password) return `${name} (password)`;
	if (property.type === 'fixedCollection' && property.typeOptions?.multipleValues) return `${name} (repeatable)`;
	return name;
}

/**
 * A table cell: `|` escaped, line breaks as `<br>`, so a cell never breaks the table.
 * @param {unknown} text
 */
function cell(text) {
	return String(text)
		.replace(/\r\n?/g, '\n')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, '<br>')
		.trim();
}

/**
 * A value as inline code, fenced with more backticks than it contains.
 * @param {unknown} text
 */
function code(text) {
	const longest = Math.max(0, ...(String(text).match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = longest > 0 ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

/** @param {unknown} value */
function defaultText(value) {
	if (value === undefined) return '';
	return code(JSON.stringify(value));
}

/**
 * "Return All is off", "Discount Type is Percent Off or Amount Off".
 * @param {string} name @param {unknown[]} values @param {Map<string, Property>} fieldsByName
 */
function conditionText(name, values, fieldsByName) {
	const field = fieldsByName.get(name);
	const label = field?.displayName ?? name;
	const shown = values.map((value) => {
		if (typeof value === 'boolean') return value ? 'on' : 'off';
		const option = (field?.options ?? []).find((/** @type {Property} */ candidate) => candidate.value === value);
		return option?.name ?? code(JSON.stringify(value));
	});
	return `${label} is ${shown.join(' or ')}`;
}

/**
 * The conditions of a field beyond its resource and operation, in words.
 * @param {Property} property
 * @param {Map<string, Property>} fieldsByName the fields it can depend on, by parameter name
 */
function displayConditions(property, fieldsByName) {
	const parts = [];
	for (const [kind, word] of [
		['show', 'Shown when'],
		['hide', 'Hidden when'],
	]) {
		const conditions = Object.entries(property.displayOptions?.[kind] ?? {})
			.filter(([name]) => kind !== 'show' || !['resource', 'operation'].includes(name))
			.map(([name, values]) => conditionText(name.replace(/^\//, ''), values, fieldsByName));
		if (conditions.length) parts.push(`${word} ${conditions.join(' and ')}.`);
	}
	return parts;
}

/** @param {Property} property @param {Map<string, Property>} fieldsByName */
function describe(property, fieldsByName) {
	const parts = [];
	if (property.description) parts.push(property.description);
	if (property.hint) parts.push(`*Hint:* ${property.hint}`);
	if (['options', 'multiOptions'].includes(property.type)) {
		if (Array.isArray(property.options) && property.options.length) {
			parts.push(`Options: ${property.options.map((option) => `${option.name} (${code(option.value)})`).join(', ')}.`);
		} else if (property.typeOptions?.loadOptionsMethod) {
			parts.push('Options: listed from your ChatDash account.');
		}
	}
	if (property.type === 'resourceLocator') {
		const modes = (property.modes ?? []).map((/** @type {Property} */ mode) => {
			const example = mode.placeholder && mode.type !== 'list' ? `, e.g. ${code(mode.placeholder)}` : '';
			const hint = mode.hint ? ` (${mode.hint})` : '';
			return `${mode.displayName}${example}${hint}`;
		});
		if (modes.length) parts.push(`Modes: ${modes.join('; ')}.`);
	}
	parts.push(...displayConditions(property, fieldsByName));
	return parts.map((part) => (/[.!?:]$/.test(part.trim()) ? part.trim() : `${part.trim()}.`)).join(' ');
}

/**
 * The rows of a field and of every field inside it (collection options, fixed collection values).
 * @param {Property} property
 * @param {Map<string, Property>} fieldsByName
 * @param {{ label: string, name: string }} [parent]
 * @returns {FieldRow[]}
 */
function fieldRows(property, fieldsByName, parent) {
	const label = parent ? `${parent.label} → ${property.displayName}` : property.displayName;
	const name = parent ? `${parent.name}.${property.name}` : property.name;
	/** @type {FieldRow[]} */
	const rows = [
		{
			label,
			name,
			type: typeName(property),
			required: property.required === true,
			default: defaultText(property.default),
			description: describe(property, fieldsByName),
		},
	];
	if (property.type === 'collection') {
		for (const option of property.options ?? []) rows.push(...fieldRows(option, fieldsByName, { label, name }));
	}
	if (property.type === 'fixedCollection') {
		const many = property.typeOptions?.multipleValues ? '[]' : '';
		for (const group of property.options ?? []) {
			const groupParent = { label: `${label} → ${group.displayName}`, name: `${name}.${group.name}${many}` };
			for (const value of group.values ?? []) rows.push(...fieldRows(value, fieldsByName, groupParent));
		}
	}
	return rows;
}

/**
 * The table of a block: every field the editor can show for it, in the description's order.
 * @param {Property[]} fields
 */
function renderTable(fields) {
	/** @type {Map<string, Property>} */
	const fieldsByName = new Map();
	for (const field of fields) if (!fieldsByName.has(field.name)) fieldsByName.set(field.name, field);
	const rows = fields.flatMap((field) => fieldRows(field, fieldsByName));
	if (!rows.length) return 'This operation has no fields.';
	return [
		'| Field | Parameter | Type | Required | Default | Description |',
		'|---|---|---|---|---|---|',
		...rows.map(
			(row) =>
				`| ${cell(row.label)} | ${cell(code(row.name))} | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.default)} | ${cell(row.description)} |`,
		),
	].join('\n');
}

/**
 * The text of the `/** … *\/` comment that opens a source file (blank lines and `// ` lines before
 * it are allowed), without the comment's delimiters and the ` * ` that starts each line; undefined
 * when the file does not open with one.
 * @param {string} source
 */
function headerComment(source) {
	const match = /^(?:\s*\/\/[^\n]*\n|\s*\n)*\s*\/\*\*([\s\S]*?)\*\//.exec(source.replace(/\r\n?/g, '\n'));
	if (!match) return undefined;
	const lines = match[1]
		.replace(/^[ \t]+/, '')
		.split('\n')
		.map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
	while (lines.length && !lines[0]) lines.shift();
	while (lines.length && !lines[lines.length - 1]) lines.pop();
	return lines.length ? lines.join('\n') : undefined;
}

/**
 * A header quoted verbatim: a fenced text block, its fence longer than any run of backticks in it.
 * @param {string} header
 */
function quoteHeader(header) {
	const longest = Math.max(2, ...(header.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	return [`${fence}text`, header, fence].join('\n');
}

/** @param {string} id */
function startMarker(id) {
	return `<!-- fields:start ${id} -->`;
}
/** @param {string} id */
function endMarker(id) {
	return `<!-- fields:end ${id} -->`;
}

/**
 * @param {Block} block
 * @param {string} source where its fields are defined, for the marker comment
 * @param {string} pageFile the page's path from the repository root, for the link to the header's file
 */
function renderBlock(block, source, pageFile) {
	const quoted = block.header !== undefined && block.sourceFile !== undefined;
	const from = quoted ? `the header comment of ${block.sourceFile} and the fields in ${source}` : `the fields in ${source}`;
	const change = quoted ? 'change the header or the field there' : 'change the field there';
	const lines = [
		startMarker(block.id),
		`<!-- Generated by \`npm run docs\` from ${from}. Do not edit between the fields:start and fields:end markers: ${change} and run \`npm run docs\`. Text outside the markers is hand-written and kept as it is. -->`,
		'',
	];
	if (quoted) {
		const link = path.posix.relative(path.posix.dirname(pageFile), /** @type {string} */ (block.sourceFile));
		lines.push(
			`**What it sends** (the header comment of [\`${path.posix.basename(/** @type {string} */ (block.sourceFile))}\`](${link}), quoted):`,
			'',
			quoteHeader(/** @type {string} */ (block.header)),
			'',
			'**Fields:**',
			'',
		);
	}
	lines.push(renderTable(block.fields), '', endMarker(block.id));
	return lines.join('\n');
}

const BLOCK_PATTERN = /<!-- fields:start (\S+) -->[\s\S]*?<!-- fields:end \1 -->/g;

/**
 * The ids of the blocks a page holds, in order.
 * @param {string} text
 */
function blockIds(text) {
	return [...text.matchAll(BLOCK_PATTERN)].map((match) => match[1]);
}

/**
 * The text between a block's markers (markers included), or undefined.
 * @param {string} text @param {string} id
 */
function blockText(text, id) {
	return [...text.matchAll(BLOCK_PATTERN)].find((match) => match[1] === id)?.[0];
}

/** @param {string} text */
function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A page's text with every block written from the description: blocks in place are replaced,
 * missing ones go under their heading (or a new section at the end), unknown ones are removed.
 * @param {string} text the page as it is
 * @param {Page} page
 */
function renderPage(text, page) {
	const { source, file } = page;
	const wanted = new Map(page.blocks.map((block) => [block.id, block]));
	const removed = '\u0000removed block\u0000';
	let out = text
		.replace(/\r\n/g, '\n')
		.replace(BLOCK_PATTERN, (_whole, id) => {
			const block = wanted.get(id);
			return block ? renderBlock(block, source, file) : removed;
		})
		// A removed block takes its blank lines with it.
		.split(new RegExp(`\\n*${removed}\\n*`))
		.join('\n\n');
	for (const block of page.blocks) {
		if (blockText(out, block.id)) continue;
		const heading = new RegExp(`^#{2,3} ${escapeRegExp(block.title)}(?: \\(\`\\w+\`\\))?[ \\t]*$`, 'm').exec(out);
		if (heading) {
			const at = heading.index + heading[0].length;
			out = `${out.slice(0, at)}\n\n${renderBlock(block, source, file)}\n${out.slice(at).replace(/^\n*/, '\n')}`;
		} else {
			out = `${out.replace(/\n*$/, '')}\n\n${'#'.repeat(block.headingLevel)} ${block.title}\n\n${renderBlock(block, source, file)}\n`;
		}
	}
	return out.replace(/\n*$/, '\n');
}

/**
 * The fields the editor shows for one resource and operation, in the description's order.
 * @param {Property[]} properties @param {string} resource @param {string} operation
 */
function operationFields(properties, resource, operation) {
	return properties.filter((property) => {
		if (['resource', 'operation'].includes(property.name)) return false;
		const show = property.displayOptions?.show ?? {};
		return (
			Array.isArray(show.resource) &&
			show.resource.includes(resource) &&
			(!show.operation || show.operation.includes(operation))
		);
	});
}

/** @type {ReadFile} */
function readRepoFile(file) {
	const full = path.join(ROOT, file);
	return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
}

/** The file whose header states what the trigger sends. */
const TRIGGER_HEADER_FILE = 'nodes/ChatDashTrigger/subscription.ts';

/**
 * The source file of an operation and its header comment (undefined when the file has none).
 * @param {string} sourceFile @param {ReadFile} readSource
 */
function headerOf(sourceFile, readSource) {
	return { sourceFile, header: headerComment(readSource(sourceFile)) };
}

/**
 * Every page and its blocks: one page per resource (one block per operation, in the Operation
 * dropdown's order) and the trigger's page.
 * @param {{ properties: Property[] }} node the ChatDash node's description
 * @param {{ properties: Property[] }} [trigger] the ChatDash Trigger's description
 * @param {ReadFile} [readSource] reads the source files the headers come from (the repository's by default)
 * @returns {Page[]}
 */
function pagesFor(node, trigger, readSource = readRepoFile) {
	const resourceField = node.properties.find((property) => property.name === 'resource');
	/** @type {Page[]} */
	const pages = (resourceField?.options ?? []).map((/** @type {Property} */ resource) => {
		const operationField = node.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		);
		return {
			file: `docs/operations/${pageFileName(resource.value)}`,
			source: `nodes/ChatDash/actions/${resource.value}/`,
			blocks: (operationField?.options ?? []).map((/** @type {Property} */ operation) => ({
				id: `${resource.value}.${operation.value}`,
				title: operation.name,
				headingLevel: 2,
				fields: operationFields(node.properties, resource.value, operation.value),
				...headerOf(`nodes/ChatDash/actions/${resource.value}/${operation.value}.operation.ts`, readSource),
			})),
		};
	});
	if (trigger) {
		pages.push({
			file: 'docs/trigger.md',
			source: 'nodes/ChatDashTrigger/ChatDashTrigger.node.ts',
			blocks: [
				{
					id: 'chatDashTrigger',
					title: 'What it sends and its fields',
					headingLevel: 3,
					fields: trigger.properties,
					...headerOf(TRIGGER_HEADER_FILE, readSource),
				},
			],
		});
	}
	return pages;
}

/**
 * Each page's path and the text it should have.
 * @param {{ properties: Property[] }} node
 * @param {{ properties: Property[] }} trigger
 * @param {ReadFile} read a page's current text ('' when it does not exist)
 * @param {ReadFile} [readSource] reads the source files the headers come from (the repository's by default)
 */
function renderAll(node, trigger, read, readSource = readRepoFile) {
	return pagesFor(node, trigger, readSource).map((page) => ({ file: page.file, text: renderPage(read(page.file), page) }));
}

const readPage = readRepoFile;

function main() {
	const check = process.argv.includes('--check');
	const built = path.join(ROOT, 'dist/nodes/ChatDash/ChatDash.node.js');
	if (!fs.existsSync(built)) {
		console.error('dist/ has no built node: run `npm run build` first (`npm run docs` does).');
		process.exit(1);
	}
	const { ChatDash } = require(built);
	const { ChatDashTrigger } = require(path.join(ROOT, 'dist/nodes/ChatDashTrigger/ChatDashTrigger.node.js'));
	const headerless = pagesFor(new ChatDash().description, new ChatDashTrigger().description)
		.flatMap((page) => page.blocks)
		.filter((block) => block.header === undefined)
		.map((block) => block.sourceFile ?? block.id);
	if (headerless.length) {
		console.error(`No /** … */ header comment opens: ${headerless.join(', ')}`);
		process.exit(1);
	}
	const stale = [];
	for (const { file, text } of renderAll(new ChatDash().description, new ChatDashTrigger().description, readPage)) {
		if (readPage(file) === text) continue;
		stale.push(file);
		if (!check) fs.writeFileSync(path.join(ROOT, file), text);
	}
	if (check && stale.length) {
		console.error(`Stale reference pages (run \`npm run docs\`): ${stale.join(', ')}`);
		process.exit(1);
	}
	console.log(stale.length ? `${check ? 'Stale' : 'Wrote'}: ${stale.join(', ')}` : 'Reference pages are up to date.');
}

if (require.main === module) main();

module.exports = {
	pageFileName,
	pagesFor,
	renderPage,
	renderAll,
	renderTable,
	blockIds,
	blockText,
	cell,
	operationFields,
	headerComment,
	quoteHeader,
	TRIGGER_HEADER_FILE,
};
