import type { Account } from '../../../../shared/domain/accounts/account';
import { releaseScheduledEvents } from '../../../../shared/domain/orchestration/release-scheduled-events';
import type { ScheduledEventRecord } from '../../../../shared/engine/model';
import { InMemoryControlPlaneStore } from '../../fakes/control-plane-store';
import { InMemoryAccounts, TEST_NOW } from '../../fakes/orchestration';
import { orderEvent } from './fixtures';

const account = (accountId: string): Account => ({
  accountId,
  name: accountId,
  environment: 'sandbox',
  region: 'us-east-1',
  status: 'ACTIVE',
  tableName: `ordo-unit-acct-${accountId}`,
  createdOn: '2025-03-01T00:00:00.000Z',
});

const secondsFromNow = (seconds: number): string => new Date(TEST_NOW.getTime() + seconds * 1000).toISOString();

/** A record as the engine parks it: the event carries the record's id and is due at dueAt. */
const scheduledRecord = (id: string, dueAt: string): ScheduledEventRecord => ({
  id,
  dueAt,
  event: orderEvent('REMIND', { id, scheduledOn: dueAt, source: 'INLINE' }),
});

describe('releaseScheduledEvents', () => {
  let controlPlane: InMemoryControlPlaneStore;
  let accounts: InMemoryAccounts;
  const release = (onAccountError?: (accountId: string, error: unknown) => void) =>
    releaseScheduledEvents({ controlPlane, orchestrationFor: accounts.orchestrationFor, now: () => accounts.clock.now(), onAccountError });
  const schedule = (accountId: string, ...records: ScheduledEventRecord[]) =>
    accounts.account(accountId).store.scheduled.push(...records);

  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    accounts = new InMemoryAccounts();
    await controlPlane.createAccount(account('acme'));
    await controlPlane.createAccount(account('globex'));
  });

  it('enqueues the due events of every account, for that account, with source SCHEDULE', async () => {
    // Prepare
    const acme = scheduledRecord('sch-acme-1', secondsFromNow(-60));
    const globex = scheduledRecord('sch-globex-1', secondsFromNow(-1));
    schedule('acme', acme);
    schedule('globex', globex);

    // Act
    const result = await release();

    // Assess
    expect(result).toEqual({ released: 2, accounts: 2 });
    expect(accounts.queue.sent.map(({ message }) => message)).toEqual([
      { accountId: 'acme', event: { ...acme.event, source: 'SCHEDULE' } },
      { accountId: 'globex', event: { ...globex.event, source: 'SCHEDULE' } },
    ]);
  });

  it('removes the events it enqueued', async () => {
    // Prepare
    schedule('acme', scheduledRecord('sch-acme-1', secondsFromNow(-60)));
    schedule('globex', scheduledRecord('sch-globex-1', secondsFromNow(-1)));

    // Act
    await release();

    // Assess
    expect(accounts.account('acme').store.scheduled).toEqual([]);
    expect(accounts.account('globex').store.scheduled).toEqual([]);
  });

  it('releases an event due exactly now', async () => {
    // Prepare
    schedule('acme', scheduledRecord('sch-now', TEST_NOW.toISOString()));

    // Act
    await release();

    // Assess
    expect(accounts.queue.events.map((event) => event.id)).toEqual(['sch-now']);
  });

  it('leaves events that are not due yet where they are', async () => {
    // Prepare
    const later = scheduledRecord('sch-later', secondsFromNow(1));
    schedule('acme', scheduledRecord('sch-due', secondsFromNow(-1)), later);

    // Act
    const result = await release();

    // Assess
    expect(result.released).toBe(1);
    expect(accounts.queue.events.map((event) => event.id)).toEqual(['sch-due']);
    expect(accounts.account('acme').store.scheduled).toEqual([later]);
  });

  it('releases every due event of an account, also more than one page', async () => {
    // Prepare
    const records = Array.from({ length: 230 }, (_, index) =>
      scheduledRecord(`sch-${String(index).padStart(3, '0')}`, secondsFromNow(-300 + index)),
    );
    schedule('acme', ...records);

    // Act
    const result = await release();

    // Assess
    expect(result.released).toBe(230);
    expect(new Set(accounts.queue.events.map((event) => event.id)).size).toBe(230);
    expect(accounts.account('acme').store.scheduled).toEqual([]);
  });

  it("releases the other accounts' events when one account fails, and reports the failing account", async () => {
    // Prepare
    const failure = new Error('ResourceNotFoundException: table is being created');
    accounts.account('acme').scheduled.failure = failure;
    schedule('acme', scheduledRecord('sch-acme-1', secondsFromNow(-60)));
    schedule('globex', scheduledRecord('sch-globex-1', secondsFromNow(-60)));
    const onAccountError = jest.fn();

    // Act
    const result = await release(onAccountError);

    // Assess
    expect(result).toEqual({ released: 1, accounts: 2 });
    expect(accounts.queue.sent.map(({ message }) => [message.accountId, message.event.id])).toEqual([['globex', 'sch-globex-1']]);
    expect(onAccountError).toHaveBeenCalledTimes(1);
    expect(onAccountError).toHaveBeenCalledWith('acme', failure);
  });

  it('keeps an event scheduled when it could not be enqueued, for the next sweep', async () => {
    // Prepare
    const record = scheduledRecord('sch-acme-1', secondsFromNow(-60));
    schedule('acme', record);
    accounts.queue.failure = new Error('SQS is unavailable');

    // Act
    await release(() => undefined);

    // Assess
    expect(accounts.account('acme').store.scheduled).toEqual([record]);
  });

  it('asks for the orchestration of every account the control plane lists', async () => {
    // Act
    const result = await release();

    // Assess
    expect(result).toEqual({ released: 0, accounts: 2 });
    expect(accounts.requested).toEqual(['acme', 'globex']);
  });
});
