/**
 * The smoke checks the pre-traffic hook runs, against any stack:
 *
 *   npm run smoke -- --base http://127.0.0.1:3000            # the local stack, with .ordo/demo-key
 *   npm run smoke -- --base https://… --key ordo_…           # a deployed stage, with its canary account's key
 *
 * The key: --key, else ORDO_SMOKE_KEY, else (on a stack on this machine) .ordo/demo-key. One line per check;
 * exit 1 when any fails.
 */
import { parseArgs } from 'node:util';
import { smokeTarget } from '../shared/composition/smoke-target';
import { localDemoKey } from './local-stack/demo-key';
import { allPassed, runSmokeChecks, smokeResultLine } from '../shared/domain/operations/smoke-check';
import { stageSmokeChecks } from '../shared/domain/operations/stage-smoke-checks';

const keyFor = (base: string, given: string | undefined): string | undefined => {
  if (given) return given;
  if (process.env.ORDO_SMOKE_KEY) return process.env.ORDO_SMOKE_KEY;
  return localDemoKey(base);
};

/** Runs the checks and answers the exit code; `write` gets each line. */
export const smoke = async (argv: string[], write: (line: string) => void = console.log): Promise<number> => {
  const { values } = parseArgs({ args: argv, options: { base: { type: 'string' }, key: { type: 'string' } }, strict: true });
  if (!values.base) {
    write('usage: npm run smoke -- --base <URL> [--key <apiKey>]');
    return 2;
  }
  let target;
  try {
    target = smokeTarget(values.base, keyFor(values.base, values.key));
  } catch (error) {
    write(`✘ ${(error as Error).message}`);
    return 1;
  }
  write(`Smoke checks against ${values.base}`);
  const results = await runSmokeChecks(stageSmokeChecks(target));
  for (const result of results) write(smokeResultLine(result));
  return allPassed(results) ? 0 : 1;
};

if (require.main === module) {
  smoke(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`✘ ${error.message}`);
      process.exit(1);
    },
  );
}
