/**
 * The editor tests: n8n's editor in Chromium (test/browser). Run like the e2e suites (the real n8n
 * from ~/.cache, one at a time); Chromium comes from scripts/lib/chromium.js.
 * @type {import('jest').Config}
 */
module.exports = {
	...require('./jest.e2e.config.js'),
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.test.ts'],
	testTimeout: 3 * 60 * 1000,
};
