import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractAt, previousReleaseTag } from '../../../scripts/contract/release-contract';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Ordo', '-c', 'user.email=ordo@example.com', ...args], { cwd, stdio: 'pipe' });

/** A repository with one commit of openapi.yaml holding `version`, tagged `tags`. */
const repositoryWith = (versions: { version: string; tags: string[] }[]): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ordo-release-'));
  git(dir, 'init', '-q');
  for (const { version, tags } of versions) {
    writeFileSync(join(dir, 'openapi.yaml'), `openapi: 3.1.0\ninfo: { title: t, version: '${version}' }\n`);
    git(dir, 'add', 'openapi.yaml');
    git(dir, 'commit', '-q', '-m', version);
    for (const tag of tags) git(dir, 'tag', tag);
  }
  return dir;
};

describe('the released contract', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('is the openapi.yaml of the most recent v* tag reachable from HEAD, whatever other tags come after', () => {
    // Prepare
    const dir = repositoryWith([
      { version: '0.1.0', tags: ['v0.1.0'] },
      { version: '0.2.0', tags: ['v0.2.0'] },
      { version: '0.3.0-dev', tags: ['nightly'] },
    ]);
    dirs.push(dir);

    // Act
    const tag = previousReleaseTag(dir);

    // Assess
    expect(tag).toBe('v0.2.0');
    expect(contractAt(dir, tag ?? '')).toContain("version: '0.2.0'");
  });

  it('is missing when no release tag is reachable, as in a clone without tags', () => {
    // Prepare
    const dir = repositoryWith([{ version: '0.1.0', tags: [] }]);
    dirs.push(dir);

    // Act
    const tag = previousReleaseTag(dir);

    // Assess
    expect(tag).toBeUndefined();
  });
});
