import type { Account } from '../../../../shared/domain/accounts/account';
import {
  ABANDONED_STAGING_MS,
  releaseScheduledEvents,
  SWEEP_ACCOUNT_QUOTA,
  SWEEP_PAGE,
} from '../../../../shared/domain/orchestration/release-scheduled-events';
import type { ScheduledEventRecord } from '../../../../shared/engine/engine-model';
import { InMemoryControlPlaneStore } from '../../../support/control-plane-store';
import { InMemoryAccounts, TEST_NOW } from '../../../support/orchestration';
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
  const release = (onAccountError?: (accountId: string, error: unknown) => void, timeLeftMs?: () => number) =>
    releaseScheduledEvents({ onAccountError, timeLeftMs }, { controlPlane, orchestrationOf: accounts.orchestrationFor, clock: accounts.clock });

  const schedule = (accountId: string, ...records: ScheduledEventRecord[]) =>
    accounts.account(accountId).store.scheduled.push(...records);

  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    accounts = new InMemoryAccounts();
    await controlPlane.createAccount(account('acme'));
    await controlPlane.createAccount(account('globex'));
  });

  it('first takes back, in every account, the stock staged more than fifteen minutes ago and never committed', async () => {
    // Prepare
    const asked: [string, string][] = [];
    const withStaging = (accountId: string) => ({
      ...accounts.orchestrationFor(accountId),
      stagedStock: { takeBackAbandoned: async (before: string) => (asked.push([accountId, before]), accountId === 'acme' ? 2 : 0) },
    });

    // Act
    const result = await releaseScheduledEvents({}, { controlPlane, orchestrationOf: withStaging, clock: accounts.clock });

    // Assess
    const cutoff = new Date(TEST_NOW.getTime() - ABANDONED_STAGING_MS).toISOString();
    expect(asked.sort()).toEqual([['acme', cutoff], ['globex', cutoff]]);
    expect(result.abandonedStock).toBe(2);
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
    expect(result).toEqual({ released: 2, accounts: 2, unfinished: 0, abandonedStock: 0 });
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
    expect(result).toEqual({ released: 1, accounts: 2, unfinished: 0, abandonedStock: 0 });
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
    expect(result).toEqual({ released: 0, accounts: 2, unfinished: 0, abandonedStock: 0 });
    expect([...accounts.requested].sort()).toEqual(['acme', 'globex']);
  });

  it('keeps the hop count of a scheduled event it releases', async () => {
    // Prepare
    const record = scheduledRecord('sch-hop', secondsFromNow(-1));
    schedule('acme', { ...record, event: { ...record.event, hops: 5 } });

    // Act
    await release();

    // Assess
    expect(accounts.queue.events.map((event) => event.hops)).toEqual([5]);
  });
});

describe('releaseScheduledEvents takes accounts in turn', () => {
  let controlPlane: InMemoryControlPlaneStore;
  let accounts: InMemoryAccounts;
  const release = (timeLeftMs?: () => number) =>
    releaseScheduledEvents({ timeLeftMs }, { controlPlane, orchestrationOf: accounts.orchestrationFor, clock: accounts.clock });
  const backlog = (accountId: string, count: number) =>
    accounts.account(accountId).store.scheduled.push(
      ...Array.from({ length: count }, (_, index) => scheduledRecord(`${accountId}-${String(index).padStart(4, '0')}`, secondsFromNow(-600 + index / 10))),
    );
  const accountsInSendOrder = () => accounts.queue.sent.map(({ message }) => message.accountId);
  const sentFor = (accountId: string) => accounts.queue.sent.filter(({ message }) => message.accountId === accountId);

  beforeEach(async () => {
    controlPlane = new InMemoryControlPlaneStore();
    accounts = new InMemoryAccounts();
    for (const accountId of ['acme', 'globex', 'initech']) await controlPlane.createAccount(account(accountId));
  });

  it("sends every account's first page before any account's second, so one backlog does not hold up the others", async () => {
    // Prepare
    backlog('acme', 3 * SWEEP_PAGE);
    backlog('globex', 2);
    backlog('initech', 1);

    // Act
    await release();

    // Assess
    const order = accountsInSendOrder();
    const lastOfOthers = Math.max(order.lastIndexOf('globex'), order.lastIndexOf('initech'));
    expect(order.slice(0, lastOfOthers + 1).filter((accountId) => accountId === 'acme').length).toBeLessThanOrEqual(SWEEP_PAGE);
    expect(order).toHaveLength(3 * SWEEP_PAGE + 3);
  });

  it("releases at most an account's quota in one sweep and leaves the rest for the next", async () => {
    // Prepare
    backlog('acme', SWEEP_ACCOUNT_QUOTA + 50);

    // Act
    const result = await release();

    // Assess
    expect(result).toEqual({ released: SWEEP_ACCOUNT_QUOTA, accounts: 3, unfinished: 1, abandonedStock: 0 });
    expect(accounts.account('acme').store.scheduled).toHaveLength(50);
  });

  it('releases what the next sweep finds of a backlog left at the quota', async () => {
    // Prepare
    backlog('acme', SWEEP_ACCOUNT_QUOTA + 50);
    await release();
    accounts.clock.set(new Date(TEST_NOW.getTime() + 60_000));

    // Act
    const result = await release();

    // Assess
    expect(result).toEqual({ released: 50, accounts: 3, unfinished: 0, abandonedStock: 0 });
    expect(new Set(accounts.queue.events.map((event) => event.id)).size).toBe(SWEEP_ACCOUNT_QUOTA + 50);
  });

  it("releases every other account's events while one account is held at its quota", async () => {
    // Prepare
    backlog('acme', SWEEP_ACCOUNT_QUOTA + 50);
    backlog('globex', 250);

    // Act
    await release();

    // Assess
    expect(accounts.account('globex').store.scheduled).toEqual([]);
    expect(sentFor('globex')).toHaveLength(250);
  });

  it('starts no turn once less than five seconds are left, and counts every account it did not finish', async () => {
    // Prepare
    for (const accountId of ['acme', 'globex', 'initech']) backlog(accountId, 1);
    let left = 6_000;

    // Act
    const result = await release(() => (left -= 1_000));

    // Assess
    expect(result).toEqual({ released: 1, accounts: 3, unfinished: 2, abandonedStock: 0 });
  });

  it('starts each sweep one account further on', async () => {
    // Prepare
    const firstServed: string[] = [];
    for (const accountId of ['acme', 'globex', 'initech']) backlog(accountId, 3);

    // Act
    for (let minute = 0; minute < 3; minute += 1) {
      accounts.clock.set(new Date(TEST_NOW.getTime() + minute * 60_000));
      accounts.queue.sent.length = 0;
      for (const accountId of ['acme', 'globex', 'initech']) accounts.account(accountId).store.scheduled.push(scheduledRecord(`${accountId}-m${minute}`, secondsFromNow(-1)));
      await release();
      firstServed.push(accountsInSendOrder()[0] as string);
    }

    // Assess
    expect(new Set(firstServed).size).toBe(3);
  });
});
