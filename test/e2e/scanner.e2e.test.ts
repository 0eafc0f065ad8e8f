/**
 * The packed tarball passes n8n's community-package scanner (@n8n/scan-community-package 0.32.0,
 * the rules n8n applies to published packages) with 0 findings, warnings included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { packPackage, ROOT } from '../../scripts/lib/n8n-instance';
import { ensureScanner } from '../../scripts/lib/n8n-runtime';

let workDir: string;

beforeAll(() => {
	workDir = mkdtempSync(path.join(tmpdir(), 'chatdash-scan-'));
});

afterAll(() => {
	rmSync(workDir, { recursive: true, force: true });
});

test('the packed tarball passes analyzePackage with 0 findings', async () => {
	const { nodeBinary, scannerModule } = await ensureScanner((line) => process.stderr.write(`${line}\n`));
	const tarball = await packPackage(workDir);
	execFileSync('tar', ['-xzf', tarball, '-C', workDir]);
	const packageDir = path.join(workDir, 'package');

	// Without jest's NODE_ENV=test, in which n8n's lint plugin takes every file for a node file.
	const { NODE_ENV: _jest, ...env } = process.env;
	const output = execFileSync(nodeBinary, [path.join(ROOT, 'scripts/lib/scan-package.mjs'), scannerModule, packageDir], {
		encoding: 'utf8',
		env,
	});
	const { verdict, filesScanned, findings } = JSON.parse(output);

	expect(filesScanned).toBeGreaterThanOrEqual(10);
	expect(findings).toEqual([]);
	expect(verdict).toEqual({ passed: true });
}, 10 * 60 * 1000);
