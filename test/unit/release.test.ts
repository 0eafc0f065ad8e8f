/**
 * The release checks of .github/workflows/publish.yml (scripts/release/*.js), run here as the
 * workflow runs them, plus what the workflow files must say (the linter checks their syntax:
 * workflows-lint.test.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const release = require('../../scripts/release/check-release.js');
const { smokeRequire } = require('../../scripts/release/smoke-require.js');
const { installPublished } = require('../../scripts/release/install-published.js');

const ROOT = path.resolve(__dirname, '..', '..');
const CHECK = path.join(ROOT, 'scripts/release/check-release.js');

const goodPkg = {
	name: 'n8n-nodes-chatdash',
	version: '1.2.3',
	repository: { type: 'git', url: 'git+https://github.com/acme/n8n-nodes-chatdash.git' },
	bugs: { url: 'https://github.com/acme/n8n-nodes-chatdash/issues' },
	homepage: 'https://github.com/acme/n8n-nodes-chatdash#readme',
};
const tagPush = {
	GITHUB_EVENT_NAME: 'push',
	GITHUB_REF_TYPE: 'tag',
	GITHUB_REF_NAME: 'v1.2.3',
	GITHUB_REPOSITORY: 'acme/n8n-nodes-chatdash',
};
const never = () => false;

let workDir: string;
beforeEach(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-release-'));
});
afterEach(() => {
	rmSync(workDir, { recursive: true, force: true });
});

describe('tag = package.json version', () => {
	test.each(['v1.2.3', '1.2.3', 'refs/tags/v1.2.3'])('%s names 1.2.3', (tag) => {
		expect(release.versionOfTag(tag)).toBe('1.2.3');
		expect(release.checkTag(tag, '1.2.3')).toBeNull();
	});

	test('a mismatch is refused with both versions and the way out', () => {
		expect(release.checkTag('v1.2.4', '1.2.3')).toBe(
			'Tag "v1.2.4" does not match package.json\'s version "1.2.3". Set "version" to 1.2.4 and tag that commit, or tag this commit v1.2.3.',
		);
		expect(release.checkTag('v1.2.3-beta.1', '1.2.3')).toMatch(/does not match/);
		expect(release.checkTag('1.2.3', '1.2.3-beta.1')).toMatch(/does not match/);
	});

	test('a tag push with the wrong tag fails; a dry run only says so', () => {
		const env = { ...tagPush, GITHUB_REF_NAME: 'v9.9.9' };
		const run = release.decide({ pkg: goodPkg, env, published: never });
		expect(run.errors).toEqual([expect.stringContaining('Tag "v9.9.9" does not match')]);
		expect(run.publish).toBe(false);

		const dry = release.decide({ pkg: goodPkg, env: { ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' }, published: never });
		expect(dry).toMatchObject({ errors: [], publish: true, dryRun: true });
		expect(dry.notices).toEqual([expect.stringContaining('Dry run: a real release would fail here')]);
	});

	test('a dry run from a branch checks no tag', () => {
		const env = { ...tagPush, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' };
		expect(release.decide({ pkg: goodPkg, env, published: never })).toEqual({
			errors: [],
			notices: ['Dry run of n8n-nodes-chatdash@1.2.3 (no tag checked).'],
			publish: true,
			dryRun: true,
		});
	});
});

describe('repository.url names the repository running the workflow', () => {
	test.each([
		'git+https://github.com/acme/n8n-nodes-chatdash.git',
		'https://github.com/acme/n8n-nodes-chatdash',
		'https://github.com/acme/n8n-nodes-chatdash.git',
		'git://github.com/acme/n8n-nodes-chatdash.git',
		'git+ssh://git@github.com/acme/n8n-nodes-chatdash.git',
		'git@github.com:acme/n8n-nodes-chatdash.git',
		'github:acme/n8n-nodes-chatdash',
		'acme/n8n-nodes-chatdash',
	])('%s', (url) => {
		expect(release.githubSlug(url)).toBe('acme/n8n-nodes-chatdash');
		expect(release.checkRepository({ ...goodPkg, repository: { type: 'git', url } }, 'acme/n8n-nodes-chatdash')).toEqual([]);
		expect(release.checkRepository({ ...goodPkg, repository: url }, 'acme/n8n-nodes-chatdash')).toEqual([]);
	});

	test('missing: refused, saying what to put in package.json', () => {
		const { repository: _omitted, ...pkg } = goodPkg;
		expect(release.checkRepository(pkg, 'acme/n8n-nodes-chatdash')).toEqual([
			'package.json has no repository.url; npm rejects provenance without one (E422). Set it in package.json: ' +
				'"repository": {"type": "git", "url": "git+https://github.com/acme/n8n-nodes-chatdash.git"}, ' +
				'"bugs": {"url": "https://github.com/acme/n8n-nodes-chatdash/issues"}, "homepage": "https://github.com/acme/n8n-nodes-chatdash#readme".',
		]);
		expect(release.checkRepository({ ...goodPkg, repository: { type: 'git' } }, 'acme/n8n-nodes-chatdash')[0]).toMatch(
			/^package.json has no repository.url/,
		);
	});

	test.each([
		['a fork', 'git+https://github.com/someone-else/n8n-nodes-chatdash.git'],
		['another name', 'git+https://github.com/acme/n8n-nodes-chatdash-old.git'],
		['another case', 'git+https://github.com/ACME/n8n-nodes-chatdash.git'],
		['another host', 'git+https://gitlab.com/acme/n8n-nodes-chatdash.git'],
		['a placeholder', 'git+https://github.com/OWNER/REPO.git'],
	])('%s: refused, naming both', (_label, url) => {
		const errors = release.checkRepository({ ...goodPkg, repository: { type: 'git', url } }, 'acme/n8n-nodes-chatdash');
		expect(errors).toEqual([
			expect.stringContaining(
				`package.json's repository.url "${url}" does not match https://github.com/acme/n8n-nodes-chatdash, the repository running this workflow`,
			),
		]);
	});

	test('homepage and bugs on GitHub must name the same repository', () => {
		const pkg = {
			...goodPkg,
			homepage: 'https://github.com/old/n8n-nodes-chatdash#readme',
			bugs: { url: 'https://github.com/old/n8n-nodes-chatdash/issues' },
		};
		const errors = release.checkRepository(pkg, 'acme/n8n-nodes-chatdash');
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^package.json's homepage "https:\/\/github.com\/old\/n8n-nodes-chatdash#readme" points at another/);
		expect(errors[1]).toMatch(/^package.json's bugs "https:\/\/github.com\/old\/n8n-nodes-chatdash\/issues" points at another/);
		// Absent, or a site of its own: fine.
		const { homepage: _h, bugs: _b, ...bare } = goodPkg;
		expect(release.checkRepository(bare, 'acme/n8n-nodes-chatdash')).toEqual([]);
		expect(release.checkRepository({ ...goodPkg, homepage: 'https://chatdash-n8n.example' }, 'acme/n8n-nodes-chatdash')).toEqual([]);
	});

	test('outside GitHub Actions: refused', () => {
		expect(release.checkRepository(goodPkg, undefined)).toEqual([expect.stringMatching(/^GITHUB_REPOSITORY is not set/)]);
	});

	test('a dry run refuses a wrong repository too (provenance would be rejected at release)', () => {
		const env = { ...tagPush, GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REPOSITORY: 'fork/n8n-nodes-chatdash' };
		const run = release.decide({ pkg: goodPkg, env, published: never });
		expect(run.publish).toBe(false);
		expect(run.errors).toEqual([
			expect.stringContaining('does not match https://github.com/fork/n8n-nodes-chatdash'),
			expect.stringMatching(/^package.json's homepage .* points at another GitHub repository/),
			expect.stringMatching(/^package.json's bugs .* points at another GitHub repository/),
		]);
	});

	test("this repository's package.json passes, or publish.yml refuses it (never a placeholder)", () => {
		const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const url = release.repositoryUrl(pkg.repository);
		if (!url) {
			// Not set yet: the workflow refuses to publish until it is (README: Releasing).
			expect(release.checkRepository(pkg, 'any/repo')[0]).toMatch(/^package.json has no repository.url/);
			expect(pkg.bugs).toBeUndefined();
		} else {
			const slug = release.githubSlug(url);
			expect(slug).not.toBeNull();
			expect(slug).not.toMatch(/owner|your|example|placeholder/i);
			expect(release.checkRepository(pkg, slug)).toEqual([]);
		}
	});
});

describe('already on the registry', () => {
	test('a tag push of a published version succeeds with a notice and publishes nothing', () => {
		const published = jest.fn(() => true);
		expect(release.decide({ pkg: goodPkg, env: tagPush, published })).toEqual({
			errors: [],
			notices: ['n8n-nodes-chatdash@1.2.3 is already on the registry: nothing to publish. Bump "version" and tag again to release.'],
			publish: false,
			dryRun: false,
		});
		expect(published).toHaveBeenCalledWith('n8n-nodes-chatdash', '1.2.3');
	});

	test('the registry is not asked when a check already failed', () => {
		const published = jest.fn(() => false);
		release.decide({ pkg: goodPkg, env: { ...tagPush, GITHUB_REF_NAME: 'v2.0.0' }, published });
		expect(published).not.toHaveBeenCalled();
	});

	test('a new version is published', () => {
		expect(release.decide({ pkg: goodPkg, env: tagPush, published: never })).toEqual({
			errors: [],
			notices: [],
			publish: true,
			dryRun: false,
		});
	});

	test('npm view: a version → published; empty or E404 → not; anything else is thrown', () => {
		const calls: string[][] = [];
		const answer = (stdout: string) => (args: string[]) => {
			calls.push(args);
			return stdout;
		};
		expect(release.isPublished('n8n-nodes-chatdash', '1.2.3', answer('"1.2.3"\n'))).toBe(true);
		expect(calls[0]).toEqual(['view', 'n8n-nodes-chatdash@1.2.3', 'version', '--json']);
		expect(release.isPublished('n8n-nodes-chatdash', '1.2.3', answer(''))).toBe(false);
		const fail = (stderr: string) => () => {
			throw Object.assign(new Error('Command failed: npm view'), { stderr, stdout: '' });
		};
		expect(release.isPublished('n8n-nodes-chatdash', '1.2.3', fail('npm error code E404\nnpm error 404 Not Found'))).toBe(false);
		expect(() => release.isPublished('n8n-nodes-chatdash', '1.2.3', fail('npm error code ECONNRESET'))).toThrow(/Command failed/);
	});
});

describe('the script as the workflow runs it', () => {
	const runCheck = (env: Record<string, string>, args: string[] = []) => {
		const output = path.join(workDir, 'github-output');
		writeFileSync(output, '');
		const { PATH, HOME } = process.env;
		const result = spawnSync(process.execPath, [CHECK, ...args], {
			encoding: 'utf8',
			env: { PATH, HOME, GITHUB_OUTPUT: output, ...env },
		});
		return { ...result, outputs: readFileSync(output, 'utf8') };
	};

	test('refusals are GitHub error annotations, exit 1, publish=false', () => {
		// This repository's package.json: a tag of another version; the registry is not reached.
		const result = runCheck({ ...tagPush, GITHUB_REF_NAME: 'v0.0.0-never' });
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('::error title=Release refused::Tag "v0.0.0-never" does not match package.json\'s version');
		expect(result.outputs).toMatch(/^publish=false$/m);
		expect(result.outputs).toMatch(/^dry_run=false$/m);
		expect(result.outputs).toMatch(/^name=n8n-nodes-chatdash$/m);
	});

	test('--npm-version: 11.5.1 and newer pass; older npm is refused with the way out', () => {
		expect(release.checkNpmVersion('11.5.1')).toBeNull();
		expect(release.checkNpmVersion('11.6.2')).toBeNull();
		expect(release.checkNpmVersion('12.0.0')).toBeNull();
		expect(release.checkNpmVersion('11.5.0')).toMatch(/needs npm 11.5.1 or newer/);
		expect(release.checkNpmVersion('10.9.2')).toMatch(/not npm@latest/);
		const old = runCheck({}, ['--npm-version', '10.9.2']);
		expect(old.status).toBe(1);
		expect(old.stdout).toMatch(/^::error title=Release refused::npm 10.9.2 cannot publish through a trusted publisher/);
		expect(runCheck({}, ['--npm-version', '11.6.0']).status).toBe(0);
	});

	test('annotations stay on one line', () => {
		expect(release.annotation('a\nb%c\r')).toBe('a%0Ab%25c%0D');
	});
});

describe('after publishing: require every file of the n8n attribute', () => {
	const writePackage = (dir: string, files: Record<string, string>, n8n: Record<string, string[]>) => {
		writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-nodes-fake', version: '1.0.0', n8n }));
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), text);
		}
	};

	test('a sound package: every node and credential loaded', () => {
		writePackage(
			workDir,
			{
				'dist/nodes/A.node.js': 'exports.A = class A { constructor() { this.description = { name: "a" }; } };',
				'dist/credentials/B.credentials.js': 'exports.B = class B { constructor() { this.name = "bApi"; this.properties = []; } };',
			},
			{ nodes: ['dist/nodes/A.node.js'], credentials: ['dist/credentials/B.credentials.js'] },
		);
		expect(smokeRequire(workDir)).toEqual({ loaded: ['dist/nodes/A.node.js: a', 'dist/credentials/B.credentials.js: bApi'], errors: [] });
	});

	test('missing, failing and empty files are each reported', () => {
		writePackage(
			workDir,
			{
				'dist/nodes/Throws.node.js': 'require("a-module-that-is-not-installed");',
				'dist/nodes/Empty.node.js': 'exports.x = 1;',
				'dist/credentials/NoName.credentials.js': 'exports.C = class C {};',
			},
			{
				nodes: ['dist/nodes/Missing.node.js', 'dist/nodes/Throws.node.js', 'dist/nodes/Empty.node.js'],
				credentials: ['dist/credentials/NoName.credentials.js'],
			},
		);
		const { loaded, errors } = smokeRequire(workDir);
		expect(loaded).toEqual([]);
		expect(errors).toEqual([
			'dist/nodes/Missing.node.js (n8n.nodes) is not in the package',
			expect.stringMatching(/^dist\/nodes\/Throws.node.js \(n8n.nodes\) fails to load: Cannot find module 'a-module-that-is-not-installed'/),
			'dist/nodes/Empty.node.js (n8n.nodes) exports no class',
			'dist/credentials/NoName.credentials.js (n8n.credentials): C has no name and properties',
		]);
	});

	test('a package without an n8n attribute fails', () => {
		writePackage(workDir, {}, {});
		expect(smokeRequire(workDir).errors).toEqual(['n8n-nodes-fake: package.json lists no files under n8n.nodes or n8n.credentials']);
	});

	test('the script exits 1 with error annotations', () => {
		writePackage(workDir, {}, { nodes: ['dist/nodes/Missing.node.js'] });
		const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/release/smoke-require.js'), workDir], { encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('::error title=Published package::dist/nodes/Missing.node.js (n8n.nodes) is not in the package\n');
	});
});

describe('after publishing: install the published version into a fresh folder', () => {
	const fakeNpm = (outcomes: Array<'E404' | 'ECONNRESET' | string>) => {
		const calls: Array<{ args: string[]; cwd: string }> = [];
		const npm = (args: string[], cwd: string) => {
			calls.push({ args, cwd });
			const outcome = outcomes.shift();
			if (outcome === 'E404' || outcome === 'ECONNRESET') {
				throw Object.assign(new Error('Command failed: npm install'), { stderr: `npm error code ${outcome}` });
			}
			const installed = path.join(cwd, 'node_modules', 'n8n-nodes-chatdash');
			mkdirSync(installed, { recursive: true });
			writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ version: outcome }));
		};
		return { npm, calls };
	};

	test('retries while the registry does not serve the version yet, then checks the installed version', () => {
		const { npm, calls } = fakeNpm(['E404', 'E404', '1.2.3']);
		const sleep = jest.fn();
		const dir = path.join(workDir, 'fresh');
		const installed = installPublished({ name: 'n8n-nodes-chatdash', version: '1.2.3', dir, npm, sleep, waitMs: 5 });
		expect(installed).toBe(path.join(dir, 'node_modules', 'n8n-nodes-chatdash'));
		expect(calls).toHaveLength(3);
		expect(calls[0]).toEqual({ args: ['install', 'n8n-nodes-chatdash@1.2.3', '--ignore-scripts', '--no-audit', '--no-fund'], cwd: dir });
		expect(sleep).toHaveBeenCalledTimes(2);
		expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({ name: 'smoke-test', private: true });
	});

	test('gives up after the last try, does not retry other failures, refuses a used folder or another version', () => {
		const sleep = () => {};
		expect(() =>
			installPublished({ name: 'n8n-nodes-chatdash', version: '1.2.3', dir: path.join(workDir, 'a'), attempts: 2, sleep, npm: fakeNpm(['E404', 'E404']).npm }),
		).toThrow(/Command failed/);
		const other = fakeNpm(['ECONNRESET', '1.2.3']);
		expect(() => installPublished({ name: 'n8n-nodes-chatdash', version: '1.2.3', dir: path.join(workDir, 'b'), sleep, npm: other.npm })).toThrow(
			/Command failed/,
		);
		expect(other.calls).toHaveLength(1);
		expect(() => installPublished({ name: 'n8n-nodes-chatdash', version: '1.2.3', dir: path.join(workDir, 'b'), sleep, npm: fakeNpm(['1.2.3']).npm })).toThrow(
			/is not empty: install into a fresh folder/,
		);
		expect(() => installPublished({ name: 'n8n-nodes-chatdash', version: '1.2.3', dir: path.join(workDir, 'c'), sleep, npm: fakeNpm(['1.2.2']).npm })).toThrow(
			'installed n8n-nodes-chatdash@1.2.2, expected 1.2.3',
		);
	});
});

describe('what the workflow files say', () => {
	const read = (file: string) => readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8');
	const code = (text: string) =>
		text
			.split('\n')
			.filter((line) => !line.trimStart().startsWith('#'))
			.join('\n');

	test('publish.yml: version tags and a manual dry run; OIDC permissions; Node 24 and its own npm', () => {
		const text = code(read('publish.yml'));
		expect(text).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+\*'\n {2}workflow_dispatch:\n/m);
		expect(text).toMatch(/^permissions:\n {2}id-token: write\n {2}contents: read\n/m);
		expect(text.match(/node-version: (.*)/g)).toEqual(['node-version: 24', 'node-version: 24', 'node-version: 24']);
		expect(text).not.toMatch(/npm@latest|npm (i|install) (-g|--global)/);
	});

	test('publish.yml: checks, lockfile install, the full test command, then publish with provenance', () => {
		const text = code(read('publish.yml'));
		const order = [
			'run: node scripts/release/check-release.js\n',
			'run: node scripts/release/check-release.js --npm-version "$(npm --version)"',
			'run: npm ci --no-audit --no-fund',
			'run: npm test\n',
			'run: npm publish --provenance --access public\n',
			'run: npm publish --dry-run --access public\n',
			'run: node scripts/release/install-published.js',
			'run: node scripts/release/smoke-require.js',
		].map((line) => text.indexOf(line));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(text).toContain("if: needs.check.outputs.publish == 'true'");
		expect(text).toContain("if: needs.check.outputs.dry_run != 'true'\n        run: npm publish --provenance");
		expect(text).toContain("if: needs.check.outputs.dry_run == 'true'\n        run: npm publish --dry-run");
	});

	test('the test command in both workflows is the README\'s, as .ci/run runs it', () => {
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(readme).toMatch(/^npm test +#/m);
		expect(readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
		for (const file of ['ci.yml', 'publish.yml']) expect(code(read(file))).toMatch(/^ {8}run: npm test$/m);
	});

	test('ci.yml: push and pull request, Node 20 for the build, lockfile install', () => {
		const text = code(read('ci.yml'));
		expect(text).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
		expect(text.match(/node-version: (.*)/g)).toEqual(['node-version: 20']);
		expect(text).toContain('run: npm ci --no-audit --no-fund');
		expect(text).toMatch(/^permissions:\n {2}contents: read\n/m);
	});

	test('every script the workflows run exists', () => {
		for (const file of ['ci.yml', 'publish.yml']) {
			for (const [, script] of read(file).matchAll(/node (scripts\/\S+\.js)/g)) {
				expect(() => execFileSync(process.execPath, ['--check', path.join(ROOT, script)])).not.toThrow();
			}
		}
	});
});
