/**
 * The SOURCES pass what n8n's verification lints after fetching the commit a package's provenance
 * attests (@n8n/scan-community-package 0.32.0): package.json, nodes/** and credentials/** with the
 * scanner's own rule set and inline config disabled, so no eslint-disable comment can hide a
 * finding. 0 findings, warnings included. (scanner.e2e.test.ts covers the packed tarball's leg.)
 *
 * The scan runs on a copy of what a commit of this working tree would hold (git's tracked and
 * not-ignored files), laid out as the scanner lays out a downloaded source archive.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ROOT } from '../../scripts/lib/n8n-instance';
import { ensureScanner } from '../../scripts/lib/n8n-runtime';

type Finding = { file: string; line: number; rule: string | null; severity: number; message: string };
type ScanOutput = {
	packageRoot: string | null;
	patterns: string[];
	files: string[];
	verdict: { passed: boolean; message?: string; details?: string };
	findings: Finding[];
};

let workDir: string;
let scanner: { nodeBinary: string; scannerModule: string };

beforeAll(async () => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-source-scan-'));
	scanner = await ensureScanner((line) => process.stderr.write(`${line}\n`));
}, 10 * 60 * 1000);

afterAll(() => {
	rmSync(workDir, { recursive: true, force: true });
});

/** The files a commit of the working tree would hold that the scanner can look at. */
function committableSources(): string[] {
	const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
		cwd: ROOT,
		encoding: 'utf8',
	})
		.split('\0')
		.filter(Boolean);
	return listed.filter((file) => /(^|\/)package\.json$/.test(file) || /^(nodes|credentials)\//.test(file));
}

function copySources(target: string): string[] {
	const files = committableSources().filter((file) => {
		try {
			const source = path.join(ROOT, file);
			const copy = path.join(target, file);
			mkdirSync(path.dirname(copy), { recursive: true });
			copyFileSync(source, copy);
			return true;
		} catch (error) {
			// Listed by git but deleted in the working tree: not in the next commit either.
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
			throw error;
		}
	});
	return files;
}

/**
 * The environment without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base reads it and then
 * treats every file as a node file (its own unit-test mode), which the real scanner never does.
 */
function scannerEnv(): NodeJS.ProcessEnv {
	const { NODE_ENV: _jest, ...env } = process.env;
	return env;
}

function scan(sourceDir: string): ScanOutput {
	const output = execFileSync(
		scanner.nodeBinary,
		[path.join(ROOT, 'scripts/release/scan-sources.mjs'), scanner.scannerModule, sourceDir],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: scannerEnv() },
	);
	return JSON.parse(output);
}

test('package.json, nodes/** and credentials/**: 0 findings with inline config disabled', () => {
	const sourceDir = path.join(workDir, 'source');
	const copied = copySources(sourceDir);
	expect(copied).toContain('package.json');

	const { packageRoot, patterns, files, verdict, findings } = scan(sourceDir);

	// The scanner finds this package at the root of the checkout and lints its sources.
	expect(packageRoot).toBe('');
	expect(patterns).toEqual(['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
	expect(files).toEqual(expect.arrayContaining(['package.json', 'nodes/ChatDash/ChatDash.node.ts', 'credentials/ChatDashApi.credentials.ts']));
	expect(files.length).toBeGreaterThanOrEqual(20);
	expect(findings).toEqual([]);
	expect(verdict).toEqual({ passed: true });
}, 10 * 60 * 1000);

test('an eslint-disable comment hides nothing: a suppressed finding still fails the scan', () => {
	const sourceDir = path.join(workDir, 'suppressed');
	mkdirSync(path.join(sourceDir, 'nodes', 'ChatDash'), { recursive: true });
	for (const file of ['package.json', 'nodes/ChatDash/ChatDash.node.ts']) copyFileSync(path.join(ROOT, file), path.join(sourceDir, file));
	// What a local `eslint .` would accept: every finding switched off by a comment.
	writeFileSync(
		path.join(sourceDir, 'nodes', 'ChatDash', 'Suppressed.ts'),
		[
			'/* eslint-disable */',
			'// eslint-disable-next-line no-console',
			"console.log('hidden from a local lint');",
			'export const hidden = 1;',
			'',
		].join('\n'),
	);
	appendFileSync(path.join(sourceDir, 'nodes', 'ChatDash', 'ChatDash.node.ts'), "\n// eslint-disable-next-line no-console\nconsole.log('also hidden');\n");

	const { findings, verdict } = scan(sourceDir);

	expect(findings).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ file: 'nodes/ChatDash/Suppressed.ts', line: 3, rule: 'no-console', severity: 2 }),
			expect.objectContaining({ file: 'nodes/ChatDash/ChatDash.node.ts', rule: 'no-console', severity: 2 }),
		]),
	);
	expect(verdict.passed).toBe(false);
	expect(verdict.message).toBe('ESLint violations found');
}, 10 * 60 * 1000);
