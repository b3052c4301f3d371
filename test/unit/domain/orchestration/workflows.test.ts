import { ForbiddenError, NotFoundError, ValidationError } from '../../../../shared/domain/domain-errors';
import { getWorkflow, uploadWorkflow } from '../../../../shared/domain/orchestration/workflows';
import { InvalidWorkflowError } from '../../../../shared/engine/engine-errors';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { orderWorkflow, rule, ruleset, setState, statuses } from '../../engine/fixtures/workflows';

const PATH = { entityType: 'ORDER', subtype: 'HD' };
const KEY = { retailerId: 'R1', ...PATH };
/** A key scoped to the workflows' retailer. */
const SCOPED = { retailerId: 'R1' };

/** The error a promise rejected with; fails the test when it resolved. */
const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('uploadWorkflow', () => {
  let account: TestAccount;

  beforeEach(() => {
    account = inMemoryOrchestration();
  });

  it.each([
    ['entityType', { entityType: 'RETURN', subtype: 'HD' }],
    ['subtype', { entityType: 'ORDER', subtype: 'CC' }],
  ])('refuses a body whose %s disagrees with the path, naming the field', async (field, path) => {
    // Act
    const error = await rejectionOf(uploadWorkflow({ ...path, workflow: orderWorkflow() }, SCOPED, account));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(await account.workflows.get({ retailerId: 'R1', ...path })).toBeUndefined();
    expect(await account.workflows.get(KEY)).toBeUndefined();
  });

  it('refuses a key scoped to another retailer with ForbiddenError, storing nothing', async () => {
    // Act
    const error = await rejectionOf(uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, { retailerId: 'R2' }, account));

    // Assess
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await account.workflows.get(KEY)).toBeUndefined();
  });

  it('asks an unscoped key for the retailer when the body names none', async () => {
    // Act
    const error = await rejectionOf(uploadWorkflow({ ...PATH, workflow: { entityType: 'ORDER', subtype: 'HD' } }, {}, account));

    // Assess
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'retailerId' });
  });

  it('lists every problem of an invalid workflow in one InvalidWorkflowError', async () => {
    // Prepare
    const body = orderWorkflow({
      rulesets: [
        ruleset('SHIP', [rule('Teleport')], { triggers: ['LOST'] }),
        ruleset('CANCEL', [setState('NOWHERE')]),
      ],
    });

    // Act
    const error = await rejectionOf(uploadWorkflow({ ...PATH, workflow: body }, SCOPED, account));

    // Assess
    expect(error).toBeInstanceOf(InvalidWorkflowError);
    expect((error as InvalidWorkflowError).problems.map((problem) => problem.path)).toEqual([
      'rulesets',
      'rulesets[0].triggers[0].status',
      'rulesets[0].rules[0].name',
      'rulesets[1].rules[0].props',
    ]);
  });

  it('lists every field of a body that is not a workflow at all', async () => {
    // Act
    const error = await rejectionOf(uploadWorkflow({ ...PATH, workflow: { entityType: 'ORDER', subtype: 'HD', colour: 'red' } }, SCOPED, account));

    // Assess
    expect(error).toBeInstanceOf(InvalidWorkflowError);
    expect((error as InvalidWorkflowError).details.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['retailerId', 'statuses', 'rulesets']),
    );
  });

  it('stores nothing when the workflow is invalid', async () => {
    // Prepare
    const body = orderWorkflow({ rulesets: [] });

    // Act
    await rejectionOf(uploadWorkflow({ ...PATH, workflow: body }, SCOPED, account));

    // Assess
    expect(await account.workflows.get(KEY)).toBeUndefined();
  });

  it('stores a valid workflow as version 1', async () => {
    // Act
    const stored = await uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, SCOPED, account);

    // Assess
    expect(stored).toEqual({ version: 1, warnings: [] });
    expect(await account.workflows.get(KEY, 1)).toMatchObject({ ...orderWorkflow(), version: 1 });
  });

  it('stores the next upload of the same workflow as version 2, keeping version 1', async () => {
    // Prepare
    await uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, SCOPED, account);
    const second = orderWorkflow({ name: 'second upload' });

    // Act
    const stored = await uploadWorkflow({ ...PATH, workflow: second }, SCOPED, account);

    // Assess
    expect(stored.version).toBe(2);
    expect(await account.workflows.get(KEY)).toMatchObject({ name: 'second upload', version: 2 });
    expect((await account.workflows.get(KEY, 1))?.name).toBeUndefined();
  });

  it('numbers its versions itself, whatever version the body names', async () => {
    // Act
    const stored = await uploadWorkflow({ ...PATH, workflow: { ...orderWorkflow(), version: 7 } }, SCOPED, account);

    // Assess
    expect(stored.version).toBe(1);
  });

  it('returns the warnings of a workflow it stores', async () => {
    // Prepare
    const body = orderWorkflow({ statuses: statuses('CREATED', 'BOOKED', 'ARCHIVED') });

    // Act
    const stored = await uploadWorkflow({ ...PATH, workflow: body }, SCOPED, account);

    // Assess
    expect(stored).toEqual({ version: 1, warnings: [{ path: 'statuses[2]', message: expect.stringContaining('ARCHIVED') }] });
  });
});

describe('getWorkflow', () => {
  it('answers NotFoundError for a version that was never stored', async () => {
    // Prepare
    const account = inMemoryOrchestration();
    await uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, SCOPED, account);

    // Act
    const attempt = getWorkflow({ ...KEY, version: 2 }, {}, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
  });

  it('answers a key scoped to another retailer NotFoundError, as if there were no workflow', async () => {
    // Prepare
    const account = inMemoryOrchestration();
    await uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, SCOPED, account);

    // Act
    const attempt = getWorkflow(KEY, { retailerId: 'R2' }, account);

    // Assess
    await expect(attempt).rejects.toThrow(NotFoundError);
  });

  it('answers an unscoped key the workflow of the retailer it names', async () => {
    // Prepare
    const account = inMemoryOrchestration();
    await uploadWorkflow({ ...PATH, workflow: orderWorkflow() }, SCOPED, account);

    // Act
    const workflow = await getWorkflow(KEY, {}, account);

    // Assess
    expect(workflow).toMatchObject({ retailerId: 'R1', version: 1 });
  });
});
