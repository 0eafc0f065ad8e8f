// Lints what n8n verifies: eslint-plugin-n8n-nodes-base (community rules on package.json,
// credentials rules on credentials/, nodes rules on nodes/) and the recommended rules of
// @n8n/eslint-plugin-community-nodes, the rule set n8n's own verification applies.
//
// Tests, scripts and the emulator are Node programs, not shipped code: they get the recommended
// JavaScript/TypeScript rules with Node's globals, not the shipped-code rules (which forbid
// `process`, `fs`, `child_process`, ...). The shipped sources are also linted with n8n-node's
// unchanged default config: eslint.verified.config.mjs (`npm run lint:verified`).
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const packageSources = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];
const nodeCode = ['test/**/*.{ts,js,mjs}', 'scripts/**/*.{js,mjs}', '*.{js,mjs}'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.e2e-work/**'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		// Both plugins read package.json as a JavaScript object expression, as n8n's tooling does.
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies to n8n's own repository (slugs); community credentials link to a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These want the string 'main'; n8n's newer community rule (node-connection-type-literal)
			// requires NodeConnectionTypes.Main, which is what n8n itself uses now.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: packageSources },
	...[js.configs.recommended, ...tseslint.configs.recommended].map((config) => ({ ...config, files: nodeCode })),
	{
		files: nodeCode,
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// Test doubles and n8n's loosely typed run data: `any` where the shape is n8n's, not ours.
			'@typescript-eslint/no-explicit-any': 'off',
			// The .js scripts and the emulator are CommonJS.
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
];
