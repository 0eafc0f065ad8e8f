// Lints what n8n verifies: eslint-plugin-n8n-nodes-base (community rules on package.json,
// credentials rules on credentials/, nodes rules on nodes/) and the recommended rules of
// @n8n/eslint-plugin-community-nodes, the rule set n8n's own verification applies.
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const packageSources = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];

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
];
