/**
 * Packages the production stage the way a deployment does, once per region, and lints each CloudFormation
 * template with cfn-lint. The template tests (`npm run test:template`) read what this writes.
 *
 *   npm run package:production                 # us-east-1 and eu-west-1 into .package/production-<region>
 *   npm run package:production -- --no-lint    # skip cfn-lint
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGED_REGIONS, PACKAGED_STAGE, packagedDir } from '../test/template/packaged-template';

const projectRoot = join(__dirname, '..');
/** Its own build folder: a running local stack, or an e2e stack, keeps loading its bundles while this builds. */
const BUILD_DIR = '.esbuild-package';

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number => {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
};

const packageRegion = (region: string): void => {
  const dir = packagedDir(region);
  rmSync(dir, { recursive: true, force: true });
  console.log(`• serverless package --stage ${PACKAGED_STAGE} --region ${region} → ${dir}`);
  const status = run(
    process.execPath,
    [join(projectRoot, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', PACKAGED_STAGE, '--region', region, '--package', dir],
    // No secret or account-specific value may reach the template, so packaging runs without any.
    { PATH: process.env.PATH, HOME: process.env.HOME, SLS_TELEMETRY_DISABLED: '1', ORDO_BUILD_DIR: BUILD_DIR },
  );
  if (status !== 0) throw new Error(`serverless package failed for ${region} (exit ${status})`);
};

/** The root template and every nested stack's (infra/nested-stacks.js). */
const templatesOf = (region: string): string[] =>
  readdirSync(packagedDir(region))
    .filter((file) => file === 'cloudformation-template-update-stack.json' || file.endsWith('-nested-stack.json'))
    .map((file) => join(packagedDir(region), file));

/** One region's cfn-lint runs while the next region packages: each takes about 10 s. */
const lintRegion = (region: string): Promise<void> => {
  const templates = templatesOf(region);
  console.log(`• cfn-lint: ${templates.length} templates for ${region}`);
  const child = spawn('cfn-lint', ['--regions', region, '--', ...templates], { cwd: projectRoot, stdio: 'inherit' });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (status) =>
      status === 0 ? done() : fail(new Error(`cfn-lint found problems in the ${region} templates (exit ${status})`)),
    );
  });
};

const main = async (): Promise<void> => {
  const lint = !process.argv.includes('--no-lint');
  // Each lint's failure is kept until the packaging is done, rather than left unhandled meanwhile.
  const lints: Promise<Error | undefined>[] = [];
  for (const region of PACKAGED_REGIONS) {
    packageRegion(region);
    if (lint) lints.push(lintRegion(region).then(() => undefined, (error: Error) => error));
  }
  rmSync(join(projectRoot, BUILD_DIR), { recursive: true, force: true });
  const [failure] = (await Promise.all(lints)).filter((error) => error !== undefined);
  if (failure) throw failure;
};

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
