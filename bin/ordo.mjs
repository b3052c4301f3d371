#!/usr/bin/env node
// The `ordo` CLI (scripts/cli): TypeScript run through tsx, as the other scripts are.
import { register } from 'tsx/esm/api';
import { register as registerCommonJs } from 'tsx/cjs/api';

// The project's .ts files are CommonJS (no "type": "module"), so the require hook is needed as well:
// with the ESM hook alone, Node 20.19+ refuses them (ERR_REQUIRE_CYCLE_MODULE).
registerCommonJs();
register();

const cli = await import('../scripts/cli/main.ts');
// A CommonJS module arrives with its exports on `default`.
const { runFromProcess } = 'runFromProcess' in cli ? cli : cli.default;
await runFromProcess();
