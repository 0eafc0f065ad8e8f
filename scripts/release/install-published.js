#!/usr/bin/env node
// After publishing: installs name@version from the registry into a fresh folder (as n8n's
// Community Nodes installer would, with its peer dependency n8n-workflow) and prints the folder
// of the installed package. A just-published version can take a minute to be served everywhere,
// so a "not found" answer is retried (up to 10 times, 15 s apart); other failures are not.
//   node scripts/release/install-published.js <name> <version> <fresh folder>
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/**
 * @param {{name: string, version: string, dir: string, attempts?: number, waitMs?: number,
 *   npm?: (args: string[], cwd: string) => void, sleep?: (ms: number) => void,
 *   log?: (line: string) => void}} options
 * @returns {string} the installed package's folder
 */
function installPublished({ name, version, dir, attempts = 10, waitMs = 15000, npm = runNpm, sleep = sleepSync, log = () => {} }) {
	fs.mkdirSync(dir, { recursive: true });
	if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty: install into a fresh folder`);
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'smoke-test', private: true }));
	for (let attempt = 1; ; attempt++) {
		try {
			npm(['install', `${name}@${version}`, '--ignore-scripts', '--no-audit', '--no-fund'], dir);
			break;
		} catch (error) {
			const text = `${/** @type {any} */ (error).stderr ?? ''}${/** @type {any} */ (error).message ?? ''}`;
			const notYet = /E404|ETARGET|No matching version|is not in this registry/.test(text);
			if (!notYet || attempt >= attempts) throw error;
			log(`${name}@${version} is not served yet (try ${attempt} of ${attempts}); waiting ${waitMs / 1000} s`);
			sleep(waitMs);
		}
	}
	const installed = path.join(dir, 'node_modules', ...name.split('/'));
	const installedVersion = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version;
	if (installedVersion !== version) throw new Error(`installed ${name}@${installedVersion}, expected ${version}`);
	return installed;
}

/** @param {string[]} args @param {string} cwd */
function runNpm(args, cwd) {
	execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
}

/** @param {number} ms */
function sleepSync(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function main() {
	const [name, version, dir] = process.argv.slice(2);
	if (!name || !version || !dir) {
		process.stderr.write('usage: node scripts/release/install-published.js <name> <version> <fresh folder>\n');
		process.exitCode = 2;
		return;
	}
	const installed = installPublished({ name, version, dir: path.resolve(dir), log: (line) => process.stdout.write(`${line}\n`) });
	process.stdout.write(`${installed}\n`);
}

if (require.main === module) main();

module.exports = { installPublished };
