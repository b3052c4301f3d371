import { ForbiddenError } from '../../../../shared/domain/domain-errors';
import { dryRunEvent, dryRunInputSchema } from '../../../../shared/domain/orchestration/dry-run-event';
import { runEvent } from '../../../../shared/domain/orchestration/run-event';
import { sealEventCustomerData } from '../../../../shared/domain/privacy/event-customer-data';
import { InvalidWorkflowError } from '../../../../shared/engine/engine-errors';
import { orderWorkflow, ruleset, setState, statuses } from '../../engine/fixtures/workflows';
import { FixedDataKeys } from '../../../support/data-keys';
import { inMemoryOrchestration, type TestAccount } from '../../../support/orchestration';
import { orderEvent, orderFlow } from './fixtures';

type DryRunInput = Parameters<typeof dryRunEvent>[0];

const input = (overrides: Partial<DryRunInput> = {}): DryRunInput => ({
  name: 'RESERVE',
  retailerId: 'R1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  ...overrides,
});

/** What the account's store holds, to compare before and after. */
const snapshot = (account: TestAccount) => ({
  commits: account.store.commits,
  order: account.store.getEntity('R1', 'ORDER', 'O-1'),
  newOrder: account.store.getEntity('R1', 'ORDER', 'O-2'),
  events: [...account.store.events.keys()],
  audit: account.store.audit.length,
  outbox: account.store.outbox.length,
  scheduled: account.store.scheduled.length,
  queued: account.queue.sent.length,
});

describe('dryRunEvent', () => {
  let account: TestAccount;

  beforeEach(async () => {
    account = inMemoryOrchestration('acme', { workflows: [orderFlow()] });
    await runEvent(orderEvent('CREATE'), account);
  });

  it('reports what the event would do', async () => {
    // Act
    const result = await dryRunEvent(input({ name: 'CONFIRM' }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(result).toMatchObject({
      outcome: 'SUCCESS',
      rulesets: ['CONFIRM'],
      stateChanges: [{ entityType: 'ORDER', entityRef: 'O-1', from: 'BOOKED', to: 'CONFIRMED' }],
      entity: { ref: 'O-1', status: 'CONFIRMED' },
    });
  });

  it('commits nothing, even for an event that would write an outbox', async () => {
    // Prepare
    const before = snapshot(account);

    // Act
    const result = await dryRunEvent(input({ name: 'RESERVE' }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(result.actions.map(({ action }) => action.type)).toEqual(['SEND_EVENT', 'WEBHOOK', 'PUBLISH']);
    expect(snapshot(account)).toEqual(before);
  });

  it('commits nothing for an event that would create an entity', async () => {
    // Prepare
    const before = snapshot(account);

    // Act
    const result = await dryRunEvent(input({ name: 'CREATE', entityRef: 'O-2', entitySubtype: 'HD' }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(result.entity).toMatchObject({ ref: 'O-2', status: 'BOOKED' });
    expect(snapshot(account)).toEqual(before);
  });

  it('runs a draft workflow instead of the stored one', async () => {
    // Prepare
    const draft = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED', 'HELD'),
      rulesets: [ruleset('CREATE', [setState('BOOKED')]), ruleset('CONFIRM', [setState('HELD')])],
    });

    // Act
    const result = await dryRunEvent(input({ name: 'CONFIRM', workflow: draft }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(result.entity).toMatchObject({ ref: 'O-1', status: 'HELD' });
    expect(result.stateChanges).toEqual([{ entityType: 'ORDER', entityRef: 'O-1', from: 'BOOKED', to: 'HELD' }]);
  });

  it('leaves the stored workflow as it is when it runs a draft', async () => {
    // Prepare
    const draft = orderWorkflow({ rulesets: [ruleset('CREATE', [setState('BOOKED')])] });

    // Act
    await dryRunEvent(input({ name: 'CONFIRM', workflow: draft }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(await account.workflows.get({ retailerId: 'R1', entityType: 'ORDER', subtype: 'HD' })).toMatchObject({
      version: 1,
      rulesets: orderFlow().rulesets,
    });
  });

  it('refuses an invalid draft with InvalidWorkflowError', async () => {
    // Act
    const attempt = dryRunEvent(input({ workflow: orderWorkflow({ rulesets: [] }) }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    await expect(attempt).rejects.toThrow(InvalidWorkflowError);
  });

  it('refuses with ForbiddenError an event of another retailer for a key scoped to a retailer', async () => {
    // Act
    const attempt = dryRunEvent(input({ retailerId: 'R2' }), { retailerId: 'R1' }, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    await expect(attempt).rejects.toThrow(ForbiddenError);
  });

  it('answers with the id of the event it tried', async () => {
    // Act
    const result = await dryRunEvent(input({ id: 'dry-1', name: 'CONFIRM' }), {}, { ...account, dataKeys: new FixedDataKeys() });

    // Assess
    expect(result.eventId).toBe('dry-1');
  });
});

describe('dryRunInputSchema', () => {
  it('accepts an event body with a draft workflow', () => {
    // Act
    const result = dryRunInputSchema.safeParse({ ...input(), workflow: orderWorkflow() });

    // Assess
    expect(result.success).toBe(true);
  });

  it('rejects an unknown field beside the draft', () => {
    // Act
    const result = dryRunInputSchema.safeParse({ ...input(), workflow: orderWorkflow(), accountId: 'globex' });

    // Assess
    expect(result.success).toBe(false);
  });
});

describe('dryRunEvent, on an order with customer data', () => {
  it('shows no sealed value anywhere, not even in a webhook that would carry the entity', async () => {
    // Prepare
    const webhooking = orderWorkflow({
      statuses: statuses('CREATED', 'BOOKED'),
      rulesets: [
        ruleset('CREATE', [setState('CREATED')]),
        ruleset('NOTIFY', [{ name: 'ordo.core.SendWebhook', props: { url: 'https://hooks.example.com/o', includeEntity: true } }]),
      ],
    });
    const account = inMemoryOrchestration('acme', { workflows: [webhooking] });
    const keys = new FixedDataKeys();
    const customer = { name: 'Ada Lovelace', email: 'ada@example.com' };
    await runEvent(await sealEventCustomerData(orderEvent('CREATE', { attributes: { customer } }), 'acme', keys), account);

    // Act
    const shown = await dryRunEvent(input({ name: 'NOTIFY' }), {}, { ...account, dataKeys: keys });

    // Assess
    expect(JSON.stringify(shown)).not.toMatch(/A256GCM|ada@example\.com|Ada Lovelace/);
  });
});
