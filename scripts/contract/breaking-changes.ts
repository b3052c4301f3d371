/**
 * Fails when openapi.yaml breaks what integrators built against the previous release: `/v1` has no
 * version in its path, so a change that needs one must not ship under it.
 *
 *   npm run contract:breaking                  # against the most recent v* tag reachable from HEAD
 *   npm run contract:breaking -- --base <ref>  # against any commit, branch or tag
 *
 * Release tags come with `git clone`; a shallow clone (`--depth`) lacks them, and then there is nothing
 * to compare against: the check says so and passes (`git fetch --tags` brings them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { breakingChanges, contractChanges } from './contract-changes';
import { contractAt, previousReleaseTag } from './release-contract';

const projectRoot = join(__dirname, '..', '..');

const baseArgument = (argv: readonly string[]): string | undefined => {
  const at = argv.indexOf('--base');
  return at >= 0 ? argv[at + 1] : undefined;
};

const main = (): number => {
  const base = baseArgument(process.argv.slice(2)) ?? previousReleaseTag(projectRoot);
  if (!base) {
    console.log('No release tag (v*) is reachable from HEAD, so there is no released contract to compare with: nothing checked.');
    console.log('A shallow clone lacks the tags; `git fetch --tags` brings them.');
    return 0;
  }
  const released = contractAt(projectRoot, base);
  if (released === undefined) {
    console.log(`${base} has no openapi.yaml: nothing to compare with.`);
    return 0;
  }
  const before = load(released) as Record<string, unknown>;
  const after = load(readFileSync(join(projectRoot, 'openapi.yaml'), 'utf8')) as Record<string, unknown>;
  const changes = contractChanges(before, after);
  const breaking = breakingChanges(before, after);
  console.log(`openapi.yaml against ${base}: ${changes.length} changes, ${breaking.length} breaking.`);
  const unclassified = changes.filter((change) => change.type === 'unclassified');
  for (const change of unclassified) console.log(`  unclassified (look at it) ${change.action} at ${change.path}`);
  for (const change of breaking) {
    console.log(`  BREAKING ${change.description || change.action}`);
    console.log(`           at ${change.path}`);
  }
  if (breaking.length > 0) {
    console.log('A breaking change needs a new API version, not a change under /v1.');
    return 1;
  }
  return 0;
};

process.exitCode = main();
