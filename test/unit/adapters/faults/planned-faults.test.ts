import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultInjectingEngineStore } from '../../../../shared/adapters/faults/fault-injecting-engine-store';
import { InjectedFault, localPlannedFaults, PlannedFaults } from '../../../../shared/adapters/faults/planned-faults';
import { InMemoryEngineStore } from '../../../../shared/engine/in-memory-store';
import type { UnitOfWork } from '../../../../shared/engine/engine-model';
import { orderEvent } from '../../domain/orchestration/fixtures';

const planFile = (plan: unknown): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'ordo-faults-')), 'faults.json');
  writeFileSync(file, typeof plan === 'string' ? plan : JSON.stringify(plan));
  return file;
};

const unitOf = (name: string): UnitOfWork => {
  const event = orderEvent(name);
  return {
    event: { event, outcome: 'SUCCESS', receivedOn: '2025-03-14T09:00:00.000Z', rootEntityType: 'ORDER', rootRef: 'O-1', attempts: 1 },
    entities: [],
    inventory: [],
    audit: [],
    outbox: [],
    scheduled: [],
    markProcessed: true,
  };
};

const LOCAL_ENV = { IS_OFFLINE: 'true', ORDO_MASTER_KEY: 'local-key', ORDO_FAULTS_FILE: '/tmp/faults.json' };

describe('planned faults', () => {
  it('fails a commit of the planned event with an error named by the planned code, writing nothing', async () => {
    // Prepare
    const inner = new InMemoryEngineStore();
    const store = new FaultInjectingEngineStore(inner, new PlannedFaults(planFile({ faults: [{ boundary: 'engine.commit', eventName: 'CONFIRM', code: 'ProvisionedThroughputExceededException' }] })));
    const unit = unitOf('CONFIRM');

    // Act
    const attempt = store.commit(unit);

    // Assess
    await expect(attempt).rejects.toThrow(InjectedFault);
    await expect(attempt).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(await inner.getEvent('R1', unit.event.event.id)).toBeUndefined();
  });

  it('lets the commits of other events through', async () => {
    // Prepare
    const inner = new InMemoryEngineStore();
    const store = new FaultInjectingEngineStore(inner, new PlannedFaults(planFile({ faults: [{ boundary: 'engine.commit', eventName: 'CONFIRM', code: 'X' }] })));
    const unit = unitOf('CREATE');

    // Act
    await store.commit(unit);

    // Assess
    expect(await inner.getEvent('R1', unit.event.event.id)).toMatchObject({ outcome: 'SUCCESS' });
  });

  it('plans no fault from a missing or unreadable file', () => {
    // Prepare
    const missing = new PlannedFaults(join(tmpdir(), 'no-such-dir', 'faults.json'));
    const garbled = new PlannedFaults(planFile('{not json'));

    // Act
    const checks = [() => missing.check('engine.commit', {}), () => garbled.check('engine.commit', {})];

    // Assess
    for (const check of checks) expect(check).not.toThrow();
  });

  it('are on for serverless offline with the local key and a faults file', () => {
    // Act
    const faults = localPlannedFaults(LOCAL_ENV);

    // Assess
    expect(faults).toBeInstanceOf(PlannedFaults);
  });

  it.each([
    ['deployed to AWS', { ...LOCAL_ENV, IS_OFFLINE: undefined, AWS_LAMBDA_FUNCTION_NAME: 'ordo-production-processQueuedEvents' }],
    ['without the local key', { ...LOCAL_ENV, ORDO_MASTER_KEY: '' }],
    ['without a faults file', { ...LOCAL_ENV, ORDO_FAULTS_FILE: '' }],
  ])('are off %s', (_case, env) => {
    // Act
    const faults = localPlannedFaults(env);

    // Assess
    expect(faults).toBeUndefined();
  });
});
