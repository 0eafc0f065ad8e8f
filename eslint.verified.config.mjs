// n8n-node's default ESLint config, unchanged: the rule set `n8n-node lint` applies in strict mode,
// which n8n's verification of community packages expects. `npm run lint:verified` runs it on the
// shipped sources only (nodes/, credentials/, package.json), with no warning allowed; eslint.config.mjs
// lints everything else. Why this is not the `eslint.config.mjs` strict mode asks for: RELEASING.md.
import { config } from '@n8n/node-cli/eslint';

export default config;
