/**
 * The editor tests: n8n's editor in Chromium (test/browser). Like the e2e suites they use the real
 * n8n from ~/.cache (scripts/lib/n8n-runtime.js); Chromium comes from scripts/lib/chromium.js.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	maxWorkers: 1,
	testTimeout: 3 * 60 * 1000,
};
