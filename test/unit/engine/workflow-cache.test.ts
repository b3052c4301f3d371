import type { Workflow, WorkflowKey } from '../../../shared/engine/workflow';
import { WorkflowCache } from '../../../shared/engine/workflow-cache';
import { ManualClock } from '../../support/clock';
import { orderWorkflow } from './fixtures/workflows';

const key: WorkflowKey = { retailerId: 'R1', entityType: 'ORDER', subtype: 'HD' };

/** A loader over stored versions that counts its calls. */
const loaderOf = (versions: Workflow[]) => {
  const calls: (number | undefined)[] = [];
  const load = async (_key: WorkflowKey, version?: number) => {
    calls.push(version);
    return version === undefined ? versions[versions.length - 1] : versions.find((workflow) => workflow.version === version);
  };
  return { load, calls };
};

describe('WorkflowCache', () => {
  it('loads a given version once and keeps it', async () => {
    // Prepare
    const clock = new ManualClock();
    const cache = new WorkflowCache({ clock });
    const { load, calls } = loaderOf([orderWorkflow({ version: 1 })]);
    await cache.get(key, 1, load);
    clock.advance(24 * 3600 * 1000);

    // Act
    const workflow = await cache.get(key, 1, load);

    // Assess
    expect(workflow?.version).toBe(1);
    expect(calls).toEqual([1]);
  });

  it('trusts the latest version for the TTL, then reloads it', async () => {
    // Prepare
    const clock = new ManualClock();
    const cache = new WorkflowCache({ clock, latestTtlMs: 5_000 });
    const versions = [orderWorkflow({ version: 1 })];
    const { load, calls } = loaderOf(versions);
    await cache.get(key, undefined, load);
    versions.push(orderWorkflow({ version: 2 }));

    // Act
    clock.advance(4_999);
    const withinTtl = await cache.get(key, undefined, load);
    clock.advance(1);
    const afterTtl = await cache.get(key, undefined, load);

    // Assess
    expect(withinTtl?.version).toBe(1);
    expect(afterTtl?.version).toBe(2);
    expect(calls).toEqual([undefined, undefined]);
  });

  it('keeps the version a latest lookup found, for later lookups by version', async () => {
    // Prepare
    const cache = new WorkflowCache({ clock: new ManualClock() });
    const { load, calls } = loaderOf([orderWorkflow({ version: 3 })]);
    await cache.get(key, undefined, load);

    // Act
    const workflow = await cache.get(key, 3, load);

    // Assess
    expect(workflow?.version).toBe(3);
    expect(calls).toEqual([undefined]);
  });

  it('does not keep a miss', async () => {
    // Prepare
    const cache = new WorkflowCache({ clock: new ManualClock() });
    const versions: Workflow[] = [];
    const { load } = loaderOf(versions);
    await cache.get(key, undefined, load);
    versions.push(orderWorkflow({ version: 1 }));

    // Act
    const workflow = await cache.get(key, undefined, load);

    // Assess
    expect(workflow?.version).toBe(1);
  });

  it('shares one load between concurrent lookups', async () => {
    // Prepare
    const cache = new WorkflowCache({ clock: new ManualClock() });
    const { load, calls } = loaderOf([orderWorkflow({ version: 1 })]);

    // Act
    await Promise.all([cache.get(key, 1, load), cache.get(key, 1, load)]);

    // Assess
    expect(calls).toEqual([1]);
  });

  it('keeps workflows of different retailers apart', async () => {
    // Prepare
    const cache = new WorkflowCache({ clock: new ManualClock() });
    await cache.get(key, 1, async () => orderWorkflow({ version: 1, name: 'R1 flow' }));

    // Act
    const other = await cache.get({ ...key, retailerId: 'R2' }, 1, async () => orderWorkflow({ retailerId: 'R2', version: 1, name: 'R2 flow' }));

    // Assess
    expect(other?.name).toBe('R2 flow');
  });
});
