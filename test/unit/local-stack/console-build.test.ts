import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { consoleBuildPlan } from '../../../scripts/local-stack/console-build';

const HOUR = 3_600;
const now = Math.floor(Date.now() / 1000);

/** A checkout holding the given files, each modified the given number of hours ago. */
const checkout = (files: Record<string, number>, scripts: Record<string, string> = { 'console:build': 'vite build console' }): string => {
  const root = mkdtempSync(join(tmpdir(), 'ordo-checkout-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts }));
  for (const [path, hoursAgo] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), path);
    utimesSync(join(root, path), now - hoursAgo * HOUR, now - hoursAgo * HOUR);
  }
  return root;
};

describe('the console build plan of the local stack', () => {
  const roots: string[] = [];
  const inCheckout = (...args: Parameters<typeof checkout>) => {
    const root = checkout(...args);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('keeps console/dist when it is newer than every console source and openapi.yaml', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 5, 'console/src/main.tsx': 4, 'console/vite.config.ts': 4, 'console/dist/index.html': 1 });

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: false, reason: 'fresh' });
  });

  it('builds again when a source file under console/src changed after the last build', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 5, 'console/src/screens/orders.tsx': 1, 'console/dist/index.html': 2 });

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: true, reason: 'stale' });
  });

  it('builds again when openapi.yaml changed after the last build, since the client is generated from it', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 1, 'console/src/main.tsx': 5, 'console/dist/index.html': 2 });

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: true, reason: 'stale' });
  });

  it('builds when console/dist has no index.html yet', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 5, 'console/src/main.tsx': 4 });

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: true, reason: 'missing' });
  });

  it('builds nothing in a checkout without console sources', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 5 });

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: false, reason: 'absent' });
  });

  it('builds nothing when package.json has no console:build script', () => {
    // Prepare
    const root = inCheckout({ 'openapi.yaml': 5, 'console/src/main.tsx': 4 }, {});

    // Act
    const plan = consoleBuildPlan(root);

    // Assess
    expect(plan).toEqual({ build: false, reason: 'absent' });
  });
});
