// Runs n8n's community-package scanner on an unpacked package folder and prints the outcome as
// JSON. Runs on Node 24 (the scanner's requirement), from the cache set up by n8n-runtime.js.
//   node scan-package.mjs <scanner.mjs path> <package dir>
import { createRequire } from 'node:module';

const [scannerModule, packageDir] = process.argv.slice(2);
const scanner = await import(scannerModule);
const patterns = ['**/*.js', 'package.json'];

// The scanner's own verdict (it reports only errors) ...
const verdict = await scanner.analyzePackage(packageDir, patterns);

// ... and every finding of the same rule set, warnings included, for a "0 findings" check.
const { ESLint } = createRequire(scannerModule)('eslint');
const eslint = new ESLint({
	cwd: packageDir,
	allowInlineConfig: false,
	overrideConfigFile: true,
	overrideConfig: await scanner.buildScanConfig(),
});
const { default: glob } = await import(createRequire(scannerModule).resolve('fast-glob'));
const files = glob.sync(patterns, { cwd: packageDir, absolute: true, ignore: ['node_modules/**'] });
const results = await eslint.lintFiles(files);
const findings = results.flatMap((result) =>
	result.messages.map((message) => ({
		file: result.filePath.slice(packageDir.length + 1),
		rule: message.ruleId,
		severity: message.severity,
		message: message.message,
	})),
);
process.stdout.write(JSON.stringify({ verdict, filesScanned: files.length, findings }));
