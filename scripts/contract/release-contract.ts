import { spawnSync } from 'node:child_process';

/** The most recent release tag (`v*`) reachable from HEAD, or undefined when the clone has none. */
export const previousReleaseTag = (cwd: string): string | undefined => {
  const described = spawnSync('git', ['describe', '--tags', '--abbrev=0', '--match', 'v*'], { cwd, encoding: 'utf8' });
  return described.status === 0 ? described.stdout.trim() || undefined : undefined;
};

/** openapi.yaml as it was at `ref`, or undefined when that commit has none. */
export const contractAt = (cwd: string, ref: string): string | undefined => {
  const shown = spawnSync('git', ['show', `${ref}:openapi.yaml`], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return shown.status === 0 ? shown.stdout : undefined;
};
