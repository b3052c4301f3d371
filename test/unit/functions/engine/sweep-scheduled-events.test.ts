import { handler } from '../../../../functions/engine/sweep-scheduled-events';
import type { Account } from '../../../../shared/domain/accounts/account';
import type { ScheduledEventRecord } from '../../../../shared/engine/engine-model';
import { logger } from '../../../../shared/runtime/logger';
import { orderEvent } from '../../domain/orchestration/fixtures';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { lambdaContext } from '../../../support/lambda';
import { InMemoryAccounts, TEST_NOW } from '../../../support/orchestration';

const account = (accountId: string): Account => ({
  accountId,
  name: accountId,
  environment: 'sandbox',
  region: 'us-east-1',
  status: 'ACTIVE',
  tableName: `ordo-unit-acct-${accountId}`,
  createdOn: '2025-03-01T00:00:00.000Z',
});

const dueRecord = (id: string): ScheduledEventRecord => ({
  id,
  dueAt: new Date(TEST_NOW.getTime() - 60_000).toISOString(),
  event: orderEvent('REMIND', { id, source: 'INLINE' }),
});

// The sweep runs over the in-memory control plane and orchestrations instead of DynamoDB and SQS.
let controlPlane = new InMemoryControlPlaneStore();
let accounts = new InMemoryAccounts();
const sweep = handler.with({
  context: () => ({ controlPlane, orchestrationOf: (accountId: string) => accounts.orchestrationFor(accountId), clock: accounts.clock }),
});

describe('the sweep-scheduled-events handler', () => {
  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    accounts = new InMemoryAccounts();
    await controlPlane.createAccount(account('acme'));
    await controlPlane.createAccount(account('globex'));
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('queues the due events of every account and answers how many it released', async () => {
    // Prepare
    accounts.account('acme').store.scheduled.push(dueRecord('sch-acme-1'));
    accounts.account('globex').store.scheduled.push(dueRecord('sch-globex-1'));

    // Act
    const result = await sweep({}, lambdaContext());

    // Assess
    expect(result).toEqual({ released: 2, accounts: 2, unfinished: 0, abandonedStock: 0 });
    expect(accounts.queue.sent.map(({ message }) => [message.accountId, message.event.id])).toEqual([
      ['acme', 'sch-acme-1'],
      ['globex', 'sch-globex-1'],
    ]);
  });

  it('logs an account whose events could not be released by its id and error name only, and releases the others', async () => {
    // Prepare
    accounts.account('acme').scheduled.failure = new Error('ResourceNotFoundException: table being created');
    accounts.account('globex').store.scheduled.push(dueRecord('sch-globex-1'));

    // Act
    const result = await sweep({}, lambdaContext());

    // Assess
    expect(result.released).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith('scheduled events of an account were not released', { accountId: 'acme', errorName: 'Error' });
  });
});
