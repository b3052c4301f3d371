import { AuditTrail } from '../../../shared/engine/audit-trail';
import { WorkflowCompiler } from '../../../shared/engine/compiled-workflow';
import { LoopGuardError, RuleFailedError } from '../../../shared/engine/engine-errors';
import type { Entity, OrdoEvent } from '../../../shared/engine/engine-model';
import { Execution } from '../../../shared/engine/execution';
import { createCoreRegistry } from '../../../shared/engine/rules/core/core-rules';
import type { Workflow } from '../../../shared/engine/workflow';
import { WorkingCopy } from '../../../shared/engine/working-copy';
import { counterIds } from './fixtures/engine';
import { fail, orderWorkflow, ruleset, sendEvent, setState, statuses } from './fixtures/workflows';

const AT = '2025-01-01T10:00:00.000Z';

const event = (name: string): OrdoEvent => ({ id: 'evt-1', name, retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', entitySubtype: 'HD' });

/** An execution of `workflow` for order O-1, over the given loaded entities. */
const executionOf = (workflow: Workflow, loaded: Entity[] = [], loopGuard = 200) =>
  new Execution(
    {
      eventId: 'evt-1',
      compiled: new WorkflowCompiler(createCoreRegistry()).compile(workflow),
      ids: counterIds(),
      now: new Date(AT),
      at: AT,
      loopGuard,
      hops: 0,
      trail: new AuditTrail('evt-1', 'ORDER', 'O-1', AT),
      rootEntityType: 'ORDER',
      rootRef: 'O-1',
    },
    new WorkingCopy(loaded),
  );

describe('Execution.run', () => {
  it('returns the new entity and its change to commit when the rulesets ran', async () => {
    // Prepare
    const execution = executionOf(orderWorkflow());

    // Act
    const outcome = await execution.run(event('CREATE'), 'NORMAL');

    // Assess
    expect(outcome).toEqual({
      outcome: 'SUCCESS',
      effects: {
        entities: [
          {
            entity: expect.objectContaining({ ref: 'O-1', status: 'BOOKED', version: 1 }),
            expectedVersion: null,
            statusChanges: [{ from: 'CREATED', to: 'BOOKED' }],
          },
        ],
        inventory: [],
        outbox: [],
        scheduled: [],
        entity: expect.objectContaining({ ref: 'O-1', status: 'BOOKED', version: 1 }),
      },
    });
  });

  it('returns a NO_MATCH naming why when the entity does not exist', async () => {
    // Prepare
    const execution = executionOf(orderWorkflow());

    // Act
    const outcome = await execution.run(event('CANCEL'), 'NORMAL');

    // Assess
    expect(outcome).toEqual({ outcome: 'NO_MATCH', error: { code: 'ENTITY_NOT_FOUND', message: 'ORDER O-1 does not exist' } });
  });

  it('returns a failure carrying what the rule threw and the rule and ruleset it stood at', async () => {
    // Prepare
    const execution = executionOf(orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED'), fail('no stock')])] }));

    // Act
    const outcome = await execution.run(event('CREATE'), 'NORMAL');

    // Assess
    expect(outcome).toEqual({
      outcome: 'FAILED',
      failure: {
        cause: expect.any(RuleFailedError),
        position: { eventName: 'CREATE', entityType: 'ORDER', entityRef: 'O-1', ruleset: 'CREATE', rule: 'ordo.core.Fail', inlineEventId: undefined },
        rulesetsRun: 1,
      },
    });
  });

  it('returns a loop guard failure counting the ruleset that tripped it', async () => {
    // Prepare
    const looping = orderWorkflow({
      statuses: statuses('CREATED'),
      rulesets: [ruleset('CREATE', [sendEvent('PING')]), ruleset('PING', [sendEvent('PING')])],
    });
    const execution = executionOf(looping, [], 3);

    // Act
    const outcome = await execution.run(event('CREATE'), 'NORMAL');

    // Assess
    expect(outcome).toEqual({
      outcome: 'FAILED',
      failure: { cause: expect.any(LoopGuardError), position: expect.objectContaining({ ruleset: 'PING', inlineEventId: 'id-4' }), rulesetsRun: 4 },
    });
  });
});
