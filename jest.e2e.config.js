/**
 * End-to-end tests against a real n8n 2.41.1 (installed on first use into ~/.cache, see
 * scripts/lib/n8n-runtime.js) and n8n's package scanner. Slow by nature; run after the build.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	// One n8n at a time: two would compete for the machine's two cores.
	maxWorkers: 1,
	// CHATDASH_TEST_CPU_HOG=1 keeps one core busy for the run (test/helpers/cpu-hog.js).
	globalSetup: '<rootDir>/test/helpers/cpu-hog-setup.js',
	globalTeardown: '<rootDir>/test/helpers/cpu-hog-teardown.js',
	testTimeout: 5 * 60 * 1000,
};
