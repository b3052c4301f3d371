import type { EventBridgeEvent } from 'aws-lambda';
import { handler } from '../../../../functions/engine/ingest-bus-event';
import { logger } from '../../../../shared/runtime/logger';
import { orderFlow } from '../../domain/orchestration/fixtures';
import { FixedDataKeys } from '../../../support/data-keys';
import { InMemoryEventSourceRegistry } from '../../../support/event-sources';
import { lambdaContext } from '../../../support/lambda';
import { InMemoryAccounts } from '../../../support/orchestration';

const ACME_AWS = '111111111111';

const busEvent = (source: string, detail: Record<string, unknown>): EventBridgeEvent<string, unknown> => ({
  version: '0',
  id: 'bus-1',
  'detail-type': 'OrderEvent',
  source,
  account: ACME_AWS,
  time: '2025-03-14T09:26:53Z',
  region: 'us-east-1',
  resources: [],
  detail,
});

const detail = { id: 'oms-evt-1', name: 'CREATE', retailerId: 'R1', entityType: 'ORDER', entityRef: 'O-1', entitySubtype: 'HD' };

// The handler reads the registered sources and each account's orchestration from in-memory fakes.
let eventSources = new InMemoryEventSourceRegistry();
let accounts = new InMemoryAccounts([orderFlow()]);
let dropped: string[] = [];
const ingest = handler.with({
  context: () => ({
    ownSource: 'ordo.sandbox',
    eventSources,
    dataKeys: new FixedDataKeys(),
    orchestrationOf: (accountId: string) => accounts.orchestrationFor(accountId),
    countDropped: (reason: string) => void dropped.push(reason),
  }),
});

describe('the ingest-bus-event handler', () => {
  beforeEach(async () => {
    eventSources = new InMemoryEventSourceRegistry();
    accounts = new InMemoryAccounts([orderFlow()]);
    dropped = [];
    await eventSources.claim({ source: 'acme.oms', accountId: 'acme', awsAccountId: ACME_AWS, claimedOn: '2025-03-01T00:00:00.000Z' }, {});
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('queues the event of a registered source for its account and answers it was accepted', async () => {
    // Act
    const result = await ingest(busEvent('acme.oms', detail), lambdaContext());

    // Assess
    expect(result).toEqual({ accepted: true, accountId: 'acme', eventId: 'oms-evt-1' });
    expect(accounts.queue.sent.map(({ message }) => [message.accountId, message.event.id])).toEqual([['acme', 'oms-evt-1']]);
  });

  it('logs a dropped event without its detail', async () => {
    // Act
    const result = await ingest(busEvent('stranger.oms', { ...detail, attributes: { note: 'secret-note' } }), lambdaContext());

    // Assess
    expect(result).toMatchObject({ accepted: false, reason: 'UNKNOWN_SOURCE' });
    expect(logger.warn).toHaveBeenCalledWith('bus event dropped', expect.objectContaining({ source: 'stranger.oms', reason: 'UNKNOWN_SOURCE' }));
    expect(JSON.stringify(jest.mocked(logger.warn).mock.calls)).not.toContain('secret-note');
  });

  it('counts a dropped event by its reason', async () => {
    // Act
    await ingest(busEvent('stranger.oms', detail), lambdaContext());

    // Assess
    expect(dropped).toEqual(['UNKNOWN_SOURCE']);
  });

  it("counts an event of Ordo's own source as dropped with reason OWN_SOURCE", async () => {
    // Act
    await ingest(busEvent('ordo.sandbox', detail), lambdaContext());

    // Assess
    expect(dropped).toEqual(['OWN_SOURCE']);
  });

  it('counts nothing for an accepted event', async () => {
    // Act
    await ingest(busEvent('acme.oms', detail), lambdaContext());

    // Assess
    expect(dropped).toEqual([]);
  });
});
