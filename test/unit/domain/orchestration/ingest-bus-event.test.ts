import { ingestBusEvent } from '../../../../shared/domain/orchestration/ingest-bus-event';
import { FixedDataKeys } from '../../../support/data-keys';
import type { EventSourceRegistration } from '../../../../shared/ports/event-source-registry';
import { InMemoryEventSourceRegistry } from '../../../support/event-sources';
import { InMemoryAccounts } from '../../../support/orchestration';
import { orderFlow } from './fixtures';

const CLAIMED_ON = '2025-03-01T00:00:00.000Z';
const ACME_AWS = '111111111111';
const GLOBEX_AWS = '222222222222';
const OWN_SOURCE = 'ordo.sandbox';

const detail = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'oms-evt-1',
  name: 'CREATE',
  retailerId: 'R1',
  entityType: 'ORDER',
  entityRef: 'O-1',
  entitySubtype: 'HD',
  ...overrides,
});

const registration = (source: string, accountId: string, awsAccountId: string, retailerId?: string): EventSourceRegistration => ({
  source,
  accountId,
  awsAccountId,
  ...(retailerId ? { retailerId } : {}),
  claimedOn: CLAIMED_ON,
});

describe('ingestBusEvent', () => {
  let eventSources: InMemoryEventSourceRegistry;
  let accounts: InMemoryAccounts;
  const ingest = (source: string, busDetail: unknown, account = ACME_AWS) =>
    ingestBusEvent({ source, account, detail: busDetail }, { ownSource: OWN_SOURCE, eventSources, dataKeys: new FixedDataKeys(), orchestrationOf: accounts.orchestrationFor });

  beforeEach(async () => {
    eventSources = new InMemoryEventSourceRegistry();
    accounts = new InMemoryAccounts([orderFlow()]);
    await eventSources.claim(registration('acme.oms', 'acme', ACME_AWS), {});
    await eventSources.claim(registration('globex.oms', 'globex', GLOBEX_AWS), {});
    await eventSources.claim(registration('acme.r2-shop', 'acme', ACME_AWS, 'R2'), { retailerId: 'R2' });
  });

  it('drops an event of a source no account registered, without touching any account', async () => {
    // Act
    const result = await ingest('stranger.oms', detail());

    // Assess
    expect(result).toEqual({ accepted: false, reason: 'UNKNOWN_SOURCE', message: 'source stranger.oms is not registered to any account' });
    expect(accounts.requested).toEqual([]);
    expect(accounts.queue.sent).toEqual([]);
  });

  it('submits an event of a registered source, sent from its AWS account, to the account that registered it', async () => {
    // Act
    const result = await ingest('acme.oms', detail());

    // Assess
    expect(result).toEqual({ accepted: true, accountId: 'acme', eventId: 'oms-evt-1' });
    expect(await accounts.account('acme').store.getEvent('R1', 'oms-evt-1')).toMatchObject({ outcome: 'PENDING' });
    expect(accounts.queue.sent.map(({ message }) => [message.accountId, message.event.id])).toEqual([['acme', 'oms-evt-1']]);
  });

  it("drops an event of Ordo's own source, even one an account registered, writing nothing", async () => {
    // Prepare
    await eventSources.claim(registration(OWN_SOURCE, 'acme', ACME_AWS), {});

    // Act
    const result = await ingest(OWN_SOURCE, detail());

    // Assess
    expect(result).toEqual({ accepted: false, reason: 'OWN_SOURCE', message: "source ordo.sandbox is Ordo's own: its events are not taken back in" });
    expect(accounts.requested).toEqual([]);
    expect(accounts.queue.sent).toEqual([]);
  });

  it('drops an event of a registered source sent from another AWS account, writing nothing', async () => {
    // Act
    const result = await ingest('acme.oms', detail(), GLOBEX_AWS);

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'WRONG_AWS_ACCOUNT' });
    expect(accounts.requested).toEqual([]);
    expect(accounts.account('acme').store.events.size).toBe(0);
    expect(accounts.queue.sent).toEqual([]);
  });

  it.each([
    ['a number DynamoDB cannot store', { total: 1e300 }],
    ['half of a surrogate pair', { note: '\ud800' }],
  ])('drops an event whose detail holds %s as INVALID_DETAIL, writing nothing', async (_what, attributes) => {
    // Act
    const result = await ingest('acme.oms', { ...detail(), attributes });

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'INVALID_DETAIL' });
    expect(accounts.queue.sent).toEqual([]);
  });

  it('drops an event of a source registered without an AWS account', async () => {
    // Prepare
    eventSources.sources.set('legacy.oms', registration('legacy.oms', 'acme', ''));

    // Act
    const result = await ingest('legacy.oms', detail());

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'WRONG_AWS_ACCOUNT' });
    expect(accounts.queue.sent).toEqual([]);
  });

  it("touches no account but the source owner's", async () => {
    // Act
    await ingest('acme.oms', detail());

    // Assess
    expect(accounts.requested).toEqual(['acme']);
    expect(accounts.account('globex').store.events.size).toBe(0);
  });

  it('marks the submitted event as coming from the bus', async () => {
    // Act
    await ingest('acme.oms', detail());

    // Assess
    expect(accounts.queue.events[0]?.source).toBe('BUS');
  });

  it('gives an id to a detail that has none', async () => {
    // Prepare
    const { id: _id, ...withoutId } = detail();

    // Act
    const result = await ingest('acme.oms', withoutId);

    // Assess
    expect(result).toMatchObject({ accepted: true, eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('submits an event of a retailer-bound source that names its retailer', async () => {
    // Act
    const result = await ingest('acme.r2-shop', detail({ retailerId: 'R2' }));

    // Assess
    expect(result).toEqual({ accepted: true, accountId: 'acme', eventId: 'oms-evt-1' });
    expect(accounts.queue.events.map((event) => event.retailerId)).toEqual(['R2']);
  });

  it('drops an event of a retailer-bound source that names another retailer, writing nothing', async () => {
    // Act
    const result = await ingest('acme.r2-shop', detail({ retailerId: 'R1' }));

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'OTHER_RETAILER' });
    expect(accounts.account('acme').store.events.size).toBe(0);
    expect(accounts.queue.sent).toEqual([]);
  });

  it('runs an event of a retailer-bound source without a retailer for the bound retailer', async () => {
    // Prepare
    const { retailerId: _retailer, ...withoutRetailer } = detail();

    // Act
    const result = await ingest('acme.r2-shop', withoutRetailer);

    // Assess
    expect(result).toMatchObject({ accepted: true });
    expect(accounts.queue.events.map((event) => event.retailerId)).toEqual(['R2']);
  });

  it('drops an event of an unbound source without a retailer as an invalid detail', async () => {
    // Prepare
    const { retailerId: _retailer, ...withoutRetailer } = detail();

    // Act
    const result = await ingest('acme.oms', withoutRetailer);

    // Assess
    expect(result).toEqual({ accepted: false, reason: 'INVALID_DETAIL', message: 'detail is not a valid event (retailerId)' });
  });

  it('drops a detail that names an accountId, submitting it to no account', async () => {
    // Act
    const result = await ingest('acme.oms', detail({ accountId: 'globex' }));

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'INVALID_DETAIL' });
    expect(accounts.requested).toEqual([]);
    expect(accounts.queue.sent).toEqual([]);
  });

  it('reports an invalid detail with the offending fields', async () => {
    // Act
    const result = await ingest('acme.oms', detail({ id: 'not a valid id!', name: undefined }));

    // Assess
    expect(result).toEqual({ accepted: false, reason: 'INVALID_DETAIL', message: 'detail is not a valid event (id, name)' });
    expect(accounts.queue.sent).toEqual([]);
  });

  it('reports a detail that is not an object as an invalid detail', async () => {
    // Act
    const result = await ingest('acme.oms', 'CREATE O-1');

    // Assess
    expect(result).toEqual({ accepted: false, reason: 'INVALID_DETAIL', message: 'detail is not a valid event (detail)' });
  });

  it('names an unknown field of the detail as the offending field', async () => {
    // Act
    const result = await ingest('acme.oms', detail({ accountId: 'globex' }));

    // Assess
    expect(result).toMatchObject({ accepted: false, message: expect.stringContaining('accountId') });
  });

  it('never puts a value of the detail in the reason it gives', async () => {
    // Act
    const result = await ingest('acme.r2-shop', detail({ retailerId: 'R1', attributes: { email: 'ada@example.com' } }));

    // Assess
    expect(JSON.stringify(result)).not.toMatch(/ada@example\.com|"R1"/);
  });
});
