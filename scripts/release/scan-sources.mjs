// Lints a package's SOURCES the way n8n's verification does after fetching the commit a package's
// provenance attests (@n8n/scan-community-package 0.32.0, analyzePackageByName): the folder whose
// package.json has the package's name (findPackageRoot), the scanner's SOURCE_FILE_PATTERNS
// (package.json, {nodes,credentials}/**/*.{js,ts,json}), the scanner's own rule set
// (buildScanConfig: community-nodes recommended, n8n-nodes-base community/credentials/nodes,
// no-console) and allowInlineConfig: false, so eslint-disable comments hide nothing.
// Prints JSON: the scanner's verdict (errors only) and every finding, warnings included.
// Runs on Node 24 (the scanner's requirement), from the cache set up by scripts/lib/n8n-runtime.js.
//   node scan-sources.mjs <scanner.mjs path> <source folder>
import { createRequire } from 'node:module';
import path from 'node:path';

const [scannerModule, sourceDir] = process.argv.slice(2);
const scanner = await import(scannerModule);
const requireFromScanner = createRequire(scannerModule);
const { ESLint } = requireFromScanner('eslint');
const { default: glob } = await import(requireFromScanner.resolve('fast-glob'));
const { readFileSync } = await import('node:fs');

const name = JSON.parse(readFileSync(path.join(sourceDir, 'package.json'), 'utf8')).name;
const packageRoot = scanner.findPackageRoot(sourceDir, name);
const patterns = scanner.SOURCE_FILE_PATTERNS;

// The scanner's own verdict (it reports only errors) ...
const verdict = packageRoot ? await scanner.analyzePackage(packageRoot, patterns) : { passed: false, message: 'no package root' };

// ... and every finding of the same rule set with the same settings, warnings included.
const eslint = new ESLint({
	cwd: packageRoot ?? sourceDir,
	allowInlineConfig: false,
	overrideConfigFile: true,
	overrideConfig: await scanner.buildScanConfig(),
});
const files = glob.sync(patterns, {
	cwd: packageRoot ?? sourceDir,
	absolute: true,
	ignore: ['node_modules/**', '**/package-lock.json'],
});
const results = await eslint.lintFiles(files);
const findings = results.flatMap((result) =>
	result.messages.map((message) => ({
		file: path.relative(packageRoot ?? sourceDir, result.filePath),
		line: message.line,
		rule: message.ruleId,
		severity: message.severity,
		message: message.message,
	})),
);
process.stdout.write(
	JSON.stringify({
		packageRoot: packageRoot && path.relative(sourceDir, packageRoot),
		patterns,
		files: files.map((file) => path.relative(packageRoot ?? sourceDir, file)).sort(),
		verdict: { passed: verdict.passed, message: verdict.message, details: verdict.details },
		findings,
	}),
);
