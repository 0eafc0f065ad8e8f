#!/usr/bin/env node
// After publishing: loads every file the package's "n8n" attribute lists (n8n.nodes and
// n8n.credentials), from an installed copy of the package, the way n8n loads a community package:
// each file must exist, load with require(), and export a class whose instance has a node
// `description` (nodes) or a credential `name` and `properties` (credentials).
//   node scripts/release/smoke-require.js <installed package folder>
// e.g. after `npm install n8n-nodes-chatdash@1.2.3` in a fresh folder:
//   node scripts/release/smoke-require.js ./node_modules/n8n-nodes-chatdash
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * @param {string} packageDir
 * @returns {{loaded: string[], errors: string[]}}
 */
function smokeRequire(packageDir) {
	const errors = [];
	const loaded = [];
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const n8n = pkg.n8n ?? {};
	/** @type {Array<['nodes' | 'credentials', string]>} */
	const entries = [
		...(Array.isArray(n8n.nodes) ? n8n.nodes : []).map((/** @type {string} */ file) => /** @type {['nodes', string]} */ (['nodes', file])),
		...(Array.isArray(n8n.credentials) ? n8n.credentials : []).map(
			(/** @type {string} */ file) => /** @type {['credentials', string]} */ (['credentials', file]),
		),
	];
	if (entries.length === 0) errors.push(`${pkg.name}: package.json lists no files under n8n.nodes or n8n.credentials`);

	for (const [kind, file] of entries) {
		const fullPath = path.resolve(packageDir, file);
		if (!fs.existsSync(fullPath)) {
			errors.push(`${file} (n8n.${kind}) is not in the package`);
			continue;
		}
		let exported;
		try {
			exported = require(fullPath);
		} catch (error) {
			errors.push(`${file} (n8n.${kind}) fails to load: ${/** @type {Error} */ (error).message}`);
			continue;
		}
		const classes = Object.values(exported ?? {}).filter((value) => typeof value === 'function');
		if (classes.length === 0) {
			errors.push(`${file} (n8n.${kind}) exports no class`);
			continue;
		}
		const problems = [];
		for (const Exported of classes) {
			try {
				const instance = new /** @type {new () => any} */ (Exported)();
				const ok =
					kind === 'nodes'
						? Boolean(instance.description?.name || instance.nodeVersions)
						: typeof instance.name === 'string' && Array.isArray(instance.properties);
				if (ok) {
					loaded.push(`${file}: ${kind === 'nodes' ? (instance.description?.name ?? Exported.name) : instance.name}`);
					problems.length = 0;
					break;
				}
				problems.push(`${Exported.name} has no ${kind === 'nodes' ? 'description.name' : 'name and properties'}`);
			} catch (error) {
				problems.push(`new ${Exported.name}() throws: ${/** @type {Error} */ (error).message}`);
			}
		}
		if (problems.length > 0) errors.push(`${file} (n8n.${kind}): ${problems.join('; ')}`);
	}
	return { loaded, errors };
}

function main() {
	const packageDir = process.argv[2];
	if (!packageDir) {
		process.stderr.write('usage: node scripts/release/smoke-require.js <installed package folder>\n');
		process.exitCode = 2;
		return;
	}
	const { loaded, errors } = smokeRequire(path.resolve(packageDir));
	for (const line of loaded) process.stdout.write(`loaded ${line}\n`);
	for (const error of errors) process.stdout.write(`::error title=Published package::${error}\n`);
	process.exitCode = errors.length > 0 ? 1 : 0;
}

if (require.main === module) main();

module.exports = { smokeRequire };
