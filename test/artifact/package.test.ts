/**
 * The built package, as n8n sees it: loaded from the package root by n8n-core's own
 * PackageDirectoryLoader, with every icon it references present in dist/, and a packed tarball
 * that holds nothing but dist/, the README, the LICENSE and package.json.
 * Needs `npm run build` first (the test command does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

const root = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

beforeAll(() => {
	if (!existsSync(path.join(root, 'dist/nodes/ChatDash/ChatDash.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` before the artifact tests');
	}
});

describe('n8n loads the package root', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
	});

	test('knows both nodes and both credentials, each credential for its node', () => {
		expect(loader.packageName).toBe('n8n-nodes-chatdash');
		expect(Object.keys(loader.known.nodes)).toEqual(['chatDash', 'chatDashTrigger']);
		expect(Object.keys(loader.known.credentials)).toEqual(['chatDashApi', 'chatDashClientApi']);
		expect(loader.known.credentials.chatDashApi.supportedNodes).toEqual(['chatDash']);
		expect(loader.known.credentials.chatDashClientApi.supportedNodes).toEqual(['chatDashTrigger']);
		const node = loader.nodeTypes.chatDash.type as { description: { usableAsTool?: boolean } };
		expect(node.description.usableAsTool).toBe(true);
		// A trigger is not a tool (n8n's lint forbids it).
		const trigger = loader.nodeTypes.chatDashTrigger.type as { description: { usableAsTool?: boolean } };
		expect(trigger.description.usableAsTool).toBeUndefined();
	});

	test('every icon the nodes and credentials reference exists in dist/, light and dark differ', () => {
		const descriptions = [...loader.types.nodes, ...loader.types.credentials];
		expect(descriptions).toHaveLength(4);
		for (const description of descriptions) {
			const iconUrl = description.iconUrl as { light: string; dark: string };
			expect(iconUrl.light).not.toBe(iconUrl.dark);
			for (const url of [iconUrl.light, iconUrl.dark]) {
				const file = path.join(root, url.replace('icons/n8n-nodes-chatdash/', ''));
				expect(file.startsWith(path.join(root, 'dist') + path.sep)).toBe(true);
				expect(readFileSync(file, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
			}
		}
	});

	test('what npm and n8n show first covers the whole API, not only Stripe billing', () => {
		const node = loader.nodeTypes.chatDash.type.description;
		const trigger = loader.nodeTypes.chatDashTrigger.type.description;
		for (const text of [node.description, packageJson.description as string]) {
			for (const word of [/\bclients\b/, /\bagents\b/, /\bconversations\b/, /\bleads\b/, /\banalytics\b/, /\bStripe\b/]) {
				expect(text).toMatch(word);
			}
		}
		expect(packageJson.description).toMatch(/\bcall events\b/);
		expect(trigger.description).toMatch(/\bcall\b/);
		expect(packageJson.keywords[0]).toBe('n8n-community-node-package');
		expect(packageJson.keywords).toEqual(expect.arrayContaining(['chatdash', 'ai-agents', 'clients', 'leads', 'stripe']));
		const [codex] = loader.types.nodes.filter((description) => description.name === 'chatDash').map((description) => description.codex);
		expect(codex?.alias).toEqual(expect.arrayContaining(['Client', 'Lead', 'Stripe']));
	});

	test('the codex names the node and its documentation', () => {
		const [node] = loader.types.nodes;
		expect(node.codex?.categories?.length).toBeGreaterThan(0);
		const codexFile = JSON.parse(readFileSync(path.join(root, 'dist/nodes/ChatDash/ChatDash.node.json'), 'utf8'));
		expect(codexFile.node).toBe('n8n-nodes-chatdash.chatDash');
	});
});

describe('package.json follows the community-package rules', () => {
	test('name, keyword, license, files and the n8n attribute', () => {
		expect(packageJson.name).toBe('n8n-nodes-chatdash');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.license).toBe('MIT');
		expect(existsSync(path.join(root, 'LICENSE'))).toBe(true);
		expect(packageJson.files).toEqual(['dist']);
		expect(packageJson.n8n).toEqual({
			n8nNodesApiVersion: 1,
			credentials: ['dist/credentials/ChatDashApi.credentials.js', 'dist/credentials/ChatDashClientApi.credentials.js'],
			nodes: ['dist/nodes/ChatDash/ChatDash.node.js', 'dist/nodes/ChatDashTrigger/ChatDashTrigger.node.js'],
		});
	});

	test('no runtime dependencies, n8n-workflow as a peer, no install-time scripts', () => {
		expect(packageJson.dependencies ?? {}).toEqual({});
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) {
			expect(packageJson.scripts ?? {}).not.toHaveProperty(script);
		}
	});

	test('the engine packages are pinned exactly, with one n8n-workflow in the tree', () => {
		expect(packageJson.devDependencies).toMatchObject({
			'n8n-core': '2.41.1',
			'n8n-workflow': '2.41.0',
			zod: '3.25.76',
		});
		const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
		const copies = Object.keys(lock.packages).filter((key) => key.endsWith('node_modules/n8n-workflow'));
		// The engine and the node must share one n8n-workflow (errors are told apart by class). The
		// only other copy allowed is the lint tool's own (@n8n/node-cli → @n8n/ai-node-sdk →
		// @n8n/ai-utilities), which neither the engine nor the node can reach.
		const lintToolCopy = 'node_modules/@n8n/ai-utilities/node_modules/n8n-workflow';
		expect(copies.filter((key) => key !== lintToolCopy)).toEqual(['node_modules/n8n-workflow']);
		const dependents = Object.entries(lock.packages as Record<string, { dependencies?: Record<string, string> }>)
			.filter(([, entry]) => entry.dependencies?.['@n8n/ai-utilities'])
			.map(([key]) => key);
		expect(dependents).toEqual(['node_modules/@n8n/ai-node-sdk']);
		expect(Object.keys(lock.packages[''].devDependencies)).toContain('@n8n/node-cli');
		const engineWorkflow = require.resolve('n8n-workflow', { paths: [path.dirname(require.resolve('n8n-core'))] });
		expect(engineWorkflow).toBe(require.resolve('n8n-workflow'));
	});
});

test('npm pack holds only dist/, README.md, LICENSE and package.json', () => {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	const [pack] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
	const files = pack.files.map((file) => file.path);
	expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
	expect(files).toEqual(
		expect.arrayContaining([
			'dist/nodes/ChatDash/ChatDash.node.js',
			'dist/nodes/ChatDash/ChatDash.node.json',
			'dist/nodes/ChatDash/chatDash.svg',
			'dist/nodes/ChatDash/chatDash.dark.svg',
			'dist/credentials/ChatDashApi.credentials.js',
		]),
	);
	expect(files.some((file) => file.includes('test') || file.endsWith('.ts'))).toBe(false);
	// Maps would point at TypeScript sources the package does not hold: weight without use.
	expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
});
